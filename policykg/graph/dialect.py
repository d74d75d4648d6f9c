"""What differs between the two stores, in one place; every statement text is shared.

The whole suite runs on both stores (tests/store_params.py), and every Cypher statement
(writer, schema, continuity, the named queries) runs unchanged on ArcadeDB 26.x and
Neo4j 5.26. What does differ is how the server behaves around the statements; each
difference is a field here, read by ``store.py``, and pinned against the real server
by the ``dialect`` tests in ``tests/test_store.py``:

- **Notifications.** Neo4j sends a notification for every label, type or property a
  statement names that the database has never seen ("The property `year` does not
  exist"), which is every statement on a fresh database; the driver logs each one as a
  WARNING on stderr. policykg's statements name such things on purpose (an empty store
  is a valid store), so the Neo4j driver asks for none. ArcadeDB sends none.
- **Read routing.** Reads run READ-routed. Neo4j refuses a write in a read transaction;
  ArcadeDB runs it. The read-only guard (``queries/guard.py``) is what refuses writes on
  the embedded store, so it must stay in front of every read path.
- **Clusters.** Through a routing URI (``neo4j://``, ``neo4j+s://``: a cluster, Aura) reads go
  to secondaries and writes to the leader; a shared bookmark manager makes a read wait for this
  process's writes (``causal_bookmarks``). docs/neo4j.md, "Where one machine is not enough".
- **Full-text index.** ``task-search`` takes its candidates from a full-text index over
  the tasks' text and title with Lucene's CJK analyzer (bigrams of Chinese characters),
  queried the same way on both stores (``CALL db.index.fulltext.queryNodes(TASK_TEXT_INDEX,
  …)``). It is made differently: Neo4j takes Cypher DDL (``schema_statements``, run by
  ``graph.schema`` over Bolt); ArcadeDB's Cypher makes only range and text indexes, so its
  full-text index is made in SQL (``native_schema``) by the embedded server itself when it
  opens the database (``graph.arcadedb_native``), since Bolt carries Cypher only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The full-text index over tasks' text and title, by the name both stores give it (ArcadeDB names an
#: index after its type and properties; Neo4j takes the name it is given).
TASK_TEXT_INDEX = "Task[text,title]"
#: Lucene's analyzer for Chinese: bigrams of Han characters, words of other scripts.
CJK_ANALYZER = "org.apache.lucene.analysis.cjk.CJKAnalyzer"


@dataclass(frozen=True)
class Dialect:
    name: str
    #: extra keyword arguments for ``GraphDatabase.driver``
    driver_options: dict[str, Any] = field(default_factory=dict)
    #: a write sent READ-routed is refused by the server itself
    enforces_read_routing: bool = False
    #: Cypher schema statements only this store takes (run by ``graph.schema`` over Bolt)
    schema_statements: tuple[str, ...] = ()
    #: SQL the embedded server runs on its database when it opens it (``graph.arcadedb_native``)
    native_schema: tuple[str, ...] = ()
    #: run after the schema: Neo4j fills an index made on existing data (an import) in the background
    await_indexes: str | None = None
    #: sessions share a bookmark manager, so a read follows this process's writes on a cluster's
    #: secondaries (ArcadeDB's Bolt keeps no bookmarks)
    causal_bookmarks: bool = False


EMBEDDED = Dialect("embedded", native_schema=(
    "CREATE VERTEX TYPE Task IF NOT EXISTS",
    "CREATE PROPERTY Task.text IF NOT EXISTS STRING",
    "CREATE PROPERTY Task.title IF NOT EXISTS STRING",
    f'CREATE INDEX IF NOT EXISTS ON Task (text, title) FULL_TEXT METADATA {{"analyzer": "{CJK_ANALYZER}"}}',
))
NEO4J = Dialect("neo4j", driver_options={"notifications_min_severity": "OFF"}, enforces_read_routing=True,
                schema_statements=(
                    f"CREATE FULLTEXT INDEX `{TASK_TEXT_INDEX}` IF NOT EXISTS FOR (n:Task) ON EACH [n.text, n.title] "
                    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
                ), await_indexes="CALL db.awaitIndexes(600)", causal_bookmarks=True)
