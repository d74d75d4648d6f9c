"""Tables laid out as plain text, rewritten as the readers' `` | `` rows before normalisation.

A table copied out of a web page or a word processor often reaches us as text, in one of
two layouts, and normalisation (which folds whitespace) would erase both; so this module
finds such tables in the raw text and tells normalisation how to rewrite them as rows of
cells joined by `` | `` (the one layout ``tables.read_tables`` reads):

* **columns on a line**: one row a line, cells separated by a tab (``序号\\t重点工作\\t责任处室``),
  by runs of spaces, by single full-width spaces, or by single spaces under a header whose
  every cell names a column (a letter-spaced header word, ``工 作 任 务``, is one cell);
* **one cell per line** (a page's table flattened to text): a run of short header lines that
  name columns, then the cells one per line. Rows go by their 序号 line, else by the header's
  width. Where cells are separated by blank lines, an extra blank line is an empty cell and
  a line break with no blank line is a cell wrapped onto the next line; a header name wrapped
  over two lines (``区本级`` / ``任务数``) is joined when the rows have fewer cells than the
  header has lines; names standing on lines of their own in one people cell are one cell.

Only a real table is converted, never a line that merely has wide gaps (a page header
``发布日期:…   来源:…``): a block starts at a header whose cells name known columns (the one
header rule, ``tables.header_columns``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from policykg.loaders import lexicon
from policykg.loaders.people import looks_like_name
from policykg.loaders.periods import MONTH_RANGE
from policykg.loaders.roles import label_role
from policykg.loaders.tables import Cell, column_role, header_columns

_TAB = re.compile(r"\t+")  # one or more tabs; each tab beyond the first is an empty cell
_SPACES = re.compile(r"[ \u3000]{2,}|\t+")
#: Columns aligned with single full-width spaces (``序号　工作任务　责任处室``): a U+3000 is one
#: character column wide, so a table typed in a CJK editor may use one between cells.
_FULLWIDTH = re.compile(r"\u3000+")
#: Cells split by single spaces (a page's table copied as text): only under a header whose every
#: cell names a known column, since a single space is ordinary inside a line otherwise.
_SINGLE = re.compile(r"[ \u3000]+")
_EDGE_WS = " \t\u3000\r"
#: What every separator above is made of: a line without one inside its content has one cell.
_CELL_GAP = re.compile(r"[ \t\u3000]")
#: A word written with a space between its characters (``工 作 任 务``, ``序 号``).
_LETTER_SPACED = re.compile(r"(?<![^\s])[\u4e00-\u9fff](?: [\u4e00-\u9fff])+(?![^\s])")
BAR = " | "


@dataclass
class TextTables:
    """Raw-text spans to rewrite: [start, end) -> what normalisation writes there instead
    (`` | `` bars, one per cell boundary and empty cell; "" to join a wrapped cell; " " to join
    names standing on lines of their own)."""

    rewrites: dict[int, tuple[int, str]] = field(default_factory=dict)

    def bar(self, start: int, end: int, empty: int = 0) -> None:
        self.rewrites[start] = (end, BAR * (empty + 1))

    def join(self, start: int, end: int, with_: str = "") -> None:
        self.rewrites[start] = (end, with_)


_CELL_BAR = re.compile(r"[ \t\u3000]*\|[ \t\u3000\r]*$")


@dataclass(frozen=True)
class _Line:
    start: int  # raw index of the line's first character
    text: str

    @property
    def content(self) -> str:
        """The line's text; a one-cell row's closing bar (``序号 |``: a table flattened cell by cell
        in the readers' layout) is no part of it."""
        return _CELL_BAR.sub("", self.text).strip(_EDGE_WS)

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip(_EDGE_WS))

    @property
    def content_end(self) -> int:
        return self.start + len(_CELL_BAR.sub("", self.text).rstrip(_EDGE_WS))


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    start = 0
    for piece in raw.split("\n"):
        out.append(_Line(start, piece))
        start += len(piece) + 1
    return out


def content_lines(raw: str) -> list[tuple[int, int, str]]:
    """(content start, content end, content) of every line of ``raw``, edge whitespace off: what the finders of
    other raw-text layouts (``hardwraps``, ``splitlabels``) read. A cell bar is content here."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for line in raw.split("\n"):
        content = line.strip(_EDGE_WS)
        start = pos + len(line) - len(line.lstrip(_EDGE_WS))
        out.append((start, start + len(content), content))
        pos += len(line) + 1
    return out


def _content_bounds(text: str) -> tuple[int, int]:
    stripped = text.strip(_EDGE_WS)
    if not stripped:
        return (0, 0)
    left = len(text) - len(text.lstrip(_EDGE_WS))
    return (left, left + len(stripped))


# ---------------------------------------------------------------- columns on a line


def _spaced_words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LETTER_SPACED.finditer(text)]


def _separators(line: _Line, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """(raw start, raw end, empty cells) of each separator between the line's cells."""
    left, right = _content_bounds(line.text)
    spaced = _spaced_words(line.text) if pattern is _SINGLE else []
    out: list[tuple[int, int, int]] = []
    for m in pattern.finditer(line.text, left, right):
        if any(a < m.start() and m.end() < b for a, b in spaced):
            continue  # the space inside a letter-spaced word
        empty = m.group().count("\t") - 1 if "\t" in m.group() else 0
        out.append((line.start + m.start(), line.start + m.end(), max(0, empty)))
    return out


def _cells(line: _Line, pattern: re.Pattern[str]) -> list[str]:
    left, right = _content_bounds(line.text)
    text = line.text[left:right]
    if pattern is not _SINGLE:
        return pattern.split(text)
    cells, start = [], 0
    for s, e, _ in _separators(_Line(0, text), pattern):
        cells.append(text[start:s])
        start = e
    cells.append(text[start:])
    return cells


def _header_cells(names: list[str]) -> list[Cell]:
    return [Cell(re.sub(r"\s+", "", c.strip(_EDGE_WS)), (0, 0)) for c in names]


def _header_pattern(line: _Line) -> re.Pattern[str] | None:
    """The separator kind of a header line, or None when the line is no table header."""
    left, right = _content_bounds(line.text)
    if _CELL_GAP.search(line.text, left, right) is None:
        return None  # one cell whatever the separator: most lines of prose, tested on every line
    for pattern in (_TAB, _SPACES, _FULLWIDTH, _SINGLE):
        cells = _cells(line, pattern)
        if len(cells) < 3 or header_columns(_header_cells(cells)) is None:
            continue
        if pattern is _SINGLE and not all(column_role(c.text, exact=True) for c in _header_cells(cells)):
            continue
        return pattern
    return None


def _task_column(header: _Line, pattern: re.Pattern[str]) -> int:
    """Index of the header's task column (the free-text cell most likely to hold inner spaces)."""
    columns = header_columns(_header_cells(_cells(header, pattern))) or []
    roles = [c.role for c in columns]
    return roles.index("task") if "task" in roles else min(1, len(roles))


def _column_tables(lines: list[_Line], found: TextTables) -> None:
    i = 0
    while i < len(lines):
        pattern = _header_pattern(lines[i])
        if pattern is None:
            i += 1
            continue
        rows = [lines[i]]
        j = i + 1
        while j < len(lines):
            if _separators(lines[j], pattern):
                rows.append(lines[j])
            elif (
                lines[j].content
                and j + 1 < len(lines)
                and _separators(lines[j + 1], pattern)
                and j - 1 >= 0
                and lines[j - 1] is rows[-1]
            ):
                found.join(lines[j].start - 1, lines[j].start)  # the line break before the wrapped part
            else:
                break
            j += 1
        header_seps = len(_separators(rows[0], pattern))
        task_col = _task_column(rows[0], pattern)
        for row in rows:
            seps = _separators(row, pattern)
            if pattern in (_FULLWIDTH, _SINGLE) and len(seps) > header_seps:
                # A single full-width space is also ordinary spacing inside a cell (``团队　30个``):
                # a row with more cells than its header keeps the surplus in the task cell.
                surplus = len(seps) - header_seps
                seps = seps[:task_col] + seps[task_col + surplus :]
            for start, end, empty in seps:
                found.bar(start, end, empty)
        i = j


# ---------------------------------------------------------------- one cell per line

#: A header cell standing alone on its line is short; a body cell may be long, but not a page.
_CELL_LINE_MAX = 16
_BODY_CELL_MAX = 600
#: A line opening on a label (省牵头单位:…).
_ROLE_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*[:：]\s*\S")
#: Lines naming a group of rows above a numbered table's first row, at most, and how long each may be.
_GROUP_LINES_MAX = 3
_GROUP_LINE_MAX = 40
#: A line opening on a section number inside a numbered table ((二)胡伟副市长牵头重点工作): a group of rows begins.
_GROUP_HEAD = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*[\u4e00-\u9fff]")
_NUMBER_LINE = re.compile(r"^[(（]?(\d{1,3})[)）.、]?$")
#: A label or a sentence is no header cell (牵头单位:区发改局, 5.一般公共预算收入增长8%左右。).
_NOT_HEADER = re.compile(r"[:：。,，;；|、]")
#: A header cell the lexicon lacks (工作流程, 限期时间) is short and only Chinese characters.
_UNKNOWN_HEADER_MAX = 10
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
#: The months a progress column is dated by (1-10月推进情况, 2023年1-6月完成情况).
_DATED = re.compile(rf"^(?:(?:19|20)\d{{2}}年)?{MONTH_RANGE.pattern}份?")
#: A header line that is a bracketed word (责任股室 / (单位)): the rest of the name above it.
#: A note in brackets closing a column name (重点工作任务(杭州市2项配合工作)).
_NAME_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_PAREN_NAME = re.compile(r"^[(（][\u4e00-\u9fff]{1,8}[)）]$")


@dataclass
class _Slot:
    """One cell of a flattened row: its lines (wrapped cells have several) or none (an empty cell)."""

    lines: list[_Line]

    @property
    def text(self) -> str:
        return "".join(ln.content for ln in self.lines)


def _header_name(line: _Line) -> str:
    return re.sub(r"\s+", "", line.content)


def _flat_header(lines: list[_Line], content: list[int], ci: int) -> int:
    """How many content lines from ``content[ci]`` on form a flattened header: short lines of
    Chinese characters, at least two of them naming columns exactly (others may be column names
    the lexicon lacks, 工作流程, or a name wrapped over two lines), accepted by the one header rule."""
    j = ci
    known = exact = 0
    while j < len(content):
        name = _header_name(lines[content[j]])
        if not 0 < len(_NAME_NOTE.sub("", name) or name) <= _CELL_LINE_MAX or _NUMBER_LINE.match(name) or _NOT_HEADER.search(name):
            break  # 重点工作任务(杭州市2项配合工作): a column name with a note of its own is as long as the name
        if _own_column(name):
            known += 1  # 1-10月推进情况 too: a progress column dated by its months
            exact += 1
        elif _CJK_ONLY.match(name) and column_role(name) is not None:
            known += 1  # 任务名称和清单: a column name with words of its own
        elif not (len(name) <= _UNKNOWN_HEADER_MAX and (_CJK_ONLY.match(name) or (j > ci and _PAREN_NAME.match(name)))):
            break  # a bracketed word only continues a name above it ((接上页) opens no header)
        j += 1
    # the first row's number, or a group line above it (一、知识产权保护方面(共5项) / 1), right after the header
    body_follows = j < len(content) and (_NUMBER_LINE.match(_header_name(lines[content[j]])) is not None
                                         or _group_lines(lines, content, j) == 1)
    while j > ci and not body_follows and column_role(_header_name(lines[content[j - 1]])) is None:
        j -= 1  # a header ends with a named column, not with the title line of the body below (but 是否达序 /
        # 说明 right above the first row's number are columns)
    n = j - ci
    if n < 3 or known < 2 or not exact:
        return 0
    names = [_header_name(lines[content[k]]) for k in range(ci, j)]
    return n if header_columns([Cell(nm, (0, 0)) for nm in names]) is not None else 0


def _slots(lines: list[_Line], idx: list[int], blank_mode: bool) -> list[_Slot]:
    """The cells of a run of content lines: in blank-separated layouts a gap of k blank lines holds
    k - 1 empty cells and lines with no blank line between them are one wrapped cell."""
    slots: list[_Slot] = []
    prev = -1
    for k in idx:
        if not slots:
            slots.append(_Slot([lines[k]]))
        elif blank_mode:
            blanks = k - prev - 1
            if blanks == 0:
                slots[-1].lines.append(lines[k])
            else:
                slots.extend(_Slot([]) for _ in range(blanks - 1))
                slots.append(_Slot([lines[k]]))
        else:
            slots.append(_Slot([lines[k]]))
        prev = k
    return slots


#: A line that stops mid-sentence (a cell wrapped onto the next line ends with a comma or runs long).
_OPEN_END = re.compile(r"[,，、;；:：]$")


def _join_wrapped(slots: list[_Slot], width: int) -> list[_Slot]:
    """Where lines carry no blank line between cells, a row with more lines than columns has a cell
    wrapped onto the next line: the first lines that stop mid-sentence join the line after them."""
    surplus = len(slots) - width
    out: list[_Slot] = []
    for k, slot in enumerate(slots):
        if out and surplus > 0 and k >= 2 and not _typed_cell(slot.text):
            text = out[-1].text
            if _OPEN_END.search(text) or (len(text) > 20 and not text.endswith(("。", "!", "！", "?", "？"))):
                out[-1].lines.extend(slot.lines)
                surplus -= 1
                continue
        out.append(slot)
    return out


_DEADLINE_TAIL = "|".join(lexicon.words("columns.deadline_tails"))
_DATE_CELL = re.compile(rf"^(?:(?:19|20)\d{{2}}\s*年)?\s*\d{{1,2}}\s*月(?:{_DEADLINE_TAIL})?$|^(?:19|20)\d{{2}}\s*年(?:{_DEADLINE_TAIL})?$")


def unit_line(text: str) -> bool:
    """Whether a line names only units (a sentence's end makes it a task's text, whatever its words)."""
    from policykg.loaders.roles import looks_like_unit, split_names

    text = text.strip()
    if text.endswith(_SENTENCE_STOPS):
        return False  # 迁建县政务服务中心。: a task's sentence, though it ends in an agency's word
    names = split_names(text, spaces=True)
    return bool(names) and all(looks_like_unit(n) for n in names)


#: What ends a sentence, never a cell of units.
_SENTENCE_STOPS = ("。", "；", ";", "!", "！")


def _typed_cell(text: str) -> bool:
    """A line that is a cell of its own kind (units, a person, a date), never the rest of a wrapped one."""
    from policykg.loaders.roles import looks_like_unit, split_names

    text = text.strip()
    if not text or _DATE_CELL.match(text) or looks_like_name(re.sub(r"\s+", "", text)):
        return True
    names = split_names(text, spaces=True)
    return bool(names) and all(looks_like_unit(n) for n in names)


def _join_unit_lists(slots: list[_Slot]) -> list[_Slot]:
    """A list of units wrapped over lines (区财政局、区商务粮食局、 / 区工信局、区农林水务局、): a line of units that
    stops at a separator runs on in the next line of units (no cell ends with a separator). Joined before the
    row's cells are counted, so the names of people in cells of their own are not taken for a wrapped cell."""
    out: list[_Slot] = []
    for slot in slots:
        if out and out[-1].lines and slot.lines and _OPEN_LIST.search(out[-1].text) \
                and unit_line(_OPEN_LIST.sub("", out[-1].text)) and unit_line(slot.text):
            out[-1].lines.extend(slot.lines)
            continue
        out.append(slot)
    return out


#: How a line of units that runs on ends: a separator of names.
_OPEN_LIST = re.compile(r"[、,，]$")


def _merge_names(slots: list[_Slot], width: int) -> list[_Slot]:
    """Names on lines of their own (朱先涛 / 刘继军) in a row with more cells than columns: one cell
    (``width`` 0: always, for a table with one people column)."""
    out: list[_Slot] = []
    surplus = len([s for s in slots if s.lines]) - width if width else len(slots)
    for slot in slots:
        if (surplus > 0 and out and out[-1].lines and slot.lines and _is_name_cell(out[-1]) and _is_name_cell(slot)):
            out[-1].lines.extend(slot.lines)
            surplus -= 1
            continue
        out.append(slot)
    return out


def _is_name_cell(slot: _Slot) -> bool:
    return all(looks_like_name(re.sub(r"\s+", "", ln.content)) for ln in slot.lines)


def _flat_rows(lines: list[_Line], content: list[int], ci: int, width: int, numbered: bool,
               blank_mode: bool, one_people_column: bool = False) -> tuple[list[list[_Slot]], int]:
    """Body rows from ``content[ci]`` on, and the content index after the table."""
    names_width = 0 if one_people_column else width
    rows: list[list[_Slot]] = []
    expected: int | None = None
    while ci < len(content):
        first = lines[content[ci]].content
        if numbered and not rows and (group := _group_lines(lines, content, ci)):
            rows.append([_Slot([lines[content[k]] for k in range(ci, ci + group)])])
            ci += group
            continue
        if numbered:
            m = _NUMBER_LINE.match(first)
            if m is None or (expected is not None and int(m.group(1)) != expected):
                break
            expected = int(m.group(1)) + 1
            cj = ci + 1
            while cj < len(content) and not (_NUMBER_LINE.match(lines[content[cj]].content)
                                              and int(_NUMBER_LINE.match(lines[content[cj]].content).group(1)) == expected  # type: ignore[union-attr]
                                              and cj - ci >= 2):
                if len(lines[content[cj]].content) > _BODY_CELL_MAX or _flat_header(lines, content, cj):
                    break
                cj += 1
            last = cj >= len(content) or not _NUMBER_LINE.match(lines[content[cj]].content)
            if last:  # the table's end: the row takes as many lines as fill its cells, the rest is page text
                cj = ci + _last_row_lines(lines, content[ci:cj], width, blank_mode)
                while cj < len(content) and _labels_a_role(lines[content[cj]].content):
                    cj += 1  # 省牵头单位:省商务厅 under the last row, as under every row above it
            group = 0  # (二)胡伟副市长牵头重点工作 right above the next row: a heading row merged across the table
            while not last and cj - group - 1 > ci + 1 and _GROUP_HEAD.match(lines[content[cj - group - 1]].content):
                group += 1
            cj -= group
            slots = _join_unit_lists(_slots(lines, content[ci:cj], blank_mode))
            if not blank_mode:
                slots = _join_wrapped(_merge_names(slots, width), width)
        else:
            if _flat_header(lines, content, ci):
                break  # a new header: the next table
            cj = ci
            slots = []
            while cj < len(content) and len([s for s in slots if s.lines]) < width:
                if len(lines[content[cj]].content) > _BODY_CELL_MAX or (cj > ci and _flat_header(lines, content, cj)):
                    break
                slots = _slots(lines, content[ci : cj + 1], blank_mode)
                slots = _merge_names(slots, names_width)
                cj += 1
            while cj < len(content) and _is_name_cell(_Slot([lines[content[cj]]])) and slots and _is_name_cell(slots[-1]):
                slots[-1].lines.append(lines[content[cj]])  # the rest of a people cell
                cj += 1
            if len([s for s in slots if s.lines]) < width:
                break
        if len(slots) < 2:
            break
        rows.append(_merge_names(slots, names_width))
        ci = cj
        if numbered and group:
            rows.append([_Slot([lines[content[k]] for k in range(ci, ci + group)])])
            ci += group
    return rows, ci


def _labels_a_role(text: str) -> bool:
    """Whether a line is a labelled clause of units or people (省牵头单位:省商务厅): a row's, never page text."""
    m = _ROLE_LABEL.match(text)
    return m is not None and label_role(m.group(1)) in ("lead", "support", "people")


def _group_lines(lines: list[_Line], content: list[int], ci: int) -> int:
    """How many lines from ``content[ci]`` on name a group of rows before a numbered table's first row (强化科技创新
    支撑能力。 / (一) / 加强战略科技力量建设。 then 1): a row merged across the table, read as a heading. 0 when the
    first row does not follow within ``_GROUP_LINES_MAX`` short lines."""
    for n in range(1, _GROUP_LINES_MAX + 1):
        if ci + n >= len(content):
            return 0
        text = lines[content[ci + n - 1]].content
        if len(text) > _GROUP_LINE_MAX or _NUMBER_LINE.match(text):
            return 0
        m = _NUMBER_LINE.match(lines[content[ci + n]].content)
        if m is not None:
            return n if int(m.group(1)) == 1 else 0
    return 0


def _last_row_lines(lines: list[_Line], idx: list[int], width: int, blank_mode: bool) -> int:
    """How many lines the last row of a numbered table takes: the most that still make at most
    ``width`` cells once wrapped cells and names are joined (what follows is the page's text)."""
    slots = _slots(lines, idx, blank_mode)
    if len(_sub_rows(slots)) >= 2:  # a row merged over items: it runs to the last item's own cells
        items = _sub_rows(slots)
        end = items[-1] + 1
        while end < len(slots) and slots[end].lines and (_typed_cell(slots[end].text)
                                                          or slots[end].text.startswith(("(", "（"))):
            end += 1
        return sum(len(s.lines) for s in slots[:end])
    best = min(len(idx), 2)
    for n in range(2, min(len(idx), width + 2) + 1):
        slots = _join_unit_lists(_slots(lines, idx[:n], blank_mode))
        if not blank_mode:
            slots = _join_wrapped(_merge_names(slots, width), width)
        if len(slots) > width:
            break
        best = n
    return best


def _reconcile_header(header: list[_Line], rows: list[list[_Slot]]) -> list[list[_Line]]:
    """Header cells as groups of lines: a name wrapped over two lines is one column when the rows
    have fewer cells than the header has lines."""
    groups: list[list[_Line]] = []
    for h in header:  # 区政府 / 分管领导: a name wrapped over two lines whose halves make a known column
        if groups and _PAREN_NAME.match(_header_name(h)):
            groups[-1].append(h)  # 责任股室 / (单位)
        elif groups and column_role(_header_name(groups[-1][-1])) is None and len(groups[-1]) == 1 and \
                column_role(_header_name(groups[-1][-1]) + _header_name(h), exact=True) is not None:
            groups[-1].append(h)
        else:
            groups.append([h])
    if not rows:
        return groups
    width = Counter(len(r) for r in rows).most_common(1)[0][0]
    while len(groups) > width:
        unknown = [i for i, g in enumerate(groups) if column_role(_joined(g)) is None]
        pair = next((i for i in unknown if i + 1 < len(groups) and column_role(_joined(groups[i], groups[i + 1])) is not None),
                    None)  # a name's first part, then the rest (two names of their own, 是否达序 / 说明, stay two)
        if pair is None:  # the rest of the name above, unless that is a column name of its own (1-11月推进情况)
            pair = next((i - 1 for i in unknown if i > 0 and not _own_column(_joined(groups[i - 1]))), None)
        if pair is None:  # a short word wrapped onto its own line (攻坚目标 / 任务): it ends the name above,
            # unless both are column names of their own (序号 / 指标 in a table whose rows leave merged cells out)
            pair = next((i - 1 for i, g in enumerate(groups) if i > 0 and len(_joined(g)) <= 2
                         and not (_own_column(_joined(groups[i - 1])) and _own_column(_joined(g)))), None)
        if pair is None:
            break
        groups[pair : pair + 2] = [groups[pair] + groups[pair + 1]]
    return groups


def _joined(*groups: list[_Line]) -> str:
    return "".join(_header_name(x) for g in groups for x in g)


def _own_column(name: str) -> bool:
    """A column name of its own (序号, 指标, 1-10月推进情况), not a part of one."""
    return column_role(name, exact=True) is not None or column_role(_DATED.sub("", name), exact=True) is not None


def _emit_row(found: TextTables, cells: list[list[_Line]], *, header: bool = False) -> None:
    """Rewrite one row: the gaps inside a cell joined (names of people with a space; a header name
    wrapped over two lines without), the gaps between cells bars (with empties)."""
    prev: list[_Line] | None = None
    empties = 0
    for cell in cells:
        if not cell:
            empties += 1
            continue
        for a, b in zip(cell, cell[1:], strict=False):
            joiner = " " if not header and _is_name_cell(_Slot([a])) and _is_name_cell(_Slot([b])) else ""
            found.join(a.content_end, b.content_start, joiner)
        if prev is not None:
            found.bar(prev[-1].content_end, cell[0].content_start, empties)
        prev = cell
        empties = 0
    if prev is not None and prev[-1].content_end not in found.rewrites:
        found.join(prev[-1].content_end, prev[-1].content_end, BAR.rstrip())  # the row's closing bar


#: An item number inside a numbered row, ``(2)``: a row merged over several items (rowspan) holds one per item.
_SUB_ITEM = re.compile(r"^[(（](\d{1,2})[)）]")
#: Written for a cell merged from the row above: the table model reads it as that cell (``tables``).
DITTO = "〃"


def _sub_rows(row: list[_Slot]) -> list[int]:
    """Indexes of the slots that open the items of a row merged over several of them (``(1)…``,
    ``(2)…`` in one numbered row), counting on from one to the next; empty when there are fewer than two."""
    found: list[int] = []
    expected: int | None = None
    for i, slot in enumerate(row):
        m = _SUB_ITEM.match(slot.text)
        if m and (expected is None or int(m.group(1)) == expected):
            found.append(i)
            expected = int(m.group(1)) + 1
    return found if len(found) >= 2 else []


def _emit_sub_rows(found: TextTables, row: list[_Slot], starts: list[int], roles: list[str | None]) -> bool:
    """Rewrite a row merged over several items as one row per item: the cells merged from above
    written as ``〃`` (ditto), each item's names under the people column and its units under the
    unit columns. False (nothing written) when the cells do not fall in the columns' order."""
    item_col = starts[0]
    cols = {role: roles.index(role) for role in ("people", "lead", "support") if role in roles}
    plans: list[list[tuple[int, list[_Line]]]] = []
    for k, start in enumerate(starts):
        group = [s for s in row[start : starts[k + 1] if k + 1 < len(starts) else len(row)] if s.lines]
        cells: list[tuple[int, list[_Line]]] = [(item_col, list(group[0].lines))]
        for slot in group[1:]:
            text = slot.text
            if text.startswith(("(", "（")) and not _SUB_ITEM.match(text) and len(cells) > 1:
                cells[-1][1].extend(slot.lines)  # 高新园 / (邹区镇): the rest of a wrapped name
                continue
            if unit_line(text) and "lead" in cols:  # a unit before a name: 高新园 is a park, not a person
                taken = {c for c, _ in cells}
                col = cols["lead"] if cols["lead"] not in taken else cols.get("support", -1)
            elif _is_name_cell(slot) and "people" in cols:
                col = cols["people"]
            else:
                col = -1
            if col < 0 or col < cells[-1][0]:
                return False  # cells out of the columns' order: leave the row as it is
            if col == cells[-1][0]:
                cells[-1][1].extend(slot.lines)
            else:
                cells.append((col, list(slot.lines)))
        plans.append(cells)
    last_col = max(cols.values(), default=item_col)
    cells_in_order: list[tuple[int, list[_Line], int]] = [(c, s.lines, -1) for c, s in enumerate(row[:item_col]) if s.lines]
    for k, cells in enumerate(plans):
        cells_in_order += [(col, lines, k) for col, lines in cells]
    for (col_a, lines_a, k_a), (col_b, lines_b, k_b) in zip(cells_in_order, cells_in_order[1:], strict=False):
        if k_b == k_a or k_a < 0:
            gap = BAR + (DITTO + BAR) * (col_b - col_a - 1)
        else:  # the next item's row: close this one with dittos, open the next with the merged cells
            gap = (BAR + DITTO) * (last_col - col_a) + BAR.rstrip() + "\n" + (DITTO + BAR) * item_col
        found.join(lines_a[-1].content_end, lines_b[0].content_start, gap)
    for _, lines, _k in cells_in_order:
        for a, b in zip(lines, lines[1:], strict=False):
            found.join(a.content_end, b.content_start, "" if b.content.startswith(("(", "（")) else " ")
    col_z, lines_z, _ = cells_in_order[-1]
    found.join(lines_z[-1].content_end, lines_z[-1].content_end, (BAR + DITTO) * (last_col - col_z) + BAR.rstrip())
    return True


#: The columns a cell of its own kind belongs in, by the header's roles, in the order they fill.
_TYPED_ROLES = {"date": ("完成期限",), "people": ("people",), "units": ("lead", "support")}


def _cell_kind(slot: _Slot) -> str | None:
    text = slot.text.strip()
    if _DATE_CELL.match(text):
        return "date"
    if unit_line(text):
        return "units"  # 文物股 reads as a name too (文 is a surname): a unit's ending says more
    return "people" if _is_name_cell(slot) else None


def _by_kind(row: list[_Slot], roles: list[str | None]) -> list[list[_Line]] | None:
    """A numbered row whose merged cells (rowspan) were left out, so its cells do not stand under their
    columns (1 / 公共文化服务 / task / 12月底前 / 夏俊贵 / 文化宣传股 / 文化馆 / 图书馆, then 2 / task / 文化宣传股):
    each cell placed by what it is, a date under the deadline, names under the people column, units under
    the lead column (a second cell of units under the support column when there is one, else the same), the
    other cells before them right-aligned on the task column and those after them in the columns after.
    None where the header has no such columns or a cell finds no place."""
    if "task" not in roles or not ({"people", "lead"} & set(roles)):
        return None
    cells: list[list[_Line]] = [[] for _ in roles]
    cells[0] = list(row[0].lines)  # the number
    before: list[_Slot] = []
    after: list[_Slot] = []
    last_typed = -1
    for slot in row[1:]:
        if not slot.text.strip(" |"):
            continue  # an empty cell (a line of bars)
        kind = _cell_kind(slot)
        columns = [i for i, r in enumerate(roles) if kind and r in _TYPED_ROLES[kind]]
        if not columns:
            (after if last_typed >= 0 else before).append(slot)
            continue
        col = next((i for i in columns if not cells[i]), columns[-1]) if kind == "units" else columns[0]
        if col < last_typed:
            return None
        cells[col].extend(slot.lines)
        last_typed = col
    task = roles.index("task")
    text_columns = [i for i in range(1, task + 1) if roles[i] not in ("people", "lead", "support", "完成期限")]
    tail_columns = list(range(last_typed + 1, len(roles))) if last_typed >= 0 else []
    if not before or len(before) > len(text_columns) or (after and not tail_columns):
        return None
    for col, slot in zip(text_columns[-len(before):], before, strict=True):
        cells[col] = list(slot.lines)
    for k, slot in enumerate(after):  # more cells than columns after them: the last column takes the rest
        cells[tail_columns[min(k, len(tail_columns) - 1)]].extend(slot.lines)
    return cells


def _misplaced(row: list[_Slot], roles: list[str | None]) -> bool:
    """Whether the row's cells, taken in order, do not fill the header's columns: more or fewer of them,
    or a cell of its own kind (names, units, a date) under a column of another role."""
    if len(row) != len(roles):
        return True
    for slot, role in zip(row[1:], roles[1:], strict=True):
        kind = _cell_kind(slot) if slot.lines else None
        if kind is not None and role not in _TYPED_ROLES[kind] and role in ("task", "目标任务", "people", "lead", "support"):
            return True
    return False


def _emit_typed_row(found: TextTables, cells: list[list[_Line]]) -> None:
    """Rewrite a row placed by ``_by_kind``: its cells in their columns, empty ones between, the units of
    one cell listed with 、, its names with a space."""
    order = sorted((ln.content_start, col, ln) for col, lines in enumerate(cells) for ln in lines)
    if [col for _, col, _ in order] != sorted(col for _, col, _ in order):
        return _emit_row(found, [c for c in cells if c])  # the cells' order on the page is not the columns'
    prev: tuple[int, _Line] | None = None
    for _, col, ln in order:
        if prev is not None:
            before_col, before = prev
            if col == before_col:
                joiner = " " if _is_name_cell(_Slot([before])) and _is_name_cell(_Slot([ln])) else "、"
                found.join(before.content_end, ln.content_start, joiner)
            else:
                found.bar(before.content_end, ln.content_start, col - before_col - 1)
        prev = (col, ln)
    if prev is not None and prev[1].content_end not in found.rewrites:
        found.join(prev[1].content_end, prev[1].content_end, BAR.rstrip())
    return None


def _flattened_tables(lines: list[_Line], found: TextTables) -> None:
    """Tables whose every cell stands on a line of its own (a page's table flattened to text)."""
    content = [k for k in range(len(lines)) if lines[k].content]
    ci = 0
    while ci < len(content):
        n = _flat_header(lines, content, ci)
        if not n:
            ci += 1
            continue
        head_idx = content[ci : ci + n]
        header = [lines[k] for k in head_idx]
        blank_mode = all(b - a >= 2 for a, b in zip(head_idx, head_idx[1:], strict=False))
        # 序号 first, or after one context column whose cell is merged over a group of rows (分类 / 序号 / 事项 …)
        numbered = any(column_role(_header_name(h)) == "number" for h in header[:2])
        width = n
        people = sum(column_role(_header_name(h)) == "people" for h in header) == 1
        rows, end = _flat_rows(lines, content, ci + n, width, numbered, blank_mode, people)
        if numbered and not rows and column_role(_header_name(header[0])) == "number" and not any(
                _NUMBER_LINE.match(lines[k].content) for k in content[ci + n : ci + n + 2 * n]):
            # 序号 heads the table, but the copy left the numbers out: rows of the other columns, under a header
            # without it (its line stays a line of text)
            header, numbered, width = header[1:], False, n - 1
            rows, end = _flat_rows(lines, content, ci + n, width, numbered, blank_mode, people)
        # the rows tell how many columns there are: wrapped header names join
        cells_rows = [r for r in rows if len(r) > 1]  # a group's heading row is one cell merged across
        groups = _reconcile_header(header, cells_rows) if cells_rows and numbered else [[h] for h in header]
        if not rows:
            ci += n
            continue
        _emit_row(found, groups, header=True)
        roles = [column_role("".join(_header_name(h) for h in g)) for g in groups]
        for row in rows:
            if len(row) == 1:
                _emit_row(found, [row[0].lines])
                continue
            starts = _sub_rows(row) if numbered else []
            if starts and _emit_sub_rows(found, row, starts, roles):
                continue
            typed = _by_kind(row, roles) if numbered and _misplaced(row, roles) else None
            if typed is not None:
                _emit_typed_row(found, typed)
            else:
                _emit_row(found, [s.lines for s in row])
        ci = end


def find_text_tables(raw: str) -> TextTables:
    """Where ``raw`` holds text tables, and how normalisation rewrites them as `` | `` rows."""
    found = TextTables()
    lines = _lines(raw)
    _flattened_tables(lines, found)
    if "\t" in raw or " " in raw or "\u3000" in raw:
        _column_tables(lines, found)
    return found
