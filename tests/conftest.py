"""Shared fixtures: paths to the bundled sources and one Prefect test server per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from support.paths import BUNDLED_MANIFEST

from mlefacts.flows.prefect_defaults import apply_prefect_defaults

apply_prefect_defaults()
# No test depends on how long it takes (speed lives in bench/): a property test's first example
# that compiles the vocabularies on a loaded machine is as good as the others.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API for the whole session (starting one costs ~10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def bundled_manifest() -> Path:
    return BUNDLED_MANIFEST
