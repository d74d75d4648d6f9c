"""Identity rules: which node a mention stands for. The one entry point ``graph.mapping`` calls.

A region comes from the gazetteer (``regions``); an agency is scoped by its region and a
division or collective by its agency (``units``); a person by the agency they serve; an
indicator by the curated catalogue (``indicators``). The rules live in those modules;
this one keeps the calls short and stable.
"""

from __future__ import annotations

from policykg.ontology import ids, indicators, regions
from policykg.ontology import units as unit_rules
from policykg.ontology.indicators import Catalogue
from policykg.ontology.refs import IndicatorRef, PersonRef, RegionRef, UnitRef
from policykg.ontology.script import canonical

__all__ = [
    "IndicatorRef", "PersonRef", "RegionRef", "UnitRef",
    "agency", "document_region", "indicator", "person", "region", "unit", "units",
]


def region(name: str | None, context: RegionRef | None = None) -> RegionRef | None:
    """A region by name (浙江 or 浙江省), settled by context when the name repeats; None when it stays ambiguous."""
    if not name or not name.strip():
        return None
    found = regions.lookup(name, context)
    if found is not None:
        return found
    return None if regions.gazetteer().candidates(name.strip()) else regions.unlisted(name.strip())


def document_region(hint: str | None, issuer: str | None, title: str = "", text: str = "") -> RegionRef | None:
    """Where a document is about, from the loader's region, the issuer's name, then the text."""
    return regions.document_region(hint, issuer, title, text)


def agency(issuer: str | None, where: RegionRef | None) -> UnitRef | None:
    """The issuing agency, by its full name in its region (省科技厅 -> 浙江省科学技术厅)."""
    return unit_rules.agency(canonical(issuer) if issuer else issuer, where)


def units(mention: str, issuer: UnitRef | None, where: RegionRef | None) -> list[UnitRef]:
    """Every unit a lead/support mention stands for: a composite (杭州市、滨江区科技局(委)) gives two."""
    return unit_rules.UnitResolver(issuer, where).resolve(canonical(mention))


def unit(mention: str, issuer: UnitRef | None, where: RegionRef | None) -> UnitRef:
    """The first unit a mention stands for (see ``units`` for composites)."""
    found = units(mention, issuer, where)
    if found:
        return found[0]
    return UnitRef(ids.unit_id(issuer.id if issuer else "", mention), mention, "agency", mention, aliases=(mention,))


def person(name: str, serves: UnitRef | None) -> PersonRef:
    """A person is scoped by the agency they serve: one name in two agencies is two people."""
    name = canonical(name.strip())
    return PersonRef(ids.person_id(serves.id if serves else "", name), name, serves)


def indicator(phrase: str, unit: str | None = None, measure: str | None = None,
              catalogue: Catalogue | None = None) -> IndicatorRef:
    """The catalogued indicator a target phrase measures, or an uncatalogued one of its own."""
    return indicators.indicator(phrase, unit, measure, catalogue)

