"""The resolved references the identity rules hand to ``graph.mapping``: plain frozen records.

They live apart from the rules (``resolve``, ``regions``, ``units``, ``indicators``) so
every rule module can build them without importing another rule module.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RegionRef:
    """A region; ``parent`` walks up to the province (桐乡市 -> 嘉兴市 -> 浙江省)."""

    id: str
    name: str
    level: str | None = None  # province, city, county; None when not in the gazetteer
    parent: RegionRef | None = None
    code: str | None = None  # 6-digit division code when in the gazetteer
    short: str | None = None

    def chain(self) -> list[RegionRef]:
        """This region and its ancestors, innermost first."""
        out: list[RegionRef] = []
        ref: RegionRef | None = self
        while ref is not None:
            out.append(ref)
            ref = ref.parent
        return out


@dataclass(frozen=True)
class UnitRef:
    id: str
    name: str
    level: str  # ministry, province, city, county, division, collective, agency
    mention: str
    parent: UnitRef | None = None  # a division's (or a collective of divisions') agency
    region: RegionRef | None = None
    collective: bool = False
    aliases: tuple[str, ...] = field(default=())
    scope: str | None = None  # the id of the agency a division or collective is scoped by


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
    ceiling: bool = False  # a target is a cap (居民消费价格涨幅3%左右, 失业率5.5%以内): below it is met
