"""The session's Neo4j 5 server for the ``neo4j`` variants of the store tests (see store_params.py).

Neo4j comes from one of:

- ``POLICYKG_NEO4J=local`` (set by ``.ci/run`` and ``make test-neo4j``): the server of
  ``tests/neo4j`` is built with Maven and started once per session, on a free loopback
  port with a generated password, and stopped at the end;
- ``NEO4J_URI`` (+ ``NEO4J_PASSWORD``, ``NEO4J_USER``, ``NEO4J_DATABASE``): a server you
  run. **Its database is wiped** before each module that uses it.

Without either, or without Java/Maven for the local one, the Neo4j variants skip and
say why. The server is started once per session (17 s on a quiet 2-core machine, over a
minute under heavy load) and shared.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import neo4j_local
import pytest

# Every test store stops with its last client, as before issue 20: a test that leaves a store
# must not leave a JVM running for the idle period. tests/test_idle_store.py sets its own.
os.environ["POLICYKG_IDLE"] = "0"


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Bolt URI of a disposable Neo4j 5 database; NEO4J_URI/NEO4J_PASSWORD are set for the CLI too."""
    if os.environ.get("POLICYKG_NEO4J") == "local":
        try:
            neo4j_local.tools()
        except neo4j_local.Unavailable as exc:
            pytest.skip(f"POLICYKG_NEO4J=local but {exc}")
        server = neo4j_local.start(tmp_path_factory.mktemp("neo4j"))
        saved = {k: os.environ.get(k) for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE")}
        os.environ.update(NEO4J_URI=server.uri, NEO4J_PASSWORD=server.password, NEO4J_USER="neo4j",
                          NEO4J_DATABASE="neo4j")
        try:
            yield server.uri
        finally:
            server.stop()
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("no Neo4j server: set POLICYKG_NEO4J=local (needs Java 17+ and Maven) or NEO4J_URI")
    yield uri

