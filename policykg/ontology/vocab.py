"""RDF vocabularies as code: every namespace and every own term the RDF view uses.

The rdflib lesson: a term is an attribute, so a typo fails at import (``PKG`` is a
``ClosedNamespace`` over the terms published in ``policykg.ttl``), never as a silent
wrong triple. Standard vocabularies come first (W3C ORG, FOAF, DCTERMS, ELI, PROV-O,
SKOS, RDF Data Cube with the SDMX components); own terms only where none fits.
"""

from __future__ import annotations

from rdflib import DCTERMS, FOAF, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, XSD, Namespace
from rdflib.namespace import ClosedNamespace

from policykg.ontology.terms import Label

ONTOLOGY_IRI = "https://w3id.org/policykg/ontology#"
DEFAULT_BASE = "https://w3id.org/policykg"

ELI = Namespace("http://data.europa.eu/eli/ontology#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Own terms; each is declared (with zh and en labels) in policykg.ttl, which a test checks.
PKG = ClosedNamespace(ONTOLOGY_IRI, [
    # classes (one per node label)
    "Document", "Section", "Task", "Unit", "Person", "Indicator", "Target", "Region",
    # graph relationship types
    "issuedBy", "about", "hasSection", "hasTask", "partOf", "leads", "supports", "responsibleFor",
    "memberOf", "in", "hasTarget", "measures", "for", "continues",
    # a CONTINUES edge with its score, qualified like PROV's associations
    "Continuation", "qualifiedContinuation", "continuedBy", "method",
    # data properties
    "value", "unit", "year", "kind", "comparator", "raw", "span", "evidence", "docNo", "indexNo",
    "number", "order", "level", "collective", "measure", "catalogued", "mention", "score", "asOf",
    "valueHigh", "media", "sha256",
    # Data Cube: own dimension and the data set structure
    "indicator", "observationKind", "targetsStructure", "indicatorScheme", "observationKindScheme",
    # PROV roles and the two observation kinds
    "LeadRole", "SupportRole", "ResponsibleRole", "TargetValue", "ActualValue",
])

#: Prefixes bound in every serialisation and in the JSON-LD @context.
PREFIXES: dict[str, str] = {
    "pkg": ONTOLOGY_IRI,
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    "dcterms": str(DCTERMS), "eli": str(ELI), "org": str(ORG), "foaf": str(FOAF),
    "prov": str(PROV), "skos": str(SKOS), "qb": str(QB),
    "sdmx-dimension": str(SDMX_DIMENSION), "sdmx-measure": str(SDMX_MEASURE), "sdmx-attribute": str(SDMX_ATTRIBUTE),
}

#: The path segment of an entity IRI (``{base}/id/{kind}/{id}``) for each node label.
KIND_OF_LABEL: dict[Label, str] = {
    Label.DOCUMENT: "document", Label.SECTION: "section", Label.TASK: "task", Label.UNIT: "unit",
    Label.PERSON: "person", Label.INDICATOR: "indicator", Label.TARGET: "target", Label.REGION: "region",
}
LABEL_OF_KIND: dict[str, Label] = {kind: label for label, kind in KIND_OF_LABEL.items()}


def bind_prefixes(graph: object) -> None:
    """Bind the project's prefixes on an rdflib Graph (replacing rdflib's defaults)."""
    from rdflib import Graph

    assert isinstance(graph, Graph)
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
