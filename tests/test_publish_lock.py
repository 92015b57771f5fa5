from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from mlefacts.publish.lock import RunLockedError, run_lock

_HOLDER = """
import sys, time
from pathlib import Path
from mlefacts.publish.lock import run_lock
with run_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(600)
"""


@pytest.mark.slow
def test_second_process_is_refused_while_the_first_holds_the_lock(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        expected = f"pid {holder.pid}, started at 2"
        with pytest.raises(RunLockedError, match=expected) as error, run_lock(tmp_path):
            pass
        assert str(tmp_path) in str(error.value)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        with run_lock(tmp_path) as lock_path:
            assert lock_path == tmp_path / "curated" / ".lock"
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_lock_is_released_after_the_block(tmp_path):
    with run_lock(tmp_path):
        pass
    with run_lock(tmp_path):
        pass


def test_lock_is_released_when_the_block_raises(tmp_path):
    with pytest.raises(ValueError), run_lock(tmp_path):
        raise ValueError("boom")
    with run_lock(tmp_path):
        pass


@pytest.mark.slow
def test_the_lock_holds_when_its_file_is_deleted(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        (tmp_path / "curated" / ".lock").unlink()
        with pytest.raises(RunLockedError), run_lock(tmp_path):
            pass
        shutil.rmtree(tmp_path / "curated")
        with pytest.raises(RunLockedError), run_lock(tmp_path):
            pass
    finally:
        holder.kill()
        holder.wait()
    with run_lock(tmp_path):
        pass
