"""The Python API: ``kg = policykg.open(path_or_uri)``; the CLI and HTTP API sit on it.

It ties the stages together without holding any logic of its own: loaders make
Extractions, ``graph.writer`` stores them, ``queries`` reads them back.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.graph.schema import ensure_schema
from policykg.graph.store import BoltStore, ServerGone, StoreError, open_store, store_spec
from policykg.graph.writer import delete_document, write_extraction
from policykg.loaders import LoaderError
from policykg.loaders.worker import ExtractionWorker
from policykg.ontology.indicators import Catalogue, load_catalogue
from policykg.queries import get_query, run_cypher, run_named

if TYPE_CHECKING:
    import pandas as pd

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".csv")


@dataclass
class LoadResult:
    """What happened to one file: loaded (with counts) or failed (with the reason)."""

    source: str
    ok: bool
    doc_id: str | None = None
    title: str = ""
    tasks: int = 0
    targets: int = 0
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0
    error: str | None = None


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given, and the plan files inside any folder, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(p)
    return out


class KnowledgeGraph:
    def __init__(self, store: BoltStore, spec: str, catalogue: Catalogue | None = None) -> None:
        self.store = store
        self.spec = spec
        # None means the shipped indicator catalogue (plus $POLICYKG_INDICATORS), chosen by the mapping.
        self.catalogue = catalogue
        self._schema_ready = False
        self._worker: ExtractionWorker | None = None

    @classmethod
    def open(cls, store: str | os.PathLike[str] | None = None, *, heap: str | None = None,
             indicators: str | os.PathLike[str] | None = None) -> KnowledgeGraph:
        spec = store_spec(store)
        # Analysts' own YAML extends the catalogue; read first, so a bad file fails before the JVM starts.
        catalogue = load_catalogue(indicators) if indicators else None
        return cls(open_store(spec, heap=heap), spec, catalogue)

    def close(self) -> None:
        try:
            if self._worker is not None:
                self._worker.close()
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

    def load_iter(self, paths: Iterable[str | os.PathLike[str]],
                  on_start: Callable[[Path], None] | None = None, *, timeout: float | None = None) -> Iterator[LoadResult]:
        """Load files one by one; a file that fails is reported and leaves the store as it was.

        Each file is extracted in a worker process with ``timeout`` seconds at most (default
        ``$POLICYKG_DOC_TIMEOUT`` or 120 s; 0 extracts in this process without a limit). If
        the embedded store's server dies, the load stops at once with a ``ServerGone`` naming
        the file in flight; the files committed before it stay.
        """
        self.ensure_schema()
        worker = self._extraction_worker(timeout)
        for path in expand_paths(paths):
            if on_start:
                on_start(path)
            started = time.perf_counter()
            try:
                extraction = worker.extract(path)
                rows = write_extraction(self.store, extraction, self.catalogue)
            except ServerGone as exc:
                raise ServerGone(f"{exc}; the load stopped at {path} (the documents before it are stored; "
                                 "the next command starts a fresh server)") from exc
            except (LoaderError, StoreError) as exc:
                yield LoadResult(str(path), False, error=str(exc), seconds=time.perf_counter() - started)
                continue
            nodes, rels = rows.counts()
            yield LoadResult(
                str(path), True, extraction.document.id, extraction.document.title, len(extraction.tasks),
                len(extraction.targets), nodes, rels, time.perf_counter() - started,
            )

    def load(self, paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
             timeout: float | None = None) -> list[LoadResult]:
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        return list(self.load_iter(paths, timeout=timeout))

    def _extraction_worker(self, timeout: float | None) -> ExtractionWorker:
        """One worker per graph, kept between loads (starting one costs about a second)."""
        wanted = ExtractionWorker(timeout)
        if self._worker is None or self._worker.timeout != wanted.timeout:
            if self._worker is not None:
                self._worker.close()
            self._worker = wanted
        return self._worker

    def delete_document(self, doc_id: str) -> None:
        delete_document(self.store, doc_id)

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts per node label and per relationship type."""
        labels = self.store.read("MATCH (n) RETURN labels(n)[0] AS name, count(*) AS count ORDER BY name")
        rels = self.store.read("MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count ORDER BY name")
        return {"nodes": {r["name"]: r["count"] for r in labels}, "relationships": {r["name"]: r["count"] for r in rels}}

    def read(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        """Rows of a statement. Guarded like ``cypher()``: only reads run, unless ``write=True``."""
        return run_cypher(self.store, cypher, params, write=write)

    # --- queries: named queries, ad hoc Cypher (policykg.queries) ---

    def query_rows(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a named query as dicts, columns in the order its header declares."""
        return run_named(self.store, name, params)

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """A named query as a DataFrame: ``kg.query("target-evolution", indicator="技术交易额")``.

        ``from`` is a Python keyword, so ``from_=2015`` is accepted for it (any
        trailing underscore is dropped); an empty result keeps the declared columns.
        """
        import pandas as pd  # imported here: pandas costs ~0.3 s and only this method needs it

        named = get_query(name)
        rows = self.query_rows(name, {k[:-1] if k.endswith("_") else k: v for k, v in params.items()})
        return pd.DataFrame(rows, columns=list(named.columns) or None)

    def cypher(self, text: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        """Ad hoc Cypher. Read-only unless ``write=True``: anything but read clauses is refused
        before the statement is sent (``queries.guard``), and it runs in a READ-routed read
        transaction (which Neo4j enforces, the embedded store not)."""
        return run_cypher(self.store, text, params, write=write)
