"""A process's long-lived objects, kept out of the garbage collector's walks."""

from __future__ import annotations

import gc


def freeze() -> None:
    """Collect, then move every object alive now out of the cyclic garbage collector's reach.

    A batch worker that has imported its code and read a batch holds tens of thousands of
    objects that live as long as it does: modules, compiled vocabulary patterns, data tables.
    CPython's full collections walk them again and again (about 1.5 ms a page of extraction's
    ~45 in a process that imports only extraction; half of that once frozen). Frozen, they are
    never walked again. Reference counting still frees a frozen object that loses its last
    reference, and objects made later are collected as before; only cyclic garbage among the
    frozen objects would stay, so this is called once a process's long-lived state is built,
    not per batch.
    """
    gc.collect()
    gc.freeze()
