"""Extraction -> graph rows: nodes and relationships ready for ``UNWIND $rows``.

The one place where the ontology's identity rules meet a document's records.
Shared nodes (documents, units, people, indicators, regions) are merged across
documents and remember which documents mention them (``docs``); a document's
own sections, tasks and targets carry ``doc`` and are replaced on reload.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policykg.loaders.types import Extraction
from policykg.ontology import resolve
from policykg.ontology.indicators import Catalogue
from policykg.ontology.resolve import RegionRef, UnitRef
from policykg.ontology.terms import Label, Rel

Row = dict[str, Any]


@dataclass
class GraphRows:
    """Everything one document puts in the graph, grouped for batched statements."""

    doc_id: str
    shared_nodes: dict[Label, dict[str, Row]] = field(default_factory=dict)
    owned_nodes: dict[Label, list[Row]] = field(default_factory=dict)
    shared_rels: dict[tuple[Rel, Label, Label], dict[tuple[str, str], Row]] = field(default_factory=dict)
    owned_rels: dict[tuple[Rel, Label, Label], list[Row]] = field(default_factory=dict)

    def merge_node(self, label: Label, row: Row) -> None:
        existing = self.shared_nodes.setdefault(label, {}).get(row["id"])
        if existing is None:
            self.shared_nodes[label][row["id"]] = row
        elif "aliases" in row:
            existing["aliases"] = sorted(set(existing.get("aliases", [])) | set(row["aliases"]))

    def merge_rel(self, rel: Rel, start: Label, end: Label, start_id: str, end_id: str) -> None:
        self.shared_rels.setdefault((rel, start, end), {})[(start_id, end_id)] = {"start": start_id, "end": end_id}

    def add_node(self, label: Label, row: Row) -> None:
        self.owned_nodes.setdefault(label, []).append(row)

    def add_rel(self, rel: Rel, start: Label, end: Label, start_id: str, end_id: str, props: Row) -> None:
        self.owned_rels.setdefault((rel, start, end), []).append({"start": start_id, "end": end_id, "props": props})

    def counts(self) -> tuple[int, int]:
        nodes = sum(len(v) for v in self.shared_nodes.values()) + sum(len(v) for v in self.owned_nodes.values())
        rels = sum(len(v) for v in self.shared_rels.values()) + sum(len(v) for v in self.owned_rels.values())
        return nodes, rels


def series_key(indicator_id: str, region_id: str) -> str:
    """A figure's indicator and the region it is for, as one indexed key (``Target.series``): the figures
    of one indicator in one region are an index seek, not a walk over all the indicator's figures."""
    return f"{indicator_id}|{region_id}"


def _clean(props: Row) -> Row:
    """Drop None values: a property that is absent reads the same as null and costs nothing."""
    return {k: v for k, v in props.items() if v is not None}


class _Mapper:
    def __init__(self, extraction: Extraction, catalogue: Catalogue | None = None) -> None:
        self.x = extraction
        self.doc = extraction.document
        self.rows = GraphRows(self.doc.id)
        self.catalogue = catalogue

    def provenance(self, span: tuple[int, int] | None) -> Row:
        span = span or (0, 0)
        return {"doc": self.doc.id, "span": list(span), "evidence": self.x.evidence(span)}

    def add_region(self, ref: RegionRef | None) -> None:
        while ref is not None:
            self.rows.merge_node(Label.REGION, _clean({"id": ref.id, "name": ref.name, "level": ref.level,
                                                       "code": ref.code, "short": ref.short}))
            if ref.parent is not None:
                self.rows.merge_rel(Rel.PART_OF, Label.REGION, Label.REGION, ref.id, ref.parent.id)
            ref = ref.parent

    def add_unit(self, ref: UnitRef) -> None:
        self.rows.merge_node(
            Label.UNIT,
            _clean({"id": ref.id, "name": ref.name, "level": ref.level, "collective": ref.collective,
                    "scope": ref.scope, "aliases": sorted(set(ref.aliases) | {ref.mention})}),
        )
        if ref.parent is not None:
            self.add_unit(ref.parent)
            self.rows.merge_rel(Rel.PART_OF, Label.UNIT, Label.UNIT, ref.id, ref.parent.id)
        if ref.region is not None:
            self.add_region(ref.region)
            self.rows.merge_rel(Rel.IN, Label.UNIT, Label.REGION, ref.id, ref.region.id)

    def map(self) -> GraphRows:
        doc, rows = self.doc, self.rows
        where = resolve.document_region(doc.region, doc.issuer, doc.title, self.x.text)
        issuer = resolve.agency(doc.issuer, where)
        region_name = where.name if where else doc.region
        rows.merge_node(Label.DOCUMENT, _clean({
            "id": doc.id, "title": doc.title, "issuer": doc.issuer, "region": region_name, "year": doc.year,
            "date": doc.date, "kind": doc.kind, "doc_no": doc.doc_no, "index_no": doc.index_no,
            "source": doc.source, "media": doc.media, "sha256": doc.sha256,
        }))
        if where is not None:
            self.add_region(where)
            rows.merge_rel(Rel.ABOUT, Label.DOCUMENT, Label.REGION, doc.id, where.id)
        if issuer is not None:
            self.add_unit(issuer)
            rows.merge_rel(Rel.ISSUED_BY, Label.DOCUMENT, Label.UNIT, doc.id, issuer.id)
        for section in self.x.sections:
            rows.add_node(Label.SECTION, _clean({"id": section.id, "number": section.number, "title": section.title,
                                                 "order": section.order, "level": section.level, **self.provenance(section.span)}))
            rows.add_rel(Rel.HAS_SECTION, Label.DOCUMENT, Label.SECTION, doc.id, section.id, {"doc": doc.id})
            if section.parent_id:
                rows.add_rel(Rel.PART_OF, Label.SECTION, Label.SECTION, section.id, section.parent_id, {"doc": doc.id})
        for task in self.x.tasks:
            rows.add_node(Label.TASK, _clean({
                "id": task.id, "number": task.number, "title": task.title, "text": task.text, "order": task.order,
                "section": task.section, "year": doc.year, "kind": doc.kind,
                "fields": json.dumps(task.fields, ensure_ascii=False) if task.fields else None,
                **self.provenance(task.span),
            }))
            rows.add_rel(Rel.HAS_TASK, Label.DOCUMENT, Label.TASK, doc.id, task.id, {"doc": doc.id})
            if task.section_id:
                rows.add_rel(Rel.HAS_TASK, Label.SECTION, Label.TASK, task.section_id, task.id, {"doc": doc.id})
            if task.parent_id:
                rows.add_rel(Rel.PART_OF, Label.TASK, Label.TASK, task.id, task.parent_id, {"doc": doc.id})
            clause = self.provenance(task.clause_span or task.span)
            for rel, mentions in ((Rel.LEADS, task.lead), (Rel.SUPPORTS, task.support)):
                seen: set[str] = set()  # 杭州市科技局(委) and 杭州市、滨江区科技局(委) in one clause lead once
                for mention in mentions:
                    for ref in resolve.units(mention, issuer, where):
                        self.add_unit(ref)
                        if ref.id not in seen:
                            seen.add(ref.id)
                            rows.add_rel(rel, Label.UNIT, Label.TASK, ref.id, task.id, {**clause, "mention": mention})
            for name in task.people:
                person = resolve.person(name, issuer)
                rows.merge_node(Label.PERSON, {"id": person.id, "name": person.name})
                if person.agency is not None:
                    rows.merge_rel(Rel.MEMBER_OF, Label.PERSON, Label.UNIT, person.id, person.agency.id)
                rows.add_rel(Rel.RESPONSIBLE_FOR, Label.PERSON, Label.TASK, person.id, task.id, {**clause, "mention": name})
        for target in self.x.targets:
            # A figure whose words name nothing (a verb, a place alone) keeps its sentence and no indicator.
            # The catalogue reads the measure from the name's own words; the loader's guess (总额 as a
            # stock) would rule out a flow such as 社会消费品零售总额.
            ind = resolve.indicator(target.indicator, target.unit, None, self.catalogue) if target.indicator.strip() else None
            if ind is not None:
                rows.merge_node(Label.INDICATOR, _clean({"id": ind.id, "name": ind.name, "catalogued": ind.catalogued,
                                                         "measure": ind.measure, "unit": ind.unit, "aliases": list(ind.aliases),
                                                         "ceiling": ind.ceiling or None}))
            prov = self.provenance(target.span)
            rows.add_node(Label.TARGET, _clean({
                "id": target.id, "indicator": target.indicator, "value": target.value, "value_high": target.value_high,
                "unit": target.unit, "year": target.year, "kind": target.kind, "comparator": target.comparator,
                "period_from": target.period_from, "period_to": target.period_to, "aggregate": target.aggregate,
                "basis": target.basis, "direction": target.direction,
                "measure": target.measure or (ind.measure if ind else None), "raw": target.raw, "as_of": target.as_of,
                "region": region_name, "indicator_id": ind.id if ind else None,
                "series": series_key(ind.id, where.id) if ind is not None and where is not None else None, **prov,
            }))
            owner_label, owner = (Label.TASK, target.task_id) if target.task_id else (Label.DOCUMENT, doc.id)
            rows.add_rel(Rel.HAS_TARGET, owner_label, Label.TARGET, owner, target.id, prov)
            if ind is not None:
                rows.add_rel(Rel.MEASURES, Label.TARGET, Label.INDICATOR, target.id, ind.id, prov)
            if where is not None:
                rows.add_rel(Rel.FOR, Label.TARGET, Label.REGION, target.id, where.id, {"doc": doc.id})
        return rows


def to_graph_rows(extraction: Extraction, catalogue: Catalogue | None = None) -> GraphRows:
    """The document's graph rows; ``catalogue`` is the indicator catalogue (default: shipped + $POLICYKG_INDICATORS)."""
    return _Mapper(extraction, catalogue).map()


def iter_rel_groups(groups: dict[tuple[Rel, Label, Label], Any]) -> Iterable[tuple[Rel, Label, Label, list[Row]]]:
    for (rel, start, end), rows in groups.items():
        yield rel, start, end, list(rows.values()) if isinstance(rows, dict) else rows
