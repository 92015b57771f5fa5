"""A process's long-lived objects, kept out of the garbage collector's walks."""

from __future__ import annotations

import gc

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
