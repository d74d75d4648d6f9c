"""Responsibility clauses: who leads, who supports, who answers for a task.

Handles ``(责任人:A、B,牵头单位:X、Y,配合单位:Z)``; the loaders issue adds the
other wordings (``X牵头，Y按职责分工负责``, ``责任单位:X``, table columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CLAUSE = re.compile(r"[(]\s*(责任人|牵头单位)[:：][^()]*(?:[(][^()]*[)][^()]*)*[)]+\s*$")
_FIELD = re.compile(r"(责任人|牵头单位|配合单位)[:：]")
# A composite name keeps its own 、 inside brackets: 各市、县(市、区)科技局(委)
_SPLIT = re.compile(r"[、,，;；]")


@dataclass
class Responsibility:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    span: tuple[int, int] | None = None


def split_names(value: str) -> list[str]:
    """Split a list of names on 、 and commas, keeping parenthesised parts whole."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in value:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and _SPLIT.match(ch):
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip().strip("()") if p.count("(") < p.count(")") else p.strip() for p in parts if p.strip()]


def find_clause(paragraph: str) -> Responsibility | None:
    m = _CLAUSE.search(paragraph)
    if not m:
        return None
    body = m.group(0).strip()[1:].rstrip(")")
    resp = Responsibility(span=(m.start(), m.end()))
    marks = list(_FIELD.finditer(body))
    for i, mk in enumerate(marks):
        value = body[mk.end() : marks[i + 1].start() if i + 1 < len(marks) else len(body)]
        names = split_names(value)
        if mk.group(1) == "责任人":
            resp.people = names
        elif mk.group(1) == "牵头单位":
            resp.lead = names
        else:
            resp.support = names
    return resp
