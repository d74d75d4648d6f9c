"""Schema the embedded server makes in SQL, because Bolt carries only Cypher (the full-text index).

Run by the server process (``graph.arcadedb_server``) each time it opens the database,
before it announces itself: the statements are ``IF NOT EXISTS``, so a second run changes
nothing, and a store loaded before the index existed gets it built on its next start.
What they are is ``dialect.EMBEDDED.native_schema``.
"""

from __future__ import annotations

from typing import Any

from policykg.graph.dialect import EMBEDDED


def ensure_native_schema(database: Any) -> None:
    """Run the embedded store's SQL schema statements on an open ``arcadedb_embedded`` database."""
    for statement in EMBEDDED.native_schema:
        database.command("sql", statement)
