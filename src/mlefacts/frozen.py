"""Frozen dataclasses that are cheap to build: extraction makes ~900 of them a page.

A frozen dataclass's `__init__` stores each field through `object.__setattr__` (its own
`__setattr__` refuses): about 80 ns a field, 3 us for a claim of 16 fields. A slotted class's
fields are member descriptors whose `__set__` stores the same value without looking the name up
again, in about half the time. `quick_init` gives a frozen, slotted dataclass an `__init__` that
stores through them; everything else (immutability, equality, hashing, `replace`, pickling)
stays the dataclass's own.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """`cls`, a `@dataclass(frozen=True, slots=True)` whose fields are all set by `__init__`
    (positional, with or without a default or a default factory; no `__post_init__`), with an
    `__init__` of the same signature that stores its fields through their slots.

    >>> from dataclasses import FrozenInstanceError, dataclass, field
    >>> @quick_init
    ... @dataclass(frozen=True, slots=True)
    ... class Span:
    ...     start: int
    ...     end: int = 0
    ...     tags: list[str] = field(default_factory=list)
    >>> Span(2, end=5), Span(3) == Span(3, 0), Span(1).tags is not Span(1).tags
    (Span(start=2, end=5, tags=[]), True, True)
    >>> try:
    ...     Span(1).start = 4
    ... except FrozenInstanceError:
    ...     print("frozen")
    frozen
    """
    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__}: quick_init takes a frozen, slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init does not run __post_init__")
    names: dict[str, object] = {"_MISSING": MISSING}
    signature, body = [], []
    for field in fields(cls):
        if not field.init or field.kw_only:
            raise TypeError(f"{cls.__name__}.{field.name}: quick_init takes positional fields")
        names[f"_set_{field.name}"] = vars(cls)[field.name].__set__
        if field.default_factory is not MISSING:  # made anew for each instance, as dataclass does
            names[f"_factory_{field.name}"] = field.default_factory
            signature.append(f"{field.name}=_MISSING")
            body.append(f"    if {field.name} is _MISSING:")
            body.append(f"        {field.name} = _factory_{field.name}()")
        elif field.default is not MISSING:
            names[f"_default_{field.name}"] = field.default
            signature.append(f"{field.name}=_default_{field.name}")
        else:
            signature.append(field.name)
        body.append(f"    _set_{field.name}(self, {field.name})")
    # Written out and compiled, as dataclasses writes its own `__init__`: a loop over the
    # fields would cost what the descriptors save.
    source = f"def __init__(self, {', '.join(signature)}):\n" + "\n".join(body or ["    pass"])
    exec(source, names)  # noqa: S102 - the source is built above from the class's field names
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    cls.__init__ = init  # type: ignore[assignment, misc]
    return cls
