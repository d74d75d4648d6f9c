"""Entity lookups for the HTTP API: one node with its links, pages of a kind, a series.

Like the named queries these only read; unlike them they are shaped by a node label,
so each statement is composed from ontology constants (``Label``, ``Rel``) and every
user value (an id, a search string, a region, a year, paging) travels as a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policykg.graph.store import GraphStore
from policykg.ontology.terms import Label, Rel

Row = dict[str, Any]

#: The property a person reads as the node's name, per label (a Target has none of its own).
NAME_EXPR: dict[Label, str] = {
    Label.DOCUMENT: "n.title", Label.SECTION: "n.title", Label.TASK: "coalesce(n.title, left(n.text, 60))",
    Label.UNIT: "n.name", Label.PERSON: "n.name", Label.INDICATOR: "n.name", Label.REGION: "n.name",
    Label.TARGET: "n.raw",
}
#: Properties a substring search (``q``) looks in; aliases count for units and indicators.
SEARCH_EXPR: dict[Label, str] = {
    Label.DOCUMENT: "coalesce(n.title, '') CONTAINS $q OR coalesce(n.issuer, '') CONTAINS $q",
    Label.SECTION: "coalesce(n.title, '') CONTAINS $q",
    Label.TASK: "coalesce(n.title, '') CONTAINS $q OR coalesce(n.text, '') CONTAINS $q",
    Label.UNIT: "n.name CONTAINS $q OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $q)",
    Label.PERSON: "n.name CONTAINS $q",
    Label.INDICATOR: "n.name CONTAINS $q OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $q)",
    Label.REGION: "n.name CONTAINS $q OR coalesce(n.short, '') = $q",
    Label.TARGET: "coalesce(n.raw, '') CONTAINS $q OR coalesce(n.indicator, '') CONTAINS $q",
}
#: How a node belongs to a region (the region or any region part of it), per label.
REGION_EXPR: dict[Label, str] = {
    Label.DOCUMENT: f"EXISTS {{ MATCH (n)-[:{Rel.ABOUT}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
    Label.SECTION: f"EXISTS {{ MATCH (n)<-[:{Rel.HAS_SECTION}]-(:Document)-[:{Rel.ABOUT}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
    Label.TASK: f"EXISTS {{ MATCH (n)<-[:{Rel.HAS_TASK}]-(:Document)-[:{Rel.ABOUT}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
    Label.UNIT: f"EXISTS {{ MATCH (n)-[:{Rel.PART_OF}*0..1]->(:Unit)-[:{Rel.IN}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
    Label.PERSON: f"EXISTS {{ MATCH (n)-[:{Rel.MEMBER_OF}]->(:Unit)-[:{Rel.PART_OF}*0..1]->(:Unit)-[:{Rel.IN}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
    Label.INDICATOR: f"EXISTS {{ MATCH (n)<-[:{Rel.MEASURES}]-(:Target)-[:{Rel.FOR}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
    Label.TARGET: f"EXISTS {{ MATCH (n)-[:{Rel.FOR}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
    Label.REGION: f"EXISTS {{ MATCH (n)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}",
}
#: Labels that carry a year of their own (a task has its document's).
YEAR_LABELS = frozenset({Label.DOCUMENT, Label.TASK, Label.TARGET})
ORDER_EXPR: dict[Label, str] = {
    Label.DOCUMENT: "n.year DESC, n.id", Label.TASK: "n.doc, n.order", Label.SECTION: "n.doc, n.order",
    Label.TARGET: "n.doc, n.id",
}


@dataclass(frozen=True)
class Page:
    items: list[Row]
    total: int


def _where(label: Label, q: str | None, region: str | None, year: int | None) -> str:
    conditions = []
    if q:
        conditions.append(f"({SEARCH_EXPR[label]})")
    if region:
        conditions.append(REGION_EXPR[label])
    if year is not None and label in YEAR_LABELS:
        conditions.append("n.year = $year")
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def list_entities(store: GraphStore, label: Label, *, q: str | None = None, region: str | None = None,
                  year: int | None = None, limit: int = 50, offset: int = 0) -> Page:
    """One page of a kind, in a stable order, and how many there are in all."""
    where = _where(label, q, region, year)
    params = {"q": q, "region": region, "year": year, "limit": limit, "offset": offset}
    total = store.read(f"MATCH (n:{label}){where} RETURN count(n) AS total", params)[0]["total"]
    order = ORDER_EXPR.get(label, "name, n.id")
    rows = store.read(
        f"MATCH (n:{label}){where} WITH n, {NAME_EXPR[label]} AS name ORDER BY {order} SKIP $offset LIMIT $limit "
        "RETURN properties(n) AS props, name", params)
    return Page([{**r["props"], "name": r["name"]} for r in rows], int(total))


def get_entity(store: GraphStore, label: Label, node_id: str) -> Row | None:
    """The node's properties, its name, and every relationship with the node at its other end."""
    rows = store.read(
        f"MATCH (n:{label} {{id: $id}}) "
        "OPTIONAL MATCH (n)-[r]->(m) "
        "WITH n, collect(CASE WHEN m IS NULL THEN NULL ELSE {type: type(r), label: labels(m)[0], id: m.id, "
        "name: coalesce(m.name, m.title, m.raw, left(m.text, 60)), props: properties(r)} END) AS outgoing "
        "OPTIONAL MATCH (n)<-[r2]-(m2) "
        "WITH n, outgoing, collect(CASE WHEN m2 IS NULL THEN NULL ELSE {type: type(r2), label: labels(m2)[0], "
        "id: m2.id, name: coalesce(m2.name, m2.title, m2.raw, left(m2.text, 60)), props: properties(r2)} END) AS incoming "
        f"RETURN properties(n) AS props, {NAME_EXPR[label]} AS name, outgoing, incoming",
        {"id": node_id},
    )
    if not rows:
        return None
    row = rows[0]
    return {"props": row["props"], "name": row["name"], "outgoing": row["outgoing"], "incoming": row["incoming"]}


def indicator_series(store: GraphStore, indicator_id: str, *, region: str | None = None,
                     start: int | None = None, end: int | None = None) -> list[Row]:
    """An indicator's targets and actuals by year (and region), with the sentence each came from."""
    return store.read(
        f"MATCH (g:{Label.TARGET})-[:{Rel.MEASURES}]->(:{Label.INDICATOR} {{id: $id}}) "
        "WHERE ($from IS NULL OR g.year >= $from) AND ($to IS NULL OR g.year <= $to) "
        f"AND ($region IS NULL OR EXISTS {{ MATCH (g)-[:{Rel.FOR}]->(:Region)-[:{Rel.PART_OF}*0..]->(:Region {{name: $region}}) }}) "
        f"OPTIONAL MATCH (d:{Label.DOCUMENT} {{id: g.doc}}) "
        "RETURN g.id AS id, g.year AS year, g.kind AS kind, g.value AS value, g.unit AS unit, g.comparator AS comparator, "
        "g.region AS region, g.raw AS raw, g.evidence AS evidence, d.id AS document, d.title AS document_title, "
        # a range's high end and a figure over a span (when the store has them): the chart draws a band, a bar
        "g.value_high AS value_high, g.aggregate AS aggregate, g.period_from AS period_from, g.period_to AS period_to, "
        "d.year AS document_year, d.issuer AS document_issuer, d.region AS document_region "
        "ORDER BY year, kind, id",
        {"id": indicator_id, "region": region, "from": start, "to": end},
    )


def exists(store: GraphStore, label: Label, node_id: str) -> bool:
    return bool(store.read(f"MATCH (n:{label} {{id: $id}}) RETURN n.id AS id LIMIT 1", {"id": node_id}))
