"""A process's long-lived objects kept out of the garbage collector's walks (long_lived.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from mlefacts import long_lived
from mlefacts.long_lived import frozen_imports


@pytest.fixture
def thawed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A process that has not frozen its imports yet; what the test froze goes back to the
    collector's care after it (the test process lives on)."""
    monkeypatch.setattr(long_lived, "_imports_frozen", False)
    yield
    gc.unfreeze()


def test_frozen_imports_pauses_the_collector_then_freezes_what_the_block_built(
    thawed: None,
) -> None:
    kept: list[object] = []
    with frozen_imports():
        assert not gc.isenabled()
        kept.extend({"cycle": kept} for _ in range(1000))  # as a module's objects refer back
        with frozen_imports():  # a block inside another only runs
            pass
        assert not gc.isenabled()
        frozen_inside = gc.get_freeze_count()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_inside + 1000

    frozen = gc.get_freeze_count()
    with frozen_imports():  # a second block in the process: only runs
        assert gc.isenabled()
        made = [{"cycle": kept} for _ in range(1000)]
    # nothing more was frozen (a frozen object that dies meanwhile lowers the count)
    assert gc.get_freeze_count() <= frozen and made


def test_frozen_imports_leaves_a_collector_paused_by_the_caller_as_it_was(thawed: None) -> None:
    gc.disable()
    try:
        before = gc.get_freeze_count()
        with frozen_imports():
            pass
        assert not gc.isenabled()
        assert gc.get_freeze_count() <= before  # nothing frozen
    finally:
        gc.enable()
