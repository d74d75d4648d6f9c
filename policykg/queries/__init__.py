"""Named Cypher queries (one ``.cypher`` file each), their runner, and networkx analytics.

Queries never parse text and never write: they read what ``graph`` stored. The
same files serve the CLI, the Python API and the HTTP API, on the embedded store
and on Neo4j.
"""

from __future__ import annotations

from policykg.queries.catalogue import NamedQuery, get_query, list_queries, load_catalogue, parse_query
from policykg.queries.guard import WriteRefused, check_read_only, write_clauses
from policykg.queries.params import BadParameter, Param, QueryError, UnknownQuery, parse_assignments
from policykg.queries.runner import run_cypher, run_named

__all__ = [
    "BadParameter", "NamedQuery", "Param", "QueryError", "UnknownQuery", "WriteRefused",
    "check_read_only", "get_query", "list_queries", "load_catalogue", "parse_assignments", "parse_query",
    "run_cypher", "run_named", "write_clauses",
]
