"""Counters the writer keeps, so the whole-graph rankings read a few thousand small nodes, not every edge.

``units-leading-most-tasks`` over the whole graph counted every LEADS edge (845 ms at 5,000
plans) and ``indicators`` every figure of every indicator (1.1 s). Their answers are small; what
they read was the graph. So each write transaction keeps two summaries up to date:

- ``UnitTally`` per unit that leads a task: the tasks it leads, by the year of their document
  (``years`` and ``counts``, parallel lists, sorted by year; a document without a year counts
  under ``NO_YEAR``), its ``total`` and the unit's ``collective`` flag;
- ``IndicatorTally`` per indicator with figures: how many targets and actuals, the first and last
  year, and the regions they are for (with the per-year and per-region counts that later
  changes are applied to).

They change by deltas: what the transaction's documents add, minus what their earlier versions
held (read before those are deleted), so a batch costs what it writes, never a recount. A tally
is locked (``SET``) before it is read, so two loaders' deltas are applied one after the other
(Neo4j waits for the lock; ArcadeDB fails the later commit and policykg retries it). The
labels are bookkeeping, not ontology: ``stamp.HIDDEN_LABELS`` keeps them out of stats,
graph-nodes, entity-lookup and exports; the fingerprint keeps them in, so the tests that compare
load paths, orders and concurrent loads check the tallies too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from policykg.ontology.terms import Label, Rel

if TYPE_CHECKING:
    from policykg.graph.continuity import Tx
    from policykg.graph.mapping import GraphRows

UNIT_TALLY = "UnitTally"
INDICATOR_TALLY = "IndicatorTally"
LABELS: tuple[str, ...] = (UNIT_TALLY, INDICATOR_TALLY)
#: The year key of tasks whose document has no year.
NO_YEAR = -1

#: What the documents about to be replaced contributed (read inside the transaction, before the delete).
OLD_LEADS = (f"UNWIND $docs AS doc MATCH (t:{Label.TASK.value} {{doc: doc}})<-[:{Rel.LEADS.value}]-(u:{Label.UNIT.value}) "
             "RETURN u.id AS unit, t.year AS year, count(*) AS n")
OLD_FIGURES = (f"UNWIND $docs AS doc MATCH (g:{Label.TARGET.value} {{doc: doc}})-[:{Rel.MEASURES.value}]->"
               f"(i:{Label.INDICATOR.value}) OPTIONAL MATCH (g)-[:{Rel.FOR.value}]->(r:{Label.REGION.value}) "
               "RETURN i.id AS indicator, g.kind AS kind, g.year AS year, r.name AS region")

_LOCK = ("UNWIND $ids AS id MERGE (c:{label} {{id: id}}) SET c.pending = true "
         "RETURN c.id AS id, properties(c) AS props")
_SAVE_UNITS = (f"UNWIND $rows AS r MATCH (c:{UNIT_TALLY} {{id: r.id}}) "
               f"OPTIONAL MATCH (u:{Label.UNIT.value} {{id: r.id}}) "
               "SET c.years = r.years, c.counts = r.counts, c.total = r.total, c.collective = u.collective, "
               "c.pending = null WITH c, r WHERE r.total = 0 DELETE c")
_SAVE_INDICATORS = (f"UNWIND $rows AS r MATCH (c:{INDICATOR_TALLY} {{id: r.id}}) "
                    "SET c += r.props, c.pending = null WITH c, r WHERE r.props.targets + r.props.actuals = 0 DELETE c")

#: (unit, year) -> tasks led; (indicator, kind, year, region) -> figures.
UnitDelta = Counter[tuple[str, int]]
FigureDelta = Counter[tuple[str, str, int, str]]


def _year(value: Any) -> int:
    return int(value) if value is not None else NO_YEAR


def contributions(docs: Sequence[GraphRows]) -> tuple[UnitDelta, FigureDelta]:
    """What these documents' rows add to the tallies."""
    leads: UnitDelta = Counter()
    figures: FigureDelta = Counter()
    for rows in docs:
        year = _year(rows.shared_nodes.get(Label.DOCUMENT, {}).get(rows.doc_id, {}).get("year"))
        for rel in rows.owned_rels.get((Rel.LEADS, Label.UNIT, Label.TASK), []):
            leads[(rel["start"], year)] += 1
        region_of = {r["start"]: r["end"] for r in rows.owned_rels.get((Rel.FOR, Label.TARGET, Label.REGION), [])}
        names = rows.shared_nodes.get(Label.REGION, {})
        for g in rows.owned_nodes.get(Label.TARGET, []):
            rid = region_of.get(g["id"])
            region = names.get(rid, {}).get("name", "") if rid is not None else ""
            figures[(g["indicator_id"], g.get("kind", ""), _year(g.get("year")), region)] += 1
    return leads, figures


def previous(tx: Tx, doc_ids: Sequence[str]) -> tuple[UnitDelta, FigureDelta]:
    """What the stored versions of these documents contribute (read before they are replaced or deleted)."""
    leads: UnitDelta = Counter()
    figures: FigureDelta = Counter()
    for r in tx.run(OLD_LEADS, {"docs": list(doc_ids)}):
        leads[(r["unit"], _year(r["year"]))] += int(r["n"])
    for r in tx.run(OLD_FIGURES, {"docs": list(doc_ids)}):
        figures[(r["indicator"], r["kind"] or "", _year(r["year"]), r["region"] or "")] += 1
    return leads, figures


def apply(tx: Tx, leads: UnitDelta, figures: FigureDelta) -> None:
    """Add the deltas to the tallies (after the transaction's writes; a tally at zero is deleted)."""
    _apply_units(tx, {k: v for k, v in leads.items() if v})
    _apply_indicators(tx, {k: v for k, v in figures.items() if v})


def _locked(tx: Tx, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r["props"] for r in tx.run(_LOCK.format(label=label), {"ids": ids})}


def _apply_units(tx: Tx, leads: dict[tuple[str, int], int]) -> None:
    by_unit = _by_unit(leads)
    if not by_unit:
        return
    stored = _locked(tx, UNIT_TALLY, sorted(by_unit))
    tx.run(_SAVE_UNITS, {"rows": unit_rows(by_unit, stored)}).consume()


def _by_unit(leads: dict[tuple[str, int], int]) -> dict[str, dict[int, int]]:
    by_unit: dict[str, dict[int, int]] = defaultdict(dict)
    for (unit, year), n in leads.items():
        by_unit[unit][year] = by_unit[unit].get(year, 0) + n
    return by_unit


def unit_rows(by_unit: dict[str, dict[int, int]], stored: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The tallies' new ``years``, ``counts`` and ``total``: the stored ones plus the deltas."""
    rows = []
    for unit, delta in sorted(by_unit.items()):
        props = stored.get(unit, {})
        counts = dict(zip(props.get("years") or [], props.get("counts") or [], strict=True))
        for year, n in delta.items():
            counts[year] = counts.get(year, 0) + n
        kept = sorted((y, c) for y, c in counts.items() if c > 0)
        rows.append({"id": unit, "years": [y for y, _ in kept], "counts": [c for _, c in kept],
                     "total": sum(c for _, c in kept)})
    return rows


def _apply_indicators(tx: Tx, figures: dict[tuple[str, str, int, str], int]) -> None:
    by_indicator = _by_indicator(figures)
    if not by_indicator:
        return
    stored = _locked(tx, INDICATOR_TALLY, sorted(by_indicator))
    tx.run(_SAVE_INDICATORS, {"rows": indicator_rows(by_indicator, stored)}).consume()


def _by_indicator(figures: dict[tuple[str, str, int, str], int]) -> dict[str, dict[tuple[str, int, str], int]]:
    by_indicator: dict[str, dict[tuple[str, int, str], int]] = defaultdict(dict)
    for (indicator, kind, year, region), n in figures.items():
        by_indicator[indicator][(kind, year, region)] = n
    return by_indicator


def indicator_rows(by_indicator: dict[str, dict[tuple[str, int, str], int]],
                   stored: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The tallies' new properties: the stored counts plus the deltas, and what the query shows of them."""
    rows = []
    for indicator, delta in sorted(by_indicator.items()):
        props = stored.get(indicator, {})
        kinds = {"target": int(props.get("targets") or 0), "actual": int(props.get("actuals") or 0)}
        years = dict(zip(props.get("year_keys") or [], props.get("year_counts") or [], strict=True))
        regions = dict(zip(props.get("region_keys") or [], props.get("region_counts") or [], strict=True))
        for (kind, year, region), n in delta.items():
            if kind in kinds:
                kinds[kind] += n
            years[year] = years.get(year, 0) + n
            if region:
                regions[region] = regions.get(region, 0) + n
        year_items = sorted((y, c) for y, c in years.items() if c > 0)
        region_items = sorted((r, c) for r, c in regions.items() if c > 0)
        real_years = [y for y, _ in year_items if y != NO_YEAR]
        rows.append({"id": indicator, "props": {
            "targets": kinds["target"], "actuals": kinds["actual"],
            "first_year": real_years[0] if real_years else None, "last_year": real_years[-1] if real_years else None,
            "regions": [r for r, _ in region_items],
            "year_keys": [y for y, _ in year_items], "year_counts": [c for _, c in year_items],
            "region_keys": [r for r, _ in region_items], "region_counts": [c for _, c in region_items]}})
    return rows


def fresh_nodes(leads: UnitDelta, figures: FigureDelta,
                collective: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The tally nodes of a graph built in one go (a first load's import): (label, properties), as the
    transactional path leaves them. ``collective`` is each unit's flag."""
    nodes: list[tuple[str, dict[str, Any]]] = []
    for row in unit_rows(_by_unit({k: v for k, v in leads.items() if v}), {}):
        if row["total"] > 0:
            flag = collective.get(row["id"])
            nodes.append((UNIT_TALLY, row | ({"collective": flag} if flag is not None else {})))
    for row in indicator_rows(_by_indicator({k: v for k, v in figures.items() if v}), {}):
        props = {k: v for k, v in row["props"].items() if v is not None}
        if props["targets"] + props["actuals"] > 0:
            nodes.append((INDICATOR_TALLY, {"id": row["id"], **props}))
    return nodes
