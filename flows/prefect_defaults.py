"""Prefect settings mlefacts needs, applied before Prefect is imported (users can override)."""

from __future__ import annotations

import os

DEFAULTS = {
    # No telemetry: it fails with a DNS error on machines without internet access.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The client's anonymous usage telemetry: a notice on first run and a network call.
    "DO_NOT_TRACK": "1",
    # The temporary server started when no PREFECT_API_URL is set needs ~15 s on a fresh
    # PREFECT_HOME and more on a loaded machine; Prefect's own default (20 s) is too tight.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def apply_prefect_defaults() -> None:
    """Set each default unless the environment already sets it."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
