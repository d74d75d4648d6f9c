"""REST resources: collections with filters and paging, single entities with their links, a series."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from policykg.api import present
from policykg.api.context import ApiContext, get_context
from policykg.api.models import Collection, Entity, Series
from policykg.api.problems import Problem, problem_responses
from policykg.ontology.terms import Label
from policykg.ontology.vocab import KIND_OF_LABEL
from policykg.queries.entities import get_entity, indicator_series, list_entities

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]
Text = Annotated[str | None, Query(max_length=200, description="a substring of the name, title or text")]
RegionQ = Annotated[str | None, Query(max_length=100, description="a region name; sub-regions count too")]
Year = Annotated[int | None, Query(ge=1900, le=2100, description="the year (documents, tasks)")]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Id = Annotated[str, Path(min_length=1, max_length=200, description="the entity's id")]


def collection(ctx: ApiContext, label: Label, q: str | None, region: str | None, year: int | None,
               limit: int, offset: int) -> Collection:
    page = list_entities(ctx.kg.store, label, q=q or None, region=region or None, year=year, limit=limit, offset=offset)
    items = [present.item(ctx.iris, label, row, row.get("name")) for row in page.items]
    return Collection.model_validate({"items": items, "total": page.total, "limit": limit, "offset": offset})


def one(ctx: ApiContext, label: Label, node_id: str) -> Entity:
    return _cached(ctx, label, node_id)[0]


def one_json(ctx: ApiContext, label: Label, node_id: str) -> Response:
    """The entity as JSON bytes made once per store state (serialising a large entity costs more than finding it)."""
    return Response(_cached(ctx, label, node_id)[1], media_type="application/json")


def _cached(ctx: ApiContext, label: Label, node_id: str) -> tuple[Entity, bytes]:
    key = (label.value, node_id)
    cached = ctx.entities.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found = get_entity(ctx.kg.store, label, node_id)
    if found is None:
        raise Problem(404, f"no {KIND_OF_LABEL[label]} with id {node_id!r}; "
                           f"/{present.COLLECTIONS.get(label, '')} lists them")
    entity = Entity.model_validate(present.entity(ctx.iris, label, found))
    answer = (entity, entity.model_dump_json(exclude_none=True).encode())
    ctx.entities.put(key, answer)
    return answer


def _register(label: Label) -> None:
    path = present.COLLECTIONS[label]
    kind = KIND_OF_LABEL[label]

    def list_route(ctx: Ctx, q: Text = None, region: RegionQ = None, year: Year = None,
                   limit: Limit = 50, offset: Offset = 0) -> Collection:
        return collection(ctx, label, q, region, year, limit, offset)

    async def get_route(ctx: Ctx, id: Id) -> Response:  # noqa: A002 - the documented path parameter
        hit = ctx.entities.peek((label.value, id))  # served from memory on the event loop, no thread hop
        if hit is not None:
            return Response(hit[1], media_type="application/json")
        return await run_in_threadpool(one_json, ctx, label, id)

    list_route.__doc__ = f"The {path}, filtered by `q`, `region` and `year` where they apply, one page at a time."
    get_route.__doc__ = f"One {kind} with its links (each with the evidence sentence where there is one)."
    router.add_api_route(f"/{path}", list_route, methods=["GET"], response_model=Collection, tags=[path],
                         operation_id=f"list_{path}", summary=f"List {path}",
                         responses=problem_responses(400, 422))
    router.add_api_route(f"/{path}/{{id}}", get_route, methods=["GET"], response_model=Entity, tags=[path],
                         operation_id=f"get_{kind}", summary=f"One {kind}",
                         responses=problem_responses(404, 422))


for _label in present.COLLECTIONS:
    _register(_label)


@router.get("/indicators/{id}/series", response_model=Series, tags=["indicators"], operation_id="indicator_series",
            responses=problem_responses(404, 422))
def series(ctx: Ctx, id: Id, region: RegionQ = None,  # noqa: A002 - the documented path parameter
           from_: Annotated[int | None, Query(alias="from", ge=1900, le=2100)] = None,
           to: Annotated[int | None, Query(ge=1900, le=2100)] = None) -> Series:
    """An indicator's targets and actuals by year, optionally for one region and a year range."""
    found = get_entity(ctx.kg.store, Label.INDICATOR, id)
    if found is None:
        raise Problem(404, f"no indicator with id {id!r}; /indicators lists them")
    rows = indicator_series(ctx.kg.store, id, region=region or None, start=from_, end=to)
    points = [{**r, "iri": str(ctx.iris.entity(Label.TARGET, r["id"]))} for r in rows]
    indicator = present.item(ctx.iris, Label.INDICATOR, found["props"], found["name"])
    return Series.model_validate({"indicator": indicator, "items": points})
