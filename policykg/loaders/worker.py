"""Extraction in a worker process, with a time limit per document.

A runaway document (a parser that goes quadratic or worse on some input, a regular
expression that backtracks) must not stall a load of hundreds of files. A thread
cannot be stopped and an alarm signal cannot interrupt a regular expression inside
the C engine, so the extraction runs in a child process that is killed when the
limit passes; the document becomes one ``LoaderError`` and the run goes on with a
fresh worker. The worker is started once and reused for every document; it exits
when its parent goes away, killed or not. On Linux it is forked: spawn and forkserver re-run the
caller's main module in the child, so a plain script calling ``kg.load`` without an
``if __name__ == "__main__"`` guard would fail; the client has no JVM and no driver
threads of its own (the store is another process), and the child only extracts.

What the worker runs is a picklable ``task(path)`` (default ``extract_file``); a load
gives it one that maps the extraction to graph rows too (``policykg.loading``), so the
CPU work of a document happens in the worker and only rows cross the pipe. ``submit``
and ``collect`` let a pool of workers (``policykg.loading.ExtractionPool``) keep
several documents in flight with one deadline each.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from policykg.loaders.errors import LoaderError
from policykg.loaders.pipeline import extract_file
from policykg.loaders.types import Extraction

#: How workers start (see the module docstring).
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
#: How often an idle worker checks that its parent still lives (an orphan exits within this).
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


def _serve(conn: Connection, task: Callable[[str], Any]) -> None:
    """The worker's loop: a path in, ``(True, task(path))`` or ``(False, (source, reason))`` out.

    A terminal's Ctrl-C reaches the whole process group; the worker ignores it and lets the
    parent decide (finish the batch, or stop the worker), so no document fails for it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    while True:
        try:
            # A forked worker never sees EOF when its parent is killed: it (and every worker forked
            # after it) holds a copy of the parent's end of the pipe. So it also watches its parent.
            while not conn.poll(PARENT_CHECK_S):
                if os.getppid() != parent:
                    return
            path = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        try:
            conn.send((True, task(path)))
        except LoaderError as exc:
            conn.send((False, (exc.source, exc.reason)))


def too_slow(path: str | Path, timeout: float) -> LoaderError:
    return LoaderError(path, f"extraction ran past the per-document limit of {timeout:g} s and was "
                             "stopped (raise it with --timeout or POLICYKG_DOC_TIMEOUT)")


class ExtractionWorker:
    """``extract(path)`` like ``extract_file`` (or ``task``), but at most ``timeout`` seconds per document."""

    def __init__(self, timeout: float | None = None, task: Callable[[str], Any] = extract_file) -> None:
        self.timeout = doc_timeout(timeout)
        self.task = task
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None
        #: The document in flight and when its time is up (``submit``/``collect``).
        self.path: str | None = None
        self.deadline = 0.0

    def extract(self, path: str | Path) -> Extraction:
        if self.timeout <= 0:
            return extract_file(path) if self.task is extract_file else self.task(str(path))
        conn = self.submit(path)
        if not conn.poll(self.timeout):
            self.close()
            raise too_slow(path, self.timeout)
        result: Extraction = self.collect()
        return result

    def submit(self, path: str | Path) -> Connection:
        """Send one document to the worker (started if need be); its answer is read by ``collect``."""
        conn = self._start()
        conn.send(str(path))
        self.path, self.deadline = str(path), time.monotonic() + self.timeout
        return conn

    def collect(self) -> Any:
        """The answer to the document in flight: the task's result, or its ``LoaderError`` raised here."""
        path, self.path = self.path or "", None
        assert self._conn is not None
        try:
            ok, payload = self._conn.recv()
        except (EOFError, OSError) as exc:
            self.close()
            raise LoaderError(path, "the extraction worker died on this document (out of memory?)") from exc
        if ok:
            return payload
        source, reason = payload
        raise LoaderError(source, reason)

    @property
    def connection(self) -> Connection | None:
        return self._conn

    def _start(self) -> Connection:
        if self._proc is not None and self._proc.is_alive() and self._conn is not None:
            return self._conn
        self.close()
        ctx = multiprocessing.get_context(START_METHOD)
        parent, child = ctx.Pipe()
        # every concrete context has Process; BaseContext's stub does not say so
        proc = ctx.Process(target=_serve, args=(child, self.task), daemon=True,  # type: ignore[attr-defined]
                           name="policykg-extract")
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        return parent

    def close(self) -> None:
        """Stop the worker (a runaway one is killed); the next ``extract`` starts a new one."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(5)
            self._proc = None
        self.path = None
