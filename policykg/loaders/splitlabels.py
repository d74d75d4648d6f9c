"""A role's label standing alone on its line, its value on the next: ``责任单位`` / ``卫健局、文旅局``.

A page's two-column table (a label cell, then its value cell) flattened to text puts each cell on a line
of its own, and a line holding only ``责任单位`` assigns no one. Where such a label (one of the lexicon's
unit labels, lead or support) stands alone and the next line that is not blank names only units,
normalisation writes the two as one labelled line (``责任单位:卫健局、文旅局``), which the role stage reads
as any other. A label followed by anything else (a table's next header cell, a row number, a sentence)
is left alone; so are people labels (组长 / 张三 …), whose lists the outline reads line by line.
"""

from __future__ import annotations

import re

from policykg.loaders import lexicon
from policykg.loaders.roles import label_role, looks_like_unit, split_names

#: A label cell: a few Chinese characters, nothing else on the line.
_LABEL_LINE = re.compile(r"[\u4e00-\u9fff]{2,8}")
_EDGE = " \t\u3000\r"


def _units_only(value: str) -> bool:
    """Whether a value line names only units, and is no label itself (a header's next cell, 责任单位)."""
    if len(value) > 80 or value.endswith(("。", "；", ";")) or label_role(value) is not None:
        return False
    names = split_names(value, spaces=True)
    return bool(names) and all(looks_like_unit(n) for n in names)


def find_split_labels(raw: str) -> dict[int, tuple[int, str]]:
    """For each unit label alone on its line whose next line names only units: (end of the label) ->
    (start of the value, ":"), the rewrite that makes them one labelled line."""
    out: dict[int, tuple[int, str]] = {}
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in raw.split("\n"):
        content = line.strip(_EDGE)
        start = pos + (len(line) - len(line.lstrip(_EDGE)))
        if content:
            lines.append((start, start + len(content), content))
        pos += len(line) + 1
    for (_, end, label), (start, _, value) in zip(lines, lines[1:], strict=False):
        if not _LABEL_LINE.fullmatch(label):
            continue
        if label in lexicon.role_labels() and label_role(label) in ("lead", "support") and _units_only(value):
            out[end] = (start, ":")
    return out
