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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Dialect:
    name: str
    #: extra keyword arguments for ``GraphDatabase.driver``
    driver_options: dict[str, Any] = field(default_factory=dict)
    #: a write sent READ-routed is refused by the server itself
    enforces_read_routing: bool = False


EMBEDDED = Dialect("embedded")
NEO4J = Dialect("neo4j", driver_options={"notifications_min_severity": "OFF"}, enforces_read_routing=True)
