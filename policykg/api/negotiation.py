"""Content negotiation: which representation a request asks for (``?format=`` wins over Accept).

One table maps format names to media types and rdflib serializer names, so /id, /ontology,
/sparql and the exporter agree on what ``ttl`` or ``jsonld`` means.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.api.problems import Problem


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    rdflib: str | None  # the rdflib serializer, None for non-RDF representations
    aliases: tuple[str, ...] = ()


JSONLD = Format("jsonld", "application/ld+json", "json-ld", ("json-ld",))
TURTLE = Format("ttl", "text/turtle", "turtle", ("turtle",))
NTRIPLES = Format("nt", "application/n-triples", "nt", ("ntriples", "n-triples"))
HTML = Format("html", "text/html", None)
JSON = Format("json", "application/json", None)
ENTITY_FORMATS: tuple[Format, ...] = (JSONLD, TURTLE, NTRIPLES, HTML, JSON)
RDF_FORMATS: tuple[Format, ...] = (TURTLE, JSONLD, NTRIPLES)


def _by_name(name: str, allowed: tuple[Format, ...]) -> Format:
    for fmt in allowed:
        if name == fmt.name or name in fmt.aliases or name == fmt.media_type:
            return fmt
    raise Problem(400, f"unknown format {name!r}; valid: {', '.join(f.name for f in allowed)}")


def _accepted(accept: str) -> list[tuple[str, float]]:
    out = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media:
            out.append((media.lower(), q))
    return sorted(out, key=lambda mq: -mq[1])


def negotiate(fmt: str | None, accept: str | None, allowed: tuple[Format, ...], default: Format) -> Format:
    """The format asked for; ``*/*`` or no Accept gives the default, an unmet Accept too (lenient)."""
    if fmt:
        return _by_name(fmt.lower(), allowed)
    for media, q in _accepted(accept or ""):
        if q <= 0:
            continue
        if media in {"*/*", "application/*", "text/*"}:
            return default
        for candidate in allowed:
            if media == candidate.media_type:
                return candidate
        if media == "application/xhtml+xml" and HTML in allowed:
            return HTML
    return default
