"""Giving the memory a finished stage freed back to the system."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

# glibc's `mallopt` parameter for the size from which a block is mapped apart (M_MMAP_THRESHOLD).
_M_MMAP_THRESHOLD = -3
# Blocks of this size or more (Arrow buffers, numpy arrays, pandas columns) are mapped apart
# during the whole-run stages (`map_large_blocks`): glibc's default of 128 KB, held fixed.
MMAP_THRESHOLD = 128 * 2**10


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


def map_large_blocks() -> None:
    """Have glibc map every block of `MMAP_THRESHOLD` bytes or more apart from its heaps, so
    that freeing it gives it back at once (elsewhere nothing). By default the threshold rises
    to the size of each such block freed (up to 32 MB), and the stages' buffers then came from
    the heaps, where what is freed between live blocks stays in the process until
    `release_freed_memory`: within one table's compaction the process grew bucket after
    bucket, the more so the more buckets (10,000 articles: peak 648 -> 597 MB when fixed)."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
