"""An analyst's session at the terminal: N consecutive CLI queries on a stopped embedded store.

    .venv/bin/python bench/cli_session.py --store STORE [--runs 10] [--query units-leading-most-tasks]
                                          [--param region=浙江省]

The store is stopped first (``policykg store stop``), then the same ``policykg query``
command runs ``--runs`` times in a row, each a fresh process as a user types it; the
wall time of each and the total are printed, and the store is stopped again at the end
(whatever idle period it was left with). Without ``--store`` the five sample plans are
loaded into a temporary store first.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
POLICYKG = str(Path(sys.executable).with_name("policykg"))


CPU: list[float] = []  # CPU seconds (user + system) of each command, the JVM it starts included


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([POLICYKG, *args], capture_output=True, text=True, env={**os.environ, "COLUMNS": "100"})
    CPU.append(_children_cpu() - cpu)
    return time.perf_counter() - started, done


def session(store: str, runs: int, query: str, params: list[str]) -> list[float]:
    run(["store", "stop", "--store", store])
    command = ["query", query, "--store", store, *[x for p in params for x in ("--param", p)]]
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        seconds, done = run(command)
        if done.returncode != 0:
            raise SystemExit(f"policykg {' '.join(command)} failed: {done.stderr.strip()}")
        times.append(seconds)
        cpu.append(CPU[-1])
        first_note = [line for line in done.stderr.splitlines() if line.strip()]
        if first_note and len(times) == 1:
            print(f"  first command said: {first_note[0]}")
    run(["store", "stop", "--store", store])
    # CPU of the command, and of a server it started only when it also stopped (and so reaped) it
    print("  cpu s: " + " ".join(f"{c:.2f}" for c in cpu))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--query", default="units-leading-most-tasks")
    parser.add_argument("--param", action="append", default=None)
    args = parser.parse_args()
    params = args.param if args.param is not None else ["region=浙江省"]
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = str(Path(tmp) / "store")
            subprocess.run([POLICYKG, "load", str(PLANS), "--store", store], check=True, capture_output=True)
        times = session(store, args.runs, args.query, params)
    load = os.getloadavg()[0]
    print(f"{args.runs} x policykg query {args.query} {' '.join(params)} (load average {load:.1f})")
    print("  each: " + " ".join(f"{t:.2f}" for t in times))
    print(f"  first {times[0]:.2f} s, the rest median {sorted(times[1:])[len(times[1:]) // 2] if len(times) > 1 else 0:.2f} s,"
          f" total {sum(times):.1f} s")


if __name__ == "__main__":
    main()
