"""The OWL file names a class for every node label and a property for every relationship type."""

from __future__ import annotations

from importlib import resources

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace

from policykg.ontology.terms import Label, Rel

PKG = Namespace("https://w3id.org/policykg/ontology#")


def ontology() -> Graph:
    return Graph().parse(data=resources.files("policykg.ontology").joinpath("policykg.ttl").read_text("utf-8"), format="turtle")


def test_every_label_is_an_owl_class_with_chinese_and_english_labels() -> None:
    g = ontology()
    for label in Label:
        term = PKG[label.value]
        assert (term, RDF.type, OWL.Class) in g, label
        langs = {lit.language for lit in g.objects(term, RDFS.label) if isinstance(lit, Literal)}
        assert {"en", "zh"} <= langs, label


def test_every_relationship_type_is_an_object_property_labelled_by_its_type() -> None:
    g = ontology()
    labelled = {str(lit): s for s, lit in g.subject_objects(RDFS.label) if isinstance(lit, Literal) and lit.language == "en"}
    for rel in Rel:
        assert rel.value in labelled, rel
        assert (labelled[rel.value], RDF.type, OWL.ObjectProperty) in g
