"""One normalisation of the text, with a map back to the original offsets.

Full-width forms become half-width (NFKC), whitespace runs inside a line fold to
one space, and line ends become ``\n``. Every span in an Extraction points into
this normalised text; ``offsets`` maps each of its characters back to the source.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class NormalisedText:
    text: str
    offsets: list[int]  # offsets[i]: index in the original text of text[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.offsets):
            return (len(self.offsets), len(self.offsets))
        last = self.offsets[end - 1] + 1 if end > start else self.offsets[start]
        return (self.offsets[start], last)


def normalise(raw: str) -> NormalisedText:
    out: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for i, ch in enumerate(raw):
        if ch in "\r\n":
            if ch == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
                continue
            while out and out[-1] == " ":
                out.pop()
                offsets.pop()
            out.append("\n")
            offsets.append(i)
            pending_space = -1
            continue
        folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        if not folded or folded.isspace() or ch in "\ufeff\u200b":
            if ch not in "\ufeff\u200b" and out and out[-1] != "\n":
                pending_space = i if pending_space < 0 else pending_space
            continue
        if pending_space >= 0:
            out.append(" ")
            offsets.append(pending_space)
            pending_space = -1
        for c in folded:
            out.append(c)
            offsets.append(i)
    return NormalisedText("".join(out), offsets)
