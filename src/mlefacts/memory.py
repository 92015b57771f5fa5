"""Giving the memory a finished stage freed back to the system."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Iterator
from contextlib import contextmanager

# glibc's `mallopt` parameter for the size from which a block is mapped apart (M_MMAP_THRESHOLD).
_M_MMAP_THRESHOLD = -3
# Blocks of this size or more are mapped apart while `large_blocks_mapped` (glibc's starting
# threshold, held fixed), and from this size once it ends (the ceiling glibc's own threshold
# rises to on 64-bit systems as blocks are freed).
MAPPED_WHILE = 128 * 2**10
MAPPED_AFTER = 32 * 2**20


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """glibc, or None where the C library lacks `malloc_trim` or `mallopt` (macOS, musl)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    if getattr(libc, "malloc_trim", None) is None or getattr(libc, "mallopt", None) is None:
        return None
    libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    libc.mallopt.argtypes, libc.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return libc


def release_freed_memory() -> None:
    """Hand back to the system the pages malloc keeps free (glibc's `malloc_trim`; elsewhere
    nothing). glibc returns freed memory only from the top of its heaps: what pandas, DuckDB
    and Arrow freed below a live block stays in the process. After reconciling the 4.4
    million claims of 10 copies of the 10,000 run, the flow held 633 MB of which 197 MB was
    free (436 MB once trimmed), and compaction's buffers came on top of it."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


@contextmanager
def large_blocks_mapped() -> Iterator[None]:
    """Within, glibc maps every block of `MAPPED_WHILE` bytes or more apart from its heaps, so
    that freeing it gives it back at once (elsewhere nothing). glibc's threshold otherwise
    rises to each such block freed (to 32 MB), and compaction's buffers (buckets of rows, row
    groups) then came from the heaps, where what is freed between live blocks stays: at
    100,000 articles the documents' compaction peaked at 908 MB, 735 MB mapped apart. Only
    for compaction: reconcile's many mid-sized pandas arrays, each mapped and unmapped, took
    67 s instead of 40 at 10,000 articles. glibc cannot go back to its rising threshold, so
    afterwards it stays at that rise's ceiling (`MAPPED_AFTER`)."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, MAPPED_WHILE)
    try:
        yield
    finally:
        if libc is not None:
            libc.mallopt(_M_MMAP_THRESHOLD, MAPPED_AFTER)
