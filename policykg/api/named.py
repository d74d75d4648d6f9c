"""Named queries over HTTP: ``GET /queries`` and ``GET /queries/{name}?param=…``, from the .cypher files.

Each query also gets its own route with its declared parameters in the OpenAPI
document (types, defaults, choices from the file header), so clients and schemathesis
see exactly what the CLI sees. ``Accept: text/csv`` (or ``?format=csv``) gives CSV.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from policykg.api.context import ApiContext, get_context
from policykg.api.models import QueryList, QueryResult
from policykg.api.negotiation import Format, negotiate
from policykg.api.problems import Problem, problem_responses
from policykg.api.storeerrors import store_errors
from policykg.output import json_value, to_csv
from policykg.queries import BadParameter, NamedQuery, UnknownQuery, get_query, list_queries, run_named

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]
JSON_FMT = Format("json", "application/json", None)
CSV_FMT = Format("csv", "text/csv", None)
#: The largest integer a parameter may carry (Bolt integers are 64-bit).
INT_BOUND = 2**63 - 1
_SCHEMA: dict[str, dict[str, Any]] = {
    "string": {"type": "string", "maxLength": 200}, "int": {"type": "integer", "minimum": -INT_BOUND, "maximum": INT_BOUND},
    "float": {"type": "number"}, "bool": {"type": "boolean"},
    "list": {"type": "string", "maxLength": 2000},  # comma-separated values (policykg.queries.params)
}
RESULT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
    **problem_responses(400, 404, 422, 503),
}


def example_href(query: NamedQuery) -> str:
    example = query.example_params()
    return f"/queries/{query.name}" + (f"?{urlencode(example)}" if example else "")


def info(query: NamedQuery) -> dict[str, Any]:
    return {**query.as_dict(), "href": f"/queries/{query.name}", "example": query.example_params(),
            "example_href": example_href(query)}


def _description(query: NamedQuery) -> str:
    """The route's OpenAPI description: the query's own, then its example call."""
    example = query.example_params()
    if not example:
        return query.description
    return f"{query.description}\n\nExample: `GET {example_href(query)}`"


@router.get("/queries", response_model=QueryList, tags=["queries"], operation_id="list_queries")
def queries() -> QueryList:
    """The named queries, with their parameters and columns (the same catalogue as `policykg queries`)."""
    items = [info(q) for q in list_queries()]
    return QueryList.model_validate({"items": items, "total": len(items)})


def _param_schema(query: NamedQuery) -> list[dict[str, Any]]:
    out = []
    example = query.example_params()
    for p in query.params:
        schema = {"type": "string", "enum": list(p.choices)} if p.type == "choice" else dict(_SCHEMA[p.type])
        if p.default is not None:
            schema["default"] = p.default
        param: dict[str, Any] = {"name": p.name, "in": "query", "required": p.required, "description": p.description,
                                 "schema": schema}
        if p.name in example:
            param["example"] = example[p.name]
        out.append(param)
    out.append({"name": "format", "in": "query", "required": False, "description": "json or csv; overrides Accept",
                "schema": {"type": "string", "enum": ["json", "csv"]}})
    return out


def _bind(query: NamedQuery, request: Request) -> dict[str, Any]:
    given = {k: v for k, v in request.query_params.items() if k != "format"}
    try:
        bound = query.bind(given)
    except BadParameter as exc:
        raise Problem(400, str(exc)) from None
    for name, value in bound.items():
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > INT_BOUND:
            raise Problem(400, f"parameter {name!r} is out of range (64-bit integers)")
    return bound


async def answer(ctx: ApiContext, query: NamedQuery, request: Request) -> Response:
    fmt = negotiate(request.query_params.get("format"), request.headers.get("accept"), (JSON_FMT, CSV_FMT), JSON_FMT)
    bound = _bind(query, request)

    def run() -> list[dict[str, Any]]:
        with store_errors():
            return run_named(ctx.kg.store, query, bound)

    rows = await run_in_threadpool(run)
    if fmt is CSV_FMT:
        return Response(to_csv(rows, query.columns), media_type="text/csv; charset=utf-8")
    body = QueryResult(query=query.name, params={k: json_value(v) for k, v in bound.items()},
                       columns=list(query.columns), rows=[{k: json_value(v) for k, v in r.items()} for r in rows])
    return JSONResponse(body.model_dump())


def _register(query: NamedQuery) -> None:
    async def route(request: Request, ctx: Ctx) -> Response:
        return await answer(ctx, query, request)

    router.add_api_route(f"/queries/{query.name}", route, methods=["GET"], tags=["queries"], description=_description(query),
                         operation_id=f"query_{query.name.replace('-', '_')}", summary=query.name,
                         response_model=QueryResult, responses=RESULT_RESPONSES,
                         openapi_extra={"parameters": _param_schema(query)})


for _query in list_queries():
    _register(_query)


@router.get("/queries/{name}", tags=["queries"], operation_id="run_query", response_model=QueryResult,
            responses=RESULT_RESPONSES)
async def run_query(request: Request, ctx: Ctx, name: str) -> Response:
    """Any named query by name, its parameters in the query string (unknown names: 404)."""
    try:
        query = get_query(name)
    except UnknownQuery as exc:
        raise Problem(404, str(exc)) from None
    return await answer(ctx, query, request)
