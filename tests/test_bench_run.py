"""bench/run.py's verdicts: the rows of issue 11's table from the measured figures."""

from __future__ import annotations

import sys
import time
from typing import Any

from support.corpus import bench_module, generator

# bench/run.py imports `generate` by name: another test's fixtures hold a module of that name.
_other = sys.modules.pop("generate", None)
sys.modules["generate"] = generator()
bench_run = bench_module("run")
if _other is not None:
    sys.modules["generate"] = _other


def _pipeline(n: int, *, wall_s: float, peak_mb: float, rerun: bool) -> dict[str, Any]:
    first = {
        "wall_s": wall_s,
        "articles_per_s": round(n / wall_s, 1),
        "peak_rss_mb": peak_mb,
        "peak_rss_mb_by_kind": {"flow": peak_mb / 2, "workers": peak_mb / 2, "server": 200.0},
    }
    measured = {"n_articles": n, "first_run": first, "prefect_server_peak_rss_mb": 200.0}
    if rerun:
        measured["rerun_same_process"] = {"wall_s": 3.0}
        measured["rerun_new_process"] = {"wall_s": 20.0}
    return measured


EMPTY = {"first_in_process_s": 18.0, "warm_median_s": 1.0}


def test_one_run_per_size_gives_time_memory_and_growth_but_no_rerun_row() -> None:
    results = {
        "empty_flow": EMPTY,
        "pipeline": [
            _pipeline(100_000, wall_s=1500.0, peak_mb=1100.0, rerun=False),
            _pipeline(10_000, wall_s=140.0, peak_mb=900.0, rerun=False),
        ],
    }
    checks = bench_run.verdicts(results)
    growth = checks["peak_rss 100,000 / 10,000"]
    assert (growth["measured"], growth["met"]) == (1.22, False)
    assert growth["peak_rss_mb"] == {10_000: 900.0, 100_000: 1100.0}
    assert checks["end_to_end_s (10,000)"]["measured"] == 140.0
    assert checks["peak_rss_mb (10,000, server apart)"]["met"] is True
    rerun = checks["rerun_minus_empty_s (10,000)"]
    assert (rerun["measured"], rerun["met"]) == (None, None)


def test_one_size_alone_is_judged_pro_rata_and_reruns_count_when_measured() -> None:
    results = {
        "empty_flow": EMPTY,
        "pipeline": [_pipeline(100_000, wall_s=500.0, peak_mb=1000.0, rerun=True)],
    }
    checks = bench_run.verdicts(results)
    time = checks["end_to_end_s (100,000; 60 s per 10,000 pro rata)"]
    assert (time["measured"], time["limit"], time["met"]) == (500.0, 600.0, True)
    assert checks["peak_rss 100,000 / 10,000"]["measured"] is None
    assert checks["rerun_minus_empty_s (100,000)"]["measured"] == 2.0


def test_the_report_states_the_machines_speed_beside_its_figures(capsys: Any) -> None:
    """Absolute figures move with a shared machine's speed: the report states a fixed loop's
    CPU time, measured at the start, so runs on different days can be compared."""
    # (enough steps that the CPU clock's tick and the rounding to 1 ms do not make it 0)
    loop_s = bench_run.python_loop_s(steps=300_000, repeat=1)
    assert 0 < loop_s < 1
    results = {
        "machine": {
            "cpus": 2,
            "python": "3.11.7",
            "python_loop_s": 1.234,
            "python_loop_s_end": 2.5,
        },
        "empty_flow": EMPTY,
        "pipeline": [],
        "targets": {},
    }
    bench_run.print_report(results)
    assert "a 5M-step Python loop takes 1.23 CPU s at the start, 2.50 at the end" in (
        capsys.readouterr().out
    )


def test_the_run_peak_is_dated_and_split_by_kind() -> None:
    """Which stage holds a run's peak: the sample it was taken in, each kind's share of it,
    and when."""
    entered = time.perf_counter()
    with bench_run.PeakRss(interval=0.005) as rss:
        time.sleep(0.05)
        held = bytearray(64 * 2**20)
        held[::4096] = b"x" * len(held[::4096])  # touched: resident
        time.sleep(0.1)
        del held
        freed = time.perf_counter()
        time.sleep(0.05)
    assert rss.peak == rss.at_peak["flow"] + rss.at_peak["workers"]
    assert rss.at_peak["flow"] >= 64 * 2**20
    # sampled while the memory was held: after the sampler started, before it was freed (the
    # sampler's clock starts no sooner than the block: a loaded machine may start it late)
    assert 0 < rss.peak_at_s <= freed - entered
