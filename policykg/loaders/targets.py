"""Quantitative targets and actuals: value in base units, unit, comparator, year.

Placeholder for the walking skeleton (``达/达到 N亿元`` only); the loaders issue
replaces it with the full number grammar.
"""

from __future__ import annotations

import re

from policykg.loaders.types import DocumentRecord, TargetRecord, TaskRecord
from policykg.ontology import ids

_SCALE = {"亿": 1e8, "万": 1e4, "万亿": 1e12, "千": 1e3}
_PHRASE = re.compile(r"([\u4e00-\u9fa5A-Za-z&]{2,20}?)(?:达到|达)(\d+(?:\.\d+)?)(万亿|亿|万|千)?(元|件|家|%)")


def extract_targets(text: str, tasks: list[TaskRecord], document: DocumentRecord) -> list[TargetRecord]:
    out: list[TargetRecord] = []
    for m in _PHRASE.finditer(text):
        value = float(m.group(2)) * _SCALE.get(m.group(3) or "", 1)
        owner = next((t for t in tasks if t.span[0] <= m.start() < t.span[1]), None)
        out.append(
            TargetRecord(
                id=ids.target_id(document.id, len(out)),
                indicator=m.group(1),
                value=value,
                unit=m.group(4),
                year=document.year,
                kind="target",
                comparator="=",
                raw=m.group(0),
                task_id=owner.id if owner else None,
                span=(m.start(), m.end()),
            )
        )
    return out
