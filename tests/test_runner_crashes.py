"""Hard failures: a run killed with SIGKILL while fetching, extracting or publishing, two runs at
once, and a full disk while publishing. Published data and the raw zone must come out intact
(same bytes, readable by `mlefacts.load`) and the next run must succeed.

The runs are the plain pipeline functions the flow wires together (no Prefect server), in real
subprocesses that are killed at a point found from outside: a slow HTTP server, a huge document,
the publisher's pause hook.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest
from support.paths import BUNDLED
from support.runs import FACT, run_plain, write_manifest

import mlefacts
from mlefacts.publish.lock import RunLockedError
from mlefacts.publish.snapshots import (
    COMPLETE,
    PAUSE_ENV,
    content_key,
    current_snapshot,
    list_snapshots,
    prune_snapshots,
)
from mlefacts.sources.rawzone import RawZone

# Every test here runs the pipeline in subprocesses and kills them: seconds each.
pytestmark = pytest.mark.slow

TESTS_DIR = Path(__file__).resolve().parent

_RUNNER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from support.runs import run_plain
print("published", run_plain(Path(sys.argv[1]), Path(sys.argv[2]), allow_private_hosts=True))
"""


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    """A data directory with one good publish of the bundled articles, and its manifest."""
    folder = tmp_path / "sources"
    folder.mkdir()
    names = sorted(p.name for p in BUNDLED.glob("*.txt"))
    for name in names:
        shutil.copy(BUNDLED / name, folder / name)
    manifest = write_manifest(folder, names)
    run_plain(tmp_path / "data", manifest)
    return tmp_path / "data", manifest


def fingerprint(data_dir: Path) -> dict[str, object]:
    """What must survive any crash: the current snapshot's files and every raw object."""
    curated = data_dir / "curated"
    current = current_snapshot(curated)
    snapshot = curated / "snapshots" / str(current)
    return {
        "current": current,
        "snapshot": {p.name: _sha(p) for p in sorted(snapshot.iterdir())},
        "raw": {
            p.name: _sha(p)
            for p in sorted((data_dir / "raw" / "objects").rglob("*"))
            if p.is_file()
        },
        "claims": mlefacts.load("claims", data_dir),
    }


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_intact(data_dir: Path, before: dict[str, object]) -> None:
    after = fingerprint(data_dir)
    assert after["current"] == before["current"]
    assert after["snapshot"] == before["snapshot"]
    raw_after = after["raw"]
    assert isinstance(raw_after, dict)
    for name, digest in before["raw"].items():  # type: ignore[union-attr]
        assert raw_after[name] == digest == name  # objects are named by their hash
    pd.testing.assert_frame_equal(after["claims"], before["claims"])  # type: ignore[arg-type]
    for name in raw_after:
        RawZone(data_dir / "raw").get(name)  # verifies every object, new ones too


@contextmanager
def runner(data_dir: Path, manifest: Path, **env: str) -> Iterator[subprocess.Popen[bytes]]:
    """A run in a subprocess; killed at the end of the block if it is still alive."""
    code = _RUNNER.format(tests=str(TESTS_DIR))
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir), str(manifest)],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()


def kill_when(child: subprocess.Popen[bytes], ready: Callable[[], bool], what: str) -> None:
    for _ in range(1200):
        if ready():
            os.kill(child.pid, signal.SIGKILL)
            assert child.wait() == -signal.SIGKILL
            return
        assert child.poll() is None, f"the run ended before {what}: {child.communicate()}"
        time.sleep(0.05)
    raise AssertionError(f"the run never reached {what}")


def next_run_succeeds(data_dir: Path, manifest: Path, before: dict[str, object]) -> None:
    snapshot = run_plain(data_dir, manifest)
    assert current_snapshot(data_dir / "curated") == snapshot != before["current"]
    assert all(
        (data_dir / "curated" / "snapshots" / s / COMPLETE).is_file()
        for s in list_snapshots(data_dir / "curated")
    )
    assert len(mlefacts.load("claims", data_dir)) >= len(before["claims"])  # type: ignore[arg-type]


class _SlowHandler(BaseHTTPRequestHandler):
    """robots.txt at once; every other path only after the test lets it go."""

    requested = threading.Event()
    release = threading.Event()

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/robots.txt":
            self.send_response(404)
            self.end_headers()
            return
        type(self).requested.set()
        type(self).release.wait(60)
        body = f"<p>{FACT}</p>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


def test_sigkill_while_fetching(published: tuple[Path, Path]) -> None:
    data_dir, manifest = published
    before = fingerprint(data_dir)
    _SlowHandler.requested.clear()
    _SlowHandler.release.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/slow.html"
        slow_manifest = write_manifest(manifest.parent, [*_uris(manifest), url], "slow.toml")
        with runner(data_dir, slow_manifest) as child:
            kill_when(child, _SlowHandler.requested.is_set, "the slow fetch")
        assert_intact(data_dir, before)
    finally:
        _SlowHandler.release.set()
        server.shutdown()
        server.server_close()
    next_run_succeeds(data_dir, manifest, before)


def test_sigkill_while_extracting(published: tuple[Path, Path]) -> None:
    data_dir, manifest = published
    before = fingerprint(data_dir)
    rows = "".join(f"<tr><td>City{i}</td><td>${90_000 + i:,}</td></tr>" for i in range(60_000))
    page = f"<table><tr><th>City</th><th>Median salary</th></tr>{rows}</table>".encode()
    (manifest.parent / "huge.html").write_bytes(page)
    huge_sha = hashlib.sha256(page).hexdigest()
    raw = RawZone(data_dir / "raw")
    huge_manifest = write_manifest(manifest.parent, ["huge.html", *_uris(manifest)], "huge.toml")
    with runner(data_dir, huge_manifest) as child:
        kill_when(child, lambda: raw.has(huge_sha), "the extraction of the huge page")
    assert_intact(data_dir, before)
    cache = data_dir / "raw" / "state" / "extracts"
    assert not [p for p in cache.rglob("*") if p.is_file() and huge_sha in p.name]
    (manifest.parent / "huge.html").write_bytes(f"<p>{FACT}</p>".encode())
    next_run_succeeds(data_dir, huge_manifest, before)


def test_sigkill_while_publishing(published: tuple[Path, Path]) -> None:
    data_dir, manifest = published
    before = fingerprint(data_dir)
    (manifest.parent / "new.txt").write_text(FACT)
    new_manifest = write_manifest(manifest.parent, [*_uris(manifest), "new.txt"], "new.toml")
    snapshots = data_dir / "curated" / "snapshots"

    def half_written() -> bool:
        return any(
            p.name != before["current"] and any(p.glob("*.parquet")) for p in snapshots.iterdir()
        )

    with runner(data_dir, new_manifest, **{PAUSE_ENV: "30"}) as child:
        kill_when(child, half_written, "the middle of publishing")
    assert_intact(data_dir, before)
    assert list_snapshots(data_dir / "curated") == [before["current"]]
    next_run_succeeds(data_dir, new_manifest, before)
    assert [p.name for p in snapshots.iterdir() if not (p / COMPLETE).exists()] == []


def test_a_second_run_is_refused_while_the_first_publishes(published: tuple[Path, Path]) -> None:
    data_dir, manifest = published
    before = fingerprint(data_dir)
    snapshots = data_dir / "curated" / "snapshots"
    with runner(data_dir, manifest, **{PAUSE_ENV: "0.5"}) as first:

        def publishing() -> bool:
            return any(p.name != before["current"] for p in snapshots.iterdir())

        for _ in range(1200):
            if publishing():
                break
            assert first.poll() is None, first.communicate()
            time.sleep(0.05)
        with pytest.raises(RunLockedError, match=rf"another mlefacts run \(pid {first.pid}"):
            run_plain(data_dir, manifest)
        out, err = first.communicate(timeout=300)
        assert first.returncode == 0, err.decode()
    published_id = out.decode().split()[-1]
    assert current_snapshot(data_dir / "curated") == published_id
    # Nothing changed: the new snapshot holds the same tables and takes the older one's place.
    assert list_snapshots(data_dir / "curated") == [published_id]
    assert content_key(published_id) == content_key(str(before["current"]))


def test_two_runs_started_together_publish_once(published: tuple[Path, Path]) -> None:
    data_dir, manifest = published
    before = fingerprint(data_dir)
    with (
        runner(data_dir, manifest, **{PAUSE_ENV: "1"}) as one,
        runner(data_dir, manifest, **{PAUSE_ENV: "1"}) as two,
    ):
        results = [child.communicate(timeout=300) for child in (one, two)]
        codes = sorted([one.returncode, two.returncode])
    assert codes[0] == 0
    if codes[1] != 0:  # the usual case: the second one found the lock taken
        errors = b"".join(err for _, err in results).decode()
        assert "RunLockedError: another mlefacts run" in errors
    snapshots = list_snapshots(data_dir / "curated")  # the same tables: one kept copy
    assert len(snapshots) == 1 and snapshots[0] != before["current"]
    assert content_key(snapshots[0]) == content_key(str(before["current"]))


def _enospc_on_snapshot_files(real_fsync: Callable[[int], None]) -> Callable[[int], None]:
    def fsync(fd: int) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}")
        if "/curated/snapshots/" in target and target.endswith(".parquet"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), target)
        real_fsync(fd)

    return fsync


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name an fd")
def test_full_disk_while_publishing_keeps_the_previous_snapshot(
    published: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, manifest = published
    before = fingerprint(data_dir)
    (manifest.parent / "new.txt").write_text(FACT)
    new_manifest = write_manifest(manifest.parent, [*_uris(manifest), "new.txt"], "new.toml")
    monkeypatch.setattr(os, "fsync", _enospc_on_snapshot_files(os.fsync))
    with pytest.raises(OSError, match="No space left on device") as failure:
        run_plain(data_dir, new_manifest)
    assert failure.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert_intact(data_dir, before)
    assert list_snapshots(data_dir / "curated") == [before["current"]]
    assert [p.name for p in (data_dir / "curated" / "snapshots").iterdir()] == [before["current"]]
    next_run_succeeds(data_dir, new_manifest, before)


@contextmanager
def small_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("mount") is None, reason="needs root")
def test_real_full_disk_while_publishing(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(FACT)
    manifest = write_manifest(folder, ["a.txt"])
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with small_tmpfs(tmp_path / "disk", "1m") as disk:
        (data_dir / "curated").symlink_to(disk)
        run_plain(data_dir, manifest)
        before = fingerprint(data_dir)
        rows = "".join(
            f"<tr><td>Firm{i}</td><td>${80_000 + i * 7:,}</td></tr>" for i in range(16_000)
        )
        (folder / "b.html").write_text(
            f"<table><tr><th>Company</th><th>Median salary</th></tr>{rows}</table>"
        )
        big_manifest = write_manifest(folder, ["a.txt", "b.html"], "big.toml")
        with pytest.raises(OSError) as failure:
            run_plain(data_dir, big_manifest)
        assert failure.value.errno == errno.ENOSPC
        assert_intact(data_dir, before)
        assert list_snapshots(data_dir / "curated") == [before["current"]]
        next_run_succeeds(data_dir, manifest, before)


def _uris(manifest: Path) -> list[str]:
    from mlefacts.sources.manifest import load_manifest

    return [spec.uri for spec in load_manifest(manifest)]


def test_a_run_never_removes_the_snapshot_another_run_is_writing(
    published: tuple[Path, Path],
) -> None:
    data_dir, manifest = published
    before = fingerprint(data_dir)
    (manifest.parent / "new.txt").write_text(FACT)
    new_manifest = write_manifest(manifest.parent, [*_uris(manifest), "new.txt"], "new.toml")
    curated = data_dir / "curated"
    snapshots = curated / "snapshots"

    def writing() -> list[Path]:
        return [p for p in snapshots.iterdir() if p.name != before["current"]]

    with runner(data_dir, new_manifest, **{PAUSE_ENV: "0.5"}) as child:
        for _ in range(1200):
            if writing() and any(writing()[0].glob("*.parquet")):
                break
            assert child.poll() is None, child.communicate()
            time.sleep(0.05)
        staging = writing()[0]
        assert not (staging / COMPLETE).exists()
        prune_snapshots(curated, keep=1)  # what another run's publish would do
        assert staging.is_dir()
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err.decode()
    assert current_snapshot(curated) == staging.name == out.decode().split()[-1]
    mlefacts.load("claims", data_dir)
