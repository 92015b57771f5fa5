"""The run history (raw/state/runs.jsonl): damage to it never loses the records around it."""

from __future__ import annotations

from pathlib import Path

from mlefacts.runs import RunRecord, append_run, history_path, runs_table


def _record(run_id: str) -> RunRecord:
    return RunRecord(run_id=run_id, flow_run_id="", started_at="2026-01-01T00:00:00+00:00")


def test_a_torn_line_does_not_swallow_the_next_run(tmp_path: Path) -> None:
    append_run(tmp_path, _record("r_1"))
    with history_path(tmp_path).open("a", encoding="utf-8") as handle:
        handle.write('{"run_id": "r_torn", "status": "runn')  # killed mid-write
    append_run(tmp_path, _record("r_2"))
    assert list(runs_table(tmp_path, _record("r_3"))["run_id"]) == ["r_1", "r_2", "r_3"]


def test_garbage_and_bytes_that_are_not_utf8_are_skipped(tmp_path: Path) -> None:
    append_run(tmp_path, _record("r_1"))
    with history_path(tmp_path).open("ab") as handle:
        handle.write(b'\x00\xff\xfe\n[1, 2]\n"text"\n')
    append_run(tmp_path, _record("r_2"))
    assert list(runs_table(tmp_path, _record("r_3"))["run_id"]) == ["r_1", "r_2", "r_3"]
