"""Sections and tasks: the outline of a plan.

A plan's outline is told by its numbering, and the numbering styles nest in the
order a document first uses them (like list markers): sections ``第一部分`` /
``一、`` / ``(一)``; tasks ``1.`` / ``1、`` / ``(1)`` / ``①``. What counts as a task:

* every numbered item (``1.`` …), nested by style: ``(1)`` under ``1.`` is PART_OF it;
* a section-style line that carries its own responsibility clause (State Council
  style ``(一)…(科技部牵头…)``) or a body of its own (a summary's ``(一)做法。…``);
  a title-only heading is a section, never a task;
* an unnumbered paragraph with its own responsibility clause, PART_OF the
  numbered task before it in the same section (when there is one);
* sub-items inside a paragraph, ``一是…二是…`` / ``①…②…``, PART_OF the paragraph;
* every body row of a table with a task column (see ``tables``).

* when none of that is there (a report or a notice in prose), its sentence paragraphs.

Classify, then assemble: ``blocks.classify`` reads each line's possible readings from its
text alone; ``_Outline`` decides among them with the document's state, trying its handlers
in the order ``PRECEDENCE`` declares.

Every span points into the normalised text: a paragraph task's ``text`` is
exactly ``text[span]`` (its number excluded); a table row's span covers the whole
row so facts in any cell trace back to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.loaders import lexicon, tables
from policykg.loaders.blocks import INLINE_FIELD, SECTION_STYLES, SHI_LINE, Block, match_number
from policykg.loaders.document import Document, read_document
from policykg.loaders.roles import LEADING_LABEL, Responsibility, heading_roles, label_role
from policykg.loaders.types import SectionRecord, TaskRecord
from policykg.ontology import ids

Span = tuple[int, int]

_CN = "一二三四五六七八九十"
#: A people list standing first, under no paragraph (组长:… / 副组长:… / 成员:…): the list is the task.
_LIST_STYLE = "list"
_HEADING_STYLE = "decimal-head"  # an ``N.`` line that only titles its ``N.M`` items
_SENTENCE_END = re.compile(r"[。;；!！?？]")
#: A heading short enough that a hint of the paragraph below it still falls in a task's first characters
#: (a hint of 8 or more characters is looked for in the first hint + 16: docs/gold-schema.md).
_SHORT_TITLE = 24
#: A paragraph that opens on its own article number is an article of its own (第七条 考核程序。), not the close of the
#: item above (a label does close it: 主要预期目标是:… under (一)总的要求和主要预期目标。).
_OWN_TOPIC = re.compile(r"\s*第[一二三四五六七八九十百零\d]+条")
_TERMINAL = tuple("。;；!！?？)）”\":：")
_BOUNDARY = set("。;；:：,，!！?？ \n")
#: Shortest paragraph that becomes a task when a document has no numbered structure.
_MIN_PROSE = 16
#: A prose line at least this long that stops mid-sentence was hard-wrapped (PDF, copied text).
_WRAPPED_LINE = 30
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: A clause in brackets closes an item; one written into a sentence (…,责任单位为区发改委;…) does not.
_CLAUSE_OPEN = "(（[［【〔"
#: What may stand between one item and the next on a line: punctuation, spaces, bullets and the
#: ``?`` a lost bullet glyph became.
_ITEM_JUNK = " \t。;；,，、?？•·●○■□◆◇▲△★☆-—"


@dataclass
class _Task:
    """A task while the outline is being built (ids are assigned once the order is final)."""

    number: str
    start: int
    end: int
    section: _Section | None
    parent: _Task | None = None
    style: str = ""
    row: tables.Row | None = None
    blocks: list[Block] = field(default_factory=list)  # the lines of its text: their clauses are its own
    clause_blocks: list[Block] = field(default_factory=list)  # bare clause lines below it
    people_lines: list[Block] = field(default_factory=list)  # a people list's lines after its label line
    field_lines: list[tuple[str, Span]] = field(default_factory=list)  # (column role, value span)
    children: list[_Task] = field(default_factory=list)
    resp: Responsibility = field(default_factory=Responsibility)
    by_clause: bool = False  # its items were cut at its clauses: each clause is its item's

    @property
    def clause_lines(self) -> list[Block]:
        return self.clause_blocks

    def clauses(self) -> list[tuple[Span, Responsibility]]:
        """Its clauses, read once per line: those in its own text, then those of its clause lines."""
        found = [sc for b in self.blocks for sc in b.clauses_in(self.start, self.end)]
        found += [sc for b in self.clause_blocks for sc in b.clauses_in(b.start, b.end)]
        found += [((b.start, b.end), Responsibility(people=list(b.person_names), span=(0, len(b.text))))
                  for b in self.people_lines]
        return sorted(found, key=lambda sc: sc[0][0])


@dataclass
class _Section:
    number: str
    title: str
    level: int
    span: Span
    parent: _Section | None
    record: SectionRecord | None = None
    heads: Responsibility = field(default_factory=Responsibility)  # who a group heading names (夏禹桨区长牵头…)


def title_of(text: str) -> str:
    """The first sentence, for display."""
    m = _SENTENCE_END.search(text)
    title = (text[: m.start()] if m else text).split("\n", 1)[0]
    return title.strip()[:80]


def _run_on_items(text: str, first: str, offset: int) -> list[tuple[str, int, int]]:
    """A line ``①…;②…;③…`` holds one item per circled number, each a task: (number, start, end)
    within the line, the text after each number. Only the numbers that follow in sequence count."""
    k = _CIRCLED.find(first)
    found = [(first, text.find(first), offset)]  # (number, where it stands, where its text starts)
    pos = offset
    for marker in _CIRCLED[k + 1 :]:
        i = text.find(marker, pos)
        if i < 0:
            break
        found.append((marker, i, i + 1))
        pos = i + 1
    out = []
    for j, (number, _, body) in enumerate(found):
        if j + 1 < len(found):
            out.append((number, body, len(text[: found[j + 1][1]].rstrip(" ;；,，"))))
        else:
            out.append((number, body, len(text)))
    return out


def _continues(previous: str, line: str) -> bool:
    """Whether a plain line carries on the task text above rather than starting something else.

    The text above must stop mid-sentence; a short unpunctuated line (a signature,
    ``附件``, page chrome) or a label ending in a colon is never a continuation.
    """
    if not previous or previous.endswith(_TERMINAL) or line.endswith((":", "：")):
        return False
    return len(line) > 12 or bool(_SENTENCE_END.search(line))


def _nest(stack: list[tuple[str, object]], style: str) -> None:
    """Pop the stack down to where an item of ``style`` belongs (its sibling's level, or deeper)."""
    for i, (s, _) in enumerate(stack):
        if s == style:
            del stack[i:]
            return


def sub_items(text: str) -> list[tuple[str, int, int]]:
    """Inline sub-items ``一是…二是…`` or ``①…②…`` as (number, start, end) within ``text``.

    Two markers in sequence are needed, the first after a sentence boundary, so a
    stray ``统一是`` never opens a list.
    """
    for markers in ([f"{c}是" for c in _CN], list(_CIRCLED)):
        found: list[int] = []
        pos = 0
        for k, marker in enumerate(markers):
            i = text.find(marker, pos)
            while k == 0 and i > 0 and text[i - 1] not in _BOUNDARY:
                i = text.find(marker, i + 1)
            if i < 0:
                break
            found.append(i)
            pos = i + len(marker)
        if len(found) >= 2:
            ends = [*found[1:], len(text.rstrip())]
            return [(markers[k], s, e) for k, (s, e) in enumerate(zip(found, ends, strict=True))]
    return []


#: The longest line that can be a group's name alone (治安巡查工作小组).
_GROUP_NAME_MAX = 20


#: A row number opening a line of a spaced table (2  严守用水…).
_ROW_NUMBER = re.compile(r"^\d{1,3}\s+\S")
#: A people label whose value names no one (牵头负责领导:市政府常务副市长。): a field of the task above.
_POST_ONLY = re.compile(r"^\s*([^:：\s]{2,10})\s*[:：]\s*[^:：]{1,30}$")
#: A label alone on its line (组长:), its value on the lines below.
_LABEL_ALONE = re.compile(r"^\s*([^:：\s]{1,3}(?:\s?[^:：\s]{1,6})?)\s*[:：]\s*$")


class _Outline:
    """Walks the lines once, keeping the section and task numbering stacks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.sections: list[_Section] = []
        self.tasks: list[_Task] = []
        self.section_stack: list[tuple[str, object]] = []
        self.task_stack: list[tuple[str, object]] = []
        self.in_table = False  # a table header was read and no prose has ended the table
        self.listing: _Task | None = None  # the task whose people list the last lines were
        self.leader: Block | None = None  # a leader's own line, whose duties the paragraph right under it opens
        self.last: _Task | _Section | None = None  # the block the previous line belonged to
        self.open_paragraph = False  # the previous line was a task's text and nothing ended it
        self.prose: list[tuple[int, int, _Section | None]] = []  # paragraphs that fit no structure
        self.prose_blocks: dict[int, list[Block]] = {}  # a prose paragraph's lines, by its start
        self.section_blocks: dict[int, list[Block]] = {}  # a heading's line, by id of its section
        lines = [b for b in doc.blocks if not b.blank]
        self.below: dict[int, Block] = {a.start: b for a, b in zip(lines, lines[1:], strict=False)}  # next line not blank

    # -- helpers
    @property
    def section(self) -> _Section | None:
        return self.section_stack[-1][1] if self.section_stack else None  # type: ignore[return-value]

    def _new_task(self, number: str, start: int, end: int, style: str = "", parent: _Task | None = None,
                  block: Block | None = None) -> _Task:
        task = _Task(number=number, start=start, end=end, section=self.section, parent=parent, style=style)
        if block is not None:
            task.blocks.append(block)
        self.tasks.append(task)
        self.last = task
        return task

    def _new_section(self, style: str, number: str, title: str, span: Span) -> _Section:
        _nest(self.section_stack, style)
        parent = self.section
        sec = _Section(number=number, title=title, level=len(self.section_stack) + 1, span=span, parent=parent,
                       heads=heading_roles(title))
        self.section_stack.append((style, sec))
        self.sections.append(sec)
        self.task_stack.clear()
        self.last = sec
        return sec

    # -- line kinds
    def feed(self, line: Block) -> None:
        """Assemble one line: the first handler in ``PRECEDENCE`` that takes its reading wins."""
        for name in PRECEDENCE:
            if getattr(self, "_on_" + name)(line):
                self._split_inline_field(line)
                return

    def _split_inline_field(self, line: Block) -> None:
        """``1.任务…(责任处室:X)进展情况:截至6月底,已…``: a results field written on the task's own
        line, after its sentence or clause, is the task's results field (as on a line of its own)."""
        task = self.last
        if not isinstance(task, _Task) or task.row is not None or task.end != line.end:
            return
        m = INLINE_FIELD.search(self.text, task.start, task.end)
        if m is None:
            return
        role = tables.column_role(m.group(1)) or m.group(1)
        task.field_lines.append((role, (m.end(), task.end)))
        task.end = m.start(1)

    # -- handlers, in the order of PRECEDENCE; each returns True when it took the line
    def _on_blank(self, line: Block) -> bool:
        if line.blank:
            self.open_paragraph = False
        return line.blank

    def _on_table_row(self, line: Block) -> bool:
        if not line.table_row:
            return False
        if self.doc.header_at(line.start) is not None:
            self.in_table = True
        elif (row := self.doc.rows.get(line.start)) is not None and row.task is not None:
            task = self._new_task(row.number, row.task.span[0], row.task.span[1], "row")
            task.row = row
        self.open_paragraph = False
        return True

    def _on_merged_row(self, line: Block) -> bool:
        """A row merged across the table (``一、平台建设 |``): a heading inside it, the table goes on;
        any other text outside a table row ends the table."""
        if not line.single_cell or not self.in_table:
            self.in_table = False
            return False
        self._merged_row(line.text, line.start, line.end)
        return True

    def _on_clause_line(self, line: Block) -> bool:
        if not line.clause_only:
            if not line.blank and not (self.listing is not None and line.person_names):
                self.listing = None
            return False
        self._clause_line(line)
        return True

    def _on_field_line(self, line: Block) -> bool:
        """A labelled paragraph under a task (进展情况:截至9月底… / 工作成果:…): the task's field. A label the lexicon
        lacks is a field too, named as written, when it assigns no one and a clause line follows it, so the task
        stays open for that 责任单位 line (a labelled line with a clause, 区统计局:负责…, is a task of its own)."""
        fm = line.field or (self._labels_for_clause_below(line) and LEADING_LABEL.match(line.text)) or None
        if fm is None or not isinstance(self.last, _Task) or self.last.row is not None:
            return False
        role = tables.column_role(fm.group(1)) or fm.group(1)
        self.last.field_lines.append((role, (line.start + fm.end(), line.end)))  # the task stays open for its 责任单位 line
        self.open_paragraph = False
        return True

    def _labels_for_clause_below(self, line: Block) -> bool:
        """Whether ``line`` assigns no one and the next line that is not blank is a clause line assigning someone
        other than a contact (工作成果:… then 责任单位:…)."""
        if line.clauses:
            return False
        below = self.below.get(line.start)
        return below is not None and below.clause_only and any(not c.contact_only for c in below.clauses)

    def _on_section(self, line: Block) -> bool:
        if line.section is None:
            return False
        self._section_line(line)
        return True

    def _on_decimal(self, line: Block) -> bool:
        return line.decimal is not None and self._decimal_line(line)

    def _on_numbered(self, line: Block) -> bool:
        if line.numbered is None:
            return False
        style, number, off = line.numbered
        if style == "arabic" and self.section_stack and self.section_stack[-1][0] == _HEADING_STYLE:
            self.section_stack.pop()  # the next N. closes the N. heading above
            self.task_stack.clear()
        _nest(self.task_stack, style)
        parent = self.task_stack[-1][1] if self.task_stack else None
        items = _run_on_items(line.text, number, off) if style == "circled" else [(number, off, len(line.text))]
        for item, a, b in items:
            task = self._new_task(item, line.start + a, line.start + b, style, parent, line)  # type: ignore[arg-type]
        self.task_stack.append((style, task))
        self.open_paragraph = True
        return True

    def _on_shi_item(self, line: Block) -> bool:
        return line.shi is not None and self._shi_line(line)

    def _new_row(self, line: Block) -> bool:
        """In a table laid out as spaced text with its units after each task (``Conventions.units_after_task``), a
        line opening on a row number (2  严守用水…) starts a row: the row above ended in its units, not mid-sentence."""
        return line.conventions.units_after_task and _ROW_NUMBER.match(line.text) is not None

    def _on_wrapped(self, line: Block) -> bool:
        if self._new_row(line) or not self._wrapped(line.text):
            return False
        self._extend(line)  # a paragraph broken mid-sentence, its clause on the next line
        return True

    def _on_clause_paragraph(self, line: Block) -> bool:
        if not any(not c.contact_only for c in line.clauses):
            return False  # a note that names only a contact person (注:…联系人:王磊) is no task
        self._paragraph_task(line)
        return True

    def _paragraph_task(self, line: Block) -> None:
        """An unnumbered paragraph made a task, under the numbered item it stands in."""
        parent = self.task_stack[-1][1] if self.task_stack else None
        self._new_task("", line.start, line.end, parent=parent, block=line)  # type: ignore[arg-type]
        self.open_paragraph = True

    def _on_continuation(self, line: Block) -> bool:
        if self._new_row(line):  # a row whose units the page cut off is still a row
            self._paragraph_task(line)
            return True
        if not (self.open_paragraph and isinstance(self.last, _Task)
                and _continues(self.text[self.last.start : self.last.end], line.text)):
            return False
        self._extend(line)  # a hard-wrapped line (PDF) or a title's body continues the task above
        return True

    def _extend(self, line: Block) -> None:
        assert isinstance(self.last, _Task)
        self.last.end = line.end
        self.last.blocks.append(line)

    def _on_prose(self, line: Block) -> bool:
        s, e = line.start, line.end
        if self.leader is not None and self.below.get(self.leader.start) is line:
            self.prose.append((s, e, self.section))  # a leader's duties: a task, its leader the task's person
            self.prose_blocks.setdefault(s, []).append(line)
            self._prose_task().people_lines.append(self.leader)
            self.leader = None
            self.open_paragraph = False
            return True
        if self.open_paragraph is False and isinstance(self.last, _Section) is False and self.prose and \
                self.prose[-1][1] == s - 1 and self.prose[-1][1] - self.prose[-1][0] >= _WRAPPED_LINE and \
                not self.text[self.prose[-1][0] : self.prose[-1][1]].endswith(_TERMINAL):
            self.prose[-1] = (self.prose[-1][0], e, self.prose[-1][2])  # a prose paragraph hard-wrapped
        else:
            self.prose.append((s, e, self.section))
        self.prose_blocks.setdefault(self.prose[-1][0], []).append(line)
        self.open_paragraph = False
        self.last = None
        return True

    def degrade_to_paragraphs(self) -> None:
        """A text with no numbered structure still loads: its prose paragraphs become tasks.

        Only paragraphs that read as sentences count (a sentence end, or long enough to be
        one), so titles, signatures and leftover chrome do not.
        """
        if self.tasks:
            return
        for s, e, section in self.prose:
            body = self.text[s:e]
            if len(body) >= _MIN_PROSE and (_SENTENCE_END.search(body) or len(body) >= 40):
                self.tasks.append(_Task(number="", start=s, end=e, section=section, style="prose",
                                        blocks=list(self.prose_blocks.get(s, []))))

    def _names_own_topic(self, task: _Task) -> bool:
        """Whether a paragraph opens on its own article number (第七条 考核程序。)."""
        return _OWN_TOPIC.match(self.text, task.start, task.end) is not None

    def fold_closing_paragraphs(self) -> None:
        """A numbered item written as a paragraph, with no clause of its own, whose only sub-task is one unnumbered
        paragraph ending in a clause: that clause closes the item (``(一)道路畅通工程。加快建设…。`` / bullet lines /
        ``进一步规范…。(自治区交通运输厅牵头,…配合)``), so the item holds it. A title (``1.加快推进X``, no sentence
        end) keeps the paragraph below as its own task, and two clause paragraphs stay two tasks."""
        heading_tasks = {id(t.section): t for t in self.tasks if t.style == "section" and t.section is not None}
        only_child: dict[int, _Task | None] = {}
        for task in self.tasks:
            owner = task.parent or (heading_tasks.get(id(task.section)) if task.section is not None else None)
            if owner is not None and owner is not task:
                key = id(owner)
                only_child[key] = None if key in only_child else task
        folded: set[int] = set()
        for item in self.tasks:
            child = only_child.get(id(item))
            if child is None or child.number or child.style or child.row is not None or item.row is not None \
                    or not item.number or child.section is not item.section or self._names_own_topic(child):
                continue
            if item.clauses() or not _SENTENCE_END.search(self.text[item.start : item.end]):
                continue
            item.blocks.extend(child.blocks)
            item.clause_blocks.extend(child.clause_blocks)
            item.people_lines.extend(child.people_lines)
            item.field_lines.extend(child.field_lines)
            item.end = max(item.end, child.end)
            folded.add(id(child))
        if folded:
            self.tasks = [t for t in self.tasks if id(t) not in folded]
        self._fold_lone_paragraphs()

    def _fold_lone_paragraphs(self) -> None:
        """A short heading (``一、推进重大项目建设``) whose section holds one task, an unnumbered paragraph ending in
        its clause right under the heading, and no sub-section: heading and paragraph are one task, as a reader
        takes them (the heading names it, and the paragraph's first words still fall within a hint's reach)."""
        in_section: dict[int, list[_Task]] = {}
        for task in self.tasks:
            if task.section is not None:
                in_section.setdefault(id(task.section), []).append(task)
        parents = {id(sec.parent) for sec in self.sections if sec.parent is not None}
        for sec in self.sections:
            tasks = in_section.get(id(sec), [])
            if len(tasks) != 1 or id(sec) in parents or len(sec.title) > _SHORT_TITLE:
                continue
            task, heading = tasks[0], self.section_blocks.get(id(sec), [])
            if task.number or task.style or task.parent is not None or task.row is not None or not task.clauses():
                continue
            if not self._right_under(heading, task.blocks):
                continue  # the paragraph must stand right under its heading
            task.number, task.start = sec.number, sec.span[0]
            task.blocks[:0] = heading

    def _shi_line(self, line: Block) -> bool:
        """``一是…(责任部门:X)`` lines: each a task, not a paragraph wrapped onto the next.

        A line opening with 一是/二是 that assigns its own units, or that follows such an
        item, is a numbered item; an ``一是…二是…`` run inside one paragraph (a summary's
        problem list) stays that paragraph's inline sub-items.
        """
        m = SHI_LINE.match(line.text)
        if m is None:
            return False
        follows = bool(self.task_stack) and self.task_stack[-1][0] == "shi" and self.last is self.task_stack[-1][1]
        if not (follows or line.clauses):
            return False
        _nest(self.task_stack, "shi")
        parent = self.task_stack[-1][1] if self.task_stack else None
        task = self._new_task(m.group(1), line.start + m.end(), line.end, "shi", parent, line)  # type: ignore[arg-type]
        self.task_stack.append(("shi", task))
        self.open_paragraph = True
        return True

    def _wrapped(self, stripped: str) -> bool:
        """A line that carries on a task paragraph broken mid-sentence, even when it holds a clause.

        The task must read as a paragraph already (a sentence end inside it, or a long
        last line: a wrapped paragraph fills its line) and stop mid-sentence; a short
        title such as ``1.加快推进X`` followed by a paragraph with its own clause is a
        title, and that paragraph stays a task of its own.
        """
        if not (self.open_paragraph and isinstance(self.last, _Task)):
            return False
        previous = self.text[self.last.start : self.last.end]
        last_line = previous.rsplit("\n", 1)[-1]
        return (len(last_line) > 40 or bool(_SENTENCE_END.search(previous))) and _continues(previous, stripped)

    def _decimal_line(self, line: Block) -> bool:
        """``N.M`` items: tasks under the ``N.`` item above them (the next M after the last).

        The numbered items that carry work are the tasks: an ``N.`` line with only a
        title becomes the heading (a section) of its ``N.M`` items; an ``N.`` item with
        a text of its own stays a task and its ``N.M`` items are PART_OF it. Without a
        matching ``N.`` above, ``1.5万家…`` at a line start is a number, not numbering.
        """
        m = line.decimal
        if m is None:
            return False
        s, e = line.start, line.end
        major, minor = m.group(2), int(m.group(3))
        head = self.section_stack[-1][1] if self.section_stack and self.section_stack[-1][0] == _HEADING_STYLE else None
        parent = next((t for st, t in reversed(self.task_stack) if st == "arabic"), None)
        siblings: list[_Task]
        if isinstance(head, _Section) and head.number.rstrip(".") == major:
            siblings = [t for st, t in self.task_stack if st == "decimal" and isinstance(t, _Task)]
        elif isinstance(parent, _Task) and parent.number == major:
            siblings = [ch for ch in self.tasks if ch.parent is parent and ch.style == "decimal"]
        else:
            return False
        expected = int(siblings[-1].number.split(".")[1]) + 1 if siblings else 1
        if minor != expected:
            return False
        if isinstance(parent, _Task) and parent.number == major and not siblings and self._title_only(parent):
            self.tasks.remove(parent)
            body = self.text[parent.start : parent.end]
            self._new_section(_HEADING_STYLE, major + ".", title_of(body), (parent.start, parent.end))
            parent = None
        _nest(self.task_stack, "decimal")
        owner = parent if isinstance(parent, _Task) and parent.number == major else None
        task = self._new_task(m.group(1), s + m.end(), e, "decimal", owner, line)
        self.task_stack.append(("decimal", task))
        self.open_paragraph = True
        return True

    def _title_only(self, task: _Task) -> bool:
        """A numbered line that names a topic and carries no work: short, no sentence, no clause, no children."""
        body = self.text[task.start : task.end].strip()
        has_children = any(t.parent is task for t in self.tasks)
        return len(body) <= 40 and not _SENTENCE_END.search(body) and not task.clauses() and not has_children

    def _merged_row(self, stripped: str, s: int, e: int) -> None:
        """A one-cell row between a table's body rows: a section heading when numbered as one."""
        if (sec := match_number(SECTION_STYLES, stripped)) is not None:
            style, number, off = sec
            self._new_section(style, number, title_of(self.text[s + off : e]), (s + off, e))
        self.open_paragraph = False

    def _clause_line(self, line: Block) -> None:
        """``牵头单位:X;配合单位:Y`` on its own line answers for the block above it; a leading group's
        ``组长:…`` / ``成员:…`` lines under a paragraph make that paragraph a task holding them."""
        target = self.last
        if isinstance(target, _Section):  # a title-only heading followed by its clause is a task after all
            target = self._section_task(target)
        elif target is None and self.prose and not self.open_paragraph and self._introduces(line):
            target = self._prose_task()
        elif target is None and self.prose and not self.open_paragraph and self._assigns_above(line):
            target = self._paragraph_with_heading()  # (一)推动….\n<paragraph>\n(扶贫办、教育部等负责)
        elif target is None and any(c.people for c in line.clauses) and not any(c.contact_only for c in line.clauses):
            if self.prose and not self.text[self.prose[-1][1] : line.start].strip() \
                    and _SENTENCE_END.search(self.text[self.prose[-1][0] : self.prose[-1][1]]):
                target = self._prose_task()  # 市委、市政府成立…指挥部。 / 总指挥:…: the sentence above holds the list
            else:  # 组长:李文钢 right under a title: the list is the task
                target = self._new_task("", line.start, line.end, _LIST_STYLE, block=line)
        if isinstance(target, _Task) and self._closes_sub_items(target):
            target = target.parent
        if isinstance(target, _Task):
            target.clause_blocks.append(line)
            if target.style == _LIST_STYLE or target is self.listing:
                target.end = max(target.end, line.end)  # 副组长:冯镭 / 成员:…: the list, and its text, go on
            if any(c.people for c in line.clauses):
                self.listing = target  # names on the lines below carry the list on (汤志平 副市长)
        self.open_paragraph = False

    def _closes_sub_items(self, task: _Task) -> bool:
        """Whether a clause line under ``task`` answers for its parent: ``task`` is the last of two or more
        numbered sub-items ((1)…(4) under 1.完善应急预案体系) none of which has a clause of its own, so the
        line closes the list, not its last item."""
        if task.parent is None or not task.number:
            return False
        siblings = [t for t in self.tasks if t.parent is task.parent]
        return len(siblings) >= 2 and not any(t.clauses() for t in siblings)

    def _on_people_label(self, line: Block) -> bool:
        """A people label alone on its line (组长: / 第一副组长: / 成 员:), its names on the lines below: it opens a
        list for the block above, as a ``组长:孙春兰`` line would. A people label whose value is a post and no one
        (牵头负责领导:市政府常务副市长。) is a field of the task above, which goes on."""
        m = _LABEL_ALONE.match(line.text)
        if m is None:
            if isinstance(self.last, _Task) and not line.clauses and (post := _POST_ONLY.match(line.text)) \
                    and label_role(post.group(1)) == "people":
                self.last.clause_blocks.append(line)  # 牵头负责领导:市政府常务副市长。 names a post, no one: the task goes on
                return True
            return False
        if label_role(m.group(1)) != "people":
            return False
        self._clause_line(line)
        if isinstance(self.last, _Task) and line in self.last.clause_blocks:
            self.listing = self.last
        elif self.tasks and line in self.tasks[-1].clause_blocks:
            self.listing = self.tasks[-1]
        return True

    def _on_people_line(self, line: Block) -> bool:
        """A line that is only a person and their post, under a 组长:/成员: line: the list goes on. Standing alone
        with a duty right under it (龚正 市长 / 领导市政府全面工作。), it heads that leader's block of duties."""
        if self.listing is None and (below := self.below.get(line.start)) is not None \
                and below.text.startswith(lexicon.words("people.duty_openers")) and line.person_names and not below.person_names:
            self.leader = line
            self.last = None
            return True
        if self.listing is None and isinstance(self.last, _Section) and line.person_names:
            self.listing = self._section_task(self.last)  # 一、省级总林长 / 唐登杰 省委书记…: the heading names the list
        if self.listing is None or self.last is not self.listing or not line.person_names:
            return False
        self.listing.people_lines.append(line)
        self.listing.end = max(self.listing.end, line.end)  # the list is the task's: its text runs on with it
        return True

    def _assigns_above(self, line: Block) -> bool:
        """Whether ``line`` assigns units and the last prose paragraph stands right above it."""
        _, e, _ = self.prose[-1]
        return not self.text[e : line.start].strip() and any(c.lead or c.support for c in line.clauses)

    def _paragraph_with_heading(self) -> _Task:
        """The last prose paragraph made a task for the clause line below it: the body of a numbered title right
        above it (``27. 强化数字赋能…`` / paragraph / ``责任单位:…``); else a task whose heading, when it stands right
        under the short heading of a section holding no task yet, names it and opens it (the State Council's
        ``(一)推动…消费扶贫。`` / paragraph / ``(扶贫办、…等负责)``)."""
        s, e, section = self.prose[-1]
        blocks = self.prose_blocks.get(s, [])
        titled = self.tasks[-1] if self.tasks else None  # 27. 强化数字赋能“百千万工程” / paragraph / 责任单位:…
        if titled is not None and self._right_under(titled.blocks, blocks) and self._title_only(titled):
            self.prose.pop()
            titled.end = e
            titled.blocks.extend(blocks)
            self.last = titled
            return titled
        heading = self.section_blocks.get(id(section), []) if section is not None else []
        opens = section is not None and self._right_under(heading, blocks) and len(section.title) <= _SHORT_TITLE \
            and not any(t.section is section for t in self.tasks)
        task = self._prose_task()
        if opens and section is not None:
            task.number, task.start, task.blocks = section.number, section.span[0], [*heading, *task.blocks]
        return task

    def _prose_task(self) -> _Task:
        """The last prose paragraph, made a task (it holds the clause or the list below it)."""
        s, e, section = self.prose.pop()
        task = _Task(number="", start=s, end=e, section=section, style="prose", blocks=list(self.prose_blocks.get(s, [])))
        self.tasks.append(task)
        self.last = task
        return task

    def _section_task(self, sec: _Section) -> _Task:
        """A title-only heading made a task after all (its clause or its people list follows it)."""
        task = self._new_task(sec.number, sec.span[0], sec.span[1], "section")
        task.blocks.extend(self.section_blocks.get(id(sec), []))
        return task

    def _right_under(self, above: list[Block], blocks: list[Block]) -> bool:
        """Whether ``blocks`` open on the first line that is not blank after the last of ``above``."""
        return bool(above and blocks) and self.below.get(above[-1].start) is blocks[0]

    def _introduces(self, line: Block) -> bool:
        """Whether the last prose paragraph stands right above ``line`` and introduces the list it opens
        (``…领导小组组成人员如下:``), so the people and units listed are that paragraph's."""
        s, e, _ = self.prose[-1]
        if self.text[e : line.start].strip() or (line.clauses and all(c.contact_only for c in line.clauses)):
            return False  # (a label alone, 组 长:, has no clause yet: its names are on the lines below)
        body = self.text[s:e].rstrip()
        if len(body) <= _GROUP_NAME_MAX and body.endswith(lexicon.words("roles.group_endings")):
            return True  # 治安巡查工作小组 on its own line, its 组长:/组员: lines under it
        return body.endswith((":", "：")) or any(w in body for w in lexicon.words("roles.list_openers"))

    def _section_line(self, line: Block) -> None:
        style, number, off = line.section  # type: ignore[misc]
        s, e = line.start, line.end
        body_start = s + off
        body = self.text[body_start:e]
        title = title_of(body)
        has_body = len(body.strip("。 ")) - len(title) > 10
        if any(not c.in_prose for c in line.clauses):  # State Council style: the numbered section item is itself a task
            _nest(self.task_stack, style)
            parent = self.task_stack[-1][1] if self.task_stack else None
            task = self._new_task(number, body_start, e, style, parent, line)  # type: ignore[arg-type]
            self.task_stack.append((style, task))
            self.open_paragraph = True
            return
        sec_ = self._new_section(style, number, title, (body_start, e))
        self.section_blocks[id(sec_)] = [line]
        if has_body:  # a summary's "(一)做法。正文…": the section's paragraph is a task too
            self._new_task(number, body_start, e, "section", block=line)
            self.open_paragraph = True
        else:
            self.last = sec_
            self.open_paragraph = False

    # -- output
    def records(self, doc_id: str) -> tuple[list[SectionRecord], list[TaskRecord]]:
        sections: list[SectionRecord] = []
        for i, sec in enumerate(self.sections):
            sec.record = SectionRecord(
                id=ids.section_id(doc_id, i),
                number=sec.number,
                title=sec.title,
                order=i,
                level=sec.level,
                parent_id=sec.parent.record.id if sec.parent and sec.parent.record else None,
                span=sec.span,
            )
            sections.append(sec.record)
        ordered: list[tuple[_Task, str, Span, Span | None]] = []  # (task or parent, number, span, sub-item span)
        for task in self.tasks:
            ordered.append((task, task.number, (task.start, task.end), None))
            if task.row is None:
                for number, a, b in self._items(task):
                    ordered.append((task, number, (task.start + a, task.start + b), (task.start + a, task.start + b)))
        records: list[TaskRecord] = []
        record_of: dict[int, TaskRecord] = {}
        for order, (task, number, span, sub) in enumerate(ordered):
            home = task.section
            rec = TaskRecord(
                id=ids.task_id(doc_id, order),
                number=number,
                section=(home.number + home.title) if home else None,
                section_id=home.record.id if home and home.record else None,
                text="",
                order=order,
            )
            if sub is None:
                record_of[id(task)] = rec
                rec.parent_id = record_of[id(task.parent)].id if task.parent and id(task.parent) in record_of else None
            else:
                rec.parent_id = record_of[id(task)].id
            body_start = span[0] + len(number) if sub else span[0]
            rec.text = self.text[body_start : span[1]].strip()
            rec.title = title_of(rec.text)
            rec.span = (body_start, span[1]) if task.row is None else task.row.span
            if sub is None and task.field_lines:  # its report paragraphs are the task's, like a row's cells
                rec.fields = {role: self.text[a:b] for role, (a, b) in task.field_lines}
                rec.span = (rec.span[0], max(rec.span[1], *(b for _, (_, b) in task.field_lines)))
            records.append(rec)
        self._assign_responsibility(ordered, records)
        self._inherit_heads(ordered, records)
        return sections, records

    def _inherit_heads(self, ordered: list[tuple[_Task, str, Span, Span | None]], records: list[TaskRecord]) -> None:
        """A heading that names who leads its group (``一、夏禹桨区长牵头重点工作``, ``(二)县发改局牵头``)
        answers for every task under it: its people join theirs, its units lead where none does."""
        for (task, _, _, sub), rec in zip(ordered, records, strict=True):
            if sub is not None:
                continue
            sec = task.section
            while sec is not None and not sec.heads:
                sec = sec.parent
            if sec is None:
                continue
            rec.people.extend(n for n in sec.heads.people if n not in rec.people)
            if not rec.lead and sec.heads.lead:
                rec.lead.extend(sec.heads.lead)
                rec.support.extend(n for n in sec.heads.support if n not in rec.support)

    def _items(self, task: _Task) -> list[tuple[str, int, int]]:
        """The items inside a task's paragraph: its 一是 / ① sub-items when every clause it carries
        stands in one of them, else, when it carries several clauses, one item per clause (the text
        up to each clause: ``…(责任科室:X)①围绕…(责任科室:Y)②…``, or items run together on one line
        behind lost bullets, ``? 实施…(科技部牵头) ? 支持…(…)``); the text before the first clause
        is the task's own."""
        text = self.text[task.start : task.end]
        items = sub_items(text)
        own = [sp for sp, c in task.clauses()
               if task.start <= sp[0] < task.end and not c.in_prose and self.text[sp[0]] in _CLAUSE_OPEN]
        if len(own) < 2 or all(any(a <= sp[0] - task.start < b for _, a, b in items) for sp in own):
            return items
        ends = sorted(sp[1] - task.start for sp in own)
        task.by_clause = True
        out: list[tuple[str, int, int]] = []
        for prev, end in zip(ends, ends[1:], strict=False):
            start = prev + len(text[prev:end]) - len(text[prev:end].lstrip(_ITEM_JUNK))
            number = text[start] if text[start : start + 1] in _CIRCLED else ""
            if end - start > len(number) + 4:
                out.append((number, start, end))
        tail = ends[-1] + len(text[ends[-1]:]) - len(text[ends[-1]:].lstrip(_ITEM_JUNK))
        if len(text) - tail > 10:  # text after the last clause: an item without a clause of its own
            out.append((text[tail] if text[tail] in _CIRCLED else "", tail, len(text.rstrip())))
        return out

    def _assign_responsibility(self, ordered: list[tuple[_Task, str, Span, Span | None]], records: list[TaskRecord]) -> None:
        """Clauses go to the innermost item that holds them, unless only some sub-items have one."""
        by_task: dict[int, list[TaskRecord]] = {}
        own: dict[int, TaskRecord] = {}
        led: set[int] = set()
        for (task, _, _, sub), rec in zip(ordered, records, strict=True):
            if sub is None:
                own[id(task)] = rec
            else:
                by_task.setdefault(id(task), []).append(rec)
        for task in self.tasks:
            rec = own[id(task)]
            if task.row is not None:
                rec.lead, rec.support, rec.people = task.row.lead, task.row.support, task.row.people
                rec.fields = task.row.fields
                rec.clause_span = task.row.lead_span
                continue
            found = task.clauses()
            children = by_task.get(id(task), [])
            holders = [next((ch for ch in children if ch.span[0] <= sp[0] < ch.span[1]), None) for sp, _ in found]
            if children and (task.by_clause or all(any(h is ch for h in holders) for ch in children)):
                for (sp, c), holder in zip(found, holders, strict=True):
                    _give(holder or rec, c, sp, led)
            else:
                for sp, c in found:
                    _give(rec, c, sp, led)


def _give(rec: TaskRecord, clause: Responsibility, span: Span, led: set[int]) -> None:
    """Add a clause's names to a task; ``led`` holds the tasks already led by a 牵头 label."""
    lead = clause.lead
    if clause.lead_label and not clause.lead_label.startswith("牵头") and id(rec) in led and not clause.support:
        lead, support = [], [*clause.support, *clause.lead]  # 牵头单位:X on one line, 责任单位:Y on the next
    else:
        support = clause.support
    if clause.lead_label.startswith("牵头"):
        led.add(id(rec))
    for mine, theirs in ((rec.lead, lead), (rec.support, support), (rec.people, clause.people)):
        mine.extend(n for n in theirs if n not in mine)
    rec.clause_span = span if rec.clause_span is None else (min(rec.clause_span[0], span[0]), max(rec.clause_span[1], span[1]))


#: The assembler's grammar: a line goes to the first handler (``_Outline._on_<name>``) that takes
#: it. Table structure first (a row, a merged row), then a bare clause (it belongs to the block
#: above), a people label alone on its line and the names under it, a results field of the task
#: above, numbered headings and items (sections before tasks, ``1.1`` before ``1.``), an inline
#: 一是 item, a wrapped paragraph, a paragraph with its own clause, a continuation of the open task
#: (or a spaced table's next row), and last plain prose.
PRECEDENCE: tuple[str, ...] = (
    "blank", "table_row", "merged_row", "clause_line", "people_label", "people_line", "field_line", "section", "decimal",
    "numbered", "shi_item", "wrapped", "clause_paragraph", "continuation", "prose",
)


def parse_document(doc: Document, doc_id: str) -> tuple[list[SectionRecord], list[TaskRecord]]:
    """Sections and tasks of a document read into blocks, in document order; spans into ``doc.text``."""
    outline = _Outline(doc)
    for block in doc.blocks:
        outline.feed(block)
    outline.fold_closing_paragraphs()
    outline.degrade_to_paragraphs()
    return outline.records(doc_id)


def parse_outline(text: str, doc_id: str) -> tuple[list[SectionRecord], list[TaskRecord]]:
    """Sections and tasks of a normalised text, in document order."""
    return parse_document(read_document(text), doc_id)
