"""The per-document time limit, and what an extraction worker process does before its first document.

A runaway document (a parser that goes quadratic or worse on some input, a regular
expression that backtracks) must not stall a load of hundreds of files. A thread
cannot be stopped and an alarm signal cannot interrupt a regular expression inside
the C engine, so extraction runs in worker processes, and a worker whose document
runs past the limit is killed and replaced. The pool that does this is pebble's
``ProcessPool`` (``policykg.extraction``): a maintained library that kills a task's
worker on its timeout, replaces dead workers and hands each result to its own future,
where the hand-written fork pool this module held before had to do all of that itself.

What stays here is what pebble does not know about policykg: the limit (the argument,
else ``$POLICYKG_DOC_TIMEOUT``, else 120 s), the one-line errors a load prints for a
document that ran too long or killed its worker, and ``watch_parent``, the worker's
initializer. Workers are forked on Linux (spawn and forkserver re-run the caller's main
module in the child, so a plain script calling ``kg.load`` without an ``if __name__ ==
"__main__"`` guard would fail), and a forked worker never sees its parent's pipe close
when the parent is killed (its siblings hold copies of the other end), so it watches the
parent's pid and exits when it changes.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from policykg.loaders.errors import LoaderError

#: How workers start (see the module docstring).
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
#: How often a worker checks that its parent still lives (an orphan exits within this).
PARENT_CHECK_S = 1.0
#: Seconds one document may take to extract; ``POLICYKG_DOC_TIMEOUT`` overrides it, 0 turns it off.
DEFAULT_TIMEOUT = 120.0


def doc_timeout(value: float | None = None) -> float:
    """The per-document limit: the argument, else ``$POLICYKG_DOC_TIMEOUT``, else the default."""
    if value is not None:
        return float(value)
    env = os.environ.get("POLICYKG_DOC_TIMEOUT")
    if env:
        try:
            return float(env)
        except ValueError as exc:
            raise ValueError(f"POLICYKG_DOC_TIMEOUT must be a number of seconds, not {env!r}") from exc
    return DEFAULT_TIMEOUT


def too_slow(path: str | Path, timeout: float) -> LoaderError:
    return LoaderError(path, f"extraction ran past the per-document limit of {timeout:g} s and was "
                             "stopped (raise it with --timeout or POLICYKG_DOC_TIMEOUT)")


def worker_died(path: str | Path) -> LoaderError:
    return LoaderError(path, "the extraction worker died on this document (out of memory?)")


def watch_parent() -> None:
    """A worker's initializer: ignore the terminal's Ctrl-C, and exit once the parent is gone.

    Ctrl-C reaches the whole process group; the parent decides (finish the batch, or stop the
    pool), so no document fails for it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="policykg-parent-watch", daemon=True).start()
