"""Where the tests find the repository, the bundled articles and the fixtures."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
BUNDLED = REPO / "raw" / "bundled"
BUNDLED_MANIFEST = BUNDLED / "sources.toml"
