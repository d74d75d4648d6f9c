"""The gazetteer: China's administrative divisions, and which region a name or a document stands for.

The data ships in ``ontology/data/regions.tsv`` (built once by ``scripts/build_regions.py``
from the cpca package's division table, MIT), so nothing is fetched at run time. A name
that fits several divisions (鼓楼区 is in four provinces) is settled by context, the
issuer's province, or left unresolved: a wrong region would merge two agencies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from policykg.ontology import ids
from policykg.ontology.refs import RegionRef

#: The one-character prefixes a plan uses for "our own" region: 省科技厅, 市科技局, 县科技局, 区科技局.
RELATIVE_PREFIXES = ("省", "市", "县", "区")
_WHOLE = re.compile(r"全(省|市|县|区)")
#: Short forms that are everyday words far more often than places (长治久安, 中山大学, 合作).
_WORDLIKE = frozenset({"长治", "中山", "大同", "合作", "和平", "新华", "永和", "长安", "太平", "东方", "白山", "开放", "安康",
                       "永康", "长春", "福安", "平安", "安宁", "安远", "通化", "和田", "兴安", "普洱", "定西"})


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: str  # province, city, county
    parent: str


def region_id(code: str) -> str:
    """Gazetteer regions are identified by their division code, so two 朝阳区 never meet."""
    return f"region-{code}"


class Gazetteer:
    """Divisions by code and by name (full and short), with the rules that pick one."""

    def __init__(self, divisions: Iterable[Division]) -> None:
        self.by_code: dict[str, Division] = {}
        self.by_full: dict[str, list[Division]] = {}
        self.by_short: dict[str, list[Division]] = {}
        for d in divisions:
            self.by_code[d.code] = d
            self.by_full.setdefault(d.name, []).append(d)
            if d.short:
                self.by_short.setdefault(d.short, []).append(d)
        self.max_len = max((len(n) for n in [*self.by_full, *self.by_short]), default=0)
        #: The first two characters of every name: a position whose next two are none of them names
        #: nothing, so the scan tries the longer sizes only where a name can start.
        self.heads = frozenset(n[:2] for n in [*self.by_full, *self.by_short])
        self._refs: dict[str, RegionRef] = {}

    # -- references -------------------------------------------------------------------
    def ref(self, code: str) -> RegionRef:
        """The RegionRef of a division, with its parent chain."""
        cached = self._refs.get(code)
        if cached is None:
            d = self.by_code[code]
            parent = self.ref(d.parent) if d.parent and d.parent in self.by_code else None
            cached = RegionRef(region_id(d.code), d.name, d.level, parent, d.code, d.short or None)
            self._refs[code] = cached
        return cached

    def ancestors(self, code: str) -> list[str]:
        out = [code]
        while (parent := self.by_code[out[-1]].parent) and parent in self.by_code:
            out.append(parent)
        return out

    # -- names --------------------------------------------------------------------------
    def candidates(self, name: str) -> list[Division]:
        """Divisions with this full name, or else with this short form."""
        return list(self.by_full.get(name) or self.by_short.get(name) or [])

    def pick(self, found: list[Division], context: RegionRef | None) -> Division | None:
        """One division out of several, by context; None when context does not settle it."""
        if context is not None and context.code and len(found) > 1:
            for width in (4, 2):  # same city first, then same province
                near = [d for d in found if d.code[:width] == context.code[:width]]
                if near and (width == 2 or context.level != "province"):
                    found = near
                    break
        if len(found) > 1:
            # 恩施 is both the prefecture and its seat: a name shared along one chain means the outer one.
            codes = {d.code for d in found}
            outer = [d for d in found if not codes & set(self.ancestors(d.code)[1:])]
            if len(outer) == 1 and all(outer[0].code in self.ancestors(d.code) for d in found):
                found = outer
        return found[0] if len(found) == 1 else None

    def lookup(self, name: str | None, context: RegionRef | None = None, *, chains: bool = True) -> RegionRef | None:
        """The region a name stands for, or None when unknown or ambiguous in this context;
        ``chains`` also reads a written chain of names (包头市昆都仑区)."""
        if not name:
            return None
        name = name.strip()
        d = self.pick(self.candidates(name), context)
        if d is not None:
            return self.ref(d.code)
        return self._chain(name, context) if chains else None

    def _chain(self, name: str, context: RegionRef | None) -> RegionRef | None:
        """A written chain of places, outermost first (包头市昆都仑区, 辽宁省盘锦市大洼区): each
        name is looked up inside the one before it; None unless every part resolves."""
        ref = context
        rest = name
        while rest:
            found, head, rest = self.split_prefix(rest, ref)
            if head == name:
                return None  # one name, not a chain
            if found is None or not head or (ref is not None and ref.code and found.code and
                                             not found.code.startswith(ref.code[: 2 if ref.level == "province" else 4])):
                return None
            ref = found
        return ref if ref is not context else None

    def relative(self, prefix: str, context: RegionRef | None) -> RegionRef | None:
        """省/市/县/区 in a plan means the issuer's own province, city, county or district."""
        if context is None:
            return None
        chain = context.chain()
        if prefix == "省":
            top = chain[-1]
            return top if top.name.endswith("省") or top.level == "province" else None
        for ref in chain:
            if ref.name.endswith(prefix):
                return ref
        return None

    def split_prefix(self, text: str, context: RegionRef | None = None) -> tuple[RegionRef | None, str, str]:
        """Split a leading region name off a mention: (region, the name as written, the rest).

        Tries the longest gazetteer name first, then a relative prefix (省/市/县/区);
        returns (None, "", text) when the mention starts with no region. A short form
        counts only before something longer than one character (合作处 is no place).
        """
        for size in range(min(self.max_len, len(text)), 1, -1):
            head, rest = text[:size], text[size:]
            short = head not in self.by_full and head in self.by_short
            if short and (head in _WORDLIKE or len(rest) == 1):
                continue  # 合作处 is the cooperation division, not 合作市's 处
            if head in self.by_full or short:
                return self.lookup(head, context, chains=False), head, rest
        if text[:1] in RELATIVE_PREFIXES and len(text) > 1:
            return self.relative(text[0], context), text[0], text[1:]
        return None, "", text

    def mentions(self, text: str) -> Counter[str]:
        """How often each division is named in a text (longest names first, left to right).

        A county's short form counts only once its full name has appeared in the same text
        (合作, 城关 and their like are ordinary words until 合作市 is written out); full
        names and province or city short forms always count.
        """
        first = self._scan(text, frozenset())
        return self._scan(text, frozenset(c for c in first if self.by_code[c].level == "county"))

    def _scan(self, text: str, counties: frozenset[str]) -> Counter[str]:
        counts: Counter[str] = Counter()
        i, n = 0, len(text)
        while i < n:
            if text[i : i + 2] not in self.heads:
                i += 1
                continue
            for size in range(min(self.max_len, n - i), 1, -1):
                head = text[i : i + size]
                found = self.by_full.get(head) or [
                    d for d in self.by_short.get(head, [])
                    if head not in _WORDLIKE and (d.level != "county" or d.code in counties)
                ]
                if found:
                    for d in found:
                        counts[d.code] += 1
                    i += size
                    break
            else:
                i += 1
        return counts


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    text = resources.files("policykg.ontology").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return Gazetteer(Division(*row) for row in rows)


#: The whole country: what a national body's documents are about (not in the gazetteer of divisions).
NATION = "全国"


def unlisted(name: str) -> RegionRef:
    """A region the gazetteer does not know (a foreign country, a park): kept by its name, no parent."""
    return RegionRef(ids.region_id(name), name)


def document_region(hint: str | None, issuer: str | None, title: str = "", text: str = "") -> RegionRef | None:
    """Where a document is about: the loader's region, else the issuer's name, else the text.

    A relative issuer (市科技局) or title (省科技厅…) says which level to look for; the
    text's most named region of that level wins, and a tie stays unresolved. A hint the
    gazetteer has never heard of (not an ambiguous one) is kept as an unlisted region.
    """
    g = gazetteer()
    ref = g.lookup(hint)
    if ref is not None:
        return ref
    if hint and hint.strip() == NATION:
        return unlisted(NATION)  # the loader read a national body (国务院, a ministry): no place its text names
    level_hint = ""
    for name in (issuer or "", title or ""):
        found, head, _ = g.split_prefix(name.strip())
        if found is not None:
            return found
        if head in RELATIVE_PREFIXES:
            level_hint = level_hint or head
    body = text[:20000]
    if not level_hint:
        wholes = Counter(_WHOLE.findall(body))
        level_hint = wholes.most_common(1)[0][0] if wholes else ""
    counts = g.mentions(body)
    if level_hint:
        counts = Counter({c: k for c, k in counts.items() if _fits(g.by_code[c], level_hint)})
    ranked = counts.most_common()
    if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return g.ref(ranked[0][0])
    if hint and not g.candidates(hint.strip()):
        return unlisted(hint.strip())  # a place the gazetteer does not know is kept by name, not dropped
    return None


def _fits(d: Division, level_hint: str) -> bool:
    """Whether a division can be what a plan calls 省/市/县/区."""
    if level_hint == "省":
        return d.level == "province"
    return d.name.endswith(level_hint)


def lookup(name: str | None, context: RegionRef | None = None) -> RegionRef | None:
    return gazetteer().lookup(name, context)
