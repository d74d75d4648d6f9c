"""policykg: a knowledge graph of government science-and-technology policy plans.

The package flows one way: ``loaders`` turn files into ``Extraction`` records,
``graph`` writes them to a Cypher store, ``queries`` and ``api`` read it back.
``policykg.open`` is the entry point of the Python API (``policykg.kg``).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policykg.kg import KnowledgeGraph

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def open(  # noqa: A001 - the documented entry point
    store: str | os.PathLike[str] | None = None,
    *,
    indicators: str | os.PathLike[str] | None = None,
    heap: str | None = None,
    create: bool = True,
) -> KnowledgeGraph:
    """Open a knowledge graph at a store directory or a ``bolt://``/``neo4j://`` URI.

    ``indicators`` is your own indicator catalogue (YAML) on top of the shipped one;
    ``create=False`` refuses a directory that holds no store instead of making one.
    Imported lazily so that ``import policykg`` stays cheap for the CLI's ``--version``.
    """
    from policykg.kg import KnowledgeGraph

    return KnowledgeGraph.open(store, indicators=indicators, heap=heap, create=create)
