"""Table rows as tasks: header names find the columns, cell content fixes misalignments.

The readers hand tables over as lines of cells joined by `` | `` (one line per
row). A header row is recognised by its column names (重点工作任务, 完成情况,
责任单位, …), not by its position, and every following row with a task cell is a
task. Rows often do not line up with their header (merged cells, an empty
column dropped or shifted), so the responsibility column is confirmed by its
content (a list of unit names) and the other cells are placed relative to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.loaders import lexicon
from policykg.loaders.responsibility import (
    has_verb_part,
    looks_like_unit,
    role_parts,
    split_marked,
    split_names,
    split_people,
)

Span = tuple[int, int]

# Column roles (the lexicon's columns.yaml), matched against a header cell with whitespace and a
# trailing note "(不超过300字)" removed. Order matters: the first role whose name the cell
# contains wins (目标任务 before 任务).
_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = lexicon.column_roles()
_TASK_NAMES: tuple[str, ...] = dict(_ROLES)["task"]
_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_NUMBER_CELL = re.compile(r"^[(（]?[0-9一二三四五六七八九十]{1,4}[)）.、]?$")
_PROBLEM_WORDS = re.compile(r"问题|不足|困难|尚未|滞后|较慢|偏慢|有待|不够|不到位|制约|短板|瓶颈|难以|缺乏|薄弱")


@dataclass
class Cell:
    text: str
    span: Span


@dataclass
class TableRow:
    """One body row, read by column role."""

    number: str
    task: str
    task_span: Span
    span: Span  # the whole row, so facts in any cell trace to it
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    lead_span: Span | None = None


def is_table_line(line: str) -> bool:
    """A row of two or more cells: ``a | b |`` (the readers' convention) or ``a | b | c``."""
    line = line.rstrip()
    return line.count(" | ") >= 2 or (" | " in line and line.endswith(" |"))


def unwrap_single_cell(line: str) -> str:
    """A one-cell row (a table's title, a merged row) is plain text: ``标题 |`` -> ``标题``."""
    stripped = line.rstrip()
    while stripped.endswith(" |") and " | " not in stripped[:-2]:
        stripped = stripped[:-2].rstrip()
    return stripped if stripped != line.rstrip() else line


def split_cells(line: str, offset: int = 0) -> list[Cell]:
    """Cells of a row with their spans; the empty cell made by a leading/trailing bar is dropped."""
    cells: list[Cell] = []
    start = 0
    for piece in line.split("|"):
        end = start + len(piece)
        lead_ws = len(piece) - len(piece.lstrip())
        text = piece.strip()
        cells.append(Cell(text, (offset + start + lead_ws, offset + start + lead_ws + len(text))))
        start = end + 1
    if cells and not cells[-1].text and line.rstrip().endswith("|"):
        cells.pop()
    if cells and not cells[0].text and line.lstrip().startswith("|"):
        cells.pop(0)
    return cells


def column_role(name: str, *, exact: bool = False) -> str | None:
    """The role of a header cell, or None when the name is no known column; ``exact`` accepts
    only a cell that is a column name (a title such as 重点工作任务分解表 is not)."""
    key = _NOTE.sub("", re.sub(r"\s+", "", name))
    if not key or len(key) > 16:
        return None
    for role, names in _ROLES:
        if key in names:
            return role
    if exact:
        return None
    for role, names in _ROLES:
        if any(n in key for n in names if len(n) >= 2):
            return role
    return None


def header_roles(cells: list[Cell]) -> list[str | None] | None:
    """Column roles when the row is a header: two known columns, one of them a task or a unit column."""
    roles = [column_role(c.text) for c in cells]
    known = [r for r in roles if r]
    if len(known) < 2 or not ({"task", "lead", "目标任务", "完成情况"} & set(known)):
        return None
    _demote_co_responsible(cells, roles)
    _keep_one_task_column(cells, roles)
    if "task" not in roles:  # no task column by name: the first unnamed or 目标任务 column carries the task
        for i, r in enumerate(roles):
            if r is None or r == "目标任务":
                roles[i] = "task"
                break
    return roles


def _demote_co_responsible(cells: list[Cell], roles: list[str | None]) -> None:
    """A 责任单位 column beside a 牵头单位 column names co-responsible units: support.

    The same rule as in clauses (``牵头单位:X;责任单位:Y``): alone, 责任单位 leads; next to
    a 牵头 column the lead is already named and the 责任 column lists those who carry it out.
    """
    keys = [re.sub(r"\s+", "", c.text) for c in cells]
    if not any(r == "lead" and k.startswith("牵头") for r, k in zip(roles, keys, strict=False)):
        return
    for i, (r, k) in enumerate(zip(roles, keys, strict=False)):
        if r == "lead" and k.startswith("责任"):
            roles[i] = "support"


def _task_rank(name: str) -> int:
    key = re.sub(r"\s+", "", name)
    return next((i for i, n in enumerate(_TASK_NAMES) if n in key), len(_TASK_NAMES))


def _keep_one_task_column(cells: list[Cell], roles: list[str | None]) -> None:
    """Of two task-like columns (事项 and 具体任务) the more specific one is the task; the other
    is kept as a field of the row (its ``context``)."""
    tasks = [i for i, r in enumerate(roles) if r == "task"]
    if len(tasks) < 2:
        return
    best = min(tasks, key=lambda i: (_task_rank(cells[i].text), i))
    for i in tasks:
        if i != best:
            roles[i] = "context"


def _unit_cell(text: str) -> bool:
    names = split_names(text, spaces=True)
    return bool(names) and len(text) <= 80 and all(looks_like_unit(n) for n in names)


def _anchor(cells: list[Cell], roles: list[str | None]) -> tuple[int, int] | None:
    """(header index, row index) of the lead column: by name, confirmed or corrected by content."""
    if "lead" not in roles:
        return None
    h = roles.index("lead")
    if h < len(cells) and _unit_cell(cells[h].text):
        return h, h
    for dist in range(1, len(cells)):
        for r in (h - dist, h + dist):
            if 0 <= r < len(cells) and _unit_cell(cells[r].text):
                return h, r
    return None


def _place(cells: list[Cell], roles: list[str | None]) -> dict[str, Cell]:
    """Map row cells to roles, aligned on the lead column when the row is shifted."""
    placed: dict[str, Cell] = {}
    anchor = _anchor(cells, roles)
    if anchor is None or anchor[0] == anchor[1]:
        pairs = list(zip(roles, cells, strict=False))
    else:
        # The number and task columns open a row and stay put; the cells between them and the
        # unit cell align right-to-left with the header before it, cells after it left-to-right.
        h, r = anchor
        fixed = 0
        while fixed < min(2, h, r) and roles[fixed] in ("number", "task"):
            fixed += 1
        pairs = [(roles[h], cells[r])]
        pairs += [(roles[i], cells[i]) for i in range(fixed)]
        pairs += [(roles[h - k], cells[r - k]) for k in range(1, r - fixed + 1) if h - k >= fixed]
        pairs += [(roles[h + k], cells[r + k]) for k in range(1, len(cells) - r) if h + k < len(roles)]
    for role, cell in pairs:
        if role and cell.text and role not in placed:
            placed[role] = cell
    _fix_problem_column(placed)
    return placed


def _fix_problem_column(placed: dict[str, Cell]) -> None:
    """A 存在问题 cell that names no problem while 下一步打算 is empty holds the next steps."""
    problem = placed.get("存在问题")
    if problem and "下一步打算" not in placed and not _PROBLEM_WORDS.search(problem.text[:60]):
        placed["下一步打算"] = placed.pop("存在问题")


def read_row(cells: list[Cell], roles: list[str | None], span: Span) -> TableRow | None:
    """A task from a body row, or None for an empty or repeated-header row."""
    if header_roles(cells) is not None:
        return None
    placed = _place(cells, roles)
    task = placed.get("task")
    if task is None or _NUMBER_CELL.match(task.text):
        return None
    number = placed["number"].text if "number" in placed and _NUMBER_CELL.match(placed["number"].text) else ""
    row = TableRow(number=number.strip("()（）.、"), task=task.text, task_span=task.span, span=span)
    if lead := placed.get("lead"):
        parts = role_parts(lead.text, "lead") if has_verb_part(lead.text) else None
        if parts is not None:  # 省经信厅、省科技厅按职责分工负责 / X牵头，Y配合 in the cell
            row.lead, row.support = list(parts.lead), list(parts.support)
        else:
            row.lead, row.support = split_marked(lead.text, spaces=True)
        row.lead_span = lead.span
    if support := placed.get("support"):
        row.support += [n for n in split_names(support.text, spaces=True) if n not in row.support]
    if people := placed.get("people"):
        row.people = split_people(people.text)
    for role, cell in placed.items():
        if role not in ("task", "number", "lead", "support", "people"):
            row.fields[role] = cell.text
    return row
