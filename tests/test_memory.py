"""Handing freed memory back: glibc where present, nothing elsewhere."""

from __future__ import annotations

import pytest

from mlefacts import memory


@pytest.mark.parametrize("libc", ["glibc", None])
def test_large_blocks_mapped_runs_with_or_without_glibc(
    monkeypatch: pytest.MonkeyPatch, libc: str | None
) -> None:
    if libc is None:
        monkeypatch.setattr(memory, "_libc", lambda: None)
    with memory.large_blocks_mapped():
        block = bytearray(4 * 2**20)
        memory.release_freed_memory()
    assert len(block) == 4 * 2**20
