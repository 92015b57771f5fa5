"""When a finished run counts as failed for the orchestrator (and for `mlefacts run`'s exit code).

A run whose sources failed still publishes (their last good claims stay, marked stale), so the
pipeline itself never fails for that. Whoever watches the runs decides what should alert them:
the Prefect flow run ends Failed when `failure_reason` gives a reason, and Prefect automations
and notifications can fire on that.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlefacts.runs import RunRecord


class FailOn(StrEnum):
    """What makes a finished run count as failed.

    errors: a source failed (the run is `completed_with_errors`).
    conflicts: as errors, or the run found a new conflict of severity error (one the previous
    snapshot did not have: a notification fires once per new disagreement, not on every run).
    never: only a run that could not publish at all.
    """

    errors = "errors"
    conflicts = "conflicts"
    never = "never"


def failure_reason(record: RunRecord, n_new_errors: int, *, fail_on: FailOn | str) -> str | None:
    """Why the run counts as failed under `fail_on`, or None when it passes.

    >>> from mlefacts.runs import RunRecord
    >>> record = RunRecord(run_id="r", flow_run_id="", started_at="", status="completed")
    >>> failure_reason(record, 0, fail_on="errors") is None
    True
    >>> record.status, record.n_sources, record.n_sources_failed = "completed_with_errors", 3, 2
    >>> failure_reason(record, 0, fail_on="errors")
    '2 of 3 sources failed (a source with an earlier good fetch keeps its claims, marked stale)'
    >>> failure_reason(record, 0, fail_on="never") is None
    True
    """
    fail_on = FailOn(fail_on)
    if fail_on is FailOn.never:
        return None
    reasons = []
    if record.status != "completed":
        reasons.append(
            f"{record.n_sources_failed} of {record.n_sources} sources failed "
            "(a source with an earlier good fetch keeps its claims, marked stale)"
            if record.n_sources_failed
            else f"the run ended {record.status}"
        )
    if fail_on is FailOn.conflicts and n_new_errors:
        reasons.append(f"{n_new_errors} new conflict(s) of severity error")
    return "; ".join(reasons) or None
