"""Extraction for a load, in worker processes: files in, graph rows and continuity tokens out, in file order.

Extraction (read, decode, parse, map to rows, cut continuity tokens with jieba) is pure
CPU and needs no store, so a load runs it in a pool of ``jobs`` worker processes while
the one writer in the main process sends batches of documents. The pool is pebble's
``ProcessPool``: each document is one task with the per-document time limit
(``loaders.worker.doc_timeout``); pebble kills the worker of a task that runs past it and
starts a fresh one, and a worker that dies fails only its own document. Up to
``AHEAD_PER_WORKER`` documents per worker are scheduled ahead of the one the writer waits
for, so the workers keep extracting while a batch is written.

Only what the writer needs crosses the pipe: the rows, the tokens, the counts the load
prints, and what the duplicate checks compare (the text's key, the task texts).
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.graph.duplicates import Probe
from policykg.graph.mapping import GraphRows
from policykg.loaders.errors import LoaderError
from policykg.loaders.worker import START_METHOD, doc_timeout, too_slow, watch_parent, worker_died
from policykg.ontology.indicators import Catalogue

#: Documents scheduled ahead per worker: keeps the workers busy through a store write, bounds memory.
AHEAD_PER_WORKER = 50
#: With ``ticks``, how long the caller waits for a result before it is told nothing came.
TICK_SECONDS = 0.5


@dataclass
class Extracted:
    """One file after extraction: its rows, tokens and counts, or the loader's refusal."""

    path: str
    rows: GraphRows | None = None
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    title: str = ""
    tasks: int = 0
    targets: int = 0
    assignments: int = 0
    people: int = 0
    text_key: str = ""
    probe: Probe | None = None
    seconds: float = 0.0
    error: str | None = None

    @property
    def doc_id(self) -> str:
        return self.rows.doc_id if self.rows is not None else ""


def words_of(items: Sequence[Extracted]) -> dict[str, tuple[str, ...]]:
    """The continuity tokens of a batch's tasks, by task id (what the writer takes)."""
    return {k: v for i in items for k, v in i.words.items()}


def same_text_key(text: str) -> str:
    """Two files are the same document when their normalised texts differ at most in whitespace
    (a DOCX and a TXT of one plan differ in the final newline)."""
    return hashlib.sha256("".join(text.split()).encode("utf-8")).hexdigest()


def prepare(path: str, catalogue: Catalogue | None = None) -> Extracted:
    """Extract, map and tokenise one file (in a worker); a refusal is an ``Extracted`` with its error.

    The error travels as text: ``LoaderError`` takes two arguments and does not survive pickling.
    """
    from policykg.graph.mapping import to_graph_rows
    from policykg.graph.writer import task_words
    from policykg.loaders import extract_file

    started = time.perf_counter()
    try:
        extraction = extract_file(Path(path))
    except LoaderError as exc:
        return Extracted(path, error=str(exc), seconds=time.perf_counter() - started)
    rows = to_graph_rows(extraction, catalogue)
    doc = extraction.document
    text = "\n".join(t.text for t in extraction.tasks) or extraction.text
    return Extracted(
        path, rows, task_words(rows), doc.title, len(extraction.tasks), len(extraction.targets),
        sum(len(t.lead) + len(t.support) for t in extraction.tasks), sum(len(t.people) for t in extraction.tasks),
        same_text_key(extraction.text), Probe(doc.id, doc.title or None, doc.issuer, doc.year, text, path),
        time.perf_counter() - started)


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class ExtractionPool:
    """``extract_all(paths)``: each file's ``Extracted``, in order, from up to ``jobs`` worker processes.

    ``timeout`` is the per-document limit; 0 turns it off, and with one job the files are then
    extracted in this process. ``task`` (default ``prepare`` with ``catalogue``) is what a worker
    runs per file. The workers are started on first use, kept between loads (a load after the
    first costs no start-up) and stopped by ``close``.
    """

    def __init__(self, jobs: int | None = None, timeout: float | None = None, catalogue: Catalogue | None = None,
                 task: Callable[[str], Extracted] | None = None) -> None:
        self.jobs = default_jobs() if jobs is None else max(1, int(jobs))
        self.timeout = doc_timeout(timeout)
        self.task = task or functools.partial(prepare, catalogue=catalogue)
        self._pool: Any = None

    def _workers(self) -> Any:
        if self._pool is None:
            from pebble import ProcessPool

            import policykg.loaders  # noqa: F401 - imported before the fork, so workers start warm

            self._pool = ProcessPool(max_workers=self.jobs, initializer=watch_parent,
                                     context=multiprocessing.get_context(START_METHOD))
        return self._pool

    def extract_all(self, paths: Sequence[str | os.PathLike[str]], *, ticks: bool = False) -> Iterator[Extracted | None]:
        """Each file's ``Extracted``, in order. ``ticks``: also ``None`` whenever no result came for
        ``TICK_SECONDS``, so a caller holding a batch can write it instead of waiting on a slow file."""
        files = [str(p) for p in paths]
        if self.timeout <= 0 and self.jobs == 1:
            for path in files:
                yield self._in_process(path)
            return
        pool = self._workers()
        limit = self.timeout if self.timeout > 0 else None
        ahead = self.jobs * AHEAD_PER_WORKER
        todo = iter(files)
        flying: deque[tuple[str, Any, float]] = deque()
        try:
            while True:
                while len(flying) < ahead:
                    upcoming = next(todo, None)
                    if upcoming is None:
                        break
                    flying.append((upcoming, pool.schedule(self.task, args=(upcoming,), timeout=limit),
                                   time.perf_counter()))
                if not flying:
                    return
                path, future, started = flying[0]
                try:
                    result = future.result(timeout=TICK_SECONDS if ticks else None)
                except FutureTimeout:
                    if future.done():  # pebble's own timeout: the worker was killed
                        flying.popleft()
                        yield Extracted(path, error=str(too_slow(path, self.timeout)),
                                        seconds=time.perf_counter() - started)
                    else:
                        yield None  # nothing yet: the caller may write what it holds
                    continue
                except (CancelledError, Exception) as exc:  # noqa: BLE001 - one document's failure, reported as its own
                    flying.popleft()
                    yield Extracted(path, error=self._failure(path, exc), seconds=time.perf_counter() - started)
                    continue
                flying.popleft()
                yield result
        finally:  # the load stopped early: what is still scheduled is not wanted
            for _, future, _ in flying:
                future.cancel()

    @staticmethod
    def _failure(path: str, exc: BaseException) -> str:
        from pebble import ProcessExpired

        if isinstance(exc, ProcessExpired):
            return str(worker_died(path))
        return str(LoaderError(path, f"extraction failed: {type(exc).__name__}: {exc}"))

    def _in_process(self, path: str) -> Extracted:
        started = time.perf_counter()
        try:
            return self.task(path)
        except LoaderError as exc:
            return Extracted(path, error=str(exc), seconds=time.perf_counter() - started)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None
