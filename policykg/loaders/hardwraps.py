"""Paragraphs a PDF broke at its page width, each line published as a paragraph of its own.

A ministry's PDF copied into a web page often reaches us with every line of the page a line of
the text and a blank line after each (``…按职责分工`` / blank / ``负责)``), page numbers (``— 2 —``)
standing between. Read as it stands, each line is a paragraph: a sentence, and the responsibility
clause that closes it, are cut in two. Such a text is recognised by its lines: most long lines
have the same width (the page's), and a line of that width that stops mid-sentence runs on in the
next line. Only in such a text are those lines joined back (and a page number between them
dropped); a text whose paragraphs are lines of any length is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter

from policykg.loaders.texttables import content_lines

#: A page's line is at least this many characters wide (a list of names or a table's cells is narrower).
_MIN_WIDTH = 20
#: How much a full line may differ from the page width (digits and Latin letters are narrower, punctuation wider).
_SLACK = 2
#: How many broken lines make a text a broken page; and what share of its full-width lines they must be.
_MIN_BREAKS = 8
_MIN_SHARE = 0.6
#: Where a sentence, a clause list or a heading ends: a line that ends so is a paragraph's last.
_ENDS = ("。", "！", "？", "；", "：", "!", "?", ";", ":")
#: A page number standing on its own line between two halves of a paragraph: — 2 —, - 12 -.
_PAGE_MARK = re.compile(r"^[—\-－–]\s*\d{1,3}\s*[—\-－–]$")
#: A line that opens a new item or heading, never the rest of a paragraph: 一、 (二) 3. ①.
_OPENS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|[①-⑳])")


def find_hard_wraps(raw: str) -> dict[int, tuple[int, str]]:
    """Where ``raw`` is a broken page: for each line that runs on, (end of its content) -> (start of the next
    line's content, ""), the rewrite that joins them. Empty when ``raw`` is no such text."""
    lines = content_lines(raw)
    widths = Counter(len(c) for _, _, c in lines if len(c) >= _MIN_WIDTH // 2)
    if not widths:
        return {}
    width = widths.most_common(1)[0][0]
    if width < _MIN_WIDTH:
        return {}
    full = [i for i, (_, _, c) in enumerate(lines) if width - _SLACK <= len(c) <= width + _SLACK and not c.endswith(_ENDS)]
    joins: dict[int, tuple[int, str]] = {}
    for i in full:
        j, gap = i + 1, False
        while j < len(lines) and (not lines[j][2] or _PAGE_MARK.match(lines[j][2])):
            gap = True
            j += 1
        if gap and j < len(lines) and not _OPENS_ITEM.match(lines[j][2]):
            joins[lines[i][1]] = (lines[j][0], "")
    if len(joins) < _MIN_BREAKS or len(joins) < _MIN_SHARE * len(full):
        return {}
    return joins
