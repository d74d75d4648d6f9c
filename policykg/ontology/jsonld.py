"""The JSON-LD ``@context`` served at /context.jsonld and used to compact every JSON-LD answer.

Made from ``vocab.PREFIXES`` plus short names for the terms a reader meets most, so a
JSON-LD consumer sees ``"label"`` and ``"leads"`` rather than full IRIs.
"""

from __future__ import annotations

from typing import Any

from rdflib import DCTERMS, FOAF, ORG, PROV, RDFS, SKOS

from policykg.ontology.vocab import PKG, PREFIXES, SDMX_DIMENSION, SDMX_MEASURE

_ID = {"@type": "@id"}


def context() -> dict[str, Any]:
    terms: dict[str, Any] = dict(PREFIXES)
    terms.update({
        "label": {"@id": str(RDFS.label), "@language": "zh"},
        "prefLabel": {"@id": str(SKOS.prefLabel), "@language": "zh"},
        "altLabel": {"@id": str(SKOS.altLabel), "@language": "zh"},
        "title": {"@id": str(DCTERMS.title), "@language": "zh"},
        "identifier": str(DCTERMS.identifier),
        "name": {"@id": str(FOAF.name), "@language": "zh"},
        "leads": {"@id": str(PKG.leads), **_ID},
        "supports": {"@id": str(PKG.supports), **_ID},
        "responsibleFor": {"@id": str(PKG.responsibleFor), **_ID},
        "subOrganizationOf": {"@id": str(ORG.subOrganizationOf), **_ID},
        "memberOf": {"@id": str(ORG.memberOf), **_ID},
        "wasAssociatedWith": {"@id": str(PROV.wasAssociatedWith), **_ID},
        "wasDerivedFrom": {"@id": str(PROV.wasDerivedFrom), **_ID},
        "refArea": {"@id": str(SDMX_DIMENSION.refArea), **_ID},
        "obsValue": str(SDMX_MEASURE.obsValue),
    })
    return {"@context": terms}
