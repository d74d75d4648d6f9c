"""Extraction speed per document: ``python bench/extract_speed.py FOLDER... [-n N] [--compare PATH]``.

For each folder, every file is extracted once as a warm-up (imports, word lists, compiled
patterns), then N rounds in the same process; each extraction is timed in CPU time
(``time.process_time``), which the other load on a shared machine disturbs less than wall time.
The report gives, per folder, the median per-document time (the median over files of each
file's median over rounds) and the total of one round.

Caches keyed by what a document says (``numbers._find_quantities`` holds the last texts'
figures, ``tables.column_role`` header names, ``normalize._fold`` characters) would flatter
every round after the first, so before each round every ``functools`` cache in
``policykg.loaders`` whose function takes an argument is cleared; caches without an argument
(word lists, compiled patterns: built once per process) stay warm, as in a real batch load.

``--compare PATH`` measures another checkout (``PYTHONPATH=PATH``) in a second worker process
and this checkout in a first, alternating rounds A, B, A, B… so both see the same load, and
prints the ratio B/A (above 1: this checkout is faster).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".csv"}


def documents(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES]


def text_caches() -> list[Any]:
    """Every functools cache in ``policykg.loaders`` whose function takes an argument (see above)."""
    import inspect

    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("policykg.loaders") or name.startswith("policykg.loaders.lexicon"):
            continue
        for obj in vars(module).values():
            if callable(obj) and hasattr(obj, "cache_clear") and getattr(obj, "__module__", None) == name:
                try:
                    takes_args = bool(inspect.signature(obj.__wrapped__).parameters)
                except (TypeError, ValueError, AttributeError):
                    takes_args = True
                if takes_args:
                    found.append(obj)
    return found


def one_round(files: list[Path]) -> list[float]:
    """CPU seconds of each file's extraction, caches keyed by text cleared first."""
    from policykg.loaders import extract_file
    from policykg.loaders.errors import LoaderError

    for fn in text_caches():
        fn.cache_clear()
    times = []
    for path in files:
        t0 = time.process_time()
        with contextlib.suppress(LoaderError):
            extract_file(path)
        times.append(time.process_time() - t0)
    return times


def worker(folders: list[Path]) -> None:
    """Serve rounds over stdin/stdout: warm up, then one JSON line of times per ``round`` line read."""
    warnings.filterwarnings("ignore")
    files = {str(f): documents(f) for f in folders}
    for paths in files.values():
        one_round(paths)
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        print(json.dumps({f: one_round(paths) for f, paths in files.items()}), flush=True)


class Worker:
    """A worker process for one checkout."""

    def __init__(self, checkout: Path, folders: list[Path]) -> None:
        env = {**os.environ, "PYTHONPATH": str(checkout)}
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", *map(str, folders)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
        )
        assert self.proc.stdout is not None and self.proc.stdin is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise SystemExit(f"the worker for {checkout} did not start")

    def round(self) -> dict[str, list[float]]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("round\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def summary(rounds: list[dict[str, list[float]]]) -> dict[str, tuple[float, float, int]]:
    """Folder -> (median ms per document, median ms per round in total, documents)."""
    out = {}
    for folder in rounds[0]:
        per_file = list(zip(*(r[folder] for r in rounds), strict=True))
        medians = [statistics.median(ts) for ts in per_file]
        totals = [sum(r[folder]) for r in rounds]
        out[folder] = (1000 * statistics.median(medians), 1000 * statistics.median(totals), len(per_file))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-n", "--rounds", type=int, default=5)
    ap.add_argument("--compare", type=Path, help="another checkout to measure against (B)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.folders)
        return
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; {args.rounds} rounds")
    a = Worker(ROOT, args.folders)
    b = Worker(args.compare, args.folders) if args.compare else None
    rounds_a, rounds_b = [], []
    for _ in range(args.rounds):
        rounds_a.append(a.round())
        if b is not None:
            rounds_b.append(b.round())
    a.close()
    if b is not None:
        b.close()
    sa = summary(rounds_a)
    sb = summary(rounds_b) if rounds_b else {}
    for folder, (med, total, n) in sa.items():
        line = f"{folder}: {n} docs, A ({ROOT}) median {med:.1f} ms/doc, total {total:.0f} ms"
        if folder in sb:
            bmed, btotal, _ = sb[folder]
            line += (f"; B ({args.compare}) median {bmed:.1f} ms/doc, total {btotal:.0f} ms;"
                     f" ratio B/A median {bmed / med:.2f}, total {btotal / total:.2f}")
        print(line)
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
