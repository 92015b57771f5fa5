"""When a finished run counts as failed: the rule behind the Prefect flow run's final state."""

from __future__ import annotations

import doctest

import pytest

from mlefacts import fail_on as module
from mlefacts.fail_on import FailOn, failure_reason
from mlefacts.runs import RunRecord


def record(*, failed: int = 0) -> RunRecord:
    return RunRecord(
        run_id="r1",
        flow_run_id="",
        started_at="2026-01-01T00:00:00+00:00",
        status="completed_with_errors" if failed else "completed",
        n_sources=4,
        n_sources_failed=failed,
    )


@pytest.mark.parametrize(
    ("fail_on", "failed", "new_errors", "expected"),
    [
        (FailOn.errors, 0, 1, None),
        (FailOn.errors, 1, 0, "1 of 4 sources failed"),
        (FailOn.conflicts, 0, 0, None),
        (FailOn.conflicts, 0, 2, "2 new conflict(s)"),
        (FailOn.conflicts, 2, 1, "2 of 4 sources failed"),
        (FailOn.never, 3, 1, None),
    ],
)
def test_the_run_fails_for_what_fail_on_names(
    fail_on: FailOn, failed: int, new_errors: int, expected: str | None
) -> None:
    reason = failure_reason(record(failed=failed), new_errors, fail_on=fail_on)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and expected in reason


def test_a_run_that_did_not_finish_fails_unless_never() -> None:
    broken = record()
    broken.status = "failed"
    assert failure_reason(broken, 0, fail_on="errors") == "the run ended failed"
    assert failure_reason(broken, 0, fail_on="never") is None


def test_an_unknown_choice_is_refused() -> None:
    with pytest.raises(ValueError):
        failure_reason(record(), 0, fail_on="sometimes")


def test_the_docstring_examples_hold() -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
