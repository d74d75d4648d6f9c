"""Guarded ad hoc Cypher: ``POST /cypher`` with ``{"query": …, "params": {…}}``, read-only.

The project's read-only guard decides before anything reaches the store: a refused
statement is 403 and the store never sees it. An allowed one runs READ-routed with
a row limit (``truncated`` tells) and a time limit: past it the statement is stopped on the server
and the answer is 503.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from policykg.api.context import ApiContext, get_context
from policykg.api.models import CypherRequest, CypherResult
from policykg.api.problems import Problem, problem_responses
from policykg.api.storeerrors import store_errors
from policykg.graph.bounded import StatementTimedOut, read_bounded
from policykg.output import json_value
from policykg.queries import QueryError, check_read_only

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]
MAX_STATEMENT_CHARS = 20_000
BACKSTOP_SECONDS = 10.0


def _value(value: object) -> object:
    """A Cypher value as JSON: nodes and relationships as their properties (with labels or type)."""
    labels = getattr(value, "labels", None)
    if labels is not None and hasattr(value, "items"):
        return {"labels": sorted(labels), **{k: json_value(v) for k, v in value.items()}}
    rel_type = getattr(value, "type", None)
    if isinstance(rel_type, str) and hasattr(value, "items"):
        return {"type": rel_type, **{k: json_value(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return json_value(value)


@router.post("/cypher", response_model=CypherResult, tags=["cypher"], operation_id="cypher",
             responses=problem_responses(400, 403, 413, 422, 503))
async def cypher(body: CypherRequest, ctx: Ctx) -> CypherResult:
    """Run a read-only Cypher statement; values go in `params`, never into the text."""
    if len(body.query) > MAX_STATEMENT_CHARS:
        raise Problem(400, f"the statement is over {MAX_STATEMENT_CHARS} characters")
    try:
        check_read_only(body.query)
    except QueryError as exc:
        raise Problem(403, str(exc).replace("unless you pass --write (CLI) or write=True (Python)",
                                            "over HTTP")) from None
    settings = ctx.settings

    def run() -> CypherResult:
        with store_errors():
            try:
                result = read_bounded(ctx.kg.store, body.query, body.params, max_rows=settings.cypher_max_rows,
                                      timeout=settings.cypher_seconds)
            except StatementTimedOut:
                raise Problem(503, f"the statement ran past the time limit of {settings.cypher_seconds:g} s and was "
                                   "stopped", headers={"Retry-After": "5"}) from None
        rows = [{k: _value(v) for k, v in r.items()} for r in result.rows]
        return CypherResult(columns=result.columns, rows=rows, truncated=result.truncated, limit=settings.cypher_max_rows)

    try:
        # The statement is stopped on the server at cypher_seconds and answers 503 then; this wait is only a
        # backstop for a store that does not answer even that, so it leaves the store time to stop it first.
        return await asyncio.wait_for(run_in_threadpool(run), timeout=settings.cypher_seconds + BACKSTOP_SECONDS)
    except TimeoutError:
        raise Problem(503, f"the statement ran past the time limit of {settings.cypher_seconds:g} s",
                      headers={"Retry-After": "5"}) from None
