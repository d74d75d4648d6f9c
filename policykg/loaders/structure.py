"""Sections and tasks: the outline of a plan.

First cut for the walking skeleton: sections ``一、`` / ``(一)``, numbered tasks
``1.`` / ``1、``, and unnumbered paragraphs that carry their own responsibility
clause. The loaders issue extends it (sub-items, tables, other numberings).
"""

from __future__ import annotations

import re

from policykg.loaders.responsibility import find_clause
from policykg.loaders.types import SectionRecord, TaskRecord
from policykg.ontology import ids

_SECTION = re.compile(r"^\s*([一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)])\s*(.*)$")
_ROW = re.compile(r"^\s*(\d{1,3}) \| (.*)$")
_TASK = re.compile(r"^\s*(\d{1,3})\s*[.、．]\s*(?!\d)(.*)$")


def _title(text: str) -> str:
    m = re.search(r"[。;；]", text)
    return text[: m.start()] if m else text[:60]


def parse_outline(text: str, doc_id: str) -> tuple[list[SectionRecord], list[TaskRecord]]:
    sections: list[SectionRecord] = []
    tasks: list[TaskRecord] = []
    pos = 0
    last_numbered: TaskRecord | None = None
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead_ws = len(line) - len(line.lstrip())
        span = (start + lead_ws, start + len(line.rstrip()))
        section = sections[-1] if sections else None
        if (m := _SECTION.match(line)) and len(stripped) <= 60 and find_clause(stripped) is None:
            sections.append(SectionRecord(id=ids.section_id(doc_id, len(sections)), number=m.group(1), title=m.group(2).strip(), order=len(sections), span=span))
            continue
        if (row := _ROW.match(line)) is not None:
            cells = [c.strip() for c in row.group(2).split(" | ")]
            tasks.append(TaskRecord(id=ids.task_id(doc_id, len(tasks)), number=row.group(1), title=_title(cells[0]), text=cells[0],
                                    order=len(tasks), lead=cells[4].split() if len(cells) > 4 else [], span=span))
            continue
        m = _TASK.match(line)
        clause = find_clause(stripped)
        if not m and clause is None:
            continue
        body = m.group(2).strip() if m else stripped
        task = TaskRecord(
            id=ids.task_id(doc_id, len(tasks)),
            number=m.group(1) if m else "",
            section=section.title if section else None,
            section_id=section.id if section else None,
            parent_id=None if m or last_numbered is None else last_numbered.id,
            title=_title(body),
            text=body,
            order=len(tasks),
            span=span,
        )
        if clause:
            task.lead, task.support, task.people = clause.lead, clause.support, clause.people
            if clause.span:
                task.clause_span = (span[0] + clause.span[0], span[0] + clause.span[1])
        if m:
            last_numbered = task
        tasks.append(task)
    return sections, tasks
