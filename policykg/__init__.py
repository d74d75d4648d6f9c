"""policykg: a knowledge graph of government science-and-technology policy plans.

The package flows one way: ``loaders`` turn files into ``Extraction`` records,
``graph`` writes them to a Cypher store, ``queries`` and ``api`` read it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policykg.kg import KnowledgeGraph

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def open(store: str | None = None, *, heap: str | None = None) -> KnowledgeGraph:  # noqa: A001 - the documented entry point
    """Open a knowledge graph at a store directory or a ``bolt://``/``neo4j://`` URI.

    Imported lazily so that ``import policykg`` stays cheap for the CLI's ``--version``.
    """
    from policykg.kg import KnowledgeGraph

    return KnowledgeGraph.open(store, heap=heap)
