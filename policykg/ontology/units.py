"""Which unit a mention stands for: agencies by region, divisions and collectives by agency.

Plans write the same agency many ways (省科技厅, 浙江省科技厅, 浙江省科学技术厅); they
meet in one node named by the full name, the others kept as aliases. A division (高新处)
only means something inside its agency, so it is scoped by it: Zhejiang's 成果处 and
Hubei's stay two units. Collective mentions (有关处室, 各市、县(市、区)科技局(委)) are
kept whole and scoped by the issuing agency, never merged across agencies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from policykg.ontology import ids
from policykg.ontology.refs import RegionRef, UnitRef
from policykg.ontology.regions import RELATIVE_PREFIXES, gazetteer

_DIVISION = re.compile(r"(处|室|办|科|办公室|机关党委|中心|组)$")
_AGENCY = re.compile(r"(厅|局|委员会|委|部|政府|院)(\(委\))?$")
_COLLECTIVE = re.compile(r"^(有关|相关|其他|其它|各|全省|全市|全县|全区|厅机关各|局机关各|厅属各|局属各|省部属|市属|县属)")
#: Collectives made of the issuing agency's own divisions or bodies: they are PART_OF it.
_INTERNAL = re.compile(r"(处室|处|室|办|科|厅属各单位|局属各单位|直属单位|机关)$|^(厅|局)")
_SELF = frozenset({"厅", "本厅", "我厅", "局", "本局", "我局", "委", "本委", "我委"})
_SEPARATORS = "、,;"


@dataclass(frozen=True)
class Vocabulary:
    """Short form -> full form, for agency kinds and for national bodies (from units.yaml)."""

    agency_types: dict[str, str]
    ministries: dict[str, str]

    def agency_type(self, rest: str) -> tuple[str, str] | None:
        """Split the longest known agency kind off the start: (full form, what follows)."""
        for size in range(len(rest), 0, -1):
            full = self.agency_types.get(rest[:size])
            if full:
                return full, rest[size:]
        return None


@cache
def vocabulary() -> Vocabulary:
    text = resources.files("policykg.ontology").joinpath("data/units.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)

    def table(section: dict[str, list[str] | None]) -> dict[str, str]:
        out: dict[str, str] = {}
        for full, shorts in section.items():
            for form in [full, *(shorts or [])]:
                out[normalise(form)] = full
        return out

    return Vocabulary(table(data["agency_types"]), table(data["ministries"]))


def normalise(mention: str) -> str:
    """Full-width forms to half-width ((委) and （委） are one), no spaces, no trailing punctuation."""
    text = unicodedata.normalize("NFKC", mention)
    text = re.sub(r"\s+", "", text)
    return text.strip("、,;:。.()") if text.count("(") != text.count(")") else text.strip("、,;:。.")


def split_composite(mention: str) -> list[str]:
    """杭州市、滨江区科技局(委) -> [杭州市科技局(委), 滨江区科技局(委)]: a shared suffix is shared out.

    Separators inside brackets (县(市、区)) do not split; a collective is never split.
    """
    if _COLLECTIVE.match(mention):
        return [mention]
    parts, depth, current = [], 0, ""
    for ch in mention:
        depth += ch == "("
        depth -= ch == ")"
        if ch in _SEPARATORS and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts = [p for p in [*parts, current] if p]
    if len(parts) < 2:
        return parts or [mention]
    g = gazetteer()
    _, head, suffix = g.split_prefix(parts[-1])
    out = []
    for part in parts:
        _, part_head, rest = g.split_prefix(part)
        out.append(part + suffix if head and part_head and not rest and suffix else part)
    return out


class UnitResolver:
    """The rules, bound to one document's issuer and region."""

    def __init__(self, issuer: UnitRef | None, where: RegionRef | None) -> None:
        self.issuer = issuer
        self.where = where
        self.vocab = vocabulary()

    def resolve(self, mention: str) -> list[UnitRef]:
        """Every unit a mention stands for (two for a composite, one otherwise)."""
        text = normalise(mention)
        if not text:
            return []
        parts = split_composite(text)
        return [self.one(part, mention if len(parts) == 1 else part) for part in parts]

    def one(self, text: str, mention: str) -> UnitRef:
        if text in _SELF and self.issuer is not None:
            return self._with_alias(self.issuer, mention)
        if _COLLECTIVE.match(text):
            return self.collective(text, mention)
        national = self.vocab.ministries.get(text)
        if national:
            return UnitRef(ids.unit_id("national", national), national, "ministry", mention,
                           aliases=tuple(sorted({national, text, mention})))
        g = gazetteer()
        region, head, rest = g.split_prefix(text, self.where)
        if head:
            if region is None:  # 鼓楼区科技局 with no province to settle it: keep it to this issuer
                return self.scoped(text, mention, "agency")
            return self.regional(region, head, rest, mention)
        if self.where is not None and not self.where.code and text.startswith(self.where.name) and text != self.where.name:
            return self.regional(self.where, self.where.name, text[len(self.where.name):], mention)  # 某省科学技术厅
        if _DIVISION.search(text):
            return self.division(text, mention)
        if self.where is not None and _AGENCY.search(text):
            return self.regional(self.where, "", text, mention)
        return self.scoped(text, mention, "agency")

    def regional(self, region: RegionRef, head: str, rest: str, mention: str) -> UnitRef:
        """An agency of a region (浙江省科学技术厅), or a division written with its agency (省科技厅高新处)."""
        kind = self.vocab.agency_type(rest or "人民政府")  # a bare region (杭州市) leads as its government
        full, tail = kind if kind else (rest, "")
        name = region.name + full
        written = (head if head not in RELATIVE_PREFIXES else region.name) + rest[: len(rest) - len(tail)]
        level = region.level or "agency"
        agency = UnitRef(ids.unit_id(region.id, name), name, level, mention, region=region,
                         aliases=tuple(sorted({name, written, mention if not tail else head + rest[: len(rest) - len(tail)]})))
        if tail and _DIVISION.search(tail):
            return self.division(tail, mention, agency)
        return agency

    def division(self, text: str, mention: str, agency: UnitRef | None = None) -> UnitRef:
        """高新处 of this agency; 厅办公室 is the agency's 办公室."""
        agency = agency or self.issuer
        name = re.sub(r"^(厅|局|委)(?=..)", "", text) if _DIVISION.search(text[1:]) else text
        if agency is None:
            return self.scoped(name, mention, "division")
        return UnitRef(ids.unit_id(agency.id, name), name, "division", mention, parent=agency,
                       aliases=tuple(sorted({name, mention})), scope=agency.id)

    def collective(self, text: str, mention: str) -> UnitRef:
        """有关处室 stays one collective unit of the issuing agency (its parts are unknown)."""
        scope = self.issuer.id if self.issuer else (self.where.id if self.where else "")
        internal = self.issuer is not None and bool(_INTERNAL.search(text))
        return UnitRef(ids.unit_id(scope, text), text, "collective", mention,
                       parent=self.issuer if internal else None,
                       region=None if internal else self.where, collective=True,
                       aliases=tuple(sorted({text, mention})), scope=scope or None)

    def scoped(self, text: str, mention: str, level: str) -> UnitRef:
        """A unit the rules cannot place: it belongs to this issuer (or region) alone, never guessed wider."""
        scope = self.issuer.id if self.issuer else (self.where.id if self.where else "")
        return UnitRef(ids.unit_id(scope, text), text, level, mention, region=self.where if not self.issuer else None,
                       aliases=tuple(sorted({text, mention})), scope=scope or None)

    @staticmethod
    def _with_alias(ref: UnitRef, mention: str) -> UnitRef:
        return UnitRef(ref.id, ref.name, ref.level, mention, ref.parent, ref.region, ref.collective,
                       tuple(sorted({*ref.aliases, mention})), ref.scope)


def agency(issuer: str | None, where: RegionRef | None) -> UnitRef | None:
    """The issuing agency: 省科技厅 in a Zhejiang plan is 浙江省科学技术厅."""
    if not issuer or not normalise(issuer):
        return None
    return UnitResolver(None, where).resolve(issuer)[0]
