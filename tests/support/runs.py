"""Real pipeline runs for tests that need curated data but not a flow run.

The same stages as the flow (`mlefacts.runner.run_pipeline`), with no Prefect server.
"""

from __future__ import annotations

from pathlib import Path

from mlefacts.runner import run_pipeline
from mlefacts.settings import Settings
from mlefacts.sources.http import FetchSettings

# A sentence every run-level test can publish: one salary claim, whatever the extractors learn.
FACT = "Machine learning engineers earn a median salary of $150,000 a year."


def run_plain(data_dir: Path, manifest: Path, *, allow_private_hosts: bool = False) -> str:
    """Run every stage on `manifest` into `data_dir`; return the new snapshot id."""
    settings = Settings(
        data_dir=data_dir,
        manifest=manifest,
        fetch=FetchSettings(allow_private_hosts=allow_private_hosts),
    )
    snapshot_id = run_pipeline(settings).record.snapshot_id
    assert snapshot_id is not None
    return snapshot_id


def write_manifest(folder: Path, uris: list[str], name: str = "sources.toml") -> Path:
    """A manifest in `folder` listing `uris`, one `[[source]]` each."""
    manifest = folder / name
    manifest.write_text("".join(f'[[source]]\nuri = "{uri}"\n\n' for uri in uris))
    return manifest
