"""Vocabulary as code without a store: every own term is published with zh and en labels; negotiation rules."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import RDFS, Graph, Literal

from policykg.api.negotiation import ENTITY_FORMATS, HTML, JSON, JSONLD, NTRIPLES, TURTLE, negotiate
from policykg.api.problems import Problem
from policykg.ontology.iris import Iris
from policykg.ontology.terms import Label
from policykg.ontology.vocab import PKG


def test_every_own_term_in_code_is_in_the_ontology_with_chinese_and_english_labels() -> None:
    onto = Graph().parse(data=resources.files("policykg.ontology").joinpath("policykg.ttl").read_text("utf-8"),
                         format="turtle")
    terms = [name for name in dir(PKG) if not name.startswith("_")]
    assert len(terms) > 50
    for name in terms:
        langs = {lit.language for lit in onto.objects(PKG[name], RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, name


def test_a_typo_in_a_term_fails_at_once() -> None:
    with pytest.raises(AttributeError):
        _ = PKG.lead  # the term is pkg:leads


def test_iris_round_trip_and_foreign_iris_are_none() -> None:
    iris = Iris("https://example.org/kg")
    iri = iris.entity(Label.UNIT, "unit-1 a/b")
    assert str(iri) == "https://example.org/kg/id/unit/unit-1%20a%2Fb"
    assert iris.parse(str(iri)) == (Label.UNIT, "unit-1 a/b")
    assert iris.parse("https://elsewhere.org/id/unit/x") is None
    assert iris.parse("https://example.org/kg/id/spaceship/x") is None


@pytest.mark.parametrize(("fmt", "accept", "expected"), [
    (None, None, JSONLD), (None, "*/*", JSONLD), (None, "text/turtle", TURTLE),
    (None, "application/n-triples;q=0.9, text/html;q=0.1", NTRIPLES),
    (None, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", HTML),
    (None, "application/json", JSON), ("ttl", "text/html", TURTLE), ("turtle", None, TURTLE),
    (None, "image/png", JSONLD),
])
def test_negotiation(fmt: str | None, accept: str | None, expected: object) -> None:
    assert negotiate(fmt, accept, ENTITY_FORMATS, JSONLD) is expected


def test_unknown_format_is_a_400_naming_the_valid_ones() -> None:
    with pytest.raises(Problem) as caught:
        negotiate("xml", None, ENTITY_FORMATS, JSONLD)
    assert caught.value.status == 400 and "ttl" in caught.value.detail
