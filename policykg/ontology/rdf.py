"""The graph as RDF in standard vocabularies: the one mapping behind /id, /sparql and exports.

Documents are DCTERMS/ELI resources and PROV plans; sections ELI subdivisions; tasks
PROV activities whose lead, support and responsible units or people are qualified
associations with a role (``prov:hadRole``) and the plan they come from
(``prov:hadPlan``); units W3C ORG organisations (divisions ``org:OrganizationalUnit``,
``org:unitOf`` their agency); people FOAF persons; indicators SKOS concepts (aliases
``skos:altLabel``); targets and actuals RDF Data Cube observations (period, area,
value, unit, kind). The graph's own relationship types are kept beside the standard
terms (``pkg:leads``), so a query can use either. Every term comes from ``vocab``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rdflib import DCTERMS, FOAF, ORG, PROV, QB, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from policykg.ontology.iris import Iris, default_base
from policykg.ontology.sources import public_source
from policykg.ontology.terms import Label, Rel, TargetKind
from policykg.ontology.vocab import ELI, PKG, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE, bind_prefixes
from policykg.queries.snapshot import Snapshot, read_snapshot

if TYPE_CHECKING:
    from policykg.kg import KnowledgeGraph

Row = dict[str, Any]
Triple = tuple[Node, Node, Node]
ZH = "zh"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: rdf:type of each label's nodes: our class first, then the standard classes it is an instance of.
TYPES: dict[Label, tuple[URIRef, ...]] = {
    Label.DOCUMENT: (PKG.Document, ELI.LegalResource, PROV.Plan, PROV.Entity),
    Label.SECTION: (PKG.Section, ELI.LegalResourceSubdivision, PROV.Entity),
    Label.TASK: (PKG.Task, PROV.Activity),
    Label.UNIT: (PKG.Unit, ORG.Organization, PROV.Organization, FOAF.Agent),
    Label.PERSON: (PKG.Person, FOAF.Person, PROV.Person),
    Label.INDICATOR: (PKG.Indicator, SKOS.Concept),
    Label.TARGET: (PKG.Target, QB.Observation, PROV.Entity),
    Label.REGION: (PKG.Region, DCTERMS.Location),
}
#: The qualified association's role for each assignment type.
ROLES: dict[Rel, URIRef] = {Rel.LEADS: PKG.LeadRole, Rel.SUPPORTS: PKG.SupportRole, Rel.RESPONSIBLE_FOR: PKG.ResponsibleRole}
OBSERVATION_KINDS: dict[str, URIRef] = {TargetKind.TARGET: PKG.TargetValue, TargetKind.ACTUAL: PKG.ActualValue}
#: Relationship types mapped to one own term plus standard terms, same direction.
SIMPLE_RELS: dict[Rel, tuple[URIRef, ...]] = {
    Rel.ISSUED_BY: (PKG.issuedBy, DCTERMS.publisher),
    Rel.ABOUT: (PKG.about, DCTERMS.spatial),
    Rel.HAS_SECTION: (PKG.hasSection, ELI.has_part, DCTERMS.hasPart),
    Rel.HAS_TASK: (PKG.hasTask,),
    Rel.MEMBER_OF: (PKG.memberOf, ORG.memberOf),
    Rel.IN: (PKG["in"],),
    Rel.HAS_TARGET: (PKG.hasTarget,),
    Rel.MEASURES: (PKG.measures, PKG.indicator),
    Rel.FOR: (PKG["for"], SDMX_DIMENSION.refArea),
    Rel.CONTINUES: (PKG.continues,),
}
#: PART_OF by the label at its start: a division's agency, a task's parent, a region's enclosing region.
PART_OF: dict[Label, tuple[URIRef, ...]] = {
    Label.UNIT: (PKG.partOf, ORG.subOrganizationOf),
    Label.TASK: (PKG.partOf, DCTERMS.isPartOf),
    Label.SECTION: (PKG.partOf, ELI.is_part_of, DCTERMS.isPartOf),
    Label.REGION: (PKG.partOf, DCTERMS.isPartOf),
}


def _text(value: Any) -> Literal:
    return Literal(str(value), lang=ZH)


def _int(value: Any) -> Literal | None:
    try:
        return Literal(int(value), datatype=XSD.integer)
    except (TypeError, ValueError):
        return None


def _year(value: Any) -> Literal | None:
    try:
        return Literal(f"{int(value):04d}", datatype=XSD.gYear)
    except (TypeError, ValueError):
        return None


def _bool(value: Any) -> Literal:
    return Literal(value is True or str(value).lower() == "true", datatype=XSD.boolean)


def _span(value: Any) -> Literal:
    return Literal(json.dumps(list(value)) if isinstance(value, list | tuple) else str(value))


class RdfMapper:
    """Turns snapshot rows into triples under one IRI base; stateless apart from the base."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris

    def iri(self, label: Label | str, node_id: str) -> URIRef:
        return self.iris.entity(label, node_id)

    # --- nodes ---

    def node(self, label: Label, p: Row) -> Iterable[Triple]:
        s = self.iri(label, p["id"])
        for cls in TYPES[label]:
            yield s, RDF.type, cls
        yield s, DCTERMS.identifier, Literal(p["id"])
        yield from getattr(self, f"_{label.value.lower()}")(s, p)
        if p.get("evidence") is not None:
            yield s, PKG.evidence, _text(p["evidence"])
        if p.get("span") is not None:
            yield s, PKG.span, _span(p["span"])
        if p.get("doc"):
            doc = self.iri(Label.DOCUMENT, p["doc"])
            yield s, (DCTERMS.source if label == Label.TASK else PROV.wasDerivedFrom), doc

    def _named(self, s: URIRef, name: Any, aliases: Iterable[Any] = ()) -> Iterable[Triple]:
        if name:
            yield s, RDFS.label, _text(name)
            yield s, SKOS.prefLabel, _text(name)
        for alias in sorted(set(map(str, aliases)) - {str(name)}):
            yield s, SKOS.altLabel, _text(alias)

    def _document(self, s: URIRef, p: Row) -> Iterable[Triple]:
        if p.get("title"):
            yield s, RDFS.label, _text(p["title"])
            yield s, DCTERMS.title, _text(p["title"])
            yield s, ELI.title, _text(p["title"])
        date = p.get("date")
        if isinstance(date, str) and _DATE.match(date):
            yield s, DCTERMS.issued, Literal(date, datatype=XSD.date)
            yield s, ELI.date_document, Literal(date, datatype=XSD.date)
        if (year := _year(p.get("year"))) is not None:
            yield s, PKG.year, year
        for key, term in (("kind", PKG.kind), ("doc_no", PKG.docNo), ("index_no", PKG.indexNo), ("media", PKG.media),
                          ("sha256", PKG.sha256), ("issuer", DCTERMS.creator)):
            if p.get(key):
                yield s, term, Literal(str(p[key]))
        if source := public_source(p.get("source")):  # a file name, never the server's path
            yield s, DCTERMS.source, Literal(source)
        if p.get("doc_no"):
            yield s, ELI.id_local, Literal(str(p["doc_no"]))

    def _section(self, s: URIRef, p: Row) -> Iterable[Triple]:
        title = f"{p.get('number') or ''}{p.get('title') or ''}"
        if title:
            yield s, RDFS.label, _text(title)
            yield s, DCTERMS.title, _text(p.get("title") or title)
        yield from self._numbered(s, p)

    def _numbered(self, s: URIRef, p: Row) -> Iterable[Triple]:
        if p.get("number"):
            yield s, PKG.number, Literal(str(p["number"]))
        if (order := _int(p.get("order"))) is not None:
            yield s, PKG.order, order
        if p.get("level") is not None:
            yield s, PKG.level, Literal(str(p["level"]))

    def _task(self, s: URIRef, p: Row) -> Iterable[Triple]:
        title = p.get("title") or (p.get("text") or "")[:60]
        if title:
            yield s, RDFS.label, _text(title)
            yield s, DCTERMS.title, _text(title)
        if p.get("text"):
            yield s, DCTERMS.description, _text(p["text"])
        if (year := _year(p.get("year"))) is not None:
            yield s, PKG.year, year
        yield from self._numbered(s, p)

    def _unit(self, s: URIRef, p: Row) -> Iterable[Triple]:
        yield from self._named(s, p.get("name"), p.get("aliases") or ())
        if p.get("level"):
            yield s, PKG.level, Literal(str(p["level"]))
            if p["level"] == "division":
                yield s, RDF.type, ORG.OrganizationalUnit
        yield s, PKG.collective, _bool(p.get("collective", False))

    def _person(self, s: URIRef, p: Row) -> Iterable[Triple]:
        if p.get("name"):
            yield s, RDFS.label, _text(p["name"])
            yield s, FOAF.name, _text(p["name"])

    def _indicator(self, s: URIRef, p: Row) -> Iterable[Triple]:
        yield from self._named(s, p.get("name"), p.get("aliases") or ())
        yield s, SKOS.inScheme, PKG.indicatorScheme
        for key, term in (("measure", PKG.measure), ("unit", PKG.unit)):
            if p.get(key):
                yield s, term, Literal(str(p[key]))
        yield s, PKG.catalogued, _bool(p.get("catalogued", False))

    def _target(self, s: URIRef, p: Row) -> Iterable[Triple]:
        yield s, QB.dataSet, self.iris.dataset()
        if p.get("raw"):
            yield s, RDFS.label, _text(p["raw"])
            yield s, PKG.raw, _text(p["raw"])
        if (year := _year(p.get("year"))) is not None:
            yield s, SDMX_DIMENSION.refPeriod, year
        kind = OBSERVATION_KINDS.get(str(p.get("kind")))
        if kind is not None:
            yield s, PKG.observationKind, kind
        if isinstance(p.get("value"), int | float):
            yield s, SDMX_MEASURE.obsValue, Literal(float(p["value"]), datatype=XSD.double)
        if isinstance(p.get("value_high"), int | float):
            yield s, PKG.valueHigh, Literal(float(p["value_high"]), datatype=XSD.double)
        for key, term in (("unit", SDMX_ATTRIBUTE.unitMeasure), ("comparator", PKG.comparator),
                          ("measure", PKG.measure), ("as_of", PKG.asOf)):
            if p.get(key):
                yield s, term, Literal(str(p[key]))

    def _region(self, s: URIRef, p: Row) -> Iterable[Triple]:
        yield from self._named(s, p.get("name"))
        if p.get("code"):
            yield s, SKOS.notation, Literal(str(p["code"]))
        if p.get("level"):
            yield s, PKG.level, Literal(str(p["level"]))

    # --- relationships ---

    def rel(self, rel: Rel, r: Row) -> Iterable[Triple]:
        start_label, end_label = Label(r["start_label"]), Label(r["end_label"])
        s, o = self.iri(start_label, r["start"]), self.iri(end_label, r["end"])
        if rel in ROLES:
            yield from self._assignment(rel, s, o, end_label, r)
            return
        if rel == Rel.PART_OF:
            for term in PART_OF.get(start_label, (PKG.partOf,)):
                yield s, term, o
            if start_label == Label.UNIT:
                yield o, ORG.hasSubOrganization, s
            return
        for term in SIMPLE_RELS[rel]:
            yield s, term, o
        if rel == Rel.CONTINUES:
            yield from self._continuation(s, o, r)
        if rel == Rel.HAS_SECTION:
            yield o, ELI.is_part_of, s
        if rel == Rel.HAS_TASK and start_label == Label.SECTION:
            yield o, DCTERMS.isPartOf, s

    def _continuation(self, s: URIRef, o: URIRef, r: Row) -> Iterable[Triple]:
        """``s pkg:continues o`` qualified: the similarity score and method the edge carries, when it has them."""
        p = r.get("p") or {}
        if not isinstance(p.get("score"), int | float):
            return
        c = self.iris.part(Label(r["start_label"]), r["start"], f"continues-{r['end']}")
        yield s, PKG.qualifiedContinuation, c
        yield c, RDF.type, PKG.Continuation
        yield c, PKG.continuedBy, o
        yield c, PKG.score, Literal(float(p["score"]), datatype=XSD.double)
        if p.get("method"):
            yield c, PKG.method, Literal(str(p["method"]))

    def _assignment(self, rel: Rel, agent: URIRef, task: URIRef, task_label: Label, r: Row) -> Iterable[Triple]:
        """``unit pkg:leads task`` and the PROV view: a qualified association with a role and the plan."""
        p = r.get("p") or {}
        yield agent, PKG.leads if rel == Rel.LEADS else PKG.supports if rel == Rel.SUPPORTS else PKG.responsibleFor, task
        yield task, PROV.wasAssociatedWith, agent
        assoc = self.iris.part(task_label, r["end"], f"{rel.value.lower()}-{r['start']}")
        yield task, PROV.qualifiedAssociation, assoc
        yield assoc, RDF.type, PROV.Association
        yield assoc, PROV.agent, agent
        yield assoc, PROV.hadRole, ROLES[rel]
        if p.get("doc"):
            yield assoc, PROV.hadPlan, self.iri(Label.DOCUMENT, p["doc"])
        if p.get("mention"):
            yield assoc, PKG.mention, _text(p["mention"])
        if p.get("evidence"):
            yield assoc, PKG.evidence, _text(p["evidence"])
        if p.get("span") is not None:
            yield assoc, PKG.span, _span(p["span"])

    def dataset(self) -> Iterable[Triple]:
        ds = self.iris.dataset()
        yield ds, RDF.type, QB.DataSet
        yield ds, QB.structure, PKG.targetsStructure
        yield ds, RDFS.label, Literal("Targets and actuals", lang="en")
        yield ds, RDFS.label, Literal("目标值与实际值", lang=ZH)

    def triples(self, snap: Snapshot) -> Iterable[Triple]:
        if snap.nodes.get(Label.TARGET):
            yield from self.dataset()
        for label, rows in snap.nodes.items():
            for p in rows:
                if p.get("id"):
                    yield from self.node(label, p)
        for rel, rel_rows in snap.rels.items():
            for r in rel_rows:
                if r.get("start") and r.get("end"):
                    yield from self.rel(rel, r)


def snapshot_to_rdf(snap: Snapshot, base: str | None = None) -> Graph:
    """A snapshot as an rdflib Graph with the project's prefixes bound."""
    graph = Graph()
    bind_prefixes(graph)
    add = graph.add
    for triple in RdfMapper(Iris(base or default_base())).triples(snap):
        add(triple)
    return graph


def graph_to_rdf(kg: KnowledgeGraph, base: str | None = None) -> Graph:
    """The whole knowledge graph as RDF (what ``/sparql`` queries and ``export-rdf`` writes)."""
    return snapshot_to_rdf(read_snapshot(kg.store), base)
