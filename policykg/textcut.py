"""The part of a long text that tells a table's rows apart, for a terminal that cannot show it whole.

At 80 columns a table gives a task ten cells, and a plan's tasks open alike: 四是深入…,
深入实施…, ——坚持… (issue 20). Before such a text is cut, its list marker (一是, ——,
(一), 1.) goes, and so does the opening it shares with another row of the column (深入实施),
shown as ``…``; what stays is its first clause, then the rest, cut by the table. The
cell then reads ``…人才强国战略`` beside ``…可持续发展战略`` instead of two ``深入实施…``.
Only the terminal table does this: every other format carries the text whole.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

#: A list marker at the start of a task's text: 一是 / 二是, ——, (一) / （一）, 1. / 1、, 一、, ①.
MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|——+|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|"
                    r"[一二三四五六七八九十]+、|[①-⑳])\s*")
#: Where a first clause ends.
CLAUSE_END = re.compile(r"[，,；;。：:！!？?]")
#: A shared opening shorter than this is no opening (two tasks that both start with 加 are not alike).
MIN_SHARED = 2
ELLIPSIS = "…"


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def distinguishing(texts: list[str], width: int) -> list[str]:
    """Each text as its distinguishing part when it does not fit ``width`` cells; texts that fit stay."""
    if not any(cell_len(t) > width for t in texts):
        return texts
    bare = [MARKER.sub("", t, count=1) or t for t in texts]
    order = sorted(range(len(bare)), key=lambda k: bare[k])
    shared = [0] * len(bare)
    for a, b in zip(order, order[1:], strict=False):  # the longest opening a text shares is with a neighbour in order
        n = _shared(bare[a], bare[b])
        shared[a], shared[b] = max(shared[a], n), max(shared[b], n)
    out = []
    for text, plain, n in zip(texts, bare, shared, strict=True):
        if cell_len(text) <= width:
            out.append(text)
            continue
        rest = plain[n:] if n >= MIN_SHARED and plain[n:].strip() else plain
        clause = CLAUSE_END.split(rest, maxsplit=1)[0] or rest
        out.append((ELLIPSIS if rest is not plain else "") + clause)
    return out
