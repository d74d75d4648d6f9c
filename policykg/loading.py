"""The load path, in one place: read → extract → write in batches → continuity repaired.

``load_files`` is all of it, and ``KnowledgeGraph.load_iter`` (the CLI's ``load``, the API's
uploads) only opens the store and the pool and delegates here:

1. **Read.** ``scan_paths`` lists the files of the folders given (and what it skips, with why).
2. **Extract.** ``extraction.ExtractionPool`` runs each file in a worker process (pebble), with
   the per-document time limit, and yields each file's rows in file order.
3. **Write.** Documents are gathered into batches (``batch`` documents, or what came within
   ``BATCH_SECONDS``) and each batch is one transaction of ``graph.writer.write_documents``: the
   documents' rows, and the CONTINUES edges of the agencies the batch touched, repaired inside
   the same transaction. A document is in the store whole or not at all. A batch the store
   refuses is retried document by document, so one bad document fails alone.
4. **Report.** One ``LoadResult`` per file, in file order, with the notes the duplicate checks
   give (the same text twice in this load, a document already stored from another file, a
   near-duplicate of a stored plan).

There is one write path: whether the store was empty or another loader writes at the same
time, the same statements run and the same graph comes out (tests/test_load_paths.py).
``assemble_files`` is its offline twin for a store's own bulk importer: the same extraction,
and the graph's final rows assembled in memory (``graph.firstload``) instead of written. What
makes a first load fast is not a second path but that each batch reads little: the loader
keeps its documents' continuity tokens in memory (``writer.TaskMemory``), so a later plan of
the same agency is compared without reading anything back.
"""

from __future__ import annotations

import fnmatch
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.extraction import Extracted, ExtractionPool, words_of
from policykg.graph.duplicates import near_duplicates_of, stored_sources
from policykg.graph.firstload import FirstLoad, Sink
from policykg.graph.store import GraphStore, ServerGone, StoreError
from policykg.graph.writer import TaskMemory, write_documents

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".csv")
#: Documents per transaction.
BATCH = 100
#: A batch waits at most this long for more documents: slow files still show progress as they load.
BATCH_SECONDS = 2.0
LOAD_COLUMNS = ("status", "source", "document", "title", "tasks", "assignments", "people", "targets", "seconds", "detail")
Row = dict[str, Any]


@dataclass
class LoadResult:
    """What happened to one file: loaded (with counts), failed (with the reason), or a duplicate.

    ``duplicate_of`` names the file of this run whose text is the same: that one was
    loaded, this one was not written again. ``notes`` carry what an analyst should
    know (a near-duplicate, a document already in the store from another file).
    """

    source: str
    ok: bool
    doc_id: str | None = None
    title: str = ""
    tasks: int = 0
    targets: int = 0
    assignments: int = 0  # lead and support mentions over all tasks
    people: int = 0
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0
    error: str | None = None
    duplicate_of: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "failed" if not self.ok else "duplicate" if self.duplicate_of else "loaded"

    def as_row(self) -> Row:
        return {"status": self.status, "source": self.source, "document": self.doc_id, "title": self.title,
                "tasks": self.tasks, "assignments": self.assignments, "people": self.people, "targets": self.targets,
                "seconds": round(self.seconds, 3),
                "detail": self.error or (f"same text as {self.duplicate_of}" if self.duplicate_of else "; ".join(self.notes))}


@dataclass
class LoadStats:
    """Where the last load's time went, in seconds (``KnowledgeGraph.last_load``; the bench prints it)."""

    extract_s: float = 0.0  # extraction summed over files (in the workers, beside the writer)
    wait_s: float = 0.0  # the writer waiting for extraction results
    write_s: float = 0.0  # duplicate checks and store writes, continuity included
    batches: int = 0


# --- 1. read ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Skipped:
    """A file in a folder that a load leaves alone, and why."""

    path: Path
    reason: str


@dataclass
class Scan:
    """The files a load will read, the files it skips (with reasons), and paths that do not exist."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


def scan_paths(paths: Iterable[str | os.PathLike[str]], include: Sequence[str] = (),
               exclude: Sequence[str] = ()) -> Scan:
    """Files as given, and the plan files inside any folder, in a stable order.

    In a folder, a file is read if its suffix is one policykg reads (or, with
    ``include`` globs, if it matches one of them) and no ``exclude`` glob matches it;
    every other file is listed in ``skipped`` with the reason. Globs match the file
    name or its path inside the folder. A file named explicitly is always read.
    """
    scan = Scan()
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                reason = _skip_reason(f, f.relative_to(p), include, exclude)
                if reason:
                    scan.skipped.append(Skipped(f, reason))
                else:
                    scan.files.append(f)
        elif p.exists():
            scan.files.append(p)
        else:
            scan.missing.append(p)
    return scan


def _skip_reason(path: Path, rel: Path, include: Sequence[str], exclude: Sequence[str]) -> str | None:
    def matches(globs: Sequence[str]) -> str | None:
        return next((g for g in globs if fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(str(rel), g)), None)

    if any(part.startswith(".") for part in rel.parts):
        return "hidden file"
    if include:
        if matches(include) is None:
            return f"not matched by --include {' '.join(include)}"
    elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return (f"not a format policykg reads ({path.suffix or 'no suffix'}); it reads "
                f"{' '.join(SUPPORTED_SUFFIXES)} (--include '*{path.suffix}' to try it anyway)")
    hit = matches(exclude)
    if hit is not None:
        return f"excluded by --exclude {hit}"
    return None


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files a load reads (``scan_paths`` without the reasons)."""
    scan = scan_paths(paths)
    return scan.files + scan.missing  # a missing path fails on load, with its name


# --- 2-4. extract, write, report -----------------------------------------------------------------------


def load_files(store: GraphStore, files: Sequence[str | os.PathLike[str]], pool: ExtractionPool, *,
               batch: int | None = None, on_start: Callable[[Path], None] | None = None,
               stop: Callable[[], bool] | None = None, stats: LoadStats | None = None) -> Iterator[LoadResult]:
    """Load ``files`` into ``store``: one ``LoadResult`` per file, in file order.

    ``stop``, checked after each file, ends the load once the documents extracted so far are
    written. If the embedded store's server dies, the load stops at once with a ``ServerGone``
    naming the document in flight; the batches committed before it stay.
    """
    stats = stats if stats is not None else LoadStats()
    size = max(1, batch or BATCH)
    memory = TaskMemory()
    seen: dict[str, str] = {}  # text key -> the file of this load that brought it
    pending: list[Extracted] = []
    waited = batch_started = time.perf_counter()
    for item in pool.extract_all(files, ticks=True):
        if item is not None:  # None: nothing extracted for a while, so a waiting batch may be due
            stats.wait_s += time.perf_counter() - waited
            stats.extract_s += item.seconds
            if on_start:
                on_start(Path(item.path))
            if (unwritten := _unwritten(item, seen)) is not None:
                yield unwritten
            else:
                if not pending:
                    batch_started = time.perf_counter()
                pending.append(item)
        stopping = stop is not None and stop()
        due = bool(pending) and (len(pending) >= size or stopping
                                 or time.perf_counter() - batch_started >= BATCH_SECONDS)
        if due:
            yield from _write_batch(store, pending, memory, stats)
            pending = []
        if stopping:
            return
        if item is not None or due:  # the time a write took is not time spent waiting
            waited = time.perf_counter()
    if pending:
        yield from _write_batch(store, pending, memory, stats)


def _unwritten(item: Extracted, seen: dict[str, str]) -> LoadResult | None:
    """The result of a file that is not written: refused by the loaders, or the same text as a file
    this load already took (``seen``: text key -> that file). None for a file to write, now in ``seen``."""
    if item.rows is None:
        return LoadResult(item.path, False, error=item.error, seconds=item.seconds)
    if item.text_key in seen:
        return LoadResult(item.path, True, item.doc_id, item.title, item.tasks, item.targets,
                          seconds=item.seconds, duplicate_of=seen[item.text_key])
    seen[item.text_key] = item.path
    return None


def assemble_files(files: Sequence[str | os.PathLike[str]], pool: ExtractionPool, sink: Sink, *,
                   on_start: Callable[[Path], None] | None = None) -> Iterator[LoadResult]:
    """A first load without a store: ``files`` extracted as ``load_files`` does, their final rows sent to
    ``sink`` (``graph.firstload``) for a store's native importer (``graph.neo4j_import``). One
    ``LoadResult`` per file as it is extracted; the shared rows, CONTINUES edges and tallies reach the
    sink once every file is in."""
    assembled = FirstLoad(sink)
    seen: dict[str, str] = {}
    for item in pool.extract_all(files):
        assert item is not None  # no ticks asked for
        if on_start:
            on_start(Path(item.path))
        if (unwritten := _unwritten(item, seen)) is not None:
            yield unwritten
        else:
            assert item.rows is not None
            assembled.add(item.rows, item.words)
            nodes, rels = item.rows.counts()
            yield LoadResult(item.path, True, item.doc_id, item.title, item.tasks, item.targets, item.assignments,
                             item.people, nodes, rels, item.seconds)
    assembled.finish()


def _write_batch(store: GraphStore, items: list[Extracted], memory: TaskMemory, stats: LoadStats) -> list[LoadResult]:
    """Write one batch (one transaction) with the notes the duplicate checks give; results in file order."""
    started = time.perf_counter()
    try:
        sources = stored_sources(store, [i.doc_id for i in items])
        near = near_duplicates_of(store, [i.probe for i in items if i.probe is not None])
        failed = _write_isolating(store, items, memory)
    except ServerGone as exc:
        raise ServerGone(f"{exc}; the load stopped at {items[0].path} (the batches before it are stored; "
                         "the next command starts a fresh server)") from exc
    took = time.perf_counter() - started
    stats.write_s += took
    stats.batches += 1
    share = took / len(items)
    results: list[LoadResult] = []
    for item in items:
        seconds = item.seconds + share
        if item.path in failed:
            results.append(LoadResult(item.path, False, error=failed[item.path], seconds=seconds))
            continue
        notes = []
        earlier = sources.get(item.doc_id)
        if earlier and Path(earlier).resolve() != Path(item.path).resolve():
            notes.append(f"same text as {earlier}, already in the store: replaced, counted once")
        notes += [f"near-duplicate of {d.source or d.doc_id} ({d.similarity:.0%} of the text the same): "
                  "republished? both kept" for d in near.get(item.doc_id, [])]
        if not item.assignments and not item.targets:
            notes.append("no assignments and no targets found: loaded as text only (check its layout)")
        notes += [f"review: {why}" for why in item.review]
        assert item.rows is not None
        nodes, rels = item.rows.counts()
        results.append(LoadResult(item.path, True, item.doc_id, item.title, item.tasks, item.targets,
                                  item.assignments, item.people, nodes, rels, seconds, notes=notes))
    return results


def _write_isolating(store: GraphStore, items: list[Extracted], memory: TaskMemory) -> dict[str, str]:
    """Write the documents in one transaction; if the store refuses it, each alone. Returns the failures."""
    try:
        write_documents(store, [i.rows for i in items if i.rows is not None], words_of(items), memory)
        return {}
    except ServerGone:
        raise
    except StoreError as exc:
        if len(items) == 1:
            return {items[0].path: str(exc)}
    failed: dict[str, str] = {}
    for item in items:
        failed.update(_write_isolating(store, [item], memory))
    return failed
