"""A process's long-lived objects, kept out of the garbage collector's walks."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# How many collections of the youngest generation make one of the middle generation (CPython's
# default: 10). What a page builds dies by reference counting once the page's caches let go of
# it, so the middle generation holds almost no cyclic garbage, yet its walks (and the full
# collections that follow every tenth) took half of the ~0.5 ms a page spent in collections
# (240 generated pages read after `freeze`). What cyclic garbage there is is still freed, by
# collections ten times rarer (the middle one about every 150 pages).
_MIDDLE_GENERATION = 100


def freeze() -> None:
    """Collect, then move every object alive now out of the cyclic garbage collector's reach,
    and make its walks of the middle generation ten times rarer.

    A batch worker that has imported its code and read a batch holds tens of thousands of
    objects that live as long as it does: modules, compiled vocabulary patterns, data tables.
    CPython's full collections walk them again and again (about 1.5 ms a page of extraction's
    ~45 in a process that imports only extraction; half of that once frozen). Frozen, they are
    never walked again. Reference counting still frees a frozen object that loses its last
    reference, and objects made later are collected as before; only cyclic garbage among the
    frozen objects would stay, so this is called once a process's long-lived state is built,
    not per batch. The youngest generation is still collected as often as before.
    """
    gc.collect()
    gc.freeze()
    youngest, _, oldest = gc.get_threshold()
    gc.set_threshold(youngest, _MIDDLE_GENERATION, oldest)


_imports_frozen = False  # in this process


@contextmanager
def frozen_imports() -> Iterator[None]:
    """Within the block, no cyclic garbage collection; after it, every object alive frozen (as
    `freeze` does, without its collection). For the block of a process's own start that
    imports its code and builds its schemas, once: a later block (`mlefacts run` called again
    in one process, a test) or one inside another only runs, so that nothing made in between
    is frozen for good.

    Imports build objects that live as long as the process (modules, classes, functions,
    schemas) and almost no garbage, yet the collector walks them again each time enough have
    piled up: ~0.3 s of the ~1.6 s `mlefacts run` spends importing Prefect, pandas, Pandera
    and the pipeline. What cyclic garbage the imports leave (~5,600 objects after those)
    stays: collecting it first would take ~0.16 s of a full walk.
    """
    global _imports_frozen
    if _imports_frozen or not gc.isenabled():
        yield
        return
    _imports_frozen = True
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
