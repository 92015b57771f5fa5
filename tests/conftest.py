"""Shared fixtures: paths to the bundled sources and one Prefect test server per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from support.paths import BUNDLED_MANIFEST

from mlefacts.flows.prefect_defaults import apply_prefect_defaults
from mlefacts.pattern_cache import install as install_pattern_cache

apply_prefect_defaults()
# The suite's processes compile the pipeline's patterns once a machine, as the command does.
install_pattern_cache()
# No test depends on how long it takes (speed lives in bench/): a property test's first example
# that compiles the vocabularies on a loaded machine is as good as the others.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API for the whole session (starting one costs ~10 s; on a machine
    loaded ten times over its cores it took more than 120 s, so the wait is generous: only a
    server that never comes up should fail the e2e tests)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=360):
        yield


@pytest.fixture(autouse=True)
def _close_prefect_events(request: pytest.FixtureRequest) -> Iterator[None]:
    """Close the events client a test's flow runs opened, as the harness does when it stops.

    Its websocket keeps pinging with `random.getrandbits` from a background thread, and Hypothesis
    takes any change to the global `random` during a draw for a strategy using it.
    """
    yield
    if "prefect_harness" in request.fixturenames:
        from prefect.events.worker import EventsWorker

        EventsWorker.drain_all(timeout=30)


@pytest.fixture(scope="session")
def bundled_manifest() -> Path:
    return BUNDLED_MANIFEST
