"""Compiled regular expressions kept from one process to the next.

Extraction builds about 1,400 patterns (vocabularies of skills, sections, roles, units), and
CPython compiles each in Python (`re._parser`, `re._compiler`) down to the opcodes that
`_sre.compile` turns into a Pattern: 0.6 s of CPU in every process that extracts, a sixth of
a run on the bundled sources and the same again in each worker process of a large run. This
module keeps those opcodes in a file under the user's cache directory, keyed by the pattern, its
flags and the exact interpreter, so that a later process builds the same Pattern objects from
them in milliseconds.

Nothing about matching changes: an entry is kept only after the Pattern built from it compared
equal to the one `re` compiled itself (Pattern equality compares the opcodes), a file is read
only when its checksum holds, and any other interpreter (another version, not CPython) gets a
file of its own or none. `install` is called by the processes that extract (the command line,
the run's worker processes, a deployed flow); importing mlefacts as a library changes nothing.

What those patterns are built from is kept too (`kept`): the parsed data files, and the
alternations, gates and tables that extraction builds from them on its first page, ~0.15 s of
CPU in pure Python. They depend on nothing but their arguments, the package's own code and data
and the interpreter, so they go into a file named for all of those (`config.package_digest`): a
change to any file of the package starts a new file, and the older ones are removed but for the
last few.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mlefacts.atomic import write_atomic

try:  # CPython's own engine; another interpreter runs without the cache
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - not CPython
    _sre = None

# What a file may hold before it is rewritten with only the patterns its writer used: the
# patterns of code that changed since would otherwise pile up (a run uses ~1,400).
MAX_ENTRIES = 10_000
# The files of kept texts left beside the current one (of other versions of the package: a
# checkout moved between branches, say); older ones are removed.
KEPT_VALUE_FILES = 3

T = TypeVar("T")

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def cache_file() -> Path | None:
    """This interpreter's file (`$XDG_CACHE_HOME/mlefacts`, else `~/.cache/mlefacts`), or None
    where the cache cannot work (not CPython's regular expression engine, no home folder)."""
    return _file_for("patterns", "")


def values_file() -> Path | None:
    """The file of `kept` texts for this interpreter and this package's code and data."""
    from mlefacts.config import package_digest

    return _file_for("values", package_digest())


def _file_for(kind: str, version: str) -> Path | None:
    if _sre is None or sys.implementation.name != "cpython":
        return None
    tag = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}{version}"
    name = f"{kind}-" + hashlib.sha256(tag.encode()).hexdigest()[:16] + ".marshal"
    try:
        root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no $HOME and no home in the user database
        return None
    return Path(root) / "mlefacts" / name


class _EntryFile:
    """A file of entries (bytes by key) read lazily, once, and written whole at exit with what
    this process added: atomically, keeping what other processes wrote meanwhile, and past
    `MAX_ENTRIES` only what this process used. A file that cannot be written is left as is."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored: dict[Any, bytes] | None = None
        self._used: set[Any] = set()
        self.new: dict[Any, bytes] = {}

    def get(self, key: Any) -> bytes | None:
        if self._stored is None:
            self._stored = _read(self.path)
        found = self._stored.get(key) or self.new.get(key)
        if found is not None:
            self._used.add(key)
        return found

    def save(self) -> bool:
        """Whether the file was written (nothing new, or not writable: False)."""
        if not self.new:
            return False
        entries = _read(self.path)
        if len(entries) + len(self.new) > MAX_ENTRIES:
            entries = {key: entries[key] for key in self._used if key in entries}
        entries.update(self.new)
        payload = marshal.dumps(entries)
        try:
            write_atomic(self.path, [hashlib.sha256(payload).digest(), payload], durable=False)
        except OSError:
            return False
        self.new = {}
        return True


class PatternCache:
    """`re`'s compile step, answered from the file at `path` where it can be; `save` writes
    what this process compiled anew. Read lazily: a process that compiles nothing reads
    nothing."""

    def __init__(self, path: Path, compile_pattern: Any) -> None:
        self.path = path
        self._compile = compile_pattern
        self._file = _EntryFile(path)
        self.n_read = 0  # patterns built from kept opcodes (the file's, or this process's)
        self.n_compiled = 0  # patterns `re` compiled

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        """A compiled Pattern (the `re._compiler.compile` it stands in for)."""
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return self._compile(pattern, flags)
        key = (pattern, int(flags))
        # Compiled again once `re`'s own cache (512 patterns) let it go: read, not compiled.
        stored = self._file.get(key)
        if stored is not None:
            self.n_read += 1
            return _sre.compile(pattern, *marshal.loads(stored))
        self.n_compiled += 1
        compiled = self._compile(pattern, flags)
        try:
            entry = _entry(pattern, int(flags))
            same = _sre.compile(pattern, *entry) == compiled
        except Exception:  # `re`'s internals moved: this pattern is not cached
            same = False
        if same:
            self._file.new[key] = marshal.dumps(entry)
        return compiled

    def save(self) -> None:
        """Add what this process compiled anew to the file. A cache that cannot be written is
        left as it is: every pattern still compiles."""
        self._file.save()


class KeptValues:
    """The results of the functions marked `kept`, read from the file at `path` where they are
    there; `save` writes what this process built anew, and removes the files of older versions
    of the package but the last `KEPT_VALUE_FILES`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = _EntryFile(path)
        self.n_read = 0
        self.n_built = 0

    def call(self, name: str, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        """`function(*args)`, read back where this call was kept before."""
        if not _plain(args):
            return function(*args)
        # Version 0: no references or interning marks, the same bytes in every process.
        key = marshal.dumps((name, args), 0)
        stored = self._file.get(key)
        if stored is not None:
            self.n_read += 1
            return marshal.loads(stored)  # type: ignore[no-any-return]
        self.n_built += 1
        result = function(*args)
        # A result marshal cannot write (a date) is built again in every process.
        with contextlib.suppress(ValueError):
            self._file.new[key] = marshal.dumps(result)
        return result

    def save(self) -> None:
        if self._file.save():
            others = sorted(
                (path for path in self.path.parent.glob("values-*.marshal") if path != self.path),
                key=_modified,
                reverse=True,
            )
            for path in others[KEPT_VALUE_FILES:]:
                path.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


_kept: KeptValues | None = None


def kept(function: Callable[..., T]) -> Callable[..., T]:
    """`function`, its results kept from one process to the next once `install` was called.

    For module-level functions of the package's vocabularies only: each result must depend on
    nothing but the positional arguments, the package's code and data, and the interpreter. A
    call is kept only when its arguments are strings, numbers, and lists or tuples of them (not
    a set, whose order a result may follow and another process would not share) and its result
    is a value `marshal` writes; any other call is made in every process. A caller gets a new
    object each time, as from a function that builds one."""
    if "<locals>" in function.__qualname__:  # what a closure captured is in no key
        raise TypeError(f"kept is for module-level functions, not {function.__qualname__}")
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def answered(*args: Any) -> T:
        values = _kept
        return function(*args) if values is None else values.call(name, function, args)

    return answered


_ATOMS = frozenset({str, bytes, int, float, bool, type(None)})


def _plain(value: Any) -> bool:
    """Whether `value` is made of strings, numbers, and lists or tuples of them only: a key that
    says the same in every process. (Types are looked at a list at a time, in C: the
    alternatives of a vocabulary are thousands of tokens.)"""
    kind = type(value)
    if kind in _ATOMS:
        return True
    if kind is not list and kind is not tuple:
        return False
    return set(map(type, value)) <= _ATOMS or all(map(_plain, value))


_PACKAGE = str(Path(__file__).parent) + os.sep
_RE = str(Path(re.__file__).parent) + os.sep


def _ours(frame: Any) -> bool:
    """Whether the compile was asked for by mlefacts's code (past `re`'s own frames). Other
    libraries' patterns are left to `re`: some are built from sets (the standard library's
    tokenizer, for one) and would be new to the file in every process."""
    while frame is not None and frame.f_code.co_filename.startswith(_RE):
        frame = frame.f_back
    return frame is not None and frame.f_code.co_filename.startswith(_PACKAGE)


def _entry(pattern: str | bytes, flags: int) -> Entry:
    """The arguments `_sre.compile` takes after `pattern`, as `re._compiler.compile` makes them
    (plain ints: its opcodes are an int subclass that `marshal` does not write)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _read(path: Path) -> dict[Any, bytes]:
    """The file's entries; none when it is missing, torn or not this module's."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    digest, payload = data[:32], data[32:]
    if hashlib.sha256(payload).digest() != digest:
        return {}
    try:
        entries = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


_installed: PatternCache | None = None


def install() -> PatternCache | None:
    """Answer this process's compiles and `kept` calls from the cache files from now on, and
    add what it compiles and builds anew to them when it exits. Idempotent; None where the
    cache cannot work."""
    global _installed, _kept
    if _installed is not None:  # a Dask worker asks at every batch
        return _installed
    path = cache_file()
    if path is None:
        return None
    values = values_file()
    if values is not None:
        _kept = KeptValues(values)
        atexit.register(_kept.save)
    original = _compiler.compile
    cache = _installed = PatternCache(path, original)

    def compile_pattern(pattern: Any, flags: int = 0) -> Any:
        """`re`'s compile step, mlefacts's own patterns through the cache."""
        return (cache.compile if _ours(sys._getframe(1)) else original)(pattern, flags)

    _compiler.compile = compile_pattern
    atexit.register(cache.save)
    return cache
