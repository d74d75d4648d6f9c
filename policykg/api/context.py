"""What every route needs: the knowledge graph, the settings, the IRI minter and the RDF view."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from policykg.api.cache import EntityCache
from policykg.api.rdfview import RdfView
from policykg.api.settings import ApiSettings
from policykg.kg import KnowledgeGraph
from policykg.ontology.iris import Iris


@dataclass
class ApiContext:
    kg: KnowledgeGraph
    settings: ApiSettings
    iris: Iris
    view: RdfView
    entities: EntityCache

    def changed(self) -> None:
        """The API wrote to the store: the RDF view and the entity cache start over."""
        self.view.invalidate()
        self.entities.clear()


def get_context(request: Request) -> ApiContext:
    ctx: ApiContext = request.app.state.ctx
    revive = getattr(ctx.kg.store, "revive", None)
    if revive is not None:
        revive()  # a server that died or was stopped by its health check is started again (a /proc check else)
    return ctx
