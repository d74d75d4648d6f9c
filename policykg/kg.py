"""The Python API: ``kg = policykg.open(path_or_uri)``; the CLI and HTTP API sit on it.

It ties the stages together without holding any logic of its own: loaders make
Extractions, ``graph.writer`` stores them, ``queries`` reads them back. Every CLI
verb is a few lines over this class, so what the command line can do a notebook
can do too, with the same errors.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.graph.schema import ensure_schema
from policykg.graph.stamp import HIDDEN_LABELS
from policykg.graph.store import BoltStore, ServerGone, StoreError, is_remote, open_store, store_spec
from policykg.ontology.indicators import ENV_VAR as INDICATORS_ENV
from policykg.ontology.indicators import Catalogue, load_catalogue
from policykg.queries import get_query, run_cypher, run_named

if TYPE_CHECKING:  # the load path (loaders, writer, workers) is imported when a load runs: a read
    # command then starts in a fraction of the time (issue 20)
    import pandas as pd

    from policykg.graph.bulk import BulkWriter
    from policykg.loaders.types import Extraction
    from policykg.loading import Extracted, ExtractionPool

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".csv")
Row = dict[str, Any]


class ConfigError(ValueError):
    """A file the user gave (an indicator catalogue) cannot be used; the message names it and the fix."""


class NoStore(StoreError):
    """A read was asked of a store directory that does not exist (a mistyped --store, most often)."""


class UnknownId(LookupError):
    """No task or target has the id asked for; the message says what ids look like and where they come from."""


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
    #: Already in the store (a bulk rerun): not written again.
    present: bool = False

    @property
    def status(self) -> str:
        return ("failed" if not self.ok else "duplicate" if self.duplicate_of else "present" if self.present
                else "loaded")

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


#: Documents per transaction on the transactional path (the bulk path: ``graph.bulk.BULK_BATCH``).
TRANSACTION_BATCH = 50
#: A batch waits at most this long for more documents: slow files still show progress as they load.
BATCH_SECONDS = 2.0
_ANY_DOCUMENT = "MATCH (d:Document) RETURN d.id AS id LIMIT 1"


def _agency(item: Extracted) -> str:
    from policykg.graph.writer import issuer

    return (issuer(item.rows) if item.rows is not None else None) or ""


#: The columns of ``stats()`` (and ``policykg stats``).
STATS_COLUMNS = ("kind", "name", "count")
LOAD_COLUMNS = ("status", "source", "document", "title", "tasks", "assignments", "people", "targets", "seconds", "detail")


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


def extract(path: str | os.PathLike[str]) -> Extraction:
    """What the loader finds in one file, without any store (``policykg extract``)."""
    from policykg.loaders import extract_file

    return extract_file(Path(path))


def read_catalogue(indicators: str | os.PathLike[str] | None) -> Catalogue | None:
    """The analyst's indicator catalogue on top of the shipped one, read and checked now.

    None when neither ``indicators`` nor ``$POLICYKG_INDICATORS`` names a file. A bad
    file is a ``ConfigError`` naming it, before any store is started.
    """
    if not indicators and not os.environ.get(INDICATORS_ENV):
        return None
    import yaml

    try:
        return load_catalogue(indicators) if indicators else load_catalogue()
    except FileNotFoundError as exc:
        raise ConfigError(f"{exc}; check the path") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"indicator catalogue {indicators or os.environ.get(INDICATORS_ENV)} is not valid YAML{where}: "
                          f"{problem}; fix the file (see policykg/ontology/data/indicators.yaml for the layout)") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise ConfigError(f"indicator catalogue: {exc}; fix the file (see policykg/ontology/data/indicators.yaml)") from None
    except OSError as exc:
        raise ConfigError(f"indicator catalogue {indicators}: cannot read it ({exc.strerror or exc})") from None


def check_store(spec: str, *, create: bool) -> None:
    """Refuse a store path that is a file, or (``create=False``) one with no store in it.

    An empty directory is a store about to be made (the user made it for one); a
    directory holding other things is not taken over by a read.
    """
    if is_remote(spec):
        return
    from policykg.graph.layout import STORE_MARKER

    root = Path(spec).expanduser()
    if root.exists() and not root.is_dir():
        raise StoreError(f"--store {spec} is a file, not a store directory; give a directory (new or existing) "
                         "or a bolt:// URI")
    if create:
        return
    if not root.exists():
        raise NoStore(f"no store at {spec}: it would be new and empty; load plans first "
                      f"(policykg --store {spec} load FOLDER), or check --store / $POLICYKG_STORE")
    if not ((root / STORE_MARKER).exists() or (root / "databases").is_dir() or not any(root.iterdir())):
        raise NoStore(f"{spec} is not a policykg store (no {STORE_MARKER} or databases/ in it); "
                      "give the store you loaded into, or load plans there first")


def prepare_demo(store: str | os.PathLike[str]) -> str:
    """Make ``store`` an empty demo store, deleting nothing policykg did not create there.

    Returns the store path; raises ``ConfigError`` for a Neo4j URI, a file, a user's
    folder or an analysis store (``StoreLayout.reset_demo`` says which).
    """
    from policykg.graph import embedded
    from policykg.graph.layout import NotAStoreError, StoreLayout

    spec = store_spec(store)
    if is_remote(spec):
        raise ConfigError("the demo builds a fresh embedded store; give a directory, not a server URI")
    layout = StoreLayout(Path(spec))
    if layout.is_demo():
        embedded.stop_server(layout.root, force=True)
    try:
        layout.reset_demo()
    except NotAStoreError as exc:
        raise ConfigError(str(exc)) from None
    return spec


class KnowledgeGraph:
    def __init__(self, store: BoltStore, spec: str, catalogue: Catalogue | None = None) -> None:
        self.store = store
        self.spec = spec
        # None means the shipped indicator catalogue (plus $POLICYKG_INDICATORS), chosen by the mapping.
        self.catalogue = catalogue
        self._schema_ready = False
        self._pool: ExtractionPool | None = None
        self._pool_lock = threading.Lock()
        self._pool_busy = False
        self.last_load = LoadStats()

    @classmethod
    def open(cls, store: str | os.PathLike[str] | None = None, *, heap: str | None = None,
             indicators: str | os.PathLike[str] | None = None, create: bool = True,
             notify: Callable[[str], None] | None = None) -> KnowledgeGraph:
        """Open (``create``: or make) the store at a directory, or a Neo4j server at a Bolt URI.

        Everything that can be checked without a server is checked first (the catalogue
        YAML, a store path that is a file or, with ``create=False``, is not there), so a
        typo costs no JVM start. ``notify`` hears when the embedded store's server has to
        be started, and how long that took (the CLI prints it).
        """
        spec = store_spec(store)
        catalogue = read_catalogue(indicators)
        check_store(spec, create=create)
        return cls(open_store(spec, heap=heap, notify=notify), spec, catalogue)

    def close(self) -> None:
        try:
            if self._pool is not None:
                self._pool.close()
        finally:
            self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ensure_schema(self) -> None:
        if not self._schema_ready:
            ensure_schema(self.store)
            self._schema_ready = True

    # --- loading ---

    def load_iter(self, paths: Iterable[str | os.PathLike[str]], on_start: Callable[[Path], None] | None = None, *,
                  include: Sequence[str] = (), exclude: Sequence[str] = (), timeout: float | None = None,
                  jobs: int | None = None, bulk: bool | None = None, batch: int | None = None,
                  stop: Callable[[], bool] | None = None) -> Iterator[LoadResult]:
        """Load files and folders; one LoadResult per file read, in file order.

        Extraction runs in ``jobs`` worker processes (default: the cores), each file with
        ``timeout`` seconds at most (default ``$POLICYKG_DOC_TIMEOUT`` or 120 s; 0: no limit).
        Documents are written ``batch`` at a time, each batch one transaction with its
        CONTINUES edges, so a document is in the store whole or not at all; a batch the store
        refuses is retried document by document, so one bad document fails alone. A file whose
        normalised text equals one already read in this run is not written again
        (``duplicate_of``); a near-duplicate of a stored document is loaded and noted.

        ``bulk`` (default: when the store holds no document yet) writes the plans of agencies
        the store does not know yet through ``graph.bulk`` (continuity kept in memory) and
        skips documents already in the store, so a rerun after a crash completes what was
        missing. ``stop``, checked after each file, ends the load once the documents
        extracted so far are written. If the embedded store's server dies, the load stops at
        once with a ``ServerGone``; the batches committed before it stay.
        """
        self.ensure_schema()
        scan = scan_paths(paths, include, exclude)
        with self._extraction_pool(jobs, timeout) as pool:
            yield from self._load_files(scan, pool, bulk, batch, on_start, stop)

    def _load_files(self, scan: Scan, pool: ExtractionPool, bulk: bool | None, batch: int | None,
                    on_start: Callable[[Path], None] | None, stop: Callable[[], bool] | None) -> Iterator[LoadResult]:
        from policykg.graph.bulk import BULK_BATCH, BulkWriter

        if bulk is None:
            bulk = not self.store.read(_ANY_DOCUMENT)
        writer = BulkWriter(self.store) if bulk else None
        size = max(1, batch or (BULK_BATCH if bulk else TRANSACTION_BATCH))
        self.last_load = LoadStats()
        completed = False
        try:
            seen: dict[str, str] = {}
            pending: list[Extracted] = []
            waited = batch_started = time.perf_counter()
            for item in pool.extract_all(scan.files + scan.missing, ticks=True):
                if item is not None:  # None: nothing extracted for a while, so a waiting batch may be due
                    self.last_load.wait_s += time.perf_counter() - waited
                    self.last_load.extract_s += item.seconds
                    if on_start:
                        on_start(Path(item.path))
                    if item.rows is None:
                        yield LoadResult(item.path, False, error=item.error, seconds=item.seconds)
                    elif item.text_key in seen:
                        yield LoadResult(item.path, True, item.doc_id, item.title, item.tasks, item.targets,
                                         seconds=item.seconds, duplicate_of=seen[item.text_key])
                    else:
                        seen[item.text_key] = item.path
                        if not pending:
                            batch_started = time.perf_counter()
                        pending.append(item)
                stopping = stop is not None and stop()
                overdue = time.perf_counter() - batch_started >= BATCH_SECONDS
                flushed = bool(pending) and (len(pending) >= size or stopping or overdue)
                if flushed:
                    yield from self._flush(pending, writer)
                    pending = []
                if stopping:
                    break
                if item is not None or flushed:  # the time a write took is not time spent waiting
                    waited = time.perf_counter()
            if pending:
                yield from self._flush(pending, writer)
            completed = True
        finally:  # a consumer that stops iterating early (GeneratorExit) still gets consistent edges
            if writer is not None and (completed or sys.exc_info()[0] is GeneratorExit):
                writer.reconcile()

    def _flush(self, items: list[Extracted], writer: BulkWriter | None) -> Iterator[LoadResult]:
        """Write one batch (one transaction), with the notes the duplicate checks give; results in file order."""
        try:
            results = self._write_batch(items, writer)
        except ServerGone as exc:
            raise ServerGone(f"{exc}; the load stopped at {items[0].path} (the batches before it are stored; "
                             "the next command starts a fresh server)") from exc
        yield from results

    def _write_batch(self, items: list[Extracted], writer: BulkWriter | None) -> list[LoadResult]:
        from policykg.graph.duplicates import near_duplicates_of, stored_sources

        started = time.perf_counter()
        ids = [i.doc_id for i in items]
        sources = stored_sources(self.store, ids)
        near = near_duplicates_of(self.store, [i.probe for i in items if i.probe is not None])
        present: set[str] = set()
        groups: list[tuple[list[Extracted], Callable[[list[Extracted]], None]]] = []
        if writer is not None:
            present = writer.already_stored(ids)
            fresh = [i for i in items if i.doc_id not in present]
            known = writer.agencies_in_store()
            groups = [([i for i in fresh if _agency(i) not in known], functools.partial(self._write_bulk, writer)),
                      ([i for i in fresh if _agency(i) in known], self._write_transactional)]
        else:
            groups = [(items, self._write_transactional)]
        failed: dict[str, str] = {}
        for group, write in groups:
            if group:
                failed.update(self._write_isolating(group, write))
        if writer is not None and failed:
            # A document the bulk path could not create (another loader wrote it meanwhile): written the
            # transactional way, which replaces; ``BulkWriter.reconcile`` fixes its agency's edges at the end.
            retry = [i for i in items if i.path in failed]
            failed = self._write_isolating(retry, self._write_transactional)
        share = (time.perf_counter() - started) / max(len(items), 1)
        self.last_load.write_s += time.perf_counter() - started
        self.last_load.batches += 1
        results: list[LoadResult] = []
        for item in items:
            seconds = item.seconds + share
            if item.path in failed:
                results.append(LoadResult(item.path, False, error=failed[item.path], seconds=seconds))
                continue
            notes = []
            earlier = sources.get(item.doc_id)
            if item.doc_id in present:
                notes.append("already in the store: not written again (a bulk load skips what is there)")
            elif earlier and Path(earlier).resolve() != Path(item.path).resolve():
                notes.append(f"same text as {earlier}, already in the store: replaced, counted once")
            notes += [f"near-duplicate of {d.source or d.doc_id} ({d.similarity:.0%} of the text the same): "
                      "republished? both kept" for d in near.get(item.doc_id, [])]
            if not item.assignments and not item.targets:
                notes.append("no assignments and no targets found: loaded as text only (check its layout)")
            assert item.rows is not None
            nodes, rels = item.rows.counts()
            results.append(LoadResult(item.path, True, item.doc_id, item.title, item.tasks, item.targets,
                                      item.assignments, item.people, nodes, rels, seconds, notes=notes,
                                      present=item.doc_id in present))
        return results

    def _write_isolating(self, group: list[Extracted],
                         write: Callable[[list[Extracted]], None]) -> dict[str, str]:
        """Write a group in one transaction; if the store refuses it, each document alone. Returns the failures."""
        try:
            write(group)
            return {}
        except ServerGone:
            raise
        except StoreError as exc:
            if len(group) == 1:
                return {group[0].path: str(exc)}
        failed: dict[str, str] = {}
        for item in group:
            failed.update(self._write_isolating([item], write))
        return failed

    @staticmethod
    def _write_bulk(writer: BulkWriter, items: list[Extracted]) -> None:
        from policykg.loading import words_of

        writer.write([i.rows for i in items if i.rows is not None], words_of(items))

    def _write_transactional(self, items: list[Extracted]) -> None:
        from policykg.graph.writer import write_documents
        from policykg.loading import words_of

        write_documents(self.store, [i.rows for i in items if i.rows is not None], words_of(items))

    def load(self, paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
             include: Sequence[str] = (), exclude: Sequence[str] = (), timeout: float | None = None,
             jobs: int | None = None, bulk: bool | None = None) -> list[LoadResult]:
        """Load files and folders; one LoadResult per file read (``scan_paths`` says which are skipped)."""
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        return list(self.load_iter(paths, include=include, exclude=exclude, timeout=timeout, jobs=jobs, bulk=bulk))

    @contextlib.contextmanager
    def _extraction_pool(self, jobs: int | None, timeout: float | None) -> Iterator[ExtractionPool]:
        """The graph's pool, kept between loads (starting a worker costs about a second).

        A load running meanwhile in another thread has the pool: this one gets its own,
        closed when it ends (a worker serves one load at a time).
        """
        from policykg.loading import ExtractionPool

        wanted = ExtractionPool(jobs, timeout, self.catalogue)
        with self._pool_lock:
            shared = not self._pool_busy
            if shared:
                self._pool_busy = True
                if self._pool is None or (self._pool.jobs, self._pool.timeout) != (wanted.jobs, wanted.timeout):
                    if self._pool is not None:
                        self._pool.close()
                    self._pool = wanted
                wanted = self._pool
        try:
            yield wanted
        finally:
            if shared:
                with self._pool_lock:
                    self._pool_busy = False
            else:
                wanted.close()

    def delete_document(self, doc_id: str) -> None:
        from policykg.graph.writer import delete_document

        delete_document(self.store, doc_id)

    # --- reading ---

    def counts(self) -> dict[str, dict[str, int]]:
        """Counts per node label and per relationship type, as plain dicts (``{"nodes": {"Task": 40}, ...}``)."""
        labels = [r for r in self.store.read("MATCH (n) RETURN labels(n)[0] AS name, count(*) AS count ORDER BY name")
                  if r["name"] not in HIDDEN_LABELS]
        rels = self.store.read("MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count ORDER BY name")
        return {"nodes": {r["name"]: r["count"] for r in labels}, "relationships": {r["name"]: r["count"] for r in rels}}

    def stats(self) -> pd.DataFrame:
        """Counts per node label and relationship type: a DataFrame of kind (nodes, relationships), name, count,
        as ``policykg stats`` prints it (``counts()`` gives the same as dicts)."""
        from policykg.frames import frame

        return frame([{"kind": kind, "name": name, "count": n} for kind, by_name in self.counts().items()
                      for name, n in by_name.items()], STATS_COLUMNS)

    def read(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        """Rows of a statement as plain dicts, for programs that work on rows (every other call that returns
        rows gives a DataFrame). Guarded like ``cypher()``: only reads run, unless ``write=True``."""
        return run_cypher(self.store, cypher, params, write=write)

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """A named query as a DataFrame: ``kg.query("target-evolution", indicator="技术交易额")``.

        The one query call of the API. ``from`` is a Python keyword, so ``from_=2015``
        is accepted for it (any trailing underscore is dropped); an empty result keeps
        the declared columns. The frame has the columns of the CSV export: each figure
        with its ``_display`` beside it (1157亿元), numbers as numbers (NaN where there is
        none). Parameters are checked against the query's header (``policykg queries``),
        and an error names them as Python spells them; an unknown ``id`` raises ``UnknownId``.
        """
        from policykg.frames import frame, in_python_terms
        from policykg.queries import BadParameter

        named = get_query(name)
        try:
            bound = named.bind({k[:-1] if k.endswith("_") else k: v for k, v in params.items()})
        except BadParameter as exc:
            raise BadParameter(in_python_terms(str(exc), named)) from None
        return frame(self.query_rows(name, bound), named.columns or None)

    def query_rows(self, name: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Internal: the rows behind ``query`` as plain dicts, for renderers that keep exact types (the CLI)."""
        rows = run_named(self.store, name, params)
        fact_id = (params or {}).get("id")
        if not rows and fact_id is not None and get_query(name).param("id") is not None and not self._exists(str(fact_id)):
            raise UnknownId(self._unknown_id_message(str(fact_id)))
        return rows

    def _exists(self, fact_id: str) -> bool:
        """Whether a task or target has this id (an empty evidence result may be only a filter's doing)."""
        found = self.store.read("OPTIONAL MATCH (t:Task {id: $id}) OPTIONAL MATCH (g:Target {id: $id}) "
                                "RETURN t IS NOT NULL OR g IS NOT NULL AS found", {"id": fact_id})
        return bool(found and found[0]["found"])

    def _unknown_id_message(self, value: str) -> str:
        sample = self.store.read("MATCH (t:Task) RETURN t.id AS id ORDER BY t.id LIMIT 1")
        example = sample[0]["id"] if sample else "doc-1a2b3c4d5e6f7a8b-t3"
        return (f"no task or target has id {value!r}; ids look like {example} (a task, ends -tN) or "
                f"{example.rsplit('-', 1)[0]}-g0 (a target, ends -gN): copy one from the id column of task-search, "
                "unit-portfolio, person-portfolio or tasks-without-lead")

    def suggest(self, name: str, params: dict[str, Any]) -> list[str]:
        """Hints for a query that returned nothing: names in the store close to the values given."""
        from policykg.queries.suggest import suggestions

        return suggestions(self.store, params)

    def evidence(self, id: str, *, unit: str | None = None, person: str | None = None) -> pd.DataFrame:  # noqa: A002 - the query's own name
        """The facts behind a task or target, each with its whole sentence (the figure marked 【】), document and span."""
        from policykg.frames import frame
        from policykg.queries.evidence import EVIDENCE_COLUMNS

        return frame(self.evidence_rows(id, unit=unit, person=person), EVIDENCE_COLUMNS)

    def evidence_rows(self, id: str, *, unit: str | None = None, person: str | None = None) -> list[Row]:  # noqa: A002
        """Internal: the rows behind ``evidence`` as plain dicts (the CLI renders them)."""
        from policykg.queries.evidence import EVIDENCE_COLUMNS, with_sentences

        rows = self.query_rows("evidence", {"id": id, "unit": unit, "person": person})
        return [{c: r.get(c) for c in EVIDENCE_COLUMNS} for r in with_sentences(self.store, id, rows)]

    def collaboration(self, role: str = "any", **filters: Any) -> pd.DataFrame:
        """Units' collaboration network from co-leading-units: community, partners, centralities (networkx)."""
        from policykg.frames import frame
        from policykg.queries.analytics import COLLABORATION_COLUMNS

        return frame(self.collaboration_rows(role, **filters), list(COLLABORATION_COLUMNS))

    def collaboration_rows(self, role: str = "any", **filters: Any) -> list[Row]:
        """Internal: the rows behind ``collaboration`` as plain dicts (the CLI renders them)."""
        from policykg.queries.analytics import collaboration_table
        from policykg.queries.graphs import pairs_to_graph

        pairs = self.query_rows("co-leading-units", {**filters, "role": role, "limit": 100000})
        return collaboration_table(pairs_to_graph(pairs))

    def cypher(self, text: str, params: dict[str, Any] | None = None, *, write: bool = False) -> pd.DataFrame:
        """Ad hoc Cypher as a DataFrame (``read()`` gives the rows as dicts). Read-only unless ``write=True``:
        anything but read clauses is refused before the statement is sent (``queries.guard``), and it runs
        in a READ-routed read transaction (which Neo4j enforces, the embedded store not)."""
        from policykg.frames import frame

        return frame(run_cypher(self.store, text, params, write=write))
