"""PDF page layout -> paragraphs: drop page chrome, undo the hard wraps of a justified body.

A PDF has no paragraphs, only lines placed on a page, so the parsers would meet
``省发展改`` / ``革委`` and ``500`` / ``0家`` as separate lines, and a running header
and ``- 3 -`` between the two halves of a sentence that crosses a page. Two rules,
both read from positions, never from wording of one document:

* chrome: the first or last line of a page that is a page number (``- 3 -``,
  ``第3页``, ``3/10``) or that repeats at the edge of another page or anywhere
  else in the document (a running header that restates the title);
* wraps: a line that runs to the right margin of the body continues on the next
  line when that one starts at the left margin (a new paragraph is indented or
  starts with its number), unless the first ends a sentence. The right margin
  counts only when several lines reach it: a ragged page (no justified body) is
  never joined.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from policykg.loaders import lexicon

_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,3}\s*[.、．](?!\d)|第[一二三四五六七八九十\d]+(?:"
                       + "|".join(lexicon.words("numbering.pdf_part_words")) + r")|[①-⑳])")
_SENTENCE_END = ("。", "；", ";", "！", "!", "？", "?", "：", ":")
_MIN_JUSTIFIED = 3  # lines reaching the right margin before it counts as one


@dataclass(frozen=True)
class Line:
    """One line of a page as placed: its text, left and right edges and height (about the font size)."""

    text: str
    x0: float
    x1: float
    size: float
    table: bool = False  # a `` | `` row of a detected table: never joined


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_chrome(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without their running headers, footers and page numbers (first/last lines only).

    A page-edge line is chrome when it is a page number, when the same text (digits
    aside) stands at the edge of two or more other pages, or when a later page opens
    with one of the document's first lines (a running header restating the title).
    The first line of the first page is the title's place: only a page number there
    is chrome.
    """
    def edge_keys(page: list[Line]) -> set[str]:
        return {_mask(ln.text) for ln in page[:1] + page[-1:] if not ln.table}

    on_edges = Counter(key for page in pages for key in edge_keys(page))
    head = {_mask(ln.text) for ln in (pages[0][:3] if pages else []) if not ln.table}

    def chrome(line: Line, page_index: int, first: bool) -> bool:
        if line.table:
            return False
        if _PAGE_NUMBER.match(line.text.strip()):
            return True
        if first and page_index == 0:
            return False
        key = _mask(line.text)
        elsewhere = on_edges[key] - (key in edge_keys(pages[page_index]))
        return len(key) >= 4 and (elsewhere >= 2 or (first and page_index > 0 and key in head))

    out: list[list[Line]] = []
    for index, page in enumerate(pages):
        lines = list(page)
        while lines and chrome(lines[0], index, True):
            lines.pop(0)
        while lines and chrome(lines[-1], index, False):
            lines.pop()
        out.append(lines)
    return out


def join_wrapped(lines: list[Line]) -> list[str]:
    """Texts of the lines with hard-wrapped continuations joined to the line they continue."""
    body = [ln for ln in lines if not ln.table and ln.text.strip()]
    if not body:
        return [ln.text for ln in lines]
    size = sorted(ln.size for ln in body)[len(body) // 2]
    left = min(ln.x0 for ln in body)
    right = max(ln.x1 for ln in body)
    justified = sum(1 for ln in body if right - ln.x1 <= 1.2 * size) >= _MIN_JUSTIFIED
    out: list[str] = []
    prev: Line | None = None
    for ln in lines:
        if (
            justified
            and prev is not None
            and out
            and not prev.table
            and not ln.table
            and right - prev.x1 <= 1.2 * size
            and ln.x0 - left <= 0.5 * size
            and not prev.text.rstrip().endswith(_SENTENCE_END)
            and not _NUMBERED.match(ln.text.strip())
        ):
            glue = " " if prev.text[-1:].isascii() and prev.text[-1:].isalpha() and ln.text[:1].isascii() and ln.text[:1].isalpha() else ""
            out[-1] = out[-1].rstrip() + glue + ln.text.lstrip()
        else:
            out.append(ln.text)
        prev = ln
    return out
