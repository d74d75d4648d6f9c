"""Responsibility clauses: who leads, who supports, who answers for a task.

Plans assign work in a handful of wordings, and every one must land in the same
three lists (``lead``, ``support``, ``people``) so the graph can ask "who leads
what" across provinces and years:

* labelled: ``(责任人:A、B,牵头单位:X、Y,配合单位:Z)``; ``(牵头单位:X;责任单位:Y)``
  makes Y support (a 责任单位 after a 牵头单位 is co-responsible; alone it leads), ``责任单位:X``,
  ``牵头单位:X;配合单位:Y`` on a line of its own, ``(责任处室:X)``, ``(责任科室:X)``,
  ``(责任股室:X)`` (a county bureau's divisions are 股);
* State Council style: ``(X牵头，Y、Z按职责分工负责)``, ``(X牵头，Y参与)``, ``(X负责)``;
* table cells (``责任单位`` column), where units may also be separated by spaces.

Names are kept as the document writes them, with two exceptions the graph needs:
a shared-suffix composite (``杭州市、滨江区科技局(委)``) is expanded into its
parts, and people are names, never titles or collectives (``各位厅领导``).
Collective mentions (``有关处室``, ``各市、县(市、区)科技局(委)``) stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.loaders import lexicon

Span = tuple[int, int]

OPEN = "(（"
CLOSE = ")）"
_SEPARATORS = "、,，;；"

#: Label words and the role they assign (the lexicon's roles.yaml), longest first so
#: 协同配合单位 wins over 配合单位.
_LABEL_ROLES: dict[str, str] = lexicon.role_labels()
#: A cell or value that names no unit (配合单位: 无).
_NO_UNIT = frozenset(lexicon.no_unit_words())
#: Verbs after the names they govern (X牵头，Y按职责分工负责), longest first.
_VERB_ROLES: dict[str, str] = lexicon.role_verbs()
_LABEL = re.compile(
    "(" + "|".join(map(re.escape, sorted(_LABEL_ROLES, key=len, reverse=True))) + r")\s*[:：]"
)
#: ``【责任单位】市科技局``: a label in lenticular brackets instead of before a colon.
_BRACKET_LABEL = re.compile("[【\\[](" + "|".join(map(re.escape, sorted(_LABEL_ROLES, key=len, reverse=True))) + ")[】\\]]")
#: Any other field label inside a clause (完成时限:…), which ends the value before it.
_OTHER_LABEL = re.compile(r"\s*[\u4e00-\u9fa5]{2,6}\s*[:：]")
#: ``市科技局(牵头)`` in a list of responsible units marks the lead among them.
_LEAD_MARK = re.compile(r"\s*[(（]\s*牵头\s*[)）]$")
# One bracket group with at most one level of nesting: (各市、县(市、区)科技局(委)牵头)
_BRACKET = re.compile(r"[(（]((?:[^()（）]|[(（][^()（）]*[)）])*)[)）]+")
#: A clause part that ends in a role verb: ``省科技厅、工业和信息化厅按职责分工负责``.
_VERB_PART = re.compile("^(?:由)?(?P<names>.+?)(?P<verb>" + "|".join(map(re.escape, _VERB_ROLES)) + ")[。.]?$")
#: A names part's closing ``等单位`` / ``等有关部门`` before its verb.
_PART_ETC = re.compile(r"等(?:有关|相关|其他|其它)?(?:部门|单位|处室|科室|机构|成员单位)?$")

#: How a unit name may end. Used only to tell a list of units from prose in brackets.
_UNIT_END = re.compile("(" + "|".join(map(re.escape, lexicon.unit_endings())) + r")(?:[(（][^()（）]{1,6}[)）])?$")
#: A list's closing ``等`` with an optional collective noun: ``省财政厅等``, ``省教育厅等有关部门``.
_ETC = re.compile(r"等(?:(?:有关|相关|其他|其它)?(?:部门|单位|处室|科室|机构|成员单位))?$")
_COLLECTIVE = re.compile(r"^(各|有关|相关|其他|其它|全体|所属|直属)")

#: A bare place that shares the agency suffix of the next name: 杭州市、滨江区科技局(委).
_BARE_PLACE = re.compile(r"^各?[\u4e00-\u9fa5]{0,10}?(省|市|县|区|州|盟|旗)(?:[(（][^()（）]*[)）])?$")
_NOT_PLACE = re.compile(r"高新|开发|园|经济|新区|功能区|集聚区|示范区|试验区|实验区|自贸")
_PLACE_PREFIX = re.compile(r"^(.+?(?:自治区|省|市|县|区|州|盟|旗))(?=[\u4e00-\u9fa5])(.+)$")

#: Words that make a 责任人 entry a title or collective, not a person.
_NOT_PERSON = re.compile(
    r"领导|负责人|负责同志|班子|成员|党组|党委|常委|各位|全体|有关|相关|其他|各处|处室|单位|部门|主要|分管|同志们|人员|干部"
)
_TITLE_SUFFIX = re.compile(
    r"(同志|常务副厅长|副厅长|厅长|副局长|局长|副主任|主任|副处长|处长|副科长|科长|副书记|书记|副部长|部长|"
    r"副市长|市长|副县长|县长|副区长|区长|副巡视员|巡视员|副调研员|调研员|总工程师|总经济师|组长|副组长)$"
)
#: Posts written before a name: ``局党组书记、局长黄文辉``, ``二级巡视员刘强``, ``厅党组成员、机关党委书记郑伟``.
#: An optional body (厅/局/委…), party organ (党组, 机关党委…), grade (二级) and 常务/副, then the post.
_TITLE_PREFIX = re.compile(
    r"^(?:[厅局委办院市省区县])?(?:机关党委|党组|党委|纪检组|机关)?(?:[一二三四]级)?(?:常务)?副?"
    r"(?:厅长|局长|主任|书记|成员|巡视员|调研员|总工程师|总经济师|总会计师|总规划师|秘书长|处长|科长|部长|司长|"
    r"主席|市长|区长|县长|组长|院长|所长|委员|专员|总监)"
)
_BRACKETED_POST = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
#: A body and a post written before a name: the name is what follows the last post.
_POST_THEN_NAME = re.compile(
    r"^.*(?:副主任|主任|副局长|局长|副县长|县长|副区长|区长|副市长|市长|副书记|书记|副厅长|厅长|副处长|处长|副科长|科长|"
    r"副部长|部长|副司长|司长|副院长|院长|副所长|所长|副主席|主席|总工程师|总经济师|秘书长)([\u4e00-\u9fa5]{2,3})$")
_PERSON = re.compile(r"^[\u4e00-\u9fa5]{2,4}$|^[\u4e00-\u9fa5]{1,6}·[\u4e00-\u9fa5]{1,8}$")


@dataclass
class Responsibility:
    """One clause: its names by role and where it stands in the text it was found in."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    span: Span | None = None

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.people)

    def merge(self, other: Responsibility) -> None:
        """Add another clause's names (a task with two clauses answers to both)."""
        for mine, theirs in ((self.lead, other.lead), (self.support, other.support), (self.people, other.people)):
            mine.extend(n for n in theirs if n not in mine)
        if other.span is not None:
            self.span = other.span if self.span is None else (min(self.span[0], other.span[0]), max(self.span[1], other.span[1]))


# ---------------------------------------------------------------- names


def _split_top(value: str, separators: str) -> list[str]:
    """Split on separators outside brackets, so ``县(市、区)`` stays one piece."""
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


def _clean_name(name: str) -> str:
    """Trim list debris: spaces, stray brackets, a trailing 等, sentence marks."""
    name = name.strip().strip("。.:：\"“”'‘’")
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
        if collective:
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
    parts = [_clean_name(p) for p in _split_top(value, separators)]
    names = expand_composites([p for p in parts if p and p not in _NO_UNIT])
    seen: list[str] = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


def split_marked(value: str, *, spaces: bool = False) -> tuple[list[str], list[str]]:
    """(lead, support) of a responsible-units list: ``市科技局(牵头)、市财政局`` leads with one, supported by the rest.

    Without a ``(牵头)`` mark every unit listed leads.
    """
    names = split_names(value, spaces=spaces)
    marked = [n for n in names if _LEAD_MARK.search(n)]
    if not marked:
        return names, []
    return [_LEAD_MARK.sub("", n) for n in marked], [n for n in names if n not in marked]


def looks_like_unit(name: str) -> bool:
    """Whether a name reads as an organisation (or a collective of them), not prose."""
    return 1 < len(name) <= 30 and (bool(_UNIT_END.search(name)) or bool(_COLLECTIVE.match(name)) and len(name) <= 12)


def person_name(entry: str) -> str | None:
    """A person's name from a 责任人 entry, or None for titles and collectives.

    ``邱飞章副厅长`` -> ``邱飞章``; ``局长黄文辉`` -> ``黄文辉``; ``各位厅领导`` / ``厅领导`` /
    ``各处室负责人`` / a post alone (``党组成员``) -> None.
    """
    name = _BRACKETED_POST.sub("", entry.strip())  # 陈志强(党组成员、副局长): the post in brackets after the name
    if len(name) > 4 and (tail := _POST_THEN_NAME.match(name)):  # 湖头光电产业园管委会副主任郑少华
        name = tail.group(1)
    while (post := _TITLE_PREFIX.match(name)) and len(name) - post.end() >= 2:
        name = name[post.end() :].lstrip()
    if not name or _NOT_PERSON.search(name) or _TITLE_PREFIX.fullmatch(name):
        return None
    stripped = _TITLE_SUFFIX.sub("", name)
    if stripped != name and len(stripped) < 2:
        return None
    name = stripped
    return name if _PERSON.match(name) else None


def split_people(value: str, *, spaces: bool = True) -> list[str]:
    """Names in a 责任人 list: split on 、，; and spaces (``主任 李明华、副主任张卫``), posts dropped."""
    out: list[str] = []
    for part in _split_top(value, _SEPARATORS + (" \u3000" if spaces else "")):
        name = person_name(_clean_name(part))
        if name and name not in out:
            out.append(name)
    return out


# ---------------------------------------------------------------- clauses


def _ends_value(text: str, i: int, start: int) -> bool:
    """At bracket depth 0: a sentence or line end, the next known label, or another field (完成时限:)."""
    ch = text[i]
    if ch in "\n。" or (i > start and _LABEL.match(text, i)):
        return True
    return ch in _SEPARATORS and bool(_OTHER_LABEL.match(text, i + 1))


def _value_end(text: str, start: int) -> int:
    """Where a label's value ends: the next label, an unmatched closing bracket, 。 or the line end."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and _ends_value(text, i, start):
            return i
        i += 1
    return i


def has_verb_part(value: str) -> bool:
    """Whether a label's value is itself written with role verbs (责任单位：X牵头，Y配合)."""
    return any(_VERB_PART.match(p.strip().rstrip("。.")) for p in _split_top(value, ",，;；") if p.strip())


def _labelled(text: str) -> list[Responsibility]:
    """``(责任人:A,牵头单位:X,配合单位:Y)`` and bare ``责任单位:X`` clauses, in text order."""
    clauses: list[Responsibility] = []
    i = 0
    while (m := _LABEL.search(text, i)) is not None:
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
        while (lm := _LABEL.match(text, pos)) is not None:
            value_end = _value_end(text, lm.end())
            value = text[lm.end() : value_end]
            label = lm.group(1)
            role = _LABEL_ROLES[label]
            if role == "lead" and led and label.startswith("责任"):
                role = "support"
            led = led or (role == "lead" and label.startswith("牵头"))
            parts = role_parts(value, role) if role != "people" and has_verb_part(value) else None
            if parts is not None:
                resp.merge(parts)
            elif role == "people":
                resp.people.extend(n for n in split_people(value) if n not in resp.people)
            else:
                lead, support = split_marked(value) if role == "lead" else ([], split_names(value))
                resp.lead.extend(n for n in lead if n not in resp.lead)
                resp.support.extend(n for n in support if n not in resp.support)
            end = value_end
            pos = value_end
            while pos < len(text) and text[pos] in " \t" + _SEPARATORS:
                pos += 1
            if not _LABEL.match(text, pos):
                break
        if bracketed:  # swallow the closing bracket(s), doubled ones included
            while end < len(text) and text[end] in CLOSE + " ":
                end += 1
            end = len(text[:end].rstrip())
        resp.span = (start, end)
        if resp:
            clauses.append(resp)
        i = max(end, m.end())
    return clauses


def role_parts(body: str, default_role: str | None = None) -> Responsibility | None:
    """Names by role from a clause body written with verbs: ``X牵头，Y按职责分工负责，Z结合实际落实``.

    The body splits at top-level commas and semicolons into parts; a part ending in a
    role verb (the lexicon's ``roles.verbs``) gives its names that role, and a
    ``support_after_lead`` verb (负责, 按职责分工负责) leads when no lead came before it.
    A part without a verb takes ``default_role`` (a label's role), or makes the body no
    clause when there is none. None when the body assigns nobody.
    """
    resp = Responsibility()
    pending: list[str] = []  # verbless parts: the next verb governs them too (A、B，C按职责分工负责)

    def give(names_text: str, role: str) -> None:
        if role == "support_after_lead":
            role = "support" if resp.lead else "lead"
        if role == "people":
            resp.people.extend(n for n in split_people(names_text) if n not in resp.people)
        elif role == "lead":
            lead, support = split_marked(names_text)
            resp.lead.extend(n for n in lead if n not in resp.lead)
            resp.support.extend(n for n in support if n not in resp.support)
        else:
            resp.support.extend(n for n in split_names(names_text) if n not in resp.support)

    for part in _split_top(body.strip().rstrip("。."), ",，;；"):
        part = part.strip()
        if not part:
            continue
        m = _VERB_PART.match(part)
        if m is None:
            pending.append(part)
            continue
        role = _VERB_ROLES[m.group("verb")]
        if role == "support_after_lead" and not resp.lead:
            role = "lead"  # the first verb of the clause: everyone it governs leads
        for waiting in pending:
            give(waiting, role)
        pending.clear()
        give(_PART_ETC.sub("", m.group("names").strip()), role)
    if pending:
        if default_role is None:
            return None
        for waiting in pending:
            give(waiting, default_role)
    return resp if resp else None


def _verbal(text: str) -> list[Responsibility]:
    """``(X牵头，Y按职责分工负责)`` / ``(X牵头，Y参与)`` / ``(X负责)`` clauses in brackets."""
    clauses: list[Responsibility] = []
    for m in _BRACKET.finditer(text):
        body = m.group(1).strip()
        if _LABEL.search(body):
            continue
        resp = role_parts(body)
        if resp is None or not resp.lead or not all(looks_like_unit(n) for n in resp.lead + resp.support):
            continue
        resp.span = (m.start(), m.end())
        clauses.append(resp)
    return clauses


#: ``县发改局：负责…``: a unit before a colon, its duty after (the lexicon's roles.duty_verbs).
_DUTY = re.compile(r"^\s*(?P<unit>[^:：,，。;；()（）\s]{2,24}?)\s*[:：]\s*(?=" +
                   "|".join(map(re.escape, (e.word for e in lexicon.duty_verb_entries()))) + ")")


def _duty(text: str) -> list[Responsibility]:
    m = _DUTY.match(text)
    if m is None or m.group("unit") in _LABEL_ROLES:
        return []
    names = split_names(m.group("unit"))
    if not names or not all(looks_like_unit(n) for n in names):
        return []
    return [Responsibility(lead=names, span=(m.start("unit"), m.end()))]


def find_clauses(text: str) -> list[Responsibility]:
    """Every responsibility clause in a paragraph, in text order; spans are relative to ``text``."""
    text = _BRACKET_LABEL.sub(lambda m: m.group(1) + ": ", text)  # same length: spans stay valid
    found = _labelled(text) + _verbal(text) + _duty(text)
    found.sort(key=lambda r: r.span or (0, 0))
    out: list[Responsibility] = []
    for r in found:  # a verbal match inside a labelled clause is the same clause
        if out and r.span and out[-1].span and r.span[0] < out[-1].span[1]:
            continue
        out.append(r)
    return out


def find_clause(text: str) -> Responsibility | None:
    """All clauses of a paragraph merged into one, or None when it assigns nobody."""
    clauses = find_clauses(text)
    if not clauses:
        return None
    resp = Responsibility()
    for c in clauses:
        resp.merge(c)
    return resp


def is_clause_line(line: str) -> bool:
    """A line that is nothing but a responsibility clause (it belongs to the task above it)."""
    clauses = find_clauses(line)
    if not clauses:
        return False
    rest = line
    for c in reversed(clauses):
        if c.span:
            rest = rest[: c.span[0]] + rest[c.span[1] :]
    rest = re.sub(r"[\u4e00-\u9fa5]{2,6}\s*[:：][^,，;；()（）]*", "", rest)  # other fields: 完成时限:2030年底
    return not re.sub(r"[\s。.;；,，()（）]", "", rest)
