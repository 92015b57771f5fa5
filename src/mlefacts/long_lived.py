"""A process's long-lived objects, kept out of the garbage collector's walks."""

from __future__ import annotations

import gc


def freeze() -> None:
    """Collect, then move every object alive now out of the cyclic garbage collector's reach.

    A batch worker that has imported its code and read a batch holds tens of thousands of
    objects that live as long as it does: modules, compiled vocabulary patterns, data tables.
    CPython's collections walk them again and again, and on generated pages that walking cost
    about a sixth of parse + extract's CPU time (`bench/extract_speed.py`). Frozen, they are
    never walked again. Reference counting still frees a frozen object that loses its last
    reference, and objects made later are collected as before; only cyclic garbage among the
    frozen objects would stay, so this is called once a process's long-lived state is built,
    not per batch.
    """
    gc.collect()
    gc.freeze()
