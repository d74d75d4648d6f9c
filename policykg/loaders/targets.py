"""Quantitative targets and actuals: value in base units, unit, comparator, year.

``extract_targets`` walks every quantity ``numbers.find_quantities`` finds and
keeps the ones that are figures (``phrases.is_figure``: no ordinals, names,
codes, Chinese-numeral labels). For each it reads

- the indicator, comparator and measure from the surrounding words (``phrases``),
- the kind and year from the document's clock (``periods``): a plan's goals are
  targets of the plan year, a summary's results actuals of its own year, a
  combined document switches at its plan part, and a year that opens the
  figure's clause or paragraph overrides both,
- for tables, the column (``cells``): a 完成情况 cell holds actuals as of the
  report date, other cells hold targets; a figure a row restates in another
  cell (task, 目标任务, 下一步) is kept once,
- the task whose span contains it.

A figure followed by 目标 (``完成年度8000家的目标任务``) is a target wherever it stands.
An indicator table's bare numbers (unit in the row label, kind and year in the column
header) come from the table model (``tables.indicator_figures``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders import lexicon, phrases
from policykg.loaders.document import Document
from policykg.loaders.numbers import Quantity, find_quantities, find_unitless
from policykg.loaders.periods import (
    DocPeriod,
    FigureClock,
    Prior,
    Reading,
    Segment,
    as_of,
    doc_period,
    paragraphs,
    segment_at,
    segments,
)
from policykg.loaders.tablefigures import stated_unit_figures
from policykg.loaders.tables import RESULT_ROLES, CellIndex, column_role, indicator_figures, read_tables
from policykg.loaders.tables import CellAt as Cell
from policykg.loaders.types import DocumentRecord, TargetRecord, TaskRecord
from policykg.ontology import ids

_GOAL_AFTER = re.compile(r"[^,;。:|\n]{0,4}目标")
_SUFFIX = re.compile(rf"\s*(?:{lexicon.alternation('figures.comparator_suffixes')})")
#: The ranking verb (and its scope) that ends a rank's left context: 规上工业增加值居全省 -> 规上工业增加值.
_RANK_VERB_TAIL = re.compile(rf"(?:{lexicon.alternation('figures.rank_verbs')})?"
                             rf"(?:{lexicon.alternation('figures.rank_scopes')})?$")
#: Between figures listed in a row, or a baseline and its target: 以上, 左右 (8%以上和9%).
_GAP = rf"(?:{lexicon.alternation('figures.list_gap_words')})"
_JOINER_CHARS = "".join(w for w in lexicon.words("figures.list_joiners") if len(w) == 1)
#: What joins figures listed in a row: a joining character or word, or 、 (8%和8.8%; 823.57亿元、23003项).
_JOIN = (rf"(?:[{re.escape(_JOINER_CHARS)}、]|"
         rf"{'|'.join(re.escape(w) for w in lexicon.words('figures.list_joiners') if len(w) > 1)})")
_YEAR_END = lexicon.alternation("figures.year_end_words")  # 2020年底, 2020年末
_ABOUT = lexicon.alternation("figures.about_words")  # 不到, 约, 近 before a figure
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.、](?!\d)|[(]\d{1,2}[)]|[一二三四五六七八九十]+是|[①-⑳])\s*")


@dataclass
class _Seen:
    """The previous figure of the same sentence, for chained follow-ups."""

    sentence: int
    clause: int
    quantity: Quantity
    indicator: str
    base: str  # the indicator follow-ups lean on (增长9.8% leans on …增加值, not on …增长)
    direction: str | None = None  # 分别降低13.5%、18%: the second figure falls too
    baseline: bool = False  # 从X (提高到Y): Y measures the same thing


#: Figures read per paragraph (or table cell) at most. Prose never holds this many; a hostile
#: text that is nothing but figures would otherwise cost seconds per ten thousand (issue 10).
MAX_FIGURES_PER_PARAGRAPH = 500


def extract_targets(text: str, tasks: list[TaskRecord], document: DocumentRecord,
                    doc: Document | None = None) -> list[TargetRecord]:
    """Every quantitative figure in the normalised text, as TargetRecords in text order; ``doc``,
    the text read into blocks and tables, tells which table column a figure stands in."""
    period = doc_period(text, document)
    paras = paragraphs(text)
    segs = segments(paras, period)
    tables = doc.tables if doc is not None else read_tables(text)
    cells = doc.cells if doc is not None else CellIndex(tables)
    table_has_results = cells.has_results
    field_results = [] if table_has_results else result_spans_from_fields(text, tasks)
    goals = [] if table_has_results else _goal_spans(tasks)
    mask = phrases.quote_mask(text)
    clock = FigureClock(text, period, document, mask)
    out: list[TargetRecord] = []
    row_keys: dict[tuple[int, tuple[object, ...]], int] = {}  # (row, key) -> cell index first seen
    prev: _Seen | None = None
    para_iter = iter(paras)
    para = next(para_iter, None)
    per_paragraph: dict[int, int] = {}
    owners = _Owners(tasks)
    stated = stated_unit_figures(tables, text, period.summary_year or document.year)
    stated_cells = {f.span[0] for f in stated}  # read with the table's unit and column kind below
    found = find_quantities(text)
    found = sorted([*found, *find_unitless(text, lexicon.unitless_heads(), found)], key=lambda q: q.start)
    runs = _runs(text, found)
    run_names: list[str] | None = None
    whole: tuple[int, TargetRecord] | None = None  # (sentence, figure) the figures after 其中 break down
    for q in found:
        while para is not None and para.end <= q.start:
            para = next(para_iter, None)
        cell = cells.at(q.start)
        if cell is not None and (cell.header or cell.start in stated_cells):
            continue
        floor = cell.start if cell else (para.start if para else 0)
        per_paragraph[floor] = per_paragraph.get(floor, 0) + 1
        if per_paragraph[floor] > MAX_FIGURES_PER_PARAGRAPH:
            continue
        if not phrases.is_figure(text, q, mask, floor):
            continue
        sstart = phrases.sentence_start(text, q.start, floor)
        cstart = phrases.list_start(text, phrases.clause_start(text, q.start, floor), floor)
        if prev is not None and prev.sentence != sstart:
            prev = None
        indicator, raw_start, raw_end, base = _indicator(text, q, cstart, prev)
        if _junk(indicator):  # 比上年增长7.4%, 占49.4%: the change of what the sentence measures
            indicator = _context_indicator(text, q, prev, indicator, sstart)
        if prev is not None and prev.baseline and _BASELINE_TO.fullmatch(text, prev.quantity.end, q.start):
            indicator, base = prev.indicator, prev.base  # 满意度从84.7提升至89.6: the end of what began at 84.7
        unit = q.unit
        if unit is None:
            if not phrases.is_money(indicator + text[cstart : q.start]):
                continue
            unit = "元"  # 突破650亿: 元 is implied after 亿
        in_field = any(a <= q.start < b for a, b in field_results)
        prior = _prior(period, segs, q, cell, in_field)
        para_end = cell.end if cell is not None else (para.end if para else len(text))
        reading = clock.read(q.start, sstart, cstart, floor, para_end, prior, in_cell=cell is not None or in_field)
        kind, year, basis = reading.kind, reading.year, reading.basis
        if q.rank:
            basis = "rank"
        if cell is None and _is_baseline(text, q, floor):
            kind, basis = "actual", "baseline"
            year = _baseline_year(text, q, floor, year, segment_at(segs, q.start), sstart, reading)
        if kind == "actual" and not in_field and any(a <= q.start < b for a, b in goals):
            kind = "target"  # a task that reports its results below states its goal (as a row's task cell)
        if _GOAL_AFTER.match(text, q.end):
            kind = "target"
        if cell is None and _breaks_down(text, prev, out, q):
            whole = (sstart, out[-1])
        if cell is None and whole is not None and whole[0] == sstart and not _CLAUSE_LIST_END.search(
                text, whole[1].span[1], q.start) and clock.own_cue(cstart, sstart, q.start) is None:
            kind, year = whole[1].kind, whole[1].year  # 已完成7.42公里,其中新店溪3.79公里、…: parts of that result
        if cell is not None:
            key = (q.value, q.value_high, unit, kind, year)
            first = row_keys.setdefault((cell.row_start, key), cell.index)
            if first != cell.index:
                prev = _Seen(sstart, cstart, q, indicator, base, reading.direction)
                continue  # the row restates a figure another cell already holds
        left = text[cstart : q.start]
        owner = owners.at(q.start)
        place, run_length = runs.get(q.start, (0, 1))
        if place == 0:
            run_names = phrases.list_names(indicator, run_length) if run_length > 1 else None
        name = run_names[place] if run_names and place < len(run_names) else indicator
        if q.rank:
            name = _RANK_VERB_TAIL.sub("", name)  # 规上工业增加值居(全省第2): the ranked subject
        out.append(
            TargetRecord(
                id=ids.target_id(document.id, len(out)),
                indicator=phrases.indicator_name(name),
                value=q.value,
                value_high=q.value_high,
                unit=unit,
                year=year,
                kind=kind,
                period_from=reading.period_from if basis != "baseline" else None,
                period_to=reading.period_to if basis != "baseline" else None,
                aggregate=reading.aggregate,
                basis=basis,
                direction=reading.direction or (prev.direction if prev is not None and _follows(text, prev, q) else None),
                comparator="<=" if q.rank and kind == "target" else phrases.comparator(text, q, cstart),
                measure=phrases.measure(indicator, left, unit),
                raw=text[raw_start:raw_end].strip(),
                as_of=_as_of(text, q, period, document, kind, year, cell, floor),
                task_id=owner.id if owner else None,
                span=(q.start, q.end),
            )
        )
        prev = _Seen(sstart, cstart, q, indicator, base, out[-1].direction, basis == "baseline")
    # Bare numbers of tables: under a column that says its kind in a table that states its unit (单位:亿元),
    # then under the year columns of an indicator table (unit in the row label).
    for fig in [*stated, *indicator_figures(tables)]:
        owner = _owner(tasks, fig.span[0])
        out.append(
            TargetRecord(
                id=ids.target_id(document.id, len(out)),
                indicator=phrases.indicator_name(fig.indicator) or fig.indicator,
                value=fig.value,
                unit=fig.unit,
                year=fig.year,
                kind=fig.kind,
                measure=phrases.measure(fig.indicator, fig.indicator, fig.unit),
                raw=fig.raw,
                task_id=owner.id if owner else None,
                span=fig.span,
            )
        )
    return out


def _indicator(text: str, q: Quantity, cstart: int, prev: _Seen | None) -> tuple[str, int, int, str]:
    """(indicator, raw start, raw end, base) for a quantity whose clause starts at ``cstart``."""
    suffix = _SUFFIX.match(text, q.end)
    end = suffix.end() if suffix else q.end
    if prev is not None and prev.quantity.start >= cstart:
        between = text[prev.quantity.end : q.start]
        if re.fullmatch(rf"\s*{_GAP}?\s*{_JOIN}?\s*", between) or re.search(rf"[{_JOINER_CHARS}]$", between):
            after = phrases.noun_after(text, end)  # 24家和83家, 1个平台和10个子系统
            start = prev.quantity.start
            if after:
                return after, start, end + text[end:].find(after) + len(after), after
            return prev.indicator, start, end, prev.base
        cstart = prev.quantity.end + len(between) - len(between.lstrip())  # 287家企业贴息补助1861.94万元
    left_raw = _LIST_NUMBER.sub("", text[cstart : q.start])
    lead = len(text[cstart : q.start]) - len(left_raw)
    left = phrases.trim_left(left_raw)
    start = cstart + lead + max(0, left_raw.find(left[:2])) if left else q.start
    if prev is not None and left and phrases.leans_on_previous(left):
        return prev.base + re.sub(r"的$", "", left), _cap(start, q.start), end, prev.base
    if phrases.governs_after(left):
        after = phrases.noun_after(text, end)
        if after:
            verb = phrases.governing_verb(left)
            at = text.rfind(verb, cstart, q.start) if verb else -1
            return after, at if at >= 0 else q.start, end + text[end:].find(after) + len(after), after
        if not left and prev is not None:
            return prev.indicator, _cap(cstart + lead, q.start), end, prev.base
    indicator = left or phrases.noun_after(text, end)
    return indicator, _cap(start, q.start), end, indicator


_CJK = re.compile(r"[\u4e00-\u9fff]")


#: What a relational word leans on besides the measured thing (比上年, 高于全国, 分别).
_RELATION_NOISE = re.compile(lexicon.alternation("figures.relation_noise"))


def _junk(indicator: str) -> bool:
    """A name that says nothing measured: once relational words (增长, 占, 高于全国…) are
    set aside, fewer than two Chinese characters are left."""
    core = indicator.strip(" 、,;:()的")
    for word in sorted(lexicon.relational_words(), key=len, reverse=True):
        core = core.replace(word, "")
    return len(_CJK.findall(_RELATION_NOISE.sub("", core))) < 2


def _context_indicator(text: str, q: Quantity, prev: _Seen | None, word: str, sstart: int) -> str:
    """The indicator a bare change word leans on: the previous figure's in the sentence, else the
    noun after the figure, else the sentence's words before it; the word itself as a last resort."""
    core = word.strip(" 、,;:()的")
    if prev is not None and prev.base and not _junk(prev.base):
        return prev.base + core
    after = phrases.noun_after(text, q.end)
    if after and not _junk(after):
        return after
    before = phrases.trim_left(re.split(r"[,;:、]", text[sstart : q.start])[0])[-16:]
    return before + core if before and not _junk(before) else word


def _is_baseline(text: str, q: Quantity, floor: int) -> bool:
    """从2.77%提高到3.3%: the first figure (after 从/由, before 提高到…) is where the period started."""
    before = text[max(floor, q.start - 12) : q.start]
    stripped = re.sub(rf"(?:(?:19|20)\d{{2}}\s*年(?:{_YEAR_END})?的?|{_ABOUT})$", "", before)
    if not lexicon.words_pattern("baseline_from").search(stripped[-1:] if stripped else ""):
        return False
    after = text[q.end : q.end + 8]
    to = lexicon.words_pattern("baseline_to").search(after)
    return to is not None and not re.search(r"[,;。]", after[: to.start()])


def _baseline_year(
    text: str, q: Quantity, floor: int, year: int | None, seg: Segment | None, sstart: int, reading: Reading
) -> int | None:
    """The baseline's own year (从2020年的10.5万元), else the year before the span its sentence names
    (“十三五”期间…从5758名: 2015), else five years before the figure's in a stretch that spans five
    years (its part's heading or its sentence says 五年, 十三五…), else one."""
    stated = re.search(rf"((?:19|20)\d{{2}})\s*年(?:{_YEAR_END})?的?(?:{_ABOUT})?$", text[max(floor, q.start - 12) : q.start])
    if stated:
        return int(stated.group(1))
    if reading.period_from is not None:
        return reading.period_from - 1
    if year is None:
        return None
    heading = text[seg.start : text.find("\n", seg.start)] if seg is not None else text[max(0, q.start - 1500) : q.start]
    context = heading + text[sstart : q.start]
    return year - (5 if lexicon.words_pattern("five_year_cues").search(context) else 1)


def _cap(start: int, pos: int, width: int = 40) -> int:
    return max(start, pos - width)


_BREAKDOWN = lexicon.words_pattern("breakdown_words")
_CLAUSE_LIST_END = re.compile(r"[;；]")  # a breakdown runs to the end of its clause list


def _breaks_down(text: str, prev: _Seen | None, out: list[TargetRecord], q: Quantity) -> bool:
    """Whether a breakdown word (其中) stands between the sentence's last figure, just written, and ``q``."""
    return (prev is not None and bool(out) and out[-1].span == (prev.quantity.start, prev.quantity.end)
            and _BREAKDOWN.search(text, prev.quantity.end, q.start) is not None)


def _prior(period: DocPeriod, segs: list[Segment], q: Quantity, cell: Cell | None, in_field: bool) -> Prior:
    """The kind and year the figure's place gives it: its table column or results field, else the part
    of the document it stands in, else the document's genre. Its own words come after (``FigureClock``)."""
    report_year = period.summary_year or period.plan_year
    if (cell is not None and cell.result) or in_field:
        return Prior("actual", report_year)
    if cell is not None:
        return Prior("target", report_year)
    seg = segment_at(segs, q.start)
    if seg is not None:
        return Prior(seg.kind, seg.year, seg.first, seg.start)
    if period.reports:
        return Prior("actual", period.summary_year)
    return Prior("target", period.plan_year)


#: Between a baseline and the figure it rises or falls to: 从84.7<提升至>89.6.
_BASELINE_TO = re.compile(rf"\s*{_GAP}?\s*(?:" + lexicon.words_pattern("baseline_to").pattern
                          + rf")\s*(?:{lexicon.alternation('figures.above_words')}|{_ABOUT})?\s*")
_RUN_GAP = re.compile(rf"\s*{_GAP}?\s*{_JOIN}\s*")


def _runs(text: str, found: list[Quantity]) -> dict[int, tuple[int, int]]:
    """Figures listed in a row (8%和8.8%; 823.57亿元、23003项): start -> (place in the run, run length)."""
    out: dict[int, tuple[int, int]] = {}
    run: list[Quantity] = []
    for q in [*found, None]:
        if q is not None and run and _RUN_GAP.fullmatch(text, run[-1].end, q.start):
            run.append(q)
            continue
        for i, member in enumerate(run):
            out[member.start] = (i, len(run))
        run = [q] if q is not None else []
    return out


def _follows(text: str, prev: _Seen, q: Quantity) -> bool:
    """A figure that follows the previous one in a list (13.5%、18%; 26.3%和44.4%)."""
    return bool(re.fullmatch(rf"\s*{_GAP}?\s*{_JOIN}?\s*", text[prev.quantity.end : q.start]))


def _as_of(
    text: str, q: Quantity, period: DocPeriod, document: DocumentRecord, kind: str, year: int | None, cell: Cell | None, floor: int
) -> str | None:
    """Actuals of a status report carry the date they are reported as of."""
    if kind != "actual" or not (cell is not None or document.kind == "status-table" or period.as_of_month):
        return None
    return as_of(text, floor, q.start, year, period.as_of_month)


def _results_field(name: str) -> bool:
    return name in RESULT_ROLES or column_role(name) in RESULT_ROLES


def _goal_spans(tasks: list[TaskRecord]) -> list[tuple[int, int]]:
    """The own text of tasks that carry a results field (进展情况:…): the goal the results answer."""
    return [(t.span[0], t.span[0] + len(t.text)) for t in tasks if any(_results_field(name) for name in t.fields)]


def result_spans_from_fields(text: str, tasks: list[TaskRecord]) -> list[tuple[int, int]]:
    """Where a task's results field stands in the text, when the table had no header line."""
    out = []
    for t in tasks:
        for name, value in t.fields.items():
            if not value or not _results_field(name):
                continue
            at = text.find(value, t.span[0], max(t.span[1], t.span[0] + len(value)))
            if at >= 0:
                out.append((at, at + len(value)))
    return out


class _Owners:
    """``_owner`` for positions asked in text order, in linear time overall.

    Asked per figure, the plain scan over all tasks made a 10 MB plan quadratic (332 s);
    here tasks enter as the position passes their start and leave once it passes their end,
    so only the tasks open at the position (its nesting, a handful) are compared. A
    position before the previous one falls back to the plain scan.
    """

    def __init__(self, tasks: list[TaskRecord]) -> None:
        self.tasks = tasks
        self.order = sorted(range(len(tasks)), key=lambda k: tasks[k].span[0])
        self.next = 0
        self.open: list[int] = []
        self.last = -1

    def at(self, pos: int) -> TaskRecord | None:
        if pos < self.last:
            return _owner(self.tasks, pos)
        self.last = pos
        while self.next < len(self.order) and self.tasks[self.order[self.next]].span[0] <= pos:
            self.open.append(self.order[self.next])
            self.next += 1
        self.open = [k for k in self.open if self.tasks[k].span[1] > pos]
        best: int | None = None
        for k in sorted(self.open):  # task order breaks ties, as in _owner
            span = self.tasks[k].span
            if best is None or span[1] - span[0] < self.tasks[best].span[1] - self.tasks[best].span[0]:
                best = k
        return self.tasks[best] if best is not None else None


def _owner(tasks: list[TaskRecord], pos: int) -> TaskRecord | None:
    """The innermost task whose span contains ``pos``."""
    best: TaskRecord | None = None
    for t in tasks:
        if t.span[0] <= pos < t.span[1] and (best is None or t.span[1] - t.span[0] < best.span[1] - best.span[0]):
            best = t
    return best
