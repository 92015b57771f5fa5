"""The compiled-pattern cache: the same Pattern objects as `re`'s own, shared by processes,
never trusted when its file is damaged."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import BUNDLED_MANIFEST

from mlefacts import pattern_cache
from mlefacts.pattern_cache import PatternCache, cache_file

if cache_file() is None:  # pragma: no cover - not CPython
    pytest.skip("the cache needs CPython's regular expression engine", allow_module_level=True)

ORIGINAL = re._compiler.compile  # type: ignore[attr-defined]
PATTERNS = [
    (r"(?P<amount>\d[\d,]*)\s*(?:lakh|crore)\b", re.IGNORECASE),
    (r"(?<![\w.])(?:U\.S\.|US)(?![\w$])|₹\s?(\d+)", 0),
    (r"^(?:[-*•]\s+)?(\w+)(?:\s+\1)?$", re.MULTILINE),
    (rb"\x00[\x01-\x7f]+", 0),
]


def _fresh(path: Path) -> PatternCache:
    return PatternCache(path, ORIGINAL)


def test_a_pattern_read_back_from_the_file_is_the_one_re_compiles(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    first = _fresh(path)
    for pattern, flags in PATTERNS:
        assert first.compile(pattern, flags) == ORIGINAL(pattern, flags)
    assert first.n_compiled == len(PATTERNS)
    first.save()

    second = _fresh(path)
    read = [second.compile(pattern, flags) for pattern, flags in PATTERNS]
    assert second.n_read == len(PATTERNS) and second.n_compiled == 0
    for (pattern, flags), compiled in zip(PATTERNS, read, strict=True):
        assert compiled == ORIGINAL(pattern, flags)  # the same opcodes, flags and groups
        assert compiled.groupindex == ORIGINAL(pattern, flags).groupindex
    amount = read[0].search("pay of 12,50 Lakh a year")
    assert amount is not None and amount.group("amount") == "12,50"
    assert read[2].findall("ml ml\n- data") == ["ml", "data"]


def test_a_pattern_compiled_again_in_the_same_process_is_read_not_compiled(
    tmp_path: Path,
) -> None:
    cache = _fresh(tmp_path / "patterns.marshal")
    first = cache.compile(*PATTERNS[0])
    again = cache.compile(*PATTERNS[0])  # as after `re` dropped it from its own cache
    assert again == first and again is not first
    assert (cache.n_compiled, cache.n_read) == (1, 1)


def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    writer = _fresh(path)
    writer.compile(*PATTERNS[0])
    writer.save()
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # a flipped bit in the payload: the checksum no longer holds
    path.write_bytes(bytes(data))

    reader = _fresh(path)
    assert reader.compile(*PATTERNS[0]) == ORIGINAL(*PATTERNS[0])
    assert (reader.n_read, reader.n_compiled) == (0, 1)
    reader.save()
    assert _fresh(path).compile(*PATTERNS[0]) == ORIGINAL(*PATTERNS[0])

    path.write_bytes(b"not a cache file")
    other = _fresh(path)
    assert other.compile(*PATTERNS[1]) == ORIGINAL(*PATTERNS[1])
    assert other.n_compiled == 1


def test_saving_keeps_other_processes_entries_until_the_file_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "patterns.marshal"
    one, two = _fresh(path), _fresh(path)
    one.compile(*PATTERNS[0])
    two.compile(*PATTERNS[1])
    one.save()
    two.save()  # read the file again before writing: the first process's entry stays
    merged = _fresh(path)
    for pattern, flags in PATTERNS[:2]:
        merged.compile(pattern, flags)
    assert merged.n_read == 2

    monkeypatch.setattr(pattern_cache, "MAX_ENTRIES", 2)
    merged.compile(*PATTERNS[2])
    merged.save()  # three entries: only those this process used are kept
    kept = _fresh(path)
    for pattern, flags in PATTERNS[:3]:
        kept.compile(pattern, flags)
    assert kept.n_read == 3
    unused = _fresh(path)
    unused.compile(*PATTERNS[3])
    unused.save()  # four would pass the limit: the three it did not use are dropped
    last = _fresh(path)
    for pattern, flags in PATTERNS:
        last.compile(pattern, flags)
    assert (last.n_read, last.n_compiled) == (1, 3)


def test_an_unwritable_cache_leaves_compiling_as_it_was(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache's folder would be")
    cache = _fresh(blocker / "mlefacts" / "patterns.marshal")
    assert cache.compile(*PATTERNS[0]) == ORIGINAL(*PATTERNS[0])
    cache.save()  # no error: the next process compiles again
    assert not (blocker / "mlefacts").exists()


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache_file() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    path = cache_file()
    assert path is not None and path.parent == Path("/somewhere/mlefacts")


def test_a_kept_call_is_read_back_by_the_next_process_not_made_again(tmp_path: Path) -> None:
    made: list[tuple[object, ...]] = []

    def build(words: list[str], flags: int) -> dict[str, list[str]]:
        made.append((words, flags))
        return {"alternation": sorted(words, key=len, reverse=True)}

    path = tmp_path / "values.marshal"
    first = pattern_cache.KeptValues(path)
    built = first.call("build", build, (["ml", "data science"], 2))
    first.save()
    second = pattern_cache.KeptValues(path)
    read = second.call("build", build, (["ml", "data science"], 2))
    assert read == built == {"alternation": ["data science", "ml"]} and read is not built
    assert len(made) == 1 and (second.n_read, second.n_built) == (1, 0)
    second.call("build", build, (["ml"], 2))  # other arguments: made
    assert len(made) == 2


def test_calls_marshal_cannot_write_are_made_every_time(tmp_path: Path) -> None:
    import datetime

    path = tmp_path / "values.marshal"
    values = pattern_cache.KeptValues(path)
    assert values.call("today", lambda day: day, (datetime.date(2026, 1, 1),)).year == 2026
    assert values.call("dated", lambda: {"on": datetime.date(2026, 1, 1)}, ())["on"].day == 1
    # A set's order decides an alternation's, and another process's set has another order.
    assert values.call("ordered", lambda words: list(words), ({"ml", "ai"},)) in (
        ["ml", "ai"],
        ["ai", "ml"],
    )
    assert not values._file.new  # none of these calls is kept
    values.save()
    assert not path.exists()


def test_only_module_level_functions_are_kept() -> None:
    def local(word: str) -> str:  # what a closure captures is in no key
        return word

    with pytest.raises(TypeError, match="module-level"):
        pattern_cache.kept(local)


def test_values_files_are_per_package_version_and_old_ones_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mlefacts.config

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(mlefacts.config, "package_digest", lambda: "one version")
    first = pattern_cache.values_file()
    monkeypatch.setattr(mlefacts.config, "package_digest", lambda: "another")
    current = pattern_cache.values_file()
    assert first is not None and current is not None and first != current
    folder = current.parent
    folder.mkdir(parents=True)
    older = [folder / f"values-old{i}.marshal" for i in range(5)]
    for age, path in enumerate(older):
        path.write_bytes(b"")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # old0 the newest
    values = pattern_cache.KeptValues(current)
    values.call("build", str.upper, ("ml",))
    values.save()
    left = sorted(path.name for path in folder.iterdir())
    kept = [path.name for path in older[: pattern_cache.KEPT_VALUE_FILES]]
    assert left == sorted([current.name, *kept])


EXTRACT_BUNDLED = """
import json, sys
from pathlib import Path
from mlefacts.pattern_cache import install
cache = install()
import re
re.compile("a pattern of the caller's own, not mlefacts's")
from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims
claims = []
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    doc = build_document(source_id=path.stem, text=path.read_text(), media_type="text/plain")
    claims += [(c.kind, c.value, c.char_start) for c in extract_claims(doc)[0]]
from mlefacts.pattern_cache import _kept as kept
print(json.dumps({
    "read": cache.n_read, "compiled": cache.n_compiled, "claims": claims,
    "values_read": kept.n_read, "values_built": kept.n_built,
}))
"""


def _extract_bundled(cache_home: Path, hash_seed: str) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", EXTRACT_BUNDLED, str(BUNDLED_MANIFEST.parent)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def _keys(cache_home: Path, kind: str = "patterns") -> set[object]:
    (path,) = (cache_home / "mlefacts").glob(f"{kind}-*.marshal")
    return set(pattern_cache._read(path))


@pytest.mark.slow
def test_processes_share_the_pipelines_patterns_and_extract_the_same(tmp_path: Path) -> None:
    """A process that extracts writes its patterns, and the texts it built them from, for the
    next, which compiles and builds none of them and extracts the same claims; under another
    string hash seed the patterns and the calls kept are the same (none is built in a set's
    order), so no process adds to the files."""
    home, other_home = tmp_path / "one", tmp_path / "two"
    cold = _extract_bundled(home, "1")
    assert cold["compiled"] > 500 and cold["values_built"] > 500
    warm = _extract_bundled(home, "2")  # the same compiles and calls asked for, none made
    assert warm["compiled"] == 0 and warm["read"] == cold["read"] + cold["compiled"]
    # Fewer calls than the cold process made: a call read back makes none of those inside it.
    calls = cold["values_read"] + cold["values_built"]
    assert warm["values_built"] == 0 and 500 < warm["values_read"] < calls
    assert warm["claims"] == cold["claims"] and cold["claims"]
    keys = _keys(home)
    assert all(
        not (isinstance(p, str) and p.startswith("a pattern of the caller")) for p, _ in keys
    )

    _extract_bundled(other_home, "3")
    assert _keys(other_home) == keys
    values = _keys(home, "values")
    (path,) = (home / "mlefacts").glob("values-*.marshal")
    (other,) = (other_home / "mlefacts").glob("values-*.marshal")
    assert pattern_cache._read(other) == pattern_cache._read(path)  # keys and values
    assert len(values) > 500
