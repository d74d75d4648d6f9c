"""The API's settings, one place: from arguments, else environment variables, else defaults.

Writes are disabled unless an API key is configured (``POLICYKG_API_KEY``); a deployment
that forgets to set one gets a read-only service, not an open one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from policykg.graph.bounded import default_seconds
from policykg.ontology.iris import default_base

#: Request bodies above this many bytes are refused with 413 (an uploaded plan is rarely over a few MB).
DEFAULT_MAX_BODY = 20 * 1024 * 1024


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


@dataclass(frozen=True)
class ApiSettings:
    base: str = field(default_factory=default_base)
    api_key: str | None = field(default_factory=lambda: os.environ.get("POLICYKG_API_KEY") or None)
    max_body_bytes: int = field(default_factory=lambda: _env_int("POLICYKG_MAX_BODY", DEFAULT_MAX_BODY))
    #: Guarded Cypher: at most this many rows come back (the rest is cut, ``truncated`` says so) ...
    cypher_max_rows: int = field(default_factory=lambda: _env_int("POLICYKG_CYPHER_ROWS", 10_000))
    #: ... and an answer that takes longer than this is abandoned with 503.
    cypher_seconds: float = field(default_factory=default_seconds)  # POLICYKG_CYPHER_SECONDS, as the CLI
    sparql_seconds: float = field(default_factory=lambda: _env_float("POLICYKG_SPARQL_SECONDS", 20.0))
    #: Memory a SPARQL query's child process may take beyond the API process's own (MB).
    sparql_memory_bytes: int = field(default_factory=lambda: _env_int("POLICYKG_SPARQL_MEMORY_MB", 1024) * 1024 * 1024)
    #: How stale the RDF view may be when another process writes to the store (the API's own writes refresh it).
    freshness_seconds: float = field(default_factory=lambda: _env_float("POLICYKG_RDF_FRESHNESS", 2.0))
    max_page: int = 1000
