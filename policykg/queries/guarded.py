"""Ad hoc read-only Cypher for untrusted callers: the read-only guard, then a bounded read.

The guard (``guard.check_read_only``) refuses a statement that writes or reaches
outside before anything is sent to the store; the statement then runs READ-routed
with a row limit and a time limit (``graph.bounded``). Values come only as parameters.
"""

from __future__ import annotations

from typing import Any

from policykg.graph.bounded import BoundedResult, read_bounded
from policykg.graph.store import GraphStore
from policykg.queries.guard import check_read_only


def run_guarded(store: GraphStore, text: str, params: dict[str, Any] | None = None, *,
                max_rows: int = 10_000, timeout: float = 10.0) -> BoundedResult:
    """Raise ``WriteRefused`` for a write; else the first ``max_rows`` rows."""
    check_read_only(text)
    return read_bounded(store, text, params, max_rows=max_rows, timeout=timeout)
