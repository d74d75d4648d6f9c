"""Identity rules: which node a mention stands for.

A division is scoped by its agency, an agency by its region, a person by the
agency they serve, an indicator by the catalogue. First cut for the walking
skeleton; the resolution issue replaces the rules behind these functions
(gazetteer, abbreviations, catalogue with fuzzy matching) without changing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.ontology import ids

_DIVISION = re.compile(r"(处|室|办|科|办公室|机关党委|中心)$")
_COLLECTIVE = re.compile(r"^(有关|相关|其他|其它|各)")


@dataclass(frozen=True)
class RegionRef:
    id: str
    name: str
    level: str | None = None
    parent: RegionRef | None = None


@dataclass(frozen=True)
class UnitRef:
    id: str
    name: str
    level: str  # ministry, province, city, county, division, collective, agency
    mention: str
    parent: UnitRef | None = None  # a division's agency
    region: RegionRef | None = None
    collective: bool = False
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str
    agency: UnitRef | None


@dataclass(frozen=True)
class IndicatorRef:
    id: str
    name: str
    catalogued: bool = False
    measure: str | None = None
    unit: str | None = None
    aliases: tuple[str, ...] = field(default=())


def region(name: str | None) -> RegionRef | None:
    if not name:
        return None
    return RegionRef(ids.region_id(name), name)


def agency(issuer: str | None, where: RegionRef | None) -> UnitRef | None:
    if not issuer:
        return None
    scope = where.id if where else ""
    return UnitRef(ids.unit_id(scope, issuer), issuer, "agency", issuer, region=where, aliases=(issuer,))


def unit(mention: str, issuer: UnitRef | None, where: RegionRef | None) -> UnitRef:
    """A division or collective is scoped by the issuing agency; anything else by the region."""
    collective = bool(_COLLECTIVE.match(mention))
    if (_DIVISION.search(mention) or collective) and issuer is not None:
        level = "collective" if collective else "division"
        return UnitRef(ids.unit_id(issuer.id, mention), mention, level, mention, parent=issuer, collective=collective,
                       aliases=(mention,))
    scope = where.id if where else ""
    return UnitRef(ids.unit_id(scope, mention), mention, "agency", mention, region=where, collective=collective,
                   aliases=(mention,))


def person(name: str, serves: UnitRef | None) -> PersonRef:
    return PersonRef(ids.person_id(serves.id if serves else "", name), name, serves)


def indicator(phrase: str) -> IndicatorRef:
    return IndicatorRef(ids.indicator_id(phrase), phrase, aliases=(phrase,))
