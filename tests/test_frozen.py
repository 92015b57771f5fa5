"""quick_init: a frozen dataclass built faster is still the same frozen dataclass."""

from __future__ import annotations

import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, fields, replace

import pytest

from mlefacts.document.model import Block, Span
from mlefacts.extract.claim import Claim
from mlefacts.frozen import quick_init


@dataclass(frozen=True, slots=True)
class _Plain:
    start: int
    end: int = 5
    tags: list[str] = field(default_factory=list)


@quick_init
@dataclass(frozen=True, slots=True)
class _Quick:
    start: int
    end: int = 5
    tags: list[str] = field(default_factory=list)


def _values(record: object) -> list[object]:
    return [getattr(record, f.name) for f in fields(record)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, 2), {}), ((1,), {"tags": ["a"]}), ((), {"start": 3, "end": 4})],
)
def test_the_quick_init_sets_what_the_dataclass_init_sets(args: tuple, kwargs: dict) -> None:
    assert _values(_Quick(*args, **kwargs)) == _values(_Plain(*args, **kwargs))


def test_the_quick_init_takes_the_same_arguments() -> None:
    quick = inspect.signature(_Quick).parameters
    plain = inspect.signature(_Plain).parameters
    assert [(p.name, p.kind) for p in quick.values()] == [(p.name, p.kind) for p in plain.values()]
    assert quick["end"].default == 5 and quick["start"].default is inspect.Parameter.empty
    with pytest.raises(TypeError):
        _Quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Quick(1, 2, [], 4)  # type: ignore[call-arg]


def test_a_default_factory_makes_a_value_for_each_instance() -> None:
    assert _Quick(1).tags == [] and _Quick(1).tags is not _Quick(1).tags
    assert Claim("salary", "x", "salary", 1, 2, "e").qualifiers == {}


def test_a_quick_init_instance_stays_frozen_hashable_and_picklable() -> None:
    span = Span(2, 9)
    with pytest.raises(FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    assert span == Span(start=2, end=9) and hash(span) == hash(Span(2, 9))
    assert pickle.loads(pickle.dumps(span)) == span
    assert replace(span, end=4) == Span(2, 4)


@pytest.mark.parametrize("cls", [Span, Block, Claim])
def test_the_model_classes_take_their_fields_in_order(cls: type) -> None:
    assert list(inspect.signature(cls).parameters) == [f.name for f in fields(cls)]


def test_quick_init_refuses_what_it_cannot_build() -> None:
    @dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class KeywordOnly:
        a: int = field(kw_only=True)

    for cls in (NoSlots, PostInit, KeywordOnly):
        with pytest.raises(TypeError):
            quick_init(cls)
