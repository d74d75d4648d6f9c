"""Roles: who leads, who supports, who answers for a task, read from what a text says.

Plans assign work in many wordings, and every one must land in the same three lists
(``lead``, ``support``, ``people``) so the graph can ask "who leads what" across provinces
and years. A known label raises confidence; an unknown one never blocks:

* labelled: ``(责任人:A、B,牵头单位:X、Y,配合单位:Z)``; a label the lexicon lacks assigns by
  its words (``牵头责任单位:``, ``协助单位:``; a label ending in 领导 / 负责人 / 联系人 / 组长 /
  成员 or a post, ``分管副市长:``, names people) or, when its value is written with role verbs,
  by them (``责任分工:市发改委牵头,各区、各部门配合。``); ``(牵头单位:X;责任单位:Y)`` makes Y
  support (a 责任单位 after a 牵头单位 is co-responsible; alone it leads);
* with verbs: ``(X牵头，Y、Z按职责分工负责)``, ``(X牵头，Y参与)``, ``(X负责)``, and the same as a
  sentence of its own closing a paragraph (``由市科技局牵头,市财政局配合。``);
* marks: ``市科技局(牵头)、市财政局``, ``区财政局*、区发改局``: the marked unit leads, the rest support;
* a convention the document declares (``排在第一位的为牵头单位``, see ``Conventions``): every unit
  list reads as first lead, the rest support, brackets of bare unit names included;
* ``县发改局:负责…``: a unit before a colon and its duty;
* table cells (``责任单位`` column), where units may also be separated by spaces.

Names are kept as the document writes them, with two exceptions the graph needs: a
shared-suffix composite (``杭州市、滨江区科技局(委)``) is expanded into its parts, and people
are names, never titles or collectives (``people.py``). Collective mentions (``有关处室``,
``各市、县(市、区)科技局(委)``) stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from policykg.loaders import lexicon
from policykg.loaders.people import looks_like_name, names_of_leaders, opens_a_body, person_name, split_people

__all__ = [
    "Conventions", "Responsibility", "cell_roles", "expand_composites", "find_clause", "find_clauses",
    "has_verb_part", "is_clause_line", "label_role", "looks_like_unit", "person_name", "role_parts", "split_marked",
    "split_names", "split_people", "split_top",
]

Span = tuple[int, int]

OPEN = "(（[［〔"
CLOSE = ")）]］〕"
_SEPARATORS = "、,，;；"

#: Label words and the role they assign (the lexicon's roles.yaml), longest first so
#: 协同配合单位 wins over 配合单位.
_LABEL_ROLES: dict[str, str] = lexicon.role_labels()
#: A cell or value that names no unit (配合单位: 无).
_NO_UNIT = frozenset(lexicon.no_unit_words())
#: Verbs after the names they govern (X牵头，Y按职责分工负责), longest first.
_VERB_ROLES: dict[str, str] = lexicon.role_verbs()
_KNOWN_LABEL = "|".join(map(re.escape, sorted(_LABEL_ROLES, key=len, reverse=True)))
#: A known label anywhere, or any short label at a clause boundary (its role is read from its words).
_LABEL = re.compile(
    rf"(?:(?P<known>{_KNOWN_LABEL})|(?<![\u4e00-\u9fa5\w])(?P<other>(?:[\u4e00-\u9fa5]{{2,10}}|[\u4e00-\u9fa5](?:[ \u3000]{{1,3}}[\u4e00-\u9fa5]){{1,5}})"
    r"(?:[(（][\u4e00-\u9fa5]{1,6}[)）])?))"  # 组  长(总指挥): a padded label may carry a bracket too
    r"\s*[:：]"
    rf"|(?P<stated>{_KNOWN_LABEL})\s*(?:{'|'.join(lexicon.words('roles.stated_with'))})(?=[\u4e00-\u9fa5])"  # 责任单位为区发改委
)
#: What every ``_LABEL`` needs besides a colon: a known label word. A text with neither holds no
#: label, and a failed ``_LABEL.search`` tries its look-behind branch at every position.
_ANY_KNOWN_LABEL = re.compile(_KNOWN_LABEL)
#: ``【责任单位】市科技局``: a label in lenticular brackets instead of before a colon.
_BRACKET_LABEL = re.compile("[【\\[]([\u4e00-\u9fa5]{2,10})[】\\]]")
#: Any other field label inside a clause (完成时限:…), which ends the value before it.
_OTHER_LABEL = re.compile(r"\s*[\u4e00-\u9fa5]{2,8}\s*[:：]")
# One bracket group with at most one level of nesting: (各市、县(市、区)科技局(委)牵头)
_BRACKET = re.compile(r"[(（]((?:[^()（）]|[(（][^()（）]*[)）])*)[)）]+")
#: A clause part that ends in a role verb: ``省科技厅、工业和信息化厅按职责分工负责``.
_VERB_PART = re.compile("^(?:由)?(?P<names>.+?)(?P<verb>" + "|".join(map(re.escape, _VERB_ROLES)) + ")[。.]?$")
#: Any role verb: a sentence without one has no part ending in one (the cheap test before splitting it).
_ANY_VERB = re.compile("|".join(map(re.escape, _VERB_ROLES)))
#: A value without brackets splits at every separator (``split_top`` needs no depth scan).
_BRACKET_CHARS = frozenset(OPEN + CLOSE)
#: A names part's closing ``等单位`` / ``等有关部门`` before its verb, and a list's closing ``等``.
_ETC = re.compile(r"等(?:[\u4e00-\u9fa5]{0,6}?(?:" + "|".join(map(re.escape, lexicon.words("roles.etc_tails"))) + "))?$")
_COLLECTIVE = re.compile("^(?:" + "|".join(map(re.escape, lexicon.words("roles.collective_prefixes"))) + ")")
#: How a unit name may end. Used only to tell a list of units from prose in brackets.
_UNIT_END = re.compile("(" + "|".join(map(re.escape, lexicon.unit_endings())) + r")(?:[(（][^()（）]{1,6}[)）])?$")
_PLACE_LEVELS = "".join(lexicon.words("roles.place_levels"))
#: A bare place that shares the agency suffix of the next name: 杭州市、滨江区科技局(委).
_BARE_PLACE = re.compile(rf"^[\u4e00-\u9fa5]{{0,11}}?[{_PLACE_LEVELS}](?:[(（][^()（）]*[)）])?$")
_NOT_PLACE = re.compile("|".join(map(re.escape, lexicon.words("roles.not_place_words"))))
_PLACE_PREFIX = re.compile(rf"^(.+?(?:自治区|[{_PLACE_LEVELS}]))(?=[\u4e00-\u9fa5])(.+)$")
#: A bracket at the end of a task naming one unit on its own: ``推进平台建设(区发改局)``.
_AGENCY_END = re.compile("(?:" + "|".join(map(re.escape, lexicon.words("roles.agency_endings"))) + r")(?:[(（][^()（）]{1,6}[)）])?$")


@dataclass(frozen=True)
class Conventions:
    """How a document declares its unit lists are read, found once and applied to the whole text.

    ``first_leads``: ``排在第一位的为牵头单位`` (or like wording): in every later list the first unit
    leads and the others support, bracketed lists of bare unit names included.
    """

    first_leads: bool = False
    #: a table laid out as spaced text whose header ends in unit columns (序号 名称 工作任务 牵头责任单位; … 牵头单位
    #: 参与单位 责任单位): each row's units stand after the last sentence of its task, one space-separated group per
    #: column (1 地区生产总值增长7%以上. 发改委), read with the roles of those columns in order
    unit_columns: tuple[str, ...] = ()

    @property
    def units_after_task(self) -> bool:
        return bool(self.unit_columns)

    @classmethod
    def read(cls, text: str) -> Conventions:
        return cls(first_leads=any(p.search(text) for p in lexicon.patterns("roles.first_leads")),
                   unit_columns=next((cols for m in _spaced_header().finditer(text) if (cols := _unit_columns(m.group(0)))),
                                     ()))


@cache
def _spaced_header() -> re.Pattern[str]:
    """A header row written as words with spaces, opening on the number column and ending in another column."""
    numbers = "|".join(dict(lexicon.column_roles())["number"])
    return re.compile(rf"(?:{numbers})(?:\s+[\u4e00-\u9fa5]{{2,8}}){{1,6}}\s+([\u4e00-\u9fa5]{{2,8}})(?=\s|$)")


def _unit_columns(header: str) -> tuple[str, ...]:
    """The roles of the unit columns a spaced header ends in, in order (牵头单位 参与单位 责任单位 -> lead, support,
    support: a 责任 column beside a 牵头 one names those who carry it out), or () when it ends in none that leads."""
    words = header.split()[1:]
    roles: list[str | None] = []
    for word in reversed(words):
        role = label_role(word)
        if role not in ("lead", "support"):
            break
        roles.insert(0, role)
    if "lead" not in roles:
        return ()
    demote_co_responsible(words[-len(roles) :], roles)
    return tuple(r for r in roles if r)


def demote_co_responsible(names: list[str], roles: list[str | None]) -> None:
    """A 责任 column beside a 牵头 column names co-responsible units: support (in place).

    The same rule as in clauses (``牵头单位:X;责任单位:Y``): alone, 责任单位 leads; next to a 牵头 column
    the lead is already named and the 责任 column lists those who carry it out.
    """
    if not any(r == "lead" and "牵头" in k for r, k in zip(roles, names, strict=False)):  # 牵头单位, 省牵头单位
        return
    for i, (r, k) in enumerate(zip(roles, names, strict=False)):
        if r == "lead" and k.startswith("责任"):
            roles[i] = "support"


NO_CONVENTIONS = Conventions()


@dataclass
class Responsibility:
    """One clause: its names by role and where it stands in the text it was found in."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    span: Span | None = None
    lead_label: str = ""  # the label its lead came from (a 责任单位 line after a 牵头单位 line supports)
    contact_only: bool = False  # its only names are contact persons (联系人): they make no task of a paragraph
    in_prose: bool = False  # read from running text (a leader's name and verb), not a clause that closes an item

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.people)

    def merge(self, other: Responsibility) -> None:
        """Add another clause's names (a task with two clauses answers to both)."""
        for mine, theirs in ((self.lead, other.lead), (self.support, other.support), (self.people, other.people)):
            mine.extend(n for n in theirs if n not in mine)
        if other.span is not None:
            self.span = other.span if self.span is None else (min(self.span[0], other.span[0]), max(self.span[1], other.span[1]))


# ---------------------------------------------------------------- names


def split_top(value: str, separators: str) -> list[str]:
    """Split on separators outside brackets, so ``县(市、区)`` stays one piece."""
    if _BRACKET_CHARS.isdisjoint(value):  # no bracket: a plain split (most values; this runs per sentence part)
        return _plain_split(value, separators)
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in value:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


@cache
def _separator_pattern(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(separators) + "]")


def _plain_split(value: str, separators: str) -> list[str]:
    """``split_top`` of a value without brackets: every separator splits."""
    if not separators:
        return [value]
    return _separator_pattern(separators).split(value)


def _declares_convention(name: str) -> bool:
    """Whether a name ends in a bracket that declares the document's convention, not part of the name:
    县发改局(首位单位为牵头单位,下同)."""
    bracket = _LAST_BRACKET.search(name)
    return bracket is not None and any(p.search(bracket.group(1)) for p in lexicon.patterns("roles.first_leads"))


#: A bracket that may hold a document's convention (市税务局(列第一位者为工作牵头单位或汇总单位,下同)): blanked
#: before clauses are read, so its 牵头 assigns nothing and the list runs on past it.
_NOTE_BRACKET = re.compile(r"[(（][^()（）]{4,40}[)）]")
_LAST_BRACKET = re.compile(r"[(（]([^()（）]+)[)）]?$")  # unclosed: a list split at the note's comma
#: A convention's note closing a bracket of units after a comma ((市发改委、市财政局等负责,列第一位者为牵头单位,下同)):
#: blanked like a note bracket, so the units before it read as the clause they are.
_NOTE_END = lexicon.alternation("roles.note_ends")
_NOTE_TAIL = re.compile(rf"[,，;；。][^()（）,，;；。]{{4,30}}(?:[,，;；]\s*(?:{_NOTE_END}))?(?=[)）])")


#: A note closing a bracket after its sentence, ending in 下同 (…省国资委牵头。明确牵头部门的,有关部门配合,不逐一列出,下同):
#: how the document words its lists, whatever it says, never a unit of this clause.
_SAME_BELOW = re.compile(rf"[。;；][^()（）。;；]{{4,60}}?[,，]\s*(?:{_NOTE_END})(?=\s*[)）])")


def _blank_notes(text: str) -> str:
    """The text with its convention notes (a bracket of its own, or the tail of a bracket of units) blanked,
    same length, so spans still point into the original."""
    text = _NOTE_BRACKET.sub(lambda m: m.group(0) if _opens_on_units(m.group(0)) or not _declares_convention(m.group(0))
                             else " " * len(m.group(0)), text)
    text = _SAME_BELOW.sub(lambda m: " " * len(m.group(0)), text)
    return _NOTE_TAIL.sub(lambda m: " " * len(m.group(0)) if _declares_convention(f"({m.group(0)[1:]})") else m.group(0),
                          text)


def _opens_on_units(bracket: str) -> bool:
    """Whether a bracket opens on a unit (市发改委、市财政局等负责,列第一位者为牵头单位), not on its note."""
    head = re.split(r"[,，;；。、]", bracket[1:])[0]
    return looks_like_unit(head) and not _declares_convention(f"({head})")


def _clean_name(name: str) -> str:
    """Trim list debris: spaces, stray brackets, a trailing 等, sentence marks, a convention's note."""
    name = name.strip().strip("。.:：\"“”'‘’")
    if _declares_convention(name):
        name = _LAST_BRACKET.sub("", name).rstrip()
    while name and name[-1] in CLOSE and _depth(name) < 0:
        name = name[:-1].rstrip()
    while name and name[0] in OPEN and _depth(name) > 0:
        name = name[1:].lstrip()
    tail = _ETC.search(name)
    if tail and tail.start() >= 2:  # 省人社厅等有关部门: the named unit; the collective tail adds no one
        name = name[: tail.start()]
    return name.strip()


def _depth(s: str) -> int:
    return sum(ch in OPEN for ch in s) - sum(ch in CLOSE for ch in s)


def _is_bare_place(name: str) -> bool:
    return bool(_BARE_PLACE.match(name)) and not _NOT_PLACE.search(name)


def expand_composites(parts: list[str]) -> list[str]:
    """Resolve shared-suffix lists such as ``杭州市、滨江区科技局(委)``.

    A run of bare places followed by a named agency shares that agency's suffix:
    ``杭州市、滨江区科技局(委)`` is ``杭州市科技局(委)`` and ``滨江区科技局(委)``.
    When the run is collective (``各市、县(市、区)科技局(委)``) or a place is a bare
    level word (``市、县科技局``) the mention names no single unit and stays whole.
    """
    out: list[str] = []
    i = 0
    while i < len(parts):
        j = i
        while j < len(parts) - 1 and _is_bare_place(parts[j]):
            j += 1
        if j == i:  # no run of bare places before parts[i]
            out.append(parts[i])
            i += 1
            continue
        run, tail = parts[i:j], parts[j]
        collective = any(p.startswith("各") or len(re.sub(r"[(（].*", "", p)) == 1 for p in run)
        split = _PLACE_PREFIX.match(tail)
        if collective and (split or re.match(rf"^[{_PLACE_LEVELS}]", tail)) and not _COLLECTIVE.match(tail):
            out.append("、".join([*run, tail]))
        elif split and not _is_bare_place(tail):
            suffix = split.group(2)
            out.extend(p + suffix for p in run)
            out.append(tail)
        else:
            out.extend([*run, tail])
        i = j + 1
    return out


def split_names(value: str, *, spaces: bool = False) -> list[str]:
    """Split a list of names on 、，,;； (and on spaces for table cells), keeping composites.

    Brackets protect their content (``县(市、区)``); a doubled closing bracket or a
    trailing 、 leaves no empty names; shared-suffix composites are expanded.
    """
    separators = _SEPARATORS + (" \u3000\t" if spaces else "")
    value = _etc_joiner().sub("、", value)  # 商务部等和各有关省级人民政府: two mentions
    parts = [q for p in split_top(value, separators) for q in _split_joined(_clean_name(p))]
    names = expand_composites([p for p in parts if p and p not in _NO_UNIT])
    seen: list[str] = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


def _split_joined(name: str) -> list[str]:
    """``省财政厅及省地震局``: two units joined by a word, split where both read as units and the second opens on a
    body's level, place or collective of its own (住房和城乡建设厅 and 高新区党工委和管委会 stay whole)."""
    for m in _unit_joiner().finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        own = opens_a_body(right) or _COLLECTIVE.match(right) is not None  # 省地震局, 各市人民政府: a body of its own
        if own and len(left) >= 3 and looks_like_unit(left) and looks_like_unit(right):
            return [left, *_split_joined(right)]
    return [name]


@cache
def _unit_joiner() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("roles.unit_joiners"))


@cache
def _with_word() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("roles.with_words"))


@cache
def _etc_joiner() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("roles.etc_joiners"))


@cache
def _mark_pattern() -> re.Pattern[str]:
    marks = "|".join(map(re.escape, lexicon.words("roles.lead_marks")))
    # (牵头), and a note that names the unit a lead of some part (区统计局(数据统计评估牵头单位))
    return re.compile(rf"\s*(?:[(（][^()（）:：]{{0,12}}?牵头[\u4e00-\u9fff]{{0,2}}\s*[)）]|{marks})\s*$|^\s*(?:{marks})\s*")


def _unmark(name: str) -> tuple[str, bool]:
    """A unit name without its lead mark, and whether it had one (``市科技局(牵头)``, ``区财政局*``)."""
    stripped = _mark_pattern().sub("", name)
    return stripped, stripped != name


def split_marked(value: str, *, spaces: bool = False, conventions: Conventions = NO_CONVENTIONS) -> tuple[list[str], list[str]]:
    """(lead, support) of a list of responsible units.

    A unit marked as the lead (``(牵头)``, ``*``, ``★``) leads and the rest support; under a
    declared convention (``排在第一位的为牵头单位``) the first leads; otherwise every unit listed leads.
    """
    names = split_names(value, spaces=spaces)
    unmarked = [_unmark(n) for n in names]
    marked = [n for n, m in unmarked if m]
    plain = [n for n in (n for n, _ in unmarked) if n]
    if marked:
        return marked, [n for n, m in unmarked if not m and n]
    if conventions.first_leads and len(plain) > 1:
        return plain[:1], plain[1:]
    return plain, []


#: A unit's name with a second name of the same body in brackets after it (市商务局(市粮食和物资储备局)).
_SECOND_NAME = re.compile(r"^(.+?)[(（]([^()（）]{2,})[)）]$")


def looks_like_unit(name: str) -> bool:
    """Whether a name reads as an organisation (or a collective of them), not prose (一个部门 is no unit)."""
    name = _unmark(name)[0]
    if (second := _SECOND_NAME.match(name)) is not None and looks_like_unit(second.group(2)):
        name = second.group(1)  # 市商务局(市粮食和物资储备局): one body under two names
    if name.startswith(lexicon.words("roles.not_unit_openers")) or re.search(r"\d", name):
        return False
    return 1 < len(name) <= 30 and (bool(_UNIT_END.search(name)) or bool(_COLLECTIVE.match(name)) and len(name) <= 12)


# ---------------------------------------------------------------- labels


@cache
def label_role(label: str) -> str | None:
    """The role a label assigns: the lexicon's when it knows the label, else read from its words.

    A label of people ends in 领导 / 负责人 / 联系人 / 组长 / 成员 … or a post (``分管副市长``); a
    label of units ends in 单位 / 部门 / 处室 … and supports when it says 配合 / 协助 / 参与 …,
    leads when it says 牵头 / 责任 / 负责 …; any other label assigns nothing by itself.
    """
    label = re.sub(r"\s+", "", label)
    if label in _LABEL_ROLES:
        return _LABEL_ROLES[label]
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", label)
    if bare.endswith(lexicon.words("roles.people_label_endings")) or _ends_with_post(bare):
        return "people"
    if not bare.endswith(lexicon.words("roles.unit_label_endings")):
        return None
    words = {e.word: e.meaning for e in lexicon.entries("roles.label_words")}
    for role in ("support", "lead"):  # 配合责任单位 supports although it says 责任
        if any(w in bare for w, r in words.items() if r == role):
            return role
    return None


def _ends_with_post(label: str) -> bool:
    """A label that is a post (主任:, 副组长:) or ends with one (分管副市长:) introduces people."""
    from policykg.loaders.people import post_at_end

    return post_at_end().search(label) is not None


def _ends_value(text: str, i: int, start: int, names: bool = True) -> bool:
    """At bracket depth 0: a sentence or line end, the next label, or another field (完成时限:)."""
    ch = text[i]
    if ch in "\n。" or (i > start and _label_at(text, i) is not None):
        return True
    if ch in " \u3000" and _other_field(text, i + 1):
        return True  # 吉林省科学技术厅 地址:…: a page footer's field after the value
    return ch in _SEPARATORS and (_other_field(text, i + 1) or (names and _no_more_names(text, i + 1)))


def _no_more_names(text: str, i: int) -> bool:
    """After a list separator, a part that holds a figure or runs long reads as the next sentence, not a
    name (…责任单位为区发改委;技改投资占固定资产投资比重16.5%(…)): the list ended."""
    j = i
    depth = 0
    while j < len(text) and j - i < 40:
        ch = text[j]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in _SEPARATORS + "。\n":
            break
        j += 1
    part = text[i:j].strip()
    return bool(re.search(r"\d", part)) and not looks_like_unit(part) or len(part) > 24


def _other_field(text: str, i: int) -> bool:
    """A field label that is no role label (完成时限:) starts at ``i``: it ends the value before it.
    Not so for a post written right before a role label (合肥市委书记协助:): that label ends it."""
    m = _OTHER_LABEL.match(text, i)
    if m is None:
        return False
    label = re.sub(r"[\s:：]", "", m.group(0))
    return not _ends_with_role_label(label)


def _ends_with_role_label(label: str) -> bool:
    """Whether a role label ends ``label`` after something else (合肥市委书记协助): its proper suffixes
    looked up, rather than every role label tried as an ending."""
    return any(label[j:] in _LABEL_ROLES for j in range(1, len(label)))


def _label_at(text: str, i: int) -> re.Match[str] | None:
    m = _LABEL.match(text, i)
    if m is None:
        return None
    other = m.group("other")
    if other and any(other[j:] in _LABEL_ROLES and looks_like_unit(other[:j]) for j in range(1, len(other))):
        return None  # 基础研究处配合单位: a value, then a known label written right after it
    if other and label_role(other) is None and not _verbal_value_follows(text, m.end()):
        return None
    return m


def _verbal_value_follows(text: str, pos: int) -> bool:
    end = _value_end_plain(text, pos)
    return has_verb_part(text[pos:end])


def _value_end_plain(text: str, start: int) -> int:
    """The value's end without looking for labels (the next 。, line end or unmatched bracket)."""
    return _scan_value(text, start, lambda i: text[i] in "\n。" or (
        text[i] in _SEPARATORS and _OTHER_LABEL.match(text, i + 1) is not None), limit=300)


def _value_end(text: str, start: int, role: str | None = None) -> int:
    """Where a label's value ends: the next label, an unmatched closing bracket, 。 or the line end
    (for a list of units, also a part after a separator that reads as the next sentence)."""
    return _scan_value(text, start, lambda i: _ends_value(text, i, start, role != "people"))


def _scan_value(text: str, start: int, stops: Callable[[int], bool], limit: int | None = None) -> int:
    """The first position from ``start`` where ``stops`` holds outside brackets, or an unmatched
    closing bracket, or the end (of the text, or ``limit`` characters on)."""
    depth = 0
    end = len(text) if limit is None else min(len(text), start + limit)
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and stops(i):
            return i
    return end


def has_verb_part(value: str) -> bool:
    """Whether a label's value is itself written with role verbs (责任单位：X牵头，Y配合)."""
    return any(_VERB_PART.match(p.strip().rstrip("。.")) for p in split_top(value, ",，;；") if p.strip())


def _labelled(text: str, conventions: Conventions) -> list[Responsibility]:
    """``(责任人:A,牵头单位:X,配合单位:Y)`` and bare ``责任单位:X`` clauses, in text order."""
    clauses: list[Responsibility] = []
    if ":" not in text and "：" not in text and _ANY_KNOWN_LABEL.search(text) is None:
        return clauses
    i = 0
    while (m := _LABEL.search(text, i)) is not None:
        if _label_at(text, m.start()) is None:
            i = m.start() + 1  # a known label may stand inside the rejected one (合肥市委书记协助:)
            continue
        start = m.start()
        # A clause opens with a bracket right before its first label, or stands at a line/sentence start.
        j = start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        bracketed = j >= 0 and text[j] in OPEN
        if bracketed:
            start = j
        resp = Responsibility()
        pos = m.start()
        end = pos
        led = False  # a 牵头… label seen in this clause: a 责任… label after it names co-responsible units
        labels: list[str] = []
        while (lm := _label_at(text, pos)) is not None:
            label = re.sub(r"\s+", "", lm.group("known") or lm.group("other") or lm.group("stated"))
            role = label_role(label)
            value_end = _value_end(text, lm.end(), role)
            value = text[lm.end() : value_end]
            labels.append(label)
            if role == "lead" and led and label.startswith("责任"):
                role = "support"
            led = led or (role == "lead" and label.startswith("牵头"))
            if role == "lead" and not resp.lead_label:
                resp.lead_label = label
            _assign(resp, value, role, conventions)
            end = value_end
            pos = value_end
            while pos < len(text) and text[pos] in " \t" + _SEPARATORS:
                pos += 1
            if _label_at(text, pos) is None:
                break
        if bracketed:  # swallow the closing bracket(s), doubled ones included
            while end < len(text) and text[end] in CLOSE + " ":
                end += 1
            end = len(text[:end].rstrip())
        resp.span = (start, end)
        resp.contact_only = not resp.lead and not resp.support and all(
            lb.endswith(lexicon.words("roles.contact_labels")) for lb in labels)
        if resp:
            clauses.append(resp)
        i = max(end, m.end())
    return clauses


def _assign(resp: Responsibility, value: str, role: str | None, conventions: Conventions) -> None:
    """Give a label's value to its role: people, units by a mark or convention, or by its own verbs."""
    if role == "people":
        resp.people.extend(n for n in split_people(value) if n not in resp.people)
        return
    parts = role_parts(value, role, conventions) if has_verb_part(value) else None
    if parts is not None and all(looks_like_unit(n) for n in parts.lead + parts.support):
        resp.merge(parts)
        return
    if role is None:
        return
    lead, support = split_marked(value, conventions=conventions) if role == "lead" else ([], split_names(value))
    resp.lead.extend(n for n in lead if n not in resp.lead)
    resp.support.extend(n for n in support if n not in resp.support)


def role_parts(body: str, default_role: str | None = None, conventions: Conventions = NO_CONVENTIONS) -> Responsibility | None:
    """Names by role from a clause body written with verbs: ``X牵头，Y按职责分工负责，Z结合实际落实``.

    The body splits at top-level commas and semicolons into parts; a part ending in a
    role verb (the lexicon's ``roles.verbs``) gives its names that role, and a
    ``support_after_lead`` verb (负责, 按职责分工负责) leads when no lead came before it.
    A part without a verb takes ``default_role`` (a label's role), or makes the body no
    clause when there is none. None when the body assigns nobody.
    """
    resp = Responsibility()
    pending: list[str] = []  # verbless parts: the next verb governs them too (A、B，C按职责分工负责)

    def give(names_text: str, role: str, explicit: bool) -> None:
        if role == "support_after_lead":
            role = "support" if resp.lead else "lead"
        if role == "people":
            resp.people.extend(n for n in split_people(names_text) if n not in resp.people)
        elif role == "lead":
            lead, support = split_marked(names_text, conventions=NO_CONVENTIONS if explicit else conventions)
            resp.lead.extend(n for n in lead if n not in resp.lead)
            resp.support.extend(n for n in support if n not in resp.support)
        else:
            resp.support.extend(n for n in split_names(names_text) if n not in resp.support)

    for part in split_top(body.strip().rstrip("。."), ",，;；"):
        part = part.strip()
        if not part:
            continue
        m = _VERB_PART.match(part)
        if m is None:
            pending.append(part)
            continue
        verb = m.group("verb")
        role = _VERB_ROLES[verb]
        if role == "support_after_lead" and not resp.lead:
            role = "lead"  # the first verb of the clause: everyone it governs leads
        explicit = "牵头" in verb  # X、Y(分别)牵头 names its co-leads; a declared first-leads rule does not split them
        for waiting in pending:
            give(waiting, role, explicit)
        pending.clear()
        names = m.group("names").strip()
        names = names.rsplit("由", 1)[1] if "由" in names[1:] else names  # 考核数据审核由市统计局负责
        names, joined = _with_split(names)
        give(_ETC.sub("", names), role, explicit)
        if joined:  # (国家发展改革委会同有关部门负责): the units brought along support
            give(_ETC.sub("", joined), "support", False)
    if pending and default_role is not None:
        # 责任单位:A、B牵头,C、D: once the clause names its leads, the units after them support
        after = "support" if default_role == "lead" and resp.lead else default_role
        for waiting in pending:
            give(waiting, after, False)
    elif pending and (not resp or any(any(looks_like_unit(n) for n in split_names(p)) for p in pending)):
        return None  # units without a verb: not a clause written with verbs (a deadline, 年内持续推进, may trail one)
    return resp if resp else None


def _with_split(names: str) -> tuple[str, str]:
    """``X会同Y`` before a role verb: X takes the verb's role and Y, brought along, supports (the lexicon's
    roles.with_words). ``(names, "")`` when no such word stands between two names."""
    m = _with_word().search(names)
    if m is None or m.start() < 2 or len(names) - m.end() < 2:
        return names, ""
    return names[: m.start()], names[m.end():]


#: A bracket the page's cut left open at the end of the text: ``…下降2.5%(省发展改革委牵头,省工业和信息化厅、省``.
_OPEN_AT_END = re.compile(r"[(（]([^()（）\n]{4,})$")


def _verbal(text: str, conventions: Conventions) -> list[Responsibility]:
    """Bracketed clauses without labels: ``(X牵头，Y按职责分工负责)``, ``(X负责)``; a marked list
    ``(科技部*、财政部)``; under a first-leads convention any list of unit names ``(科技部、财政部)``;
    a single agency closing a task ``(区发改局)``; a clause the page's cut left open (its last,
    cut name dropped)."""
    clauses: list[Responsibility] = []
    brackets: list[tuple[re.Match[str], str]] = [(m, m.group(1)) for m in _BRACKET.finditer(text)]
    if (cut := _OPEN_AT_END.search(text)) is not None and not any(m.start() == cut.start() for m, _ in brackets):
        body = cut.group(1)
        brackets.append((cut, body[: max(body.rfind("、"), body.rfind(","), body.rfind("，"))] or body))
    for m, raw_body in brackets:
        body = raw_body.strip()
        if _LABEL.search(body) and any(_label_at(body, k.start()) for k in _LABEL.finditer(body)):
            continue
        # a cut clause lost the verb of its last part: those units helped the lead named before them
        resp = role_parts(body, "support" if m is cut else None, conventions=conventions)
        if resp is not None:
            _drop_posts(resp)  # (分管副省长、协管副秘书长负责,省发展改革委牵头…): posts without a name are nobody
        if resp is None or not resp.lead or not all(looks_like_unit(n) for n in resp.lead + resp.support):
            resp = _unit_list(body, text, m.end(), conventions, after_sentence=text[:m.start()].rstrip().endswith(("。", ";", "；")))
            if resp is None:
                continue
        resp.span = (m.start(), m.end())
        clauses.append(resp)
    return clauses


def _drop_leaders(resp: Responsibility) -> None:
    """Remove names that are a person with a post (吕维峰副省长): a clause's people, read by ``_leaders``."""
    resp.lead = [n for n in resp.lead if looks_like_unit(n) or person_name(n) is None]
    resp.support = [n for n in resp.support if looks_like_unit(n) or person_name(n) is None]


def _drop_posts(resp: Responsibility) -> None:
    """Remove names that are posts without a person (分管副省长, 协管副秘书长): they assign nobody; when
    a post held the first verb, the next lead is the clause's lead."""
    from policykg.loaders.people import is_post

    posts = [n for n in resp.lead if is_post(n)]
    resp.lead = [n for n in resp.lead if not is_post(n)]
    resp.support = [n for n in resp.support if not is_post(n)]
    if posts and not resp.lead and resp.support:
        resp.lead, resp.support = resp.support[:1], resp.support[1:]


def _unit_list(body: str, text: str, end: int, conventions: Conventions, after_sentence: bool = False) -> Responsibility | None:
    """A bracket of bare unit names: marked, under a convention, one agency closing a sentence, or several
    standing after a whole sentence (…粮食产量达到228.5万吨。(市发展改革委、市财政局…)); several right after a
    name are that body's other names (综合办公室(党群工作部、监察室))."""
    names = split_names(body)
    if not names or not all(looks_like_unit(n) for n in names):
        return None
    if any(_unmark(n)[1] for n in names) or conventions.first_leads:
        lead, support = split_marked(body, conventions=conventions)
        return Responsibility(lead=lead, support=support)
    closes = end >= len(text) or text[end] in "。;；\n" or not text[end:].strip()
    if closes and (len(names) == 1 or after_sentence) and all(_AGENCY_END.search(n) and not _COLLECTIVE.match(n) for n in names):
        return Responsibility(lead=names)  # the agencies closing a task answer for it
    return None


#: ``县发改局：负责…``: a unit before a colon, its duty after (the lexicon's roles.duty_verbs).
#: The verbs that open a unit's duty (负责, 牵头, 承担: lexicon roles.duty_verbs), as one alternation.
_DUTY_VERBS = "|".join(map(re.escape, (e.word for e in lexicon.duty_verb_entries())))
_DUTY = re.compile(r"^\s*(?P<unit>[^:：,，。;；()（）\s]{2,24}?)\s*[:：]\s*(?=" + _DUTY_VERBS + ")")


def _duty(text: str) -> list[Responsibility]:
    m = _DUTY.match(text)
    if m is None or label_role(m.group("unit")) is not None:
        return []
    names = split_names(m.group("unit"))
    if not names or not all(looks_like_unit(n) for n in names):
        return []
    return [Responsibility(lead=names, span=(m.start("unit"), m.end()))]


def _leaders(text: str) -> list[Responsibility]:
    """People a sentence makes answer for work (``由省长李小鹏牵头``, ``常务副省长高建民:负责…``,
    ``副书记李宽余,副县长刘中秋分别就…``): one clause per name."""
    return [Responsibility(people=[name], span=span, in_prose=True) for name, span in names_of_leaders(text)]


_SENTENCE = re.compile(r"[^。;；!！?？\n]+[。;；!！?？]?")


#: A short label opening a line or sentence, with text after it (任务分工:…, 工作成果:…), whatever the label.
LEADING_LABEL = re.compile(r"([\u4e00-\u9fff]{2,6})\s*[:：]\s*(?=\S)")


#: How many parts opening a sentence must each end in a role verb for them to assign when the sentence goes on
#: (由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成…: three).
_ASSIGNING_OPENING = 2


def _verb_sentences(text: str, conventions: Conventions) -> list[Responsibility]:
    """A sentence that does nothing but assign (``市科技局牵头,市财政局配合。``, ``由区发改局负责。``):
    every part ends in a role verb and every name reads as a unit."""
    out: list[Responsibility] = []
    if not _ANY_VERB.search(text):  # most paragraphs assign nobody: no sentence of theirs to read
        return out
    for m in _SENTENCE.finditer(text):
        body = m.group(0).strip()
        if not body or not _ANY_VERB.search(body):
            continue
        if (lab := LEADING_LABEL.match(body)) is not None and label_role(lab.group(1)) is None:
            body = body[lab.end() :]  # 任务分工:吕维峰副省长负责,省农委牵头: a label that names no role itself
        parts = [p.strip() for p in split_top(body.rstrip("。;；!！?？"), ",，;；") if p.strip()]
        opening = next((k for k, p in enumerate(parts) if not _VERB_PART.match(p)), len(parts))
        if not parts or (opening < len(parts) and opening < _ASSIGNING_OPENING) or (opening == len(parts) and len(body) > 120):
            continue  # every part assigns, or the sentence opens on two that do (X副市长负责,市发改委牵头,相关部门配合,尽快…)
        if opening < len(parts):
            body = "，".join(parts[:opening])
        resp = role_parts(body, conventions=conventions)
        if resp is not None:  # 吕维峰副省长负责,省农委牵头: the leader is _leaders' (a person), the unit leads
            _drop_leaders(resp)
        if resp is None or not resp.lead + resp.support or not all(looks_like_unit(n) for n in resp.lead + resp.support):
            continue
        lead_ws = len(m.group(0)) - len(m.group(0).lstrip())
        resp.span = (m.start() + lead_ws, m.end())
        out.append(resp)
    return out


#: A clause that opens with units leading a duty (市发改委牵头抓好全市…推进工作; 各县区政府、各开发区管委会牵头抓好…):
#: 牵头 followed by the duty's verb, not by a label (牵头单位:) nor the end of the clause (X牵头,Y配合 is _verbal's).
_LEAD_DUTY = re.compile(r"(?:^|(?<=[,，;；。]))\s*(?P<names>[^,，;；。:：()（）“”]{2,40}?)牵头"
                        rf"(?:{lexicon.alternation('roles.lead_duty_verbs')})")


#: Units standing after a task's last sentence, to the end of its line: 1 …增长7%以上. 发改委 / …. 发改委、经信委.
_UNITS_AFTER = re.compile(r"[。.]\s+(?P<units>[^\s。.,，;；:：()（）]{2,20}(?:[、\s]+[^\s。.,，;；:：()（）]{2,20})*)\s*$")


#: The groups after a task's last sentence in a row of several unit columns (…以内。 市水利局 市发展改革委、…等 各县(市、区)…).
_GROUPS_AFTER = re.compile(r"[。.]\s+(?P<units>[^。.]+?)\s*$")


def _units_after_task(text: str, conventions: Conventions) -> list[Responsibility]:
    """Under ``units_after_task``: the units closing the line answer for its task as the header's columns say (one
    unit column: they lead; several: one space-separated group per column, in the columns' roles)."""
    if len(conventions.unit_columns) > 1 and (many := _column_groups(text, conventions.unit_columns)):
        return [many]
    if not conventions.units_after_task or (m := _UNITS_AFTER.search(text)) is None:
        return []
    names = split_names(m.group("units"), spaces=True)
    if not names or not all(looks_like_unit(n) for n in names):
        return []
    lead, support = split_marked(m.group("units"), spaces=True, conventions=conventions)
    return [Responsibility(lead=lead, support=support, span=(m.start("units"), m.end()))]


def _column_groups(text: str, roles: tuple[str, ...]) -> Responsibility | None:
    """The unit groups closing a row, one per unit column, when there are as many as columns and all read as units."""
    m = _GROUPS_AFTER.search(text)
    if m is None:
        return None
    groups = m.group("units").split()
    if len(groups) != len(roles):
        return None
    resp = Responsibility(span=(m.start("units"), m.end("units")))
    for group, role in zip(groups, roles, strict=True):
        names = [_ETC.sub("", n) for n in split_names(group)]
        if not names or not all(looks_like_unit(n) and _depth(n) == 0 for n in names):
            return None  # a name the page cut inside its bracket (各县(市、) is no unit
        (resp.lead if role == "lead" else resp.support).extend(n for n in names if n)
    return resp


#: 领导小组办公室设在财政部: the body a group's office sits in (lexicon roles.office_hosts), up to the clause's end.
_OFFICE_HOST = re.compile(rf"(?:{lexicon.alternation('roles.office_hosts')})(?P<unit>[^,，。;；()（）\s]{{2,24}}?)"
                          rf"(?=[,，。;；]|$|{_DUTY_VERBS})")


def _office_hosts(text: str) -> list[Responsibility]:
    """The body a group's working office sits in leads the office's work, in prose."""
    return [Responsibility(lead=[m.group("unit")], span=(m.start("unit"), m.end("unit")), in_prose=True)
            for m in _OFFICE_HOST.finditer(text) if looks_like_unit(m.group("unit"))]


#: A clause that opens 由X牵头 / 由X负责… in prose (由观沙岭街道生态环境保护委员会负责第二次全街污染源普查工作的组织和领导;
#: 由村镇建设站牵头,会同镇纪委、派出所等部门…): X leads; the units after a with-word, up to 等, support.
_BY_DUTY = re.compile(r"(?:^|(?<=[,，;；。]))\s*由(?P<names>[^,，;；。:：()（）“”、]{2,40}?)"
                      rf"(?:(?:{lexicon.alternation('roles.with_words')})(?P<before>[^,，;；。:：]{{2,120}}?)"
                      rf"(?:等(?:{lexicon.alternation('roles.etc_tails')})?)?)?"
                      rf"(?:{_DUTY_VERBS})"
                      rf"(?:[,，]\s*(?:{lexicon.alternation('roles.with_words')})(?P<with>[^,，;；。:：]{{2,80}}?)等)?")


#: (由)X会同Y、Z等部门 and any verb phrase (研究提出落实意见, 筛选确定): the with-word and 等 make it an assignment
#: whatever the verb, with or without 由 (生态环境部会同国家发展改革委、…等部门筛选确定).
_BY_WITH = re.compile(r"(?:^|(?<=[,，;；。]))\s*由?(?P<names>[^,，;；。:：()（）“”、]{2,40}?)"
                      rf"(?:{lexicon.alternation('roles.with_words')})(?P<before>[^,，;；。:：]{{2,120}}?)"
                      rf"等(?:{lexicon.alternation('roles.etc_tails')})?(?=[\u4e00-\u9fa5])")
#: What may follow a 由 clause's verb for it to close its item (负责落实。, 牵头。): a short verb and the sentence's end.
_CLOSES_ITEM = re.compile(r"[\u4e00-\u9fa5]{0,3}\s*(?:[。;；]|$)")


def _by_duties(text: str) -> list[Responsibility]:
    """Units a clause opening on 由 makes lead its duty, and those it brings along (会同…等) support, in prose."""
    out: list[Responsibility] = []
    matches = list(_BY_DUTY.finditer(text))
    taken = {m.start() for m in matches}
    matches += [m for m in _BY_WITH.finditer(text) if m.start() not in taken]  # 由X会同Y等部门研究提出…
    for m in matches:
        if text.startswith(lexicon.words("roles.not_duties"), m.end()):
            continue  # 由市科技局负责解释: the plan's wording, not its work
        lead = split_names(m.group("names"))
        support = [n for g in ("before", "with") if (names := m.groupdict().get(g)) for n in split_names(names)]
        if lead and all(looks_like_unit(n) for n in lead + support):
            closes = _CLOSES_ITEM.match(text, m.end()) is not None or m.re is _BY_WITH  # …的问题,由X会同Y等部门负责落实。
            out.append(Responsibility(lead=lead, support=support, span=(m.start("names"), m.end()), in_prose=not closes))
    return out


def _lead_duties(text: str) -> list[Responsibility]:
    """Units that lead the duty their clause goes on to name: they lead the paragraph's task, in prose."""
    out: list[Responsibility] = []
    for m in _LEAD_DUTY.finditer(text):
        names = [n for n in split_names(m.group("names")) if n]
        if names and all(looks_like_unit(n) and "牵头" not in n for n in names):
            out.append(Responsibility(lead=names, span=(m.start("names"), m.end()), in_prose=True))
    return out


@cache
def _may_assign() -> re.Pattern[str]:
    """What a text must hold to assign anyone: a colon, a bracket, a role verb or label, a leader's
    verb, a with-word (由X会同Y等部门研究提出…). Most lines of a plan hold none, and skip the finders."""
    words = [*_VERB_ROLES, *_LABEL_ROLES, *lexicon.words("people.lead_verbs"), *lexicon.words("people.each_takes"),
             *lexicon.words("roles.office_hosts"), *lexicon.words("roles.with_words")]
    return re.compile(r"[:：(（\[［【]|" + "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def find_clauses(text: str, conventions: Conventions = NO_CONVENTIONS) -> list[Responsibility]:
    """Every responsibility clause in a paragraph, in text order; spans are relative to ``text``."""
    if not _may_assign().search(text):
        return _units_after_task(text, conventions)
    text = _BRACKET_LABEL.sub(lambda m: m.group(1) + ": " if label_role(m.group(1)) else m.group(0), text)  # same length
    text = _blank_notes(text)
    found = (_labelled(text, conventions) + _verbal(text, conventions) + _duty(text) + _verb_sentences(text, conventions)
             + _leaders(text) + _lead_duties(text) + _by_duties(text) + _office_hosts(text)
             + _units_after_task(text, conventions))
    found.sort(key=lambda r: r.span or (0, 0))
    out: list[Responsibility] = []
    for r in found:  # a verbal match inside a labelled clause is the same clause
        if out and r.span and out[-1].span and r.span[0] < out[-1].span[1]:
            if _people_beside_units(out[-1], r):
                out[-1].merge(r)  # 吕维峰副省长负责,省农委牵头: the leader and the units of one sentence
                out[-1].in_prose = out[-1].in_prose and r.in_prose
            continue
        out.append(r)
    return out


def _people_beside_units(a: Responsibility, b: Responsibility) -> bool:
    """Whether one clause names only a leader in a sentence (吕维峰副省长负责) and the other only units: one sentence
    read twice. A labelled member (成员:巫振江(市府办)) is no leader: the body in brackets is where they work."""
    def people_only(r: Responsibility) -> bool:
        return bool(r.people) and not r.lead and not r.support and r.in_prose

    def units_only(r: Responsibility) -> bool:
        return not r.people and bool(r.lead or r.support)

    return (people_only(a) and units_only(b)) or (units_only(a) and people_only(b))


def find_clause(text: str, conventions: Conventions = NO_CONVENTIONS) -> Responsibility | None:
    """All clauses of a paragraph merged into one, or None when it assigns nobody."""
    clauses = find_clauses(text, conventions)
    if not clauses:
        return None
    resp = Responsibility()
    for c in clauses:
        resp.merge(c)
    return resp


def clause_only(line: str, clauses: list[Responsibility]) -> bool:
    """Whether a line is nothing but its clauses (it then belongs to the task above it)."""
    if not clauses:
        return False
    rest = line
    for c in reversed(clauses):
        if c.span:
            rest = rest[: c.span[0]] + rest[c.span[1] :]
    rest = re.sub(r"[\u4e00-\u9fa5]{2,8}\s*[:：][^,，;；()（）]*", "", rest)  # other fields: 完成时限:2030年底
    return not re.sub(r"[\s。.;；,，()（）]", "", rest)


def is_clause_line(line: str, conventions: Conventions = NO_CONVENTIONS) -> bool:
    """A line that is nothing but a responsibility clause (it belongs to the task above it)."""
    return clause_only(line, find_clauses(line, conventions))


def cell_roles(text: str, role: str, conventions: Conventions = NO_CONVENTIONS) -> Responsibility:
    """The units of a table cell under a column of ``role``: written with verbs (``X牵头，Y配合``),
    marked (``X*  Y``) or a plain list (space-separated too)."""
    if has_verb_part(text):
        parts = role_parts(text, role, conventions)
        if parts is not None:
            return parts
    if role == "lead":
        lead, support = split_marked(text, spaces=True, conventions=conventions)
        return Responsibility(lead=lead, support=support)
    names = [_unmark(n) for n in split_names(text, spaces=True)]  # a unit marked as a lead in a column of others leads
    return Responsibility(lead=[n for n, marked in names if marked], support=[n for n, marked in names if not marked])


def heading_roles(title: str) -> Responsibility:
    """Who a group heading names as answering for its tasks: ``夏禹桨区长牵头重点工作`` (a person
    beside a post, with a heading verb), ``县发改局牵头的工作`` (units before the verb)."""
    from policykg.loaders.people import names_beside_posts

    resp = Responsibility()
    verbs = lexicon.words("roles.heading_verbs")
    if not any(v in title for v in verbs):
        return resp
    resp.people = [name for name, _ in names_beside_posts(title)]
    tails = "|".join(map(re.escape, lexicon.words("roles.heading_tails")))
    verb = "|".join(map(re.escape, verbs))
    m = re.match(rf"^(?P<names>[^:：。,，]+?)(?:{verb})(?:的)?(?:{tails})?(?:[(（][^()（）]*[)）])?$", title.strip())
    if m and not resp.people:
        names = split_names(m.group("names"))
        if names and all(looks_like_unit(n) for n in names):
            resp.lead, resp.support = split_marked(m.group("names"))
    return resp


def names_in_people_cell(text: str) -> list[str]:
    """People in a cell of a people column (names one per line or spaced, posts beside them)."""
    return [n for n in split_people(text) if looks_like_name(n)]
