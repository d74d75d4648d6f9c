"""Linked data: dereferenceable entity IRIs with content negotiation, the ontology, the @context."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from rdflib import Graph

from policykg.api.context import ApiContext, get_context
from policykg.api.models import Entity
from policykg.api.negotiation import ENTITY_FORMATS, HTML, JSON, JSONLD, RDF_FORMATS, TURTLE, Format, negotiate
from policykg.api.problems import Problem, problem_responses
from policykg.api.resources import one
from policykg.api.site import entity_page
from policykg.ontology.jsonld import context
from policykg.ontology.vocab import LABEL_OF_KIND, bind_prefixes

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]
FormatQ = Annotated[str | None, Query(alias="format", max_length=20,
                                      description="jsonld, ttl, nt, html or json; overrides Accept")]
RDF_CONTENT: dict[str, dict[str, object]] = {f.media_type: {"schema": {}} for f in RDF_FORMATS}


def rdf_response(graph: Graph, fmt: Format) -> Response:
    if fmt.name == JSONLD.name:
        body = graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True)
    else:
        assert fmt.rdflib is not None
        body = graph.serialize(format=fmt.rdflib)
    return Response(body, media_type=f"{fmt.media_type}; charset=utf-8" if fmt.media_type.startswith("text/")
                    else fmt.media_type)


@router.get("/id/{kind}/{id}", tags=["linked data"], operation_id="dereference", response_model=Entity,
            responses={200: {"content": {**RDF_CONTENT, "text/html": {"schema": {"type": "string"}}}},
                       **problem_responses(400, 404, 422)})
def dereference(request: Request, ctx: Ctx,
                kind: Annotated[str, Path(description="document, section, task, unit, person, indicator, target, region")],
                id: Annotated[str, Path(min_length=1, max_length=200)],  # noqa: A002 - the IRI's last segment
                fmt: FormatQ = None) -> Response:
    """An entity's IRI: JSON-LD, Turtle, N-Triples, an HTML page or plain JSON, by Accept or `?format=`."""
    label = LABEL_OF_KIND.get(kind)
    if label is None:
        raise Problem(404, f"unknown kind {kind!r}; valid: {', '.join(LABEL_OF_KIND)}")
    chosen = negotiate(fmt, request.headers.get("accept"), ENTITY_FORMATS, JSONLD)
    found = one(ctx, label, id)  # 404 before any RDF work
    if chosen is JSON:
        return JSONResponse(found.model_dump(exclude_none=True))
    if chosen is HTML:
        return HTMLResponse(entity_page(ctx, label, found))
    return rdf_response(ctx.view.describe(ctx.iris.entity(label, id)), chosen)


@cache
def ontology_graph() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    folder = resources.files("policykg.ontology")
    graph.parse(data=folder.joinpath("policykg.ttl").read_text("utf-8"), format="turtle")
    return graph


@router.get("/ontology", tags=["linked data"], operation_id="ontology",
            responses={200: {"content": RDF_CONTENT}, **problem_responses(400)})
def ontology(request: Request, fmt: FormatQ = None) -> Response:
    """The policykg ontology: own terms with Chinese and English labels, and the Data Cube structure."""
    return rdf_response(ontology_graph(), negotiate(fmt, request.headers.get("accept"), RDF_FORMATS, TURTLE))


@router.get("/ontology/shapes", tags=["linked data"], operation_id="shapes",
            responses={200: {"content": {"text/turtle": {"schema": {"type": "string"}}}}})
def shapes() -> Response:
    """The SHACL shapes every export satisfies."""
    text = resources.files("policykg.ontology").joinpath("shapes.ttl").read_text("utf-8")
    return Response(text, media_type="text/turtle; charset=utf-8")


@router.get("/context.jsonld", tags=["linked data"], operation_id="jsonld_context",
            responses={200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}})
def jsonld_context() -> Response:
    """The JSON-LD @context of every JSON-LD answer."""
    return Response(json.dumps(context(), ensure_ascii=False, indent=1), media_type="application/ld+json")

