"""Store failures as problems: the store refusing a statement is the caller's 400, an outage 503."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from neo4j.exceptions import ServiceUnavailable, SessionExpired

from policykg.api.problems import Problem
from policykg.graph.store import StoreError


@contextlib.contextmanager
def store_errors() -> Iterator[None]:
    try:
        yield
    except StoreError as exc:
        if isinstance(exc.__cause__, ServiceUnavailable | SessionExpired):
            raise Problem(503, f"the store is unavailable: {exc}", headers={"Retry-After": "5"}) from None
        raise Problem(400, f"the store refused the statement: {exc}") from None
    except (OverflowError, ValueError, TypeError) as exc:  # a parameter the Bolt driver cannot send
        raise Problem(400, f"a parameter cannot be sent to the store: {exc}") from None
