"""What every exporter shares: the graph data it is given, the Exporter record, value flattening.

``GraphData`` is plain nodes and edges with their properties, as the
``graph-nodes`` / ``graph-edges`` named queries return them; exporters turn it
into bytes and never touch a store, so a format is testable without one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Props = dict[str, Any]


@dataclass(frozen=True)
class Node:
    id: str
    label: str  # the node label: Document, Task, Unit, ...
    properties: Props = field(default_factory=dict)

    @property
    def name(self) -> str:
        """What a reader calls the node: its name, title, raw phrase or number, else its id."""
        p = self.properties
        for key in ("name", "title", "raw", "number"):
            if p.get(key):
                return str(p[key])
        return self.id


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    type: str  # the relationship type: LEADS, HAS_TASK, ...
    properties: Props = field(default_factory=dict)


@dataclass
class GraphData:
    """A graph or a part of one; ``note`` says what was left out (a cut, a missing node), for the reader."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    note: str = ""
    total_nodes: int | None = None  # before a cut; None when nothing was cut
    #: The nodes a picture is about (``viz --around``): marked and put in the middle.
    focus: list[str] = field(default_factory=list)
    #: Relationships a node has beyond the drawn ones (a hub not opened, a neighbour past the budget).
    more: dict[str, int] = field(default_factory=dict)

    def node_ids(self) -> set[str]:
        return {n.id for n in self.nodes}


#: An exporter renders graph data to files: file name -> bytes; one entry for single-file formats.
Render = Callable[[GraphData], dict[str, bytes]]


@dataclass(frozen=True)
class Exporter:
    """One export format, found by name in the registry (``policykg.graph.exports``)."""

    name: str  # what --format takes
    suffix: str  # the usual file name ending, with the dot
    media_type: str
    description: str
    render: Render

    @property
    def single_file(self) -> bool:
        return not self.suffix.endswith("/")


def flat_value(value: Any) -> str | int | float | bool | None:
    """A property as a GraphML/GEXF scalar: lists and maps (span, aliases) become JSON text."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    return json.dumps(value, ensure_ascii=False)


def flat_attributes(items: Iterable[Props]) -> list[Props]:
    """Flattened properties with one type per attribute name across all items.

    GraphML and GEXF declare each attribute once with one type, so a ``value`` that is
    an int on one target and a float on another is written as float everywhere, and a
    name holding both text and numbers as text.
    """
    flat = [{k: v for k, v in ((k, flat_value(v)) for k, v in item.items()) if v is not None} for item in items]
    kinds: dict[str, set[type]] = {}
    for item in flat:
        for key, value in item.items():
            kinds.setdefault(key, set()).add(type(value))
    cast: dict[str, Callable[[Any], Any]] = {}
    for key, seen in kinds.items():
        if len(seen) == 1:
            continue
        cast[key] = float if seen <= {int, float} else _text
    return [{k: cast[k](v) if k in cast else v for k, v in item.items()} for item in flat]


def _text(value: Any) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)
