"""Extraction for a load, in worker processes: files in, graph rows and continuity tokens out.

Extraction (read, decode, parse, map to rows, cut continuity tokens with jieba) is
pure CPU and needs no store, so a load runs it in a pool of ``jobs`` worker processes
while the one writer in the main process sends batches of documents. Results come
back in file order. Each worker is an ``ExtractionWorker`` (``loaders.worker``): a
document that runs past the per-document limit is killed with its worker, becomes
one ``LoaderError``, and a fresh worker takes the next file.

Only what the writer needs crosses the pipe: the rows, the tokens, the counts the
load prints, and what the duplicate checks compare (the text's key, the task texts).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from policykg.graph.duplicates import Probe
from policykg.graph.mapping import GraphRows
from policykg.loaders.errors import LoaderError
from policykg.loaders.worker import ExtractionWorker, doc_timeout, too_slow
from policykg.ontology.indicators import Catalogue

#: Below this many files one worker is enough (starting one costs about a second).
MIN_FILES_PER_WORKER = 8
#: Finished results kept waiting for an earlier, slower file, per worker: bounds memory.
AHEAD_PER_WORKER = 8
#: Extracted documents waiting for the writer: two bulk batches, so extraction never waits on a write.
QUEUE_SIZE = 200
#: With ``ticks``, how long the caller waits for a result before it is told nothing came.
TICK_SECONDS = 0.5
#: How often a wait on the workers looks whether the load was stopped.
STOP_CHECK_SECONDS = 0.2


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
    """The continuity tokens of a batch's tasks, by task id (what the writers take)."""
    return {k: v for i in items for k, v in i.words.items()}


def same_text_key(text: str) -> str:
    """Two files are the same document when their normalised texts differ at most in whitespace
    (a DOCX and a TXT of one plan differ in the final newline)."""
    return hashlib.sha256("".join(text.split()).encode("utf-8")).hexdigest()


def prepare(path: str, catalogue: Catalogue | None = None) -> Extracted:
    """Extract, map and tokenise one file (in a worker); a refusal raises ``LoaderError``."""
    from policykg.graph.mapping import to_graph_rows
    from policykg.graph.writer import task_words
    from policykg.loaders import extract_file

    started = time.perf_counter()
    extraction = extract_file(Path(path))
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
    """``extract_all(paths)``: each file's ``Extracted``, in order, from up to ``jobs`` workers.

    ``timeout`` is the per-document limit (``loaders.worker.doc_timeout``); 0 turns it
    off, and with one job the files are then extracted in this process. Workers are
    kept between loads and stopped by ``close``.
    """

    def __init__(self, jobs: int | None = None, timeout: float | None = None,
                 catalogue: Catalogue | None = None) -> None:
        self.jobs = default_jobs() if jobs is None else max(1, int(jobs))
        self.timeout = doc_timeout(timeout)
        self.task = functools.partial(prepare, catalogue=catalogue)
        self._workers: list[ExtractionWorker] = []

    def extract_all(self, paths: Sequence[str | os.PathLike[str]], *, ticks: bool = False) -> Iterator[Extracted | None]:
        """Each file's ``Extracted``, in order. ``ticks``: also ``None`` whenever no result came for
        ``TICK_SECONDS``, so a caller holding a batch can write it instead of waiting on a slow file."""
        files = [str(p) for p in paths]
        if self.timeout <= 0 and self.jobs == 1:
            for path in files:
                yield self._in_process(path)
            return
        wanted = max(1, min(self.jobs, -(-len(files) // MIN_FILES_PER_WORKER)))
        while len(self._workers) < wanted:
            # No limit wanted: a worker still needs a deadline to wait on; a week is none.
            self._workers.append(ExtractionWorker(self.timeout if self.timeout > 0 else 7 * 86_400.0, self.task))
        stop = threading.Event()
        yield from self._in_background(self._run(files, self._workers[:wanted], stop), stop, ticks)

    @staticmethod
    def _in_background(results: Iterator[Extracted], stop: threading.Event,
                       ticks: bool) -> Iterator[Extracted | None]:
        """Drive the workers from a thread, so they keep extracting while the caller writes a batch.

        Without it the workers are fed only when the caller asks for the next result, and sit
        idle through every store write. The queue bounds how far extraction runs ahead.
        """
        ready: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=QUEUE_SIZE)

        def feed() -> None:
            try:
                for item in results:
                    while not stop.is_set():
                        try:
                            ready.put(("item", item), timeout=0.2)
                            break
                        except queue.Full:
                            continue
                    if stop.is_set():
                        break
                ready.put(("end", None))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                ready.put(("error", exc))
            finally:
                results.close()  # type: ignore[attr-defined]  # a generator: its finally stops busy workers

        feeder = threading.Thread(target=feed, name="policykg-extract-feed", daemon=True)
        feeder.start()
        try:
            while True:
                try:
                    kind, value = ready.get(timeout=TICK_SECONDS if ticks else None)
                except queue.Empty:
                    yield None
                    continue
                if kind == "end":
                    return
                if kind == "error":
                    raise value
                yield value
        finally:
            stop.set()
            while feeder.is_alive():  # let a blocked put see the stop
                with contextlib.suppress(queue.Empty):
                    ready.get_nowait()
                feeder.join(0.05)

    def _in_process(self, path: str) -> Extracted:
        started = time.perf_counter()
        try:
            result: Extracted = self.task(path)
            return result
        except LoaderError as exc:
            return Extracted(path, error=str(exc), seconds=time.perf_counter() - started)

    def _run(self, files: list[str], workers: list[ExtractionWorker], stop: threading.Event) -> Iterator[Extracted]:
        queue = deque(enumerate(files))
        done: dict[int, Extracted] = {}
        busy: dict[int, tuple[int, float]] = {}  # worker index -> (file index, start)
        nxt = 0
        idle = list(range(len(workers)))
        try:
            while nxt < len(files) and not stop.is_set():
                while idle and queue and len(done) + len(busy) < len(workers) * AHEAD_PER_WORKER:
                    w = idle.pop()
                    k, path = queue.popleft()
                    workers[w].submit(path)
                    busy[w] = (k, time.perf_counter())
                if busy:
                    soonest = min(workers[w].deadline for w in busy)
                    conns = {workers[w].connection: w for w in busy}
                    ready = wait([c for c in conns if c is not None],
                                 min(STOP_CHECK_SECONDS, max(0.0, soonest - time.monotonic())))
                    for conn in ready:
                        w = conns[conn]  # type: ignore[index]
                        k, started = busy.pop(w)
                        done[k] = self._collect(workers[w], files[k], started)
                        idle.append(w)
                    for w in [w for w in busy if workers[w].deadline <= time.monotonic()]:
                        k, started = busy.pop(w)
                        workers[w].close()  # killed; the next submit starts a fresh worker
                        done[k] = Extracted(files[k], error=str(too_slow(files[k], self.timeout)),
                                            seconds=time.perf_counter() - started)
                        idle.append(w)
                while nxt in done:
                    yield done.pop(nxt)
                    nxt += 1
        finally:  # the load stopped early: a worker still busy would answer the next load with this one's file
            for w in busy:
                workers[w].close()

    @staticmethod
    def _collect(worker: ExtractionWorker, path: str, started: float) -> Extracted:
        try:
            result: Extracted = worker.collect()
            return result
        except LoaderError as exc:
            return Extracted(path, error=str(exc), seconds=time.perf_counter() - started)

    def close(self) -> None:
        for worker in self._workers:
            worker.close()
        self._workers = []
