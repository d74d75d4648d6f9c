"""One script for the parsers: traditional characters read as simplified, mirrors' pinyin dropped.

Plans reach us in traditional characters (a Hong Kong mirror, a Big5 page: ``牽頭單位``,
``億元``) and, from some mirror sites, with the pinyin of a character inserted after it
(``關(guān)于``, ``經(jīng)貿(mào)委``). The lexicon and every rule are written once, in simplified
characters; so the parsers read a *folded* copy of the text: converted to simplified with
OpenCC (the maintained converter, phrase-aware, rather than a table of our own) and with the
inserted pinyin removed. Spans found in the folded copy map back to the text the document
shows (``Folded.to_display``), so evidence, task texts and names stay as the document writes
them (``牽頭單位:市經(jīng)貿(mào)委`` keeps its spelling; its unit is found all the same).

A simplified text is left alone: OpenCC's ``t2s`` changes a few characters of ordinary
simplified prose too (names, rare forms), so the conversion runs only when the text is in
traditional script (a share of its Chinese characters change, see ``TRADITIONAL_SHARE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import overload

#: Share of Chinese characters t2s changes above which a text is read as traditional. A
#: simplified plan changes well under 1 % (a quoted place name, 乾/於 in names); a traditional
#: one 15-30 %.
TRADITIONAL_SHARE = 0.04
#: A syllable of pinyin with its tone mark, in brackets right after a character (關(guān)).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\(([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,5})\)")


@cache
def _converter() -> object:
    import opencc  # imported on first use: a simplified corpus never needs it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in simplified characters (same length where OpenCC keeps it, as it does for
    nearly every phrase). For short strings: header cells, lexicon look-ups."""
    if not text or text.isascii():
        return text
    return str(_converter().convert(text))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Folded:
    """The parsers' copy of a text and, per character, where it stands in the displayed text.

    ``source`` is None when no character was dropped, so every position maps to itself (the
    common case; a traditional text converted character for character is one too).
    """

    text: str
    source: tuple[int, ...] | None
    display_length: int

    @property
    def identity(self) -> bool:
        """The same positions (the text itself may differ: traditional made simplified)."""
        return self.source is None

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) span of the displayed text behind ``text[start:end]``; an inserted
        pinyin between two characters of the span is inside the displayed span."""
        if self.source is None:
            return (start, end)
        n = len(self.source)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if start >= n:
            return (self.display_length, self.display_length)
        if end <= start:
            return (self.source[start], self.source[start])
        return (self.source[start], self.source[end - 1] + 1)

    def to_folded(self, pos: int) -> int:
        """The folded position of a displayed one (the first folded character at or after it)."""
        if self.source is None:
            return pos
        lo, hi = 0, len(self.source)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.source[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


#: Chinese characters the script test reads: a document is in one script, its opening tells.
_SAMPLE = 3000
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def _cjk_opening(text: str, n: int = _SAMPLE) -> str:
    """The first ``n`` Chinese characters of ``text``, read chunk by chunk from its start (listing
    every Chinese character of a long text only to keep 3000 cost more than the conversion)."""
    out: list[str] = []
    found = 0
    step = 2 * n
    for pos in range(0, len(text), step):
        chunk = _NOT_CJK.sub("", text[pos : pos + step])
        out.append(chunk)
        found += len(chunk)
        if found >= n:
            break
    return "".join(out)[:n]


def is_traditional(text: str) -> bool:
    """Whether a share of the text's Chinese characters are traditional forms."""
    sample = _cjk_opening(text)
    if len(sample) < 4:
        return False
    converted = to_simplified(sample)
    if converted == sample:  # a simplified text, the common case
        return False
    if len(converted) != len(sample):
        return True
    changed = sum(a != b for a, b in zip(sample, converted, strict=True))
    return changed >= max(2, TRADITIONAL_SHARE * len(sample))


def fold(text: str) -> Folded:
    """The parsers' copy of ``text``: pinyin insertions dropped, traditional script made simplified."""
    kept: list[int] = []
    pieces: list[str] = []
    last = 0
    for m in _PINYIN.finditer(text):
        pieces.append(text[last : m.start()])
        kept.extend(range(last, m.start()))
        last = m.end()
    if not pieces:
        folded, source = text, None
    else:
        pieces.append(text[last:])
        kept.extend(range(last, len(text)))
        folded, source = "".join(pieces), kept
    if is_traditional(folded):
        converted = to_simplified(folded)
        if len(converted) != len(folded):  # a phrase changed length: convert character by character
            converted = "".join(c2 if len(c2 := to_simplified(ch)) == 1 else ch for ch in folded)
        folded = converted
    return Folded(folded, tuple(source) if source is not None else None, len(text))


@overload
def blank(text: str, spans: list[tuple[int, int]]) -> str: ...
@overload
def blank(text: Folded, spans: list[tuple[int, int]]) -> Folded: ...


def blank(text: str | Folded, spans: list[tuple[int, int]]) -> str | Folded:
    """The text with each span replaced by spaces (same length, so every span and map stays valid)."""
    source = text.text if isinstance(text, Folded) else text
    if not spans:
        return text
    chars = list(source)
    for s, e in spans:
        for i in range(s, min(e, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    out = "".join(chars)
    return replace(text, text=out) if isinstance(text, Folded) else out


def canonical(name: str) -> str:
    """A name as the graph identifies it: mirrors' pinyin dropped, simplified script (市經(jīng)貿(mào)委 and
    市经贸委 are one unit). The written form stays the mention."""
    return to_simplified(_PINYIN.sub("", name))
