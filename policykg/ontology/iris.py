"""Entity IRIs: ``{base}/id/{kind}/{id}``, the one rule for minting and reading them back.

The base is configurable (``POLICYKG_BASE``, default ``https://w3id.org/policykg``) so a
deployment can mint IRIs under its own host and have them dereference to its own API.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import quote, unquote

from rdflib import URIRef

from policykg.ontology.terms import Label
from policykg.ontology.vocab import DEFAULT_BASE, KIND_OF_LABEL, LABEL_OF_KIND


def default_base() -> str:
    return (os.environ.get("POLICYKG_BASE") or DEFAULT_BASE).rstrip("/")


@dataclass(frozen=True)
class Iris:
    """Mints and parses entity IRIs under one base."""

    base: str = DEFAULT_BASE

    def entity(self, label: Label | str, node_id: str) -> URIRef:
        kind = KIND_OF_LABEL[Label(label)]
        return URIRef(f"{self.base}/id/{kind}/{quote(str(node_id), safe='')}")

    def part(self, label: Label | str, node_id: str, fragment: str) -> URIRef:
        """A node that lives inside an entity's description (a qualified association)."""
        return URIRef(f"{self.entity(label, node_id)}#{quote(fragment, safe='-_.')}")

    def graph(self, *parts: str) -> URIRef:
        """A named graph of the RDF view (``policykg.api.viewgraphs``): ``{base}/graph/part/part…``."""
        return URIRef(f"{self.base}/graph/" + "/".join(quote(str(p), safe="") for p in parts))

    def dataset(self) -> URIRef:
        return URIRef(f"{self.base}/id/dataset/targets")

    def parse(self, iri: str) -> tuple[Label, str] | None:
        """``(label, id)`` for one of our entity IRIs, None for anything else."""
        prefix = f"{self.base}/id/"
        if not iri.startswith(prefix):
            return None
        kind, _, rest = iri[len(prefix):].partition("/")
        label = LABEL_OF_KIND.get(kind)
        if label is None or not rest:
            return None
        return label, unquote(rest.split("#", 1)[0])
