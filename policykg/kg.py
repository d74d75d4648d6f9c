"""The Python API: ``kg = policykg.open(path_or_uri)``; the CLI and HTTP API sit on it.

It ties the stages together without holding any logic of its own: the load path is
``policykg.loading`` (read, extract, write, report), ``queries`` reads the graph back. Every CLI
verb is a few lines over this class, so what the command line can do a notebook
can do too, with the same errors.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.graph.schema import ensure_schema
from policykg.graph.stamp import HIDDEN_LABELS
from policykg.graph.store import BoltStore, StoreError, is_remote, open_store, store_spec
from policykg.loading import (  # noqa: F401 - LOAD_COLUMNS, Scan, Skipped, expand_paths: the API's names for them
    LOAD_COLUMNS,
    SUPPORTED_SUFFIXES,
    LoadResult,
    LoadStats,
    Scan,
    Skipped,
    expand_paths,
    load_files,
    scan_paths,
)
from policykg.ontology.indicators import ENV_VAR as INDICATORS_ENV
from policykg.ontology.indicators import Catalogue, load_catalogue
from policykg.queries import get_query, run_cypher, run_named

if TYPE_CHECKING:  # the loaders and the writer are imported when a load runs: a read command
    # then starts in a fraction of the time (issue 20)
    import pandas as pd

    from policykg.extraction import ExtractionPool
    from policykg.loaders.types import Extraction

Row = dict[str, Any]
#: The columns of ``stats()`` (and ``policykg stats``).
STATS_COLUMNS = ("kind", "name", "count")


class ConfigError(ValueError):
    """A file the user gave (an indicator catalogue) cannot be used; the message names it and the fix."""


class NoStore(StoreError):
    """A read was asked of a store directory that does not exist (a mistyped --store, most often)."""


class UnknownId(LookupError):
    """No task or target has the id asked for; the message says what ids look like and where they come from."""


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
                  jobs: int | None = None, batch: int | None = None,
                  stop: Callable[[], bool] | None = None) -> Iterator[LoadResult]:
        """Load files and folders; one LoadResult per file read, in file order (``policykg.loading``).

        Extraction runs in ``jobs`` worker processes (default: the cores), each file with
        ``timeout`` seconds at most (default ``$POLICYKG_DOC_TIMEOUT`` or 120 s; 0: no limit).
        Documents are written ``batch`` at a time (default 100), each batch one transaction with
        its CONTINUES edges, so a document is in the store whole or not at all; a batch the store
        refuses is retried document by document, so one bad document fails alone. A file whose
        normalised text equals one already read in this run is not written again
        (``duplicate_of``); a near-duplicate of a stored document is loaded and noted. ``stop``,
        checked after each file, ends the load once the documents extracted so far are written.
        """
        self.ensure_schema()
        scan = scan_paths(paths, include, exclude)
        self.last_load = LoadStats()
        with self._extraction_pool(jobs, timeout) as pool:
            yield from load_files(self.store, scan.files + scan.missing, pool, batch=batch, on_start=on_start,
                                  stop=stop, stats=self.last_load)

    def load(self, paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
             include: Sequence[str] = (), exclude: Sequence[str] = (), timeout: float | None = None,
             jobs: int | None = None) -> list[LoadResult]:
        """Load files and folders; one LoadResult per file read (``scan_paths`` says which are skipped)."""
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        return list(self.load_iter(paths, include=include, exclude=exclude, timeout=timeout, jobs=jobs))

    @contextlib.contextmanager
    def _extraction_pool(self, jobs: int | None, timeout: float | None) -> Iterator[ExtractionPool]:
        """The graph's pool, kept between loads (starting a worker costs about a second).

        A load running meanwhile in another thread has the pool: this one gets its own,
        closed when it ends (a worker serves one load at a time).
        """
        from policykg.extraction import ExtractionPool

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

    def read(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False,
             timeout: float | None = None) -> list[dict[str, Any]]:
        """Rows of a statement as plain dicts, for programs that work on rows (every other call that returns
        rows gives a DataFrame). Guarded like ``cypher()``: only reads run, unless ``write=True``."""
        return run_cypher(self.store, cypher, params, write=write, timeout=timeout)

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

    def cypher(self, text: str, params: dict[str, Any] | None = None, *, write: bool = False,
               timeout: float | None = None) -> pd.DataFrame:
        """Ad hoc Cypher as a DataFrame (``read()`` gives the rows as dicts). Read-only unless ``write=True``:
        anything but read clauses and pure functions
        is refused before the statement is sent (``queries.guard``), and a read runs once as a user
        who may only read, stopped on the server after ``timeout`` seconds (None:
        ``POLICYKG_CYPHER_SECONDS``, default 10; 0: no limit)."""
        from policykg.frames import frame

        return frame(run_cypher(self.store, text, params, write=write, timeout=timeout))
