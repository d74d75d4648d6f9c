"""One normalisation of the text, with a map back to the original offsets.

Every span in an Extraction points into this normalised text, and ``offsets`` maps
each of its characters back to the raw text the reader produced, so a span can
always be shown in the original.

What changes, and why:

* NFKC, character by character: full-width forms become ASCII (（）：，；％ -> ()::,;%,
  ２０１５ -> 2015), which the number and structure parsers expect; ㈠ becomes (一),
  ⑴ becomes (1). Chinese punctuation that NFKC leaves alone (、。“”《》) stays.
  Applying NFKC per character, not to the whole string, is what keeps the offset
  map exact (each output character comes from exactly one input character); the
  cost is that a base letter and a separate combining mark are not composed, which
  Chinese plans do not use.
* Circled numbers (①②, ㉑, ㊀) are kept: NFKC would turn ① into a bare 1, and the
  structure parser reads ① as a sub-item number distinct from 1.
* Whitespace runs inside a line fold to one space; a line's leading and trailing
  whitespace goes (the ideographic-space indents of Chinese paragraphs included).
* Line ends (``\\r\\n``, ``\\r``, U+2028/2029, U+0085, form feed, vertical tab)
  become ``\\n``; blank lines are kept, since they separate paragraphs.
* Tables laid out as text (cells separated by tabs or space runs, see
  ``texttables``) get the readers' `` | `` cell bar in place of each separator, and
  a cell wrapped onto a second line is joined back, since folding the whitespace
  would otherwise erase the columns.
* A PDF's page lines published each as a paragraph (a blank line after each, ``— 2 —`` between pages)
  are joined back where a line of the page's width stops mid-sentence (``hardwraps``), so a sentence
  and the bracketed clause that closes it are one paragraph again.
* A unit label standing alone on its line, its units on the next (``责任单位`` / ``卫健局、文旅局``: a two-column
  table flattened to lines), becomes one labelled line (``splitlabels``).
* One space between a Chinese character and a digit goes (``2021 年全县实现地区生产总值 340 亿元``):
  a PDF's text layer spaces Latin runs off from the ideographs, and the year, figure and unit
  parsers read ``2021年`` and ``340亿元``. A run of spaces stays (it may separate cells).
* Zero-width and format characters (BOM, ZWSP, soft hyphen…) and control
  characters are dropped: invisible, and they would split words for the parsers. A line
  holding nothing but zero-width characters inside a paragraph is a scraper's seam between
  two chunks of it: the lines around it are joined.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from policykg.loaders.hardwraps import find_hard_wraps
from policykg.loaders.splitlabels import find_split_labels
from policykg.loaders.texttables import find_text_tables

_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x85\x0b\x0c")


@dataclass(frozen=True)
class NormalisedText:
    """The normalised text and, for each of its characters, where it stood in the original."""

    text: str
    offsets: list[int]  # offsets[i]: index in the original text of text[i]
    original_length: int = -1  # len() of the original text; -1 when unknown

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) span in the original text behind ``text[start:end]``.

        A character that NFKC expanded (… -> ...) maps back whole; an empty span maps
        to the position of its character; spans past the end clamp to the end.
        """
        n = len(self.offsets)
        end_of_original = self.original_length if self.original_length >= 0 else (self.offsets[-1] + 1 if n else 0)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == n:
            return (end_of_original, end_of_original)
        if end == start:
            return (self.offsets[start], self.offsets[start])
        return (self.offsets[start], self.offsets[end - 1] + 1)


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    """What one character becomes: itself, its NFKC form, " " for whitespace, "" if dropped."""
    if ch.isascii():
        if ch == "\t" or ch == " ":
            return " "
        return ch if ch >= " " and ch != "\x7f" else ""
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf"):
        return " " if ch.isspace() else ""
    if ch.isspace():
        return " "
    if unicodedata.name(ch, "").startswith("CIRCLED"):
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    if folded.isspace():
        return " "
    if any(c.isspace() for c in folded):
        return ch  # e.g. a spacing diacritic whose NFKC form starts with a space: keep it whole
    return folded


#: Characters normalisation leaves as they are (printable ASCII but the space, CJK ideographs, the
#: Chinese punctuation NFKC keeps): a run of them is copied whole instead of character by character.
_PLAIN = re.compile("[!-~\u4e00-\u9fff\u3001\u3002\u300a-\u3011\u2018-\u201d]+")


#: A line holding only zero-width characters: where a scraped page (Wikisource's) joined two chunks of one
#: paragraph (…国内生产总值达到74.4 / ​ / 万亿元,增长6.7%). The text runs on across it.
_SPLICE = re.compile("[ \t\u3000]*[\u200b\u200c\u200d\u2060\ufeff]+[ \t\u3000]*(?:\r\n|\n|\r)")


#: A line that opens on a one- or two-digit number, just before a space (the line's list number).
_LINE_NUMBER = re.compile(r"(?:^|\n)[ \t\u3000]*\d{1,2}$")


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


#: A list number after a space (…县财政局 2.落实…): the space separates items, it is no typesetting gap.
_ITEM_NUMBER = re.compile(r"\d{1,2}[.、](?=[\u4e00-\u9fff])")


def _typeset_gap(before: str, raw: str, at: int, run: int) -> bool:
    """One space a PDF's text layer put between an ideograph and a digit (2021 年, 340 亿元); ``raw[at]``
    is the character after the space. A line's own list number (1 地区生产总值增长7%) keeps its space."""
    after = raw[at]
    if run != 1:
        return False
    if before.isdigit() and _cjk(after):
        return not _LINE_NUMBER.search(raw, 0, at - 1)
    return _cjk(before) and after.isdigit() and _ITEM_NUMBER.match(raw, at) is None


def normalise(raw: str) -> NormalisedText:
    """Normalise ``raw`` once (see the module docstring) and keep the offset map."""
    tables = find_text_tables(raw)
    if tables.rewrites.keys().isdisjoint(wraps := find_hard_wraps(raw)):
        tables.rewrites.update(wraps)  # a PDF's page lines, each a paragraph: joined back (none in a table)
    for at, rewrite in find_split_labels(raw).items():
        if not any(at <= k <= rewrite[0] for k in tables.rewrites):
            tables.rewrites[at] = rewrite  # 责任单位 / 卫健局、文旅局: one labelled line (not in a table)
    out: list[str] = []
    offsets: list[int] = []
    pending_space = -1  # original index of the first whitespace of a run not yet written
    space_run = 0  # how many whitespace characters that run has
    joined = False  # just after a dropped wrapped-cell line break: no space before the rest
    i, n = 0, len(raw)
    while i < n:
        if i in tables.rewrites:
            end, replacement = tables.rewrites[i]
            while out and out[-1] == " ":
                out.pop()
                offsets.pop()
            out.extend(replacement)
            offsets.extend([i] * len(replacement))
            pending_space = -1
            joined = not replacement  # a wrapped cell joined: no space before the rest
            if end > i:
                i = end
                continue
        if (plain := _PLAIN.match(raw, i)) is not None:  # rewrites start at whitespace, never inside a run
            if pending_space >= 0 and not _typeset_gap(out[-1][-1], raw, i, space_run):
                out.append(" ")
                offsets.append(pending_space)
            pending_space = -1
            joined = False
            out.append(plain.group())
            offsets.extend(range(i, plain.end()))
            i = plain.end()
            continue
        ch = raw[i]
        i += 1
        if ch in _LINE_BREAKS:
            if ch == "\r" and raw.startswith("\n", i):
                continue  # \r\n: the \n that follows writes the line end (or is dropped)
            if out and out[-1] != "\n" and (splice := _SPLICE.match(raw, i)) is not None:
                i = splice.end()  # a line of only a zero-width space inside a sentence: the page's seam
                continue
            while out and out[-1] == " ":
                out.pop()
                offsets.pop()
            out.append("\n")
            offsets.append(i - 1)
            pending_space = -1
            joined = False
            continue
        folded = _fold(ch)
        if not folded:
            continue
        if folded == " ":
            if out and out[-1] != "\n" and pending_space < 0 and not joined:
                pending_space, space_run = i - 1, 0
            space_run += 1
            continue
        if pending_space >= 0 and not _typeset_gap(out[-1][-1], raw, i - 1, space_run):
            out.append(" ")
            offsets.append(pending_space)
        pending_space = -1
        joined = False
        out.extend(folded)
        offsets.extend([i - 1] * len(folded))
    return NormalisedText("".join(out), offsets, len(raw))
