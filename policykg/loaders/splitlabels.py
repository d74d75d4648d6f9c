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
from policykg.loaders.roles import label_role
from policykg.loaders.texttables import content_lines, unit_line

#: A label cell: a few Chinese characters, nothing else on the line.
_LABEL_LINE = re.compile(r"[\u4e00-\u9fff]{2,8}")
#: A line of units is short; a longer one is a sentence.
_VALUE_MAX = 80


def _units_only(value: str) -> bool:
    """Whether a value line names only units, and is no label itself (a header's next cell, 责任单位)."""
    return len(value) <= _VALUE_MAX and label_role(value) is None and unit_line(value)


def find_split_labels(raw: str) -> dict[int, tuple[int, str]]:
    """For each unit label alone on its line whose next line names only units: (end of the label) ->
    (start of the value, ":"), the rewrite that makes them one labelled line."""
    out: dict[int, tuple[int, str]] = {}
    lines = [line for line in content_lines(raw) if line[2]]
    for (_, end, label), (start, _, value) in zip(lines, lines[1:], strict=False):
        if not _LABEL_LINE.fullmatch(label):
            continue
        if lexicon.role_labels().get(label) in ("lead", "support") and _units_only(value):
            out[end] = (start, ":")
    return out
