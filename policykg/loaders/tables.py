"""The one table model: a header of typed columns, rows of cells with spans.

Whatever layout a table arrived in (HTML, XLSX/CSV, DOCX, a pipe table, columns aligned with
spaces or tabs, one cell per line with wrapped headers and empty cells), the readers and
``texttables`` lay it out as lines of cells joined by `` | ``; ``read_tables`` reads those lines
into ``Table`` objects once, and every stage asks the table what it needs:

* the outline takes each body row as a task (``Row``: its task cell, units, people, fields);
* the figures stage asks which column a number stands in (``Document.cell_at``): a results
  column (完成情况) holds actuals, an indicator table's year column (``2016年完成`` /
  ``2017年预期目标``) holds a bare number of that year and kind, with the unit in the row label.

A header is recognised by its column names (the lexicon's ``columns.yaml``: 重点工作任务,
牵头单位, 完成情况, 指标, …), never by position. Rows often do not line up with their header
(merged cells, an empty column dropped or shifted), so the unit column is confirmed by its
content (a list of unit names) and the other cells are placed relative to it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from policykg.loaders import lexicon
from policykg.loaders.roles import (
    NO_CONVENTIONS,
    Conventions,
    Responsibility,
    cell_roles,
    demote_co_responsible,
    find_clauses,
    label_role,
    looks_like_unit,
    split_names,
    split_people,
)
from policykg.ontology.script import to_simplified

Span = tuple[int, int]

# Column roles (the lexicon's columns.yaml), matched against a header cell with whitespace and a
# trailing note "(不超过300字)" removed. Order matters: the first role whose name the cell
# contains wins (目标任务 before 任务).
_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = lexicon.column_roles()
_TASK_NAMES: tuple[str, ...] = dict(_ROLES)["task"]
#: Roles whose cells report what was done: a figure there is an actual.
RESULT_ROLES = frozenset(lexicon.column_result_roles())
_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_ITEM_CELL = re.compile(r"^[(（]\d{1,2}[)）]\S")
_NUMBER_CELL = re.compile(r"^[(（]?[0-9一二三四五六七八九十]{1,4}[)）.、]?$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: A unit in brackets at the end of a row label or column name: 研发投入(亿元), 完成率(%).
LABEL_UNIT = re.compile(r"[(（]([^()（）]{1,6})[)）]\s*$")
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
#: A column of figures: named by a year and a kind (2016年完成, 2017年预期目标) in an indicator table, or by a
#: kind alone (年投资计划) in a figure-only table; numbers, never a task.
FIGURE_COLUMN = "figures"
_DITTO = frozenset(lexicon.words("columns.ditto"))
INDICATOR_COLUMN = "indicator"


@dataclass(frozen=True)
class Cell:
    text: str
    span: Span


@dataclass(frozen=True)
class Column:
    """One header cell: its name as written, the role the lexicon gives it, and for an indicator
    table's year column the year and kind of the figures under it."""

    index: int
    name: str
    role: str | None
    year: int | None = None
    figures: str | None = None  # "actual" | "target" for a year column

    @property
    def results(self) -> bool:
        return self.role in RESULT_ROLES


@dataclass
class Row:
    """One body row, read by column role."""

    cells: list[Cell]
    span: Span  # the whole row, so facts in any cell trace to it
    number: str = ""
    task: Cell | None = None
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    lead_span: Span | None = None
    columns: list[Column | None] = field(default_factory=list)  # the column each cell was placed in


@dataclass
class Table:
    """A header and the rows under it, in the order of the text."""

    columns: list[Column]
    header_span: Span
    rows: list[Row] = field(default_factory=list)
    header_cells: list[Cell] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return (self.header_span[0], self.rows[-1].span[1] if self.rows else self.header_span[1])

    @property
    def indicator_table(self) -> bool:
        return any(c.role == INDICATOR_COLUMN for c in self.columns) and any(c.figures for c in self.columns)


# ---------------------------------------------------------------- lines and cells


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


# ---------------------------------------------------------------- the header


@cache
def column_role(name: str, *, exact: bool = False) -> str | None:
    """The role of a header cell, or None when the name is no known column; ``exact`` accepts
    only a cell that is a column name (a title such as 重点工作任务分解表 is not)."""
    key = _NOTE.sub("", re.sub(r"\s+", "", to_simplified(name)))
    if not key or len(key) > 16:
        return None
    for role, names in _ROLES:
        if key in names:
            return role
    if _figure_column(key) is not None:
        return FIGURE_COLUMN
    if (by_words := _role_by_words(key)) is not None:
        return by_words
    if exact or _RATE_NAME.search(key):
        return None  # 任务完成率: a column of rates, though a column's word (任务) stands in its name
    for role, names in _ROLES:
        if any(n in key for n in names if len(n) >= 2):
            return role
    return None


#: A column name that ends in a share word (完成率, 比例): its cells are rates, never tasks or units.
_RATE_NAME = re.compile(f"(?:{lexicon.alternation('figures.share_words')})$")


def _role_by_words(name: str) -> str | None:
    """A header the lexicon lacks, read like a label by its words: 牵头负责部门 leads, 协办单位 supports,
    区政府分管领导 names people."""
    from policykg.loaders.roles import label_role

    role = label_role(name)
    return role if role in ("lead", "support", "people") else None


def _figure_column(name: str) -> tuple[int, str] | None:
    """(year, kind) of a column such as 2016年完成 / 2017年预期目标, else None."""
    year = _YEAR.search(name)
    if year is None or len(name) > 12:
        return None
    kinds = lexicon.figure_column_kinds()
    found = {kind for kind, words in kinds.items() if any(w in name for w in words)}
    return (int(year.group(1)), found.pop()) if len(found) == 1 else None


def header_columns(cells: list[Cell]) -> list[Column] | None:
    """The typed columns when the row is a header, else None.

    A header names two known columns, one of them a task, unit or results column; or it is an
    indicator table's (an indicator column and year columns).
    """
    roles = [column_role(c.text) for c in cells]
    known = [r for r in roles if r]
    if len(known) < 2:
        return _figure_table_columns(cells, roles)
    indicator = INDICATOR_COLUMN in known and FIGURE_COLUMN in known
    if not indicator and not ({"task", "lead", "目标任务"} | RESULT_ROLES) & set(known):
        return None
    if indicator:
        roles = [r if r in (INDICATOR_COLUMN, FIGURE_COLUMN, "number") else None for r in roles]
    else:
        roles = [r if r != FIGURE_COLUMN else "目标任务" for r in roles]
        _demote_co_responsible(cells, roles)
        _keep_one_task_column(cells, roles)
        if "task" not in roles:  # no task column by name: the first unnamed or 目标任务 column carries the task
            for i, r in enumerate(roles):
                if r is None or r == "目标任务":
                    roles[i] = "task"
                    break
    columns = []
    for i, (cell, role) in enumerate(zip(cells, roles, strict=True)):
        year_kind = _figure_column(re.sub(r"\s+", "", to_simplified(cell.text))) if role == FIGURE_COLUMN else None
        columns.append(Column(i, cell.text, role, *(year_kind or (None, None))))
    return columns


def figure_kind(name: str) -> str | None:
    """The kind of figure a column's name says (年度投资计划: target; 1-9月完成投资额: actual); the first word wins
    (计划完成投资 is planned), but a rate is of its last (年计划投资完成率 is how much was done)."""
    found = [(name.rfind(w) if name.endswith(_RATE) else -name.find(w), kind)
             for kind, words in lexicon.figure_column_kinds().items() for w in words if w in name]
    return max(found)[1] if found else None


_RATE = "率"


#: Below this many columns that say a figure kind, a header without role columns is no figure table.
_FIGURE_TABLE_MIN = 2


def _figure_table_columns(cells: list[Cell], roles: list[str | None]) -> list[Column] | None:
    """A progress table of figures only (隶属 | 项目个数 | 年投资计划 | 完成投资额): no task, unit or people
    column, at least two columns saying a kind of figure after a first column of labels. Its rows are
    labels and numbers for the figure stage (``tablefigures``), never tasks: the first column is context."""
    if any(r in ("lead", "support", "people") for r in roles) or len(cells) < 3:
        return None
    names = [re.sub(r"\s+", "", to_simplified(c.text)) for c in cells]
    if figure_kind(names[0]) is not None or sum(figure_kind(n) is not None for n in names[1:]) < _FIGURE_TABLE_MIN:
        return None
    if any(_NUMBER_CELL.match(n) or len(n) > 16 for n in names):
        return None
    return [Column(i, c.text, "context" if i == 0 else FIGURE_COLUMN) for i, c in enumerate(cells)]


def header_roles(cells: list[Cell]) -> list[str | None] | None:
    """Column roles when the row is a header (see ``header_columns``)."""
    columns = header_columns(cells)
    return [c.role for c in columns] if columns is not None else None


def _demote_co_responsible(cells: list[Cell], roles: list[str | None]) -> None:
    """A 责任单位 column beside a 牵头单位 column names co-responsible units: support (``roles.demote_co_responsible``)."""
    demote_co_responsible([re.sub(r"\s+", "", to_simplified(c.text)) for c in cells], roles)


def _task_rank(name: str) -> tuple[int, int]:
    """A column named exactly as a task column outranks one whose name only holds such a name
    (重点工作 before 工作任务安排); then the lexicon's order of preference."""
    key = _NOTE.sub("", re.sub(r"\s+", "", to_simplified(name)))
    exact = key in _TASK_NAMES
    return (0 if exact else 1, next((i for i, n in enumerate(_TASK_NAMES) if n in key), len(_TASK_NAMES)))


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


# ---------------------------------------------------------------- body rows


def _unmarked(text: str) -> str:
    from policykg.loaders.roles import has_verb_part

    return text if not has_verb_part(text) else "、".join(cell_roles(text, "lead").lead) or text


def _names_a_unit(text: str) -> bool:
    """Whether a cell under a unit column names at least one unit (a deadline or cut-off text does not)."""
    names = split_names(text, spaces=True)
    if len(names) == 1 and _names_a_place(names[0]):
        return True  # 临平新城, 未来科技城(海创园): a zone answering for its row, though no agency's word ends it
    return len(text) <= 120 and any(looks_like_unit(n) for n in names) and all(
        looks_like_unit(n) for n in names if len(n) > 8)


#: A name alone in a unit cell, with a second name in brackets: 未来科技城(海创园).
_PLACE_NAME = re.compile(r"([\u4e00-\u9fff]{3,16})(?:[(（][\u4e00-\u9fff]{2,12}[)）])?")


def _names_a_place(name: str) -> bool:
    """Whether a name alone under a unit column reads as a place or body: Chinese characters only, ending in a
    word jieba's dictionary holds as a noun (新城, 城, 园), not a verb or time word (持续推进, 年内完成)."""
    from policykg.loaders.people import word_tag

    m = _PLACE_NAME.fullmatch(name)
    if m is None:
        return False
    core = m.group(1)
    for k in range(min(4, len(core) - 1), 0, -1):
        if (tag := word_tag(core[-k:])) is not None:
            return tag.startswith(("n", "j")) and not tag.startswith("nr")
    return False


def _unit_cell(text: str) -> bool:
    names = split_names(text, spaces=True)
    return bool(names) and len(text) <= 80 and all(looks_like_unit(n) for n in names)


def _name_cell(text: str) -> bool:
    names = split_people(text)
    return bool(names) and len(text) <= 60


def _anchor(cells: list[Cell], roles: list[str | None]) -> tuple[int, int] | None:
    """(header index, row index) of the lead column (else the people column): by name, confirmed or
    corrected by content (a list of units; names of people)."""
    role, fits = ("lead", _unit_cell) if "lead" in roles else ("people", _name_cell)
    if role not in roles:
        return None
    h = roles.index(role)
    if h < len(cells) and fits(cells[h].text):
        return h, h
    for dist in range(1, len(cells)):
        for r in (h - dist, h + dist):
            if 0 <= r < len(cells) and fits(cells[r].text):
                return h, r
    return None


def _place(cells: list[Cell], columns: list[Column]) -> list[tuple[Column, Cell]]:
    """Pair row cells with columns, aligned on the lead column when the row is shifted."""
    roles = [c.role for c in columns]
    anchor = _anchor(cells, roles)
    if anchor is None or anchor[0] == anchor[1]:
        return list(zip(columns, cells, strict=False))
    # The number and task columns open a row and stay put; the cells between them and the
    # unit cell align right-to-left with the header before it, cells after it left-to-right.
    h, r = anchor
    fixed = 0
    while fixed < min(2, h, r) and roles[fixed] in ("number", "task"):
        fixed += 1
    if r > h and "task" in roles[:h]:  # cells to spare before the units (a task wrapped over two cells,
        t = roles.index("task")  # or a category cell before it): one task cell holding them all
        window = cells[t : t + (r - h) + 1]
        task = Cell("".join(c.text for c in window), (window[0].span[0], window[-1].span[1]))
        kept = [*cells[:t], task, *cells[t + (r - h) + 1 :]]
        return list(zip(columns, kept, strict=False))
    pairs = [(columns[h], cells[r])]
    pairs += [(columns[i], cells[i]) for i in range(fixed)]
    pairs += [(columns[h - k], cells[r - k]) for k in range(1, r - fixed + 1) if h - k >= fixed]
    pairs += [(columns[h + k], cells[r + k]) for k in range(1, len(cells) - r) if h + k < len(columns)]
    return pairs


def _column_of(pairs: list[tuple[Column, Cell]], cell: Cell) -> Column:
    return next(column for column, c in pairs if c is cell)


#: A column that holds what a task is about, not its name (主要内容, 工作内容).
_CONTENT_COLUMN = re.compile(f"(?:{lexicon.alternation('columns.content_endings')})$")
#: How long a task's name in the column before its content may be.
_NAMED_MAX = 60


def _named_before(pairs: list[tuple[Column, Cell]], task: Cell) -> Cell | None:
    """The cell naming the task when the task column holds its content (改革举措 | 主要内容, 项目 | 建设内容):
    the text cell right before it, under a column the lexicon gives no unit or number role, short and no
    sentence. None when the task column is no content column or nothing names it."""
    column = _column_of(pairs, task)
    if not _CONTENT_COLUMN.search(re.sub(r"\s+", "", column.name)):
        return None
    before = next(((c, cell) for c, cell in pairs if c.index == column.index - 1), None)
    if before is None or before[0].role in ("number", "lead", "support", "people", "context") or before[0].figures:
        return None
    text = before[1].text.strip()
    if not text or len(text) > _NAMED_MAX or text.endswith(("。", ";", "；")) or _NUMBER_CELL.match(text):
        return None
    return before[1]


def _all_of(pairs: list[tuple[Column, Cell]], role: str) -> list[Cell]:
    """Every non-empty cell of the row under a column of ``role`` (a table may have several people columns)."""
    return [cell for column, cell in pairs if column.role == role and cell.text]


def _by_role(pairs: list[tuple[Column, Cell]]) -> dict[str, Cell]:
    placed: dict[str, Cell] = {}
    for column, cell in pairs:
        if column.role and cell.text and column.role not in placed:
            placed[column.role] = cell
    problem = placed.get("存在问题")  # a 存在问题 cell that names no problem while 下一步打算 is empty holds the next steps
    if problem and "下一步打算" not in placed and not lexicon.words_regex("columns.problem_words").search(problem.text[:60]):
        placed["下一步打算"] = placed.pop("存在问题")
    return placed


#: A label inside a unit cell, after its units (市商务局、市发改委、省牵头单位:省商务厅).
_CELL_LABEL = re.compile(r"(?:^|(?<=[、,，;；\s]))([\u4e00-\u9fff]{2,8})\s*[:：]")


def _labelled_tail(text: str) -> tuple[str, Responsibility | None]:
    """A unit cell's own units and the labelled clause written after them (``省牵头单位:省农业农村厅``: the
    flattened row's last line, joined to the cell), or the whole text and None."""
    for m in _CELL_LABEL.finditer(text):
        if label_role(m.group(1)) in ("lead", "support", "people"):
            clauses = find_clauses(text[m.start() :])
            if clauses:
                return text[: m.start()].rstrip("、,，;； "), clauses[0]
    return text, None


def _add_labelled(row: Row, clause: Responsibility, column_name: str) -> None:
    """Names a labelled clause in a unit cell gives; a 牵头 label beside a 责任单位 column makes the column's units
    co-responsible (``roles.demote_co_responsible``)."""
    if clause.lead:
        roles: list[str | None] = ["lead", "lead"]
        demote_co_responsible([re.sub(r"\s+", "", column_name), clause.lead_label], roles)
        if roles[0] == "support":
            row.support = [*row.lead, *row.support]
            row.lead = []
    row.lead += [n for n in clause.lead if n not in row.lead]
    row.support += [n for n in clause.support if n not in row.support]
    row.people += [n for n in clause.people if n not in row.people]


def read_row(cells: list[Cell], columns: list[Column], span: Span, conventions: Conventions = NO_CONVENTIONS) -> Row | None:
    """A row read by column role; None for an empty or repeated-header row."""
    if header_columns(cells) is not None:
        return None
    pairs = _place(cells, columns)
    placed = _by_role(pairs)
    task = placed.get("task")
    row = Row(cells=cells, span=span)
    row.columns = [next((col for col, c in pairs if c is cell), None) for cell in cells]
    if task is not None and (named := _named_before(pairs, task)) is not None:
        row.fields[re.sub(r"\s+", "", _column_of(pairs, task).name)] = task.text  # 改革举措 | 主要内容: the measure is
        task = named  # the task, its content a field of it
    if task is not None and not _NUMBER_CELL.match(task.text):
        row.task = task
    if "number" in placed and _NUMBER_CELL.match(placed["number"].text):
        row.number = placed["number"].text.strip("()（）.、")
    if (lead := placed.get("lead")) and not _names_a_unit(_unmarked(lead.text)):
        lead = None  # a cut-off row's text under the unit column names no unit
    if lead:
        units, labelled = _labelled_tail(lead.text)
        found = cell_roles(units, "lead", conventions)
        row.lead, row.support = list(found.lead), list(found.support)
        row.lead_span = lead.span
        if labelled is not None:
            _add_labelled(row, labelled, column_name=_column_of(pairs, lead).name)
    for support in _all_of(pairs, "support"):
        if not _names_a_unit(support.text):
            continue  # a deadline slid under the support column (持续推进) names no unit
        found = cell_roles(support.text, "support", conventions)  # 区统计局(数据统计评估牵头单位) there leads
        row.lead += [n for n in found.lead if n not in row.lead]
        row.support += [n for n in found.support if n not in row.support]
    for people in _all_of(pairs, "people"):  # 责任领导 / 协管责任人 / 责任人: every people column of the row
        row.people += [n for n in split_people(people.text) if n not in row.people]
    for role, cell in placed.items():
        if role not in ("task", "number", "lead", "support", "people", INDICATOR_COLUMN, FIGURE_COLUMN):
            row.fields[role] = cell.text
    return row


# ---------------------------------------------------------------- tables in a text


def read_tables(text: str, conventions: Conventions = NO_CONVENTIONS) -> list[Table]:
    """Every table in a text whose rows are `` | `` lines: a header, then its rows (blank lines
    and one-cell rows in between do not end it; any other line does)."""
    found: list[tuple[Table, list[tuple[list[Cell], Span]]]] = []
    body: list[tuple[list[Cell], Span]] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip(" |"):
            continue  # blank, or a row of empty cells (||): it does not end the table
        if not is_table_line(line):
            if body is not None and unwrap_single_cell(line) == line:
                body = None  # prose ends the table; a one-cell row (a merged heading) does not
            continue
        cells = split_cells(line, start)
        columns = header_columns(cells)
        if body == [] and found and found[-1][0].header_span[1] + 1 == start and (more := _header_rest(cells, found[-1][0])):
            # the header's line broke between its cells (…| 1-8月实际完成情况 | / 任务完成率 | 备注 |): one header
            header = found[-1][0]
            joined = [*[c for c in header.header_cells if c.text], *more]
            if (merged := header_columns(joined)) is not None:
                found[-1] = (Table(merged, (header.header_span[0], start + len(line)), header_cells=joined), body)
                continue
        if columns is not None:
            body = []
            found.append((Table(columns, (start, start + len(line)), header_cells=cells), body))
        elif body is not None:
            body.append((cells, (start, start + len(line))))
    for table, rows in found:
        _choose_task_column(table, [cells for cells, _ in rows])
        for cells, span in rows:
            if table.rows:  # a ditto mark (〃, 同上) stands for the cell above it
                above = table.rows[-1].cells
                cells = [Cell(above[i].text, c.span) if c.text in _DITTO and i < len(above) else c
                         for i, c in enumerate(cells)]
            row = read_row(cells, table.columns, span, conventions)
            if row is not None:
                table.rows.append(row)
    return [table for table, _ in found]


#: A header cell the lexicon lacks: a few Chinese characters (任务完成率).
_SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}")


def _header_rest(cells: list[Cell], above: Table) -> list[Cell]:
    """The cells of a line right under a header that carry the header on (each a column name, or a short name of
    Chinese characters, and at least one the lexicon knows), or [] when the line is a row, or a second header row
    that splits a cell above (责任单位 / 牵头单位 | 配合单位: a role the header already has)."""
    named = [c for c in cells if c.text]
    roles = [column_role(c.text) for c in named]
    if not named or not any(roles) or not all(r or _SHORT_NAME.fullmatch(c.text) for c, r in zip(named, roles, strict=True)):
        return []
    return [] if {r for r in roles if r} & {c.role for c in above.columns} else named


def _choose_task_column(table: Table, rows: list[list[Cell]]) -> None:
    """A header that names no task column (目标名称 | 工作标准 | 牵头单位): the task is the column whose
    cells say the most (the longest on average), not merely the first unnamed one."""
    named = any(c.role == "task" and column_role(c.name) == "task" for c in table.columns)
    if named or not rows:
        return
    free = [c.index for c in table.columns if c.role in (None, "task", "目标任务", "context")]
    if len(free) < 2:
        return

    def says_most(i: int) -> tuple[int, float]:
        cells = [r[i].text for r in rows if i < len(r) and r[i].text not in _DITTO]
        items = sum(bool(_ITEM_CELL.match(c)) for c in cells)  # (1)… (2)…: the items are the tasks
        return items, sum(map(len, cells)) / len(cells) if cells else 0.0

    best = max(free, key=says_most)
    table.columns = [Column(c.index, c.name, "task" if c.index == best else ("context" if c.role == "task" else c.role),
                            c.year, c.figures) for c in table.columns]


# ---------------------------------------------------------------- what the figures stage asks


@dataclass(frozen=True)
class CellAt:
    """A cell of a table as the figures stage sees it: where it stands and what its column holds."""

    row_start: int  # cells of one row share it
    index: int
    start: int
    end: int
    result: bool  # under a results column (完成情况): its figures are actuals
    header: bool = False  # a header cell: its numbers (不超过300字) are no figures
    column: Column | None = None


class CellIndex:
    """Every cell of every table, found by position (binary search: tables can be long)."""

    def __init__(self, tables: list[Table]) -> None:
        cells: list[CellAt] = []
        for table in tables:
            a, _ = table.header_span
            for col, hc in zip(table.columns, table.header_cells, strict=False):
                cells.append(CellAt(a, col.index, hc.span[0], hc.span[1], result=False, header=True, column=col))
            for row in table.rows:
                for i, cell in enumerate(row.cells):
                    column = row.columns[i] if i < len(row.columns) else None
                    cells.append(CellAt(row.span[0], i, cell.span[0], cell.span[1],
                                        result=bool(column and column.results), column=column))
        cells.sort(key=lambda c: c.start)
        self.cells = cells
        self.starts = [c.start for c in cells]
        self.has_results = any(c.result for c in cells)

    def at(self, pos: int) -> CellAt | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.cells[i].start <= pos < max(self.cells[i].end, self.cells[i].start + 1):
            return self.cells[i]
        return None


@dataclass(frozen=True)
class TableFigure:
    """One bare number of a table (an indicator table's, or one that states its unit), in base units,
    with the year and kind its column or the table gives it."""

    indicator: str
    value: float
    unit: str
    year: int | None
    kind: str
    raw: str
    span: Span


def indicator_figures(tables: list[Table]) -> list[TableFigure]:
    """Every bare number under a year column of an indicator table (unit in the row label)."""
    from policykg.loaders.numbers import find_quantities

    out: list[TableFigure] = []
    for table in tables:
        if not table.indicator_table:
            continue
        label_col = next(c.index for c in table.columns if c.role == INDICATOR_COLUMN)
        for row in table.rows:
            if label_col >= len(row.cells):
                continue
            label = row.cells[label_col].text
            unit_m = LABEL_UNIT.search(label)
            if unit_m is None:
                continue
            for col in table.columns:
                if not col.figures or col.year is None or col.index >= len(row.cells):
                    continue
                cell = row.cells[col.index]
                if not _BARE_NUMBER.match(cell.text):
                    continue
                quantities = find_quantities(cell.text + unit_m.group(1))
                if len(quantities) != 1 or (unit := quantities[0].unit) is None:
                    continue
                out.append(TableFigure(label[: unit_m.start()].strip(), quantities[0].value, unit, col.year,
                                       col.figures, f"{label} {cell.text}", cell.span))
    out.sort(key=lambda f: f.span[0])
    return out
