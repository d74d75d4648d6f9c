"""The HTTP API: REST resources, dereferenceable IRIs, SPARQL, named queries and guarded Cypher.

``create_app(kg)`` builds the FastAPI app over an open ``KnowledgeGraph``; ``policykg
serve`` runs it under uvicorn. The app only calls ``policykg.queries`` and
``policykg.graph`` (and the ontology's RDF mapping over them).
"""

from __future__ import annotations

from policykg.api.app import create_app
from policykg.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
