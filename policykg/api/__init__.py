"""The HTTP API (FastAPI: REST, linked data, SPARQL, named queries) lives here.

Empty until its issue lands: the package exists so the layout of DESIGN.md holds
and the API can only call ``policykg.queries`` and ``policykg.graph``.
"""
