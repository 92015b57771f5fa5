"""How long the read commands take from a cold process: issue 11's "commands that answer at once".

    .venv/bin/python bench/cli_latency.py [--data-dir DIR] [--repeat 5]

Each command runs `--repeat` times in a new process (`python -m mlefacts.cli ...`, as the
`mlefacts` script does); the best and the median wall times are printed against the 0.5 s
target, next to a bare `import duckdb` for the floor, and the best CPU seconds of the process
(user + system), which a machine shared with other work inflates far less than wall time. The
data directory needs a published snapshot (`mlefacts run` first); the repository's own is the
default.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

TARGET_S = 0.5
COMMANDS: dict[str, list[str]] = {
    'sql "SELECT count(*) FROM claims"': ["sql", "SELECT count(*) FROM claims"],
    "tables": ["tables"],
    "show claims --limit 5": ["show", "claims", "--limit", "5"],
    "conflicts": ["conflicts"],
    "figures --unclaimed": ["figures", "--unclaimed"],
    "--help": ["--help"],
}


def timings(argv: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of `repeat` runs of one command, each in a fresh process."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="a data directory with a published snapshot")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (default 5)")
    args = parser.parse_args(argv)
    data_dir = ["--data-dir", str(args.data_dir)] if args.data_dir else []
    floor = timings([sys.executable, "-c", "import duckdb"], args.repeat)
    rows = [("import duckdb (floor)", floor)]
    for name, command in COMMANDS.items():
        extra = data_dir if command[0] != "--help" else []
        argv_ = [sys.executable, "-m", "mlefacts.cli", *command, *extra]
        rows.append((f"mlefacts {name}", timings(argv_, args.repeat)))
    print(f"{'command':<42} {'best s':>7} {'median s':>9} {'cpu s':>6} {'target':>7}  met")
    for name, (walls, cpus) in rows:
        best, median = min(walls), statistics.median(walls)
        met = "-" if name.startswith("import") else ("yes" if best <= TARGET_S else "no")
        print(f"{name:<42} {best:7.3f} {median:9.3f} {min(cpus):6.3f} {TARGET_S:7.1f}  {met}")


if __name__ == "__main__":
    main()
