"""Which indicator a target's phrase measures: a curated catalogue, rules, guards, then fuzzy similarity.

Plans name one indicator many ways (技术交易额 = 技术市场交易额 = 技术合同成交额), and
near-identical names that are different things (网上技术市场交易额; 新增 vs 累计
高新技术企业). So a match must pass the guards first (an entry's ``excludes`` words;
the phrase's measure cue: 新增 is a flow, 累计 a stock, 比重 a share, 增速 a growth;
the target's unit), and only then be close enough. A phrase that matches nothing
becomes an uncatalogued indicator of its own: never dropped, never forced.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from policykg.ontology import ids
from policykg.ontology.refs import IndicatorRef

ENV_VAR = "POLICYKG_INDICATORS"
#: Similarity (0-100, rapidfuzz ratio) a phrase needs to an alias when no rule settles it.
FUZZY_THRESHOLD = 88.0

#: Words that say nothing about what is measured (where, how hard, how it is phrased).
_FILLER = re.compile(
    r"力争|确保|实现|达到|突破|超过|不少于|分别|左右|以上|全年|全省|全市|全县|全区|全社会|全国|我省|我市|本市|本省|年均|当年|预计|的"
)
_LEADING = re.compile(r"^(年度?|[0-9]+年度?)")
_QUOTES = re.compile(r"[\s\"'“”‘’《》「」]")
#: Qualifiers that may stand before a catalogued name without changing what it measures.
_NEUTRAL_PREFIXES = ("", "省", "市", "国家", "国家重点扶持", "规上", "规模以上")
#: Measure cues, tried in this order (累计认定 is a stock, 新认定 a flow). A phrase that ends in a change
#: (能耗强度下降, 排放总量减少) measures the change, whatever it is a change of.
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("growth", re.compile(r"(?:增长|下降|降低|减少|提高|上涨|涨幅|增速|增幅)$")),
    ("share", re.compile(r"比重|占比|比例|占GDP|占地区生产总值|贡献率|覆盖率|强度")),
    ("growth", re.compile(r"增速|增长率|增幅|同比增长")),
    ("stock", re.compile(r"累计|总数|存量|拥有量|有效")),
    ("flow", re.compile(r"新增|新认定|新备案|新培育|新建|新引进|新设立|年度新")),
)
_CUE_WORDS = re.compile(r"累计|总数|总量|存量|新增|新认定|新备案|新培育|新建|新引进|新设立|数量|数$")
#: Which entry measures a cue admits (a stock cue also fits a count and a per-capita stock, 每万人口…拥有量).
_ADMITS = {"share": {"share", "intensity"}, "growth": {"growth"}, "stock": {"stock", "count", "intensity"},
           "flow": {"flow"}}


def normalise(phrase: str) -> str:
    """Half-width, no spaces or quotes, ASCII lower-case, filler words and leading year fragments dropped."""
    text = unicodedata.normalize("NFKC", phrase)
    text = _QUOTES.sub("", text).lower()
    text = _LEADING.sub("", text)
    return _FILLER.sub("", text)


#: Units a rate of change is stated in (农村贫困人口减少1000万人 is a count, not a rate).
_RATE_UNITS = ("%", "个百分点")


def measure_cue(phrase: str, unit: str | None = None) -> str | None:
    """What the phrase says it measures, from its own words; None when it does not say."""
    for i, (measure, pattern) in enumerate(_CUES):
        if i == 0 and unit is not None and unit not in _RATE_UNITS:
            continue
        if pattern.search(phrase):
            return measure
    return None


def base(phrase: str) -> str:
    """The phrase without its stock/flow words, so 新增高新技术企业 and 高新技术企业 compare on the noun."""
    return _CUE_WORDS.sub("", phrase) or phrase


@dataclass(frozen=True)
class Entry:
    name: str
    measure: str | None
    unit: str | None
    units: tuple[str, ...]
    aliases: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    keys: tuple[str, ...] = field(default=(), compare=False)  # normalised name and aliases
    ceiling: bool = False  # a target is a cap: an actual below it meets it

    @property
    def id(self) -> str:
        return ids.indicator_id(self.name)

    def ref(self) -> IndicatorRef:
        return IndicatorRef(self.id, self.name, True, self.measure, self.unit, tuple(sorted({self.name, *self.aliases})),
                            self.ceiling)

    def admits(self, phrase: str, cue: str | None, unit: str | None) -> bool:
        """The guards: no excluded word, a compatible measure, an agreeing unit."""
        if any(word.lower() in phrase for word in self.excludes):
            return False
        if cue is not None and self.measure is not None and self.measure not in _ADMITS[cue]:
            return False
        return not (unit and self.units and unit not in self.units)


class Catalogue:
    """The indicators analysts agreed on, searchable by phrase."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.by_name = {e.name: e for e in self.entries}

    def match(self, phrase: str, unit: str | None = None, measure: str | None = None) -> Entry | None:
        """The catalogued indicator a phrase measures, or None (see the module docstring for the rules)."""
        text = normalise(phrase)
        if not text:
            return None
        cue = measure_cue(text, unit) or measure
        scored: list[tuple[float, Entry]] = []
        for entry in self.entries:
            if entry.admits(text, cue, unit):
                score = self._score(text, entry)
                if score >= FUZZY_THRESHOLD:
                    scored.append((score, entry))
        if not scored:
            return None
        scored.sort(key=lambda se: -se[0])
        best = [e for s, e in scored if s == scored[0][0]]
        if len(best) > 1 and cue:
            best = [e for e in best if e.measure in _ADMITS[cue]] or best
        if len(best) > 1:
            best = [e for e in best if e.measure == cue] if cue else best
        return best[0] if len(best) == 1 else None

    @staticmethod
    def _score(text: str, entry: Entry) -> float:
        core = base(text)
        best = 0.0
        for key in entry.keys:
            if key == text:
                return 100.0
            key_core = base(key)
            if core in (key, key_core):
                best = max(best, 99.0)  # equal but for a stock/flow word the phrase does not have
                continue
            if len(key_core) >= 4 and core.endswith(key_core) and core[: -len(key_core)] in _NEUTRAL_PREFIXES:
                best = max(best, 95.0)  # 国家重点扶持高新技术企业 is a 高新技术企业: the head noun comes last
            else:
                best = max(best, fuzz.ratio(core, key_core))
        return best


def _entries(data: object, source: str) -> list[dict[str, object]]:
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise ValueError(f"{source}: expected a mapping with a list under 'indicators'")
    out = []
    for i, item in enumerate(data["indicators"]):
        if not isinstance(item, dict) or not item.get("name"):
            raise ValueError(f"{source}: indicators[{i}] needs a 'name'")
        out.append(item)
    return out


def _merge(base_items: list[dict[str, object]], extra: list[dict[str, object]]) -> list[dict[str, object]]:
    """An analyst's entry with a known name adds aliases and replaces the fields it sets; a new name is added."""
    by_name = {str(item["name"]): dict(item) for item in base_items}
    for item in extra:
        name = str(item["name"])
        current = by_name.setdefault(name, {"name": name})
        for key, value in item.items():
            if key in ("aliases", "excludes", "units"):
                current[key] = [*_strings(current.get(key)), *[v for v in _strings(value) if v not in _strings(current.get(key))]]
            else:
                current[key] = value
    return list(by_name.values())


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _entry(item: dict[str, object]) -> Entry:
    name = str(item["name"])
    unit = str(item["unit"]) if item.get("unit") is not None else None
    aliases = tuple(_strings(item.get("aliases")))
    units = tuple(_strings(item.get("units"))) or ((unit,) if unit else ())
    keys = tuple(dict.fromkeys(normalise(k) for k in (name, *aliases) if normalise(k)))
    measure = str(item["measure"]) if item.get("measure") else None
    return Entry(name, measure, unit, units, aliases, tuple(_strings(item.get("excludes"))), keys, bool(item.get("ceiling")))


def extra_paths(extra: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None) -> tuple[str, ...]:
    """Analysts' catalogue files: the ones passed (``--indicators``), else ``$POLICYKG_INDICATORS`` (os.pathsep-separated)."""
    if extra is None:
        env = os.environ.get(ENV_VAR, "")
        return tuple(p for p in env.split(os.pathsep) if p)
    if isinstance(extra, str | os.PathLike):
        return (str(extra),)
    return tuple(str(p) for p in extra)


def load_catalogue(extra: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None) -> Catalogue:
    """The shipped catalogue, extended by analysts' YAML files (see ``extra_paths``)."""
    paths = extra_paths(extra)
    stamps = tuple((p, Path(p).stat().st_mtime_ns if Path(p).exists() else -1) for p in paths)
    return _load(stamps)


@cache
def _load(stamps: tuple[tuple[str, int], ...]) -> Catalogue:
    shipped = resources.files("policykg.ontology").joinpath("data/indicators.yaml").read_text(encoding="utf-8")
    items = _entries(yaml.safe_load(shipped), "indicators.yaml")
    for path, stamp in stamps:
        if stamp < 0:
            raise FileNotFoundError(f"indicator catalogue {path} does not exist (set by --indicators or ${ENV_VAR})")
        items = _merge(items, _entries(yaml.safe_load(Path(path).read_text(encoding="utf-8")), path))
    return Catalogue(_entry(item) for item in items)


def indicator(phrase: str, unit: str | None = None, measure: str | None = None,
              catalogue: Catalogue | None = None) -> IndicatorRef:
    """The indicator a target phrase measures; an unmatched phrase becomes its own, uncatalogued."""
    cat = catalogue or load_catalogue()
    entry = cat.match(phrase, unit, measure)
    if entry is not None:
        return entry.ref()
    name = _display(phrase)
    # Its own id space: an uncatalogued 技术交易额 (in 项, say) must not land on the catalogued one.
    return IndicatorRef("ind-u-" + ids.digest(name, length=12), name, False, measure_cue(normalise(phrase)) or measure,
                        unit, (phrase,) if phrase == name else (name, phrase))


def _display(phrase: str) -> str:
    """The phrase as a name: half-width, without quotes' spacing, filler and year fragments (keeps case)."""
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", phrase))
    text = _FILLER.sub("", _LEADING.sub("", text))
    return text or phrase.strip()
