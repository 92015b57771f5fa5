"""Giving the memory a finished stage freed back to the system."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None where the C library has none (macOS, musl)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_freed_memory() -> None:
    """Hand back to the system the pages malloc keeps free (glibc's `malloc_trim`; elsewhere
    nothing). glibc returns freed memory only from the top of its heaps: what pandas, DuckDB
    and Arrow freed below a live block stays in the process. After reconciling the 4.4
    million claims of 10 copies of the 10,000 run, the flow held 633 MB of which 197 MB was
    free (436 MB once trimmed), and compaction's buffers came on top of it."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
