"""Every option of a run, declared once: `Settings`, read from defaults, a TOML file, the
environment and explicit overrides (flags, keyword arguments), in that order of precedence.

    data_dir = "data"                 # top-level keys: where the data lives, which manifest
    sources = "my_sources.toml"
    [run]                             # RunOptions: batching, snapshots, failing, runner
    batch_size = 50
    [fetch]                           # FetchSettings: limits of reading a source
    deadline = 30.0
    [extract]                         # ExtractOptions
    cache = true
    [reconcile]                       # ReconcileConfig: conflict tolerances
    value_tolerance = 0.1

Each key `section.name` is also the environment variable `MLEFACTS_SECTION_NAME`
(`MLEFACTS_RUN_BATCH_SIZE`, `MLEFACTS_DATA_DIR`) and the keyword `name` of `mlefacts.run`.
Relative paths in a file are read from the file's folder; in the environment or a flag, from
the working directory.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import os
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from mlefacts.config import default_data_dir, default_manifest
from mlefacts.fail_on import FailOn
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.sources.http import FetchSettings
from mlefacts.toml_files import TOMLDecodeError, read_toml

ENV_PREFIX = "MLEFACTS_"
RUNNERS = ("processes", "threads", "dask")


class SettingsError(ValueError):
    """A setting that does not exist or has a value of the wrong kind; names the key."""


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a run is split, published and judged."""

    batch_size: int = 250
    """Sources per batch (one Prefect task per batch, never one per source)."""

    keep_snapshots: int = 10
    """Published snapshots kept (a run that changed nothing does not push history out; when
    the one before the current one is damaged, the newest sound one is kept besides)."""

    max_shrink: float = 0.5
    """Share of the published sources a manifest may drop before the run is refused."""

    allow_shrink: bool = False
    """Publish even when the manifest drops more than `max_shrink` of the sources."""

    allow_outside_paths: bool = False
    """Read manifest paths outside the manifest's folder."""

    fail_on: FailOn = FailOn.errors
    """What makes a run fail (exit 1, a Failed flow run): errors, conflicts or never."""

    runner: str = "processes"
    """Task runner of the batches: 'processes' (one per core), 'threads' or 'dask'
    (prefect-dask); every runner publishes the same bytes."""

    dask_address: str | None = None
    """An existing Dask scheduler (tcp://HOST:8786) for runner 'dask'; none starts a local one."""

    dask_workers: int | None = None
    """Worker processes of the local Dask cluster started for runner 'dask' (none: one per
    core)."""

    def __post_init__(self) -> None:
        _at_least("run.batch_size", self.batch_size, 1)
        _at_least("run.keep_snapshots", self.keep_snapshots, 1)
        if self.dask_workers is not None:
            _at_least("run.dask_workers", self.dask_workers, 1)
        if not 0.0 <= self.max_shrink <= 1.0:
            raise SettingsError(f"run.max_shrink must be between 0 and 1, not {self.max_shrink}")
        if self.runner not in RUNNERS:
            raise SettingsError(f"run.runner must be one of {', '.join(RUNNERS)}: {self.runner!r}")
        if self.dask_address and self.runner != "dask":
            raise SettingsError("run.dask_address needs run.runner = 'dask' (--runner dask)")


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """How sources are turned into claims."""

    cache: bool = True
    """Reuse the extraction of bytes extracted before by the same extractors; false extracts
    every source again."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one run needs: where the data is, and each section's options."""

    data_dir: Path
    """Directory holding raw/ and curated/ (default: the repository root of an editable
    install, else the working directory)."""

    manifest: Path
    """The sources manifest, key `sources` (default: sources.toml in the data directory if it
    exists, else the bundled raw/bundled/sources.toml)."""

    run: RunOptions = field(default_factory=RunOptions)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    reconcile: ReconcileConfig = field(default_factory=ReconcileConfig)

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def curated_dir(self) -> Path:
        return self.data_dir / "curated"

    @property
    def cache_dir(self) -> Path:
        """Extraction results keyed by content hash and extractor version."""
        return self.raw_dir / "state" / "extracts"

    def to_dict(self) -> dict[str, Any]:
        """The settings as a TOML-shaped mapping of plain values (what `load_settings` reads)."""
        document: dict[str, Any] = {"data_dir": str(self.data_dir), "sources": str(self.manifest)}
        for section in SECTIONS:
            values = getattr(self, section)
            document[section] = {f.name: _plain(getattr(values, f.name)) for f in fields(values)}
        return document


SECTIONS: dict[str, type] = {
    "run": RunOptions,
    "fetch": FetchSettings,
    "extract": ExtractOptions,
    "reconcile": ReconcileConfig,
}
TOP_LEVEL = ("data_dir", "sources")


@dataclass(frozen=True, slots=True)
class Key:
    """One setting: its dotted key, type, default and what it means."""

    section: str | None
    name: str
    type: Any
    default: Any
    documented_as: str
    """The field whose docstring says what the setting means."""

    @property
    def help(self) -> str:
        """What the setting means, read from the source only when asked (README's table,
        `--help`): a run never parses source, since `ast.parse` in two threads at once (a
        flow run beside Prefect's own parsing) can fail in CPython 3.11 (gh-106905)."""
        owner = SECTIONS[self.section] if self.section else Settings
        return _field_docs(owner).get(self.documented_as, "")

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}" if self.section else self.name

    @property
    def env(self) -> str:
        return ENV_PREFIX + self.key.replace(".", "_").upper()


@cache
def settings_keys() -> tuple[Key, ...]:
    """Every setting, top-level keys first, then each section's in declaration order."""
    keys = [
        Key(None, "data_dir", Path, None, "data_dir"),
        Key(None, "sources", Path, None, "manifest"),
    ]
    for section, cls in SECTIONS.items():
        hints = typing.get_type_hints(cls)
        for f in fields(cls):
            default = f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc]
            keys.append(Key(section, f.name, hints[f.name], default, f.name))
    names = [key.name for key in keys]
    assert len(names) == len(set(names)), "setting names must be unique across sections"
    return tuple(keys)


def load_settings(
    config: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """The settings of a run: each key from `overrides` (by name, None = not given), else the
    environment (`MLEFACTS_*`), else the `config` TOML file, else its default.

    >>> load_settings(env={}, batch_size=5, data_dir="/tmp/d").run.batch_size
    5
    >>> load_settings(env={"MLEFACTS_RUN_BATCH_SIZE": "7"}, data_dir="/tmp/d").run.batch_size
    7
    >>> load_settings(env={}, bach_size=5)
    Traceback (most recent call last):
    ...
    mlefacts.settings.SettingsError: unknown setting 'bach_size' (did you mean 'batch_size'?)
    """
    env = os.environ if env is None else env
    keys = {key.name: key for key in settings_keys()}
    values: dict[str, Any] = {}
    if config is not None:
        values.update(_read_file(Path(config), keys))
    for key in keys.values():
        if key.env in env:
            values[key.name] = _coerce(key, env[key.env], origin=f" (from ${key.env})")
    for name, value in overrides.items():
        if name not in keys:
            raise SettingsError(f"unknown setting {name!r}{_suggestion(name, keys)}")
        if value is not None:
            values[name] = _coerce(keys[name], value)
    return _build(values)


# `MLEFACTS_*` variables that are no setting: hooks of the test suite and of bench/.
INTERNAL_ENV_PREFIXES = (ENV_PREFIX + "TEST_", ENV_PREFIX + "BENCH_")


def unknown_environment(env: Mapping[str, str] | None = None) -> list[str]:
    """A warning for each `MLEFACTS_*` variable that names no setting, with the closest one
    (a misspelt variable would otherwise be ignored without a word).

    >>> print(*unknown_environment({"MLEFACTS_RUN_BATCHSIZE": "5", "MLEFACTS_RUN_RUNNER": "x"}))
    unknown environment variable MLEFACTS_RUN_BATCHSIZE (did you mean 'MLEFACTS_RUN_BATCH_SIZE'?)
    """
    env = os.environ if env is None else env
    known = {key.env: key for key in settings_keys()}
    return [
        f"unknown environment variable {name}{_suggestion(name, known)}"
        for name in sorted(env)
        if name.startswith(ENV_PREFIX)
        and name not in known
        and not name.startswith(INTERNAL_ENV_PREFIXES)
    ]


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """`settings` with some keys replaced (by name; None = keep), validated like a load."""
    keys = {key.name: key for key in settings_keys()}
    values: dict[str, Any] = {"data_dir": settings.data_dir, "sources": settings.manifest}
    for key in keys.values():
        if key.section:
            values[key.name] = getattr(getattr(settings, key.section), key.name)
    for name, value in overrides.items():
        if name not in keys:
            raise SettingsError(f"unknown setting {name!r}{_suggestion(name, keys)}")
        if value is not None:
            values[name] = _coerce(keys[name], value)
    return _build(values)


def _at_least(key: str, value: int, minimum: int) -> None:
    if value < minimum:
        raise SettingsError(f"{key} must be at least {minimum}, not {value}")


def settings_table() -> str:
    """The README's table of every key: its default, environment variable and meaning."""
    lines = ["| key | default | environment | meaning |", "| --- | --- | --- | --- |"]
    for key in settings_keys():
        default = "see meaning" if key.section is None else f"`{_shown(key.default)}`"
        meaning = " ".join(key.help.split()).replace("|", "\\|")
        lines.append(f"| `{key.key}` | {default} | `{key.env}` | {meaning} |")
    return "\n".join(lines) + "\n"


def _build(values: dict[str, Any]) -> Settings:
    """Settings from resolved values by name; paths and defaults that depend on others last."""
    data_dir = Path(values.pop("data_dir", None) or default_data_dir()).resolve()
    manifest = values.pop("sources", None)
    manifest = Path(manifest).resolve() if manifest else default_manifest(data_dir)
    sections: dict[str, Any] = {}
    for section, cls in SECTIONS.items():
        names = {f.name for f in fields(cls)}
        given = {name: value for name, value in values.items() if name in names}
        try:
            sections[section] = cls(**given)
        except (TypeError, ValueError) as exc:
            raise SettingsError(str(exc)) from exc
    return Settings(data_dir=data_dir, manifest=manifest, **sections)


def _read_file(path: Path, keys: dict[str, Key]) -> dict[str, Any]:
    """The settings a TOML file gives, by name; relative paths are read from its folder."""
    try:
        document = read_toml(path)
    except OSError as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc.strerror}") from exc
    except TOMLDecodeError as exc:
        raise SettingsError(f"{path} is not valid TOML: {exc}") from exc
    return _read_document(document, keys, origin=f" in {path}", folder=path.parent)


def _read_document(
    document: Mapping[str, Any], keys: dict[str, Key], *, origin: str, folder: Path | None
) -> dict[str, Any]:
    """The settings of a TOML-shaped mapping, by name; an unknown key or section names itself."""
    values: dict[str, Any] = {}
    dotted = {key.key: key for key in keys.values()}
    for name, value in document.items():
        if isinstance(value, Mapping):
            if name not in SECTIONS:
                raise SettingsError(
                    f"unknown section [{name}]{origin}{_suggestion(name, SECTIONS)}"
                )
            items = [(f"{name}.{inner}", inner_value) for inner, inner_value in value.items()]
        else:
            items = [(name, value)]
        for full, item in items:
            if full not in dotted:
                raise SettingsError(f"unknown setting {full!r}{origin}{_suggestion(full, dotted)}")
            key = dotted[full]
            if key.type is Path and isinstance(item, str) and folder is not None:
                item = folder / item
            values[key.name] = _coerce(key, item, origin=origin)
    return values


def settings_from_dict(document: Mapping[str, Any]) -> Settings:
    """Settings from a TOML-shaped mapping (`Settings.to_dict()`, a flow's parameter); keys
    not given take their defaults, the environment is not read."""
    keys = {key.name: key for key in settings_keys()}
    return _build(_read_document(document, keys, origin="", folder=None))


def _suggestion(name: str, known: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _coerce(key: Key, value: Any, *, origin: str = "") -> Any:
    """`value` as the key's type; text (environment, flags) is parsed, TOML values checked."""
    kind = key.type
    optional = False
    if isinstance(kind, types.UnionType) and type(None) in kind.__args__:
        optional = True
        kind = next(arg for arg in kind.__args__ if arg is not type(None))
    if optional and value in ("", None):
        return None
    try:
        return _as(kind, value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{key.key}{origin} {exc}") from exc


def _as(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (tuple, frozenset):
        (item,) = {arg for arg in typing.get_args(kind) if arg is not Ellipsis}
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple | set | frozenset):
            raise TypeError(f"must be a list, not {value!r}")
        return origin(_as(item, part.strip() if isinstance(part, str) else part) for part in items)
    if kind is bool:
        if isinstance(value, bool):
            return value
        if not isinstance(value, str):
            raise TypeError(f"must be true or false, not {value!r}")
        text = value.strip().lower()
        if text in {"true", "1", "yes", "on"}:
            return True
        if text in {"false", "0", "no", "off"}:
            return False
        raise ValueError(f"must be true or false, not {value!r}")
    if kind is int:
        if isinstance(value, bool) or (not isinstance(value, int) and not isinstance(value, str)):
            raise TypeError(f"must be an integer, not {value!r}")
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"must be an integer, not {value!r}") from None
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise TypeError(f"must be a number, not {value!r}")
        try:
            return float(value)
        except ValueError:
            raise ValueError(f"must be a number, not {value!r}") from None
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(member.value for member in kind)
            raise ValueError(f"must be one of {choices}, not {value!r}") from None
    if kind is Path:
        if not isinstance(value, str | Path):
            raise TypeError(f"must be a path, not {value!r}")
        return Path(value).expanduser()
    if kind is str:
        if not isinstance(value, str):
            raise TypeError(f"must be text, not {value!r}")
        return value
    raise TypeError(f"has a type settings cannot read: {kind!r}")


def _plain(value: Any) -> Any:
    """A value as TOML/JSON writes it (tuples and sets as sorted lists, enums as text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _shown(value: Any) -> str:
    plain = _plain(value)
    if isinstance(plain, bool):
        return str(plain).lower()
    if isinstance(plain, list):
        return "[" + ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in plain) + "]"
    if isinstance(plain, str):
        return f'"{plain}"'
    return "none" if plain is None else str(plain)


@cache
def _field_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field of a dataclass (how fields are documented)."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    return {
        node.target.id: inspect.cleandoc(after.value.value)
        for node, after in zip(body, body[1:], strict=False)
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and isinstance(after, ast.Expr)
        and isinstance(after.value, ast.Constant)
        and isinstance(after.value.value, str)
    }


__all__ = [
    "ExtractOptions",
    "Key",
    "RunOptions",
    "Settings",
    "SettingsError",
    "load_settings",
    "settings_from_dict",
    "settings_keys",
    "settings_table",
    "with_overrides",
]
