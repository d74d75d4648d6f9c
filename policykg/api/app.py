"""The FastAPI application: ``create_app(kg)`` wires the routers over one open KnowledgeGraph.

The app only calls ``policykg.queries`` and ``policykg.graph`` (through the graph's
store) and the ontology's RDF mapping; it holds no query text of its own.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from policykg import __version__
from policykg.api import apidocs, cypher, linked, named, problems, resources, site, sparql, sparqlpage, writes
from policykg.api.cache import EntityCache
from policykg.api.context import ApiContext
from policykg.api.limits import BodySizeLimit
from policykg.api.rdfview import RdfView
from policykg.api.settings import ApiSettings
from policykg.kg import KnowledgeGraph
from policykg.ontology.iris import Iris

DESCRIPTION = """Linked data over a knowledge graph of government policy plans.

Entities have IRIs `{base}/id/{kind}/{id}` that answer JSON-LD, Turtle, N-Triples,
HTML or JSON (Accept, or `?format=`); REST collections page through them; `/sparql`
answers SPARQL 1.1 over the same RDF; `/queries` runs the named Cypher queries; `/cypher`
runs read-only Cypher. Errors are RFC 9457 problem details.
"""


def create_app(kg: KnowledgeGraph, settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or ApiSettings()
    iris = Iris(settings.base)
    app = FastAPI(title="policykg", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_tags=[{"name": "linked data"}, {"name": "sparql"}, {"name": "queries"}])
    apidocs.install(app)  # Swagger UI and ReDoc from the package, not a CDN
    app.state.ctx = ApiContext(kg, settings, iris, RdfView(kg.store, iris, settings.freshness_seconds),
                               EntityCache(kg.store, settings.freshness_seconds))
    problems.install(app)
    for module in (site, sparqlpage, linked, resources, sparql, named, cypher, writes):
        app.include_router(module.router)
    sparqlpage.install(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)  # type: ignore[arg-type]
    _use_problem_422(app)
    return app


def _use_problem_422(app: FastAPI) -> None:
    """Declare the 422 responses FastAPI adds as problem details, as the handler answers them."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                response = operation.get("responses", {}).get("422")
                if response:
                    response["content"] = {problems.PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemModel"}}}
        schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
        schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
