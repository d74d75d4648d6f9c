"""Response shapes for the OpenAPI document; entities keep their stored properties as extra fields."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator


class Link(BaseModel):
    """The other end of a relationship, with the sentence that states it when there is one."""

    id: str
    type: str
    iri: str
    href: str
    name: str | None = None
    mention: str | None = None
    evidence: str | None = None
    score: float | None = None


class Item(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    type: str
    iri: str
    href: str
    name: str | None = None


class Entity(Item):
    links: dict[str, list[Link]] = {}


class Collection(BaseModel):
    items: list[Item]
    total: int
    limit: int
    offset: int


class SeriesPoint(BaseModel):
    id: str
    iri: str
    year: int | None = None
    kind: str | None = None
    value: float | None = None
    unit: str | None = None
    comparator: str | None = None
    region: str | None = None
    raw: str | None = None
    evidence: str | None = None
    document: str | None = None
    document_title: str | None = None


class Series(BaseModel):
    indicator: Item
    items: list[SeriesPoint]


class QueryParamInfo(BaseModel):
    name: str
    type: str
    required: bool
    default: Any = None
    description: str = ""


class QueryInfo(BaseModel):
    name: str
    description: str
    params: list[QueryParamInfo]
    columns: list[str]
    href: str
    #: The parameters of a call that finds rows in the seed plans (the file's ``// example:`` line) ...
    example: dict[str, str] = {}
    #: ... and that call as a link.
    example_href: str


class QueryList(BaseModel):
    items: list[QueryInfo]
    total: int


class QueryResult(BaseModel):
    query: str
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]


#: How deeply a request's parameters may nest (lists in maps in lists …); 900 levels had answered 500 (issue 22).
MAX_PARAM_DEPTH = 32


def depth(value: Any, limit: int) -> int:
    """How deeply ``value`` nests, counting no further than ``limit + 1`` (iteratively: no recursion to exhaust)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            deepest = max(deepest, level)
            if level <= limit:
                stack.extend((v, level) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str
    params: dict[str, Any] = {}

    @field_validator("params")
    @classmethod
    def _shallow(cls, params: dict[str, Any]) -> dict[str, Any]:
        if depth(params, MAX_PARAM_DEPTH) > MAX_PARAM_DEPTH:
            raise ValueError(f"params nest more than {MAX_PARAM_DEPTH} levels deep")
        return params


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    limit: int


class Loaded(BaseModel):
    id: str
    iri: str
    href: str
    title: str
    tasks: int
    targets: int


class SparqlBindings(BaseModel):
    """SPARQL 1.1 Query Results JSON (a SELECT's bindings, or an ASK's boolean)."""

    head: dict[str, Any]
    results: dict[str, Any] | None = None
    boolean: bool | None = None
