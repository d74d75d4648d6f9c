"""One test per lexicon entry, through the real component that reads it.

Every entry of ``policykg/loaders/lexicon/*.yaml`` carries an example (and, where it
can misfire, a negative example); each becomes a test here, so a wrong entry fails
on its own line. ``tests/lexicon.lock`` lists every entry the project promises to
recognise: deleting an entry from the lexicon fails ``test_no_entry_was_dropped``
(and its example, kept in the lock, fails through the component). Adding a wording is
one entry with its example, then ``python -m tests.test_lexicon`` rewrites the lock.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from policykg.loaders import lexicon
from policykg.loaders.chrome import chrome_rule
from policykg.loaders.numbers import find_quantities
from policykg.loaders.roles import find_clause
from policykg.loaders.tables import column_role
from policykg.loaders.types import DocumentRecord, TargetRecord, TaskRecord
from policykg.ontology.terms import DocKind

LOCK = Path(__file__).with_name("lexicon.lock")


def _ids(entries: tuple[lexicon.Entry, ...] | list[lexicon.Entry]) -> list[str]:
    return [e.key for e in entries]


def _assigned(text: str) -> dict[str, list[str]]:
    resp = find_clause(text)
    if resp is None:
        return {}
    return {k: v for k, v in (("lead", resp.lead), ("support", resp.support), ("people", resp.people)) if v}


ROLE_ENTRIES = [*lexicon.role_label_entries(), *lexicon.role_verb_entries(), *lexicon.no_unit_entries(),
                *lexicon.duty_verb_entries()]
LOCKED_FAMILIES_WITH_CLAUSES = ("roles.labels", "roles.verbs", "roles.no_unit", "roles.duty_verbs")


@pytest.mark.parametrize("entry", ROLE_ENTRIES, ids=_ids(ROLE_ENTRIES))
def test_role_entry_assigns_what_its_example_says(entry: lexicon.Entry) -> None:
    assert entry.word in entry.example
    assert _assigned(entry.example) == entry.expect


NEGATIVE_ROLES = [e for e in ROLE_ENTRIES if e.negative]


@pytest.mark.parametrize("entry", NEGATIVE_ROLES, ids=_ids(NEGATIVE_ROLES))
def test_role_entry_negative_assigns_nobody(entry: lexicon.Entry) -> None:
    assert _assigned(entry.negative) == {}


@pytest.mark.parametrize("entry", lexicon.unit_ending_entries(), ids=_ids(lexicon.unit_ending_entries()))
def test_a_unit_name_with_this_ending_reads_as_a_unit(entry: lexicon.Entry) -> None:
    from policykg.loaders.roles import looks_like_unit

    assert entry.example.endswith(entry.word) and looks_like_unit(entry.example)
    if entry.negative:
        assert not looks_like_unit(entry.negative)


@pytest.mark.parametrize("entry", lexicon.column_entries(), ids=_ids(lexicon.column_entries()))
def test_column_name_gets_its_role(entry: lexicon.Entry) -> None:
    assert column_role(entry.word) == entry.meaning


@pytest.mark.parametrize(("cell", "role"), lexicon.column_examples())
def test_column_examples(cell: str, role: str | None) -> None:
    assert column_role(cell) == role


@pytest.mark.parametrize("entry", lexicon.scale_entries(), ids=_ids(lexicon.scale_entries()))
def test_scale_word_gives_the_base_value(entry: lexicon.Entry) -> None:
    found = find_quantities(entry.example)
    assert [q.value for q in found] == [pytest.approx(float(entry.extra["value"]))]


@pytest.mark.parametrize("entry", lexicon.scale_entries(), ids=_ids(lexicon.scale_entries()))
def test_a_money_scale_makes_a_figure_without_a_unit(entry: lexicon.Entry) -> None:
    """投资150亿 is an amount of money; 1.5万 with no unit is no figure."""
    found = find_quantities("3" + entry.word)
    assert bool(found) == bool(entry.extra.get("money")), [q.value for q in found]


@pytest.mark.parametrize("entry", lexicon.unit_entries(), ids=_ids(lexicon.unit_entries()))
def test_unit_word_is_read_as_its_unit(entry: lexicon.Entry) -> None:
    found = find_quantities(entry.example)
    assert [q.unit for q in found][-1:] == [entry.meaning]
    for ch in str(entry.extra.get("blockers", ""))[:3]:  # a blocker after the word: no longer that unit
        assert [q.unit for q in find_quantities("3" + entry.word + ch)] != [entry.meaning], ch


@pytest.mark.parametrize("entry", lexicon.chrome_entries(), ids=_ids(lexicon.chrome_entries()))
def test_chrome_rule_blanks_its_example_and_keeps_plan_text(entry: lexicon.Entry) -> None:
    rule = next(r for r in lexicon.chrome_rules() if r.name == entry.word)
    assert rule.pattern.search(entry.example) and len(entry.example) <= rule.max_len
    assert chrome_rule(entry.example) is not None
    if entry.negative:
        assert chrome_rule(entry.negative) is None


def _period_family(name: str) -> list[lexicon.Entry]:
    return list(lexicon.period_entries(name))


def _figures(text: str) -> list[TargetRecord]:
    from policykg.loaders import extract_text

    figures = extract_text(text).targets
    assert figures, text
    return figures


@pytest.mark.parametrize(("family", "entry"), [(f, e) for f in ("result_cues", "goal_cues") for e in _period_family(f)],
                         ids=[e.key for f in ("result_cues", "goal_cues") for e in _period_family(f)])
def test_cue_word_counts_as_its_kind_of_wording(family: str, entry: lexicon.Entry) -> None:
    """Where a summary turns into a plan is read by counting these words per paragraph."""
    from policykg.loaders.periods import cue_counts

    plan, past = cue_counts(entry.example)
    assert (past if family == "result_cues" else plan) >= 1, entry.example


@pytest.mark.parametrize("entry", _period_family("report_markers"), ids=_ids(_period_family("report_markers")))
def test_report_marker_makes_a_government_work_report(entry: lexicon.Entry) -> None:
    from policykg.loaders.reports import report_facts

    assert report_facts(entry.example) is not None


@pytest.mark.parametrize("entry", _period_family("summary_titles"), ids=_ids(_period_family("summary_titles")))
def test_summary_title_word_makes_a_report(entry: lexicon.Entry) -> None:
    from policykg.loaders.periods import doc_period

    assert doc_period(entry.example + "\n", DocumentRecord(id="d", title=entry.example, year=2020)).reports


@pytest.mark.parametrize("entry", _period_family("review_verbs"), ids=_ids(_period_family("review_verbs")))
def test_review_verb_makes_the_year_after_it_the_one_reported_on(entry: lexicon.Entry) -> None:
    from policykg.loaders.periods import doc_period

    period = doc_period(entry.example + "\n", DocumentRecord(id="d", title=entry.example, year=2012))
    assert period.reports and period.summary_year == 2012


@pytest.mark.parametrize("entry", _period_family("plan_titles"), ids=_ids(_period_family("plan_titles")))
def test_plan_title_word_makes_a_plan_for_its_year(entry: lexicon.Entry) -> None:
    from policykg.loaders.periods import doc_period, plan_span

    period = doc_period(entry.example + "\n", DocumentRecord(id="d", title=entry.example, year=2000))
    assert period.plans
    years = [int(y) for y in re.findall(r"(20\d{2})年", entry.example)]
    if years and plan_span(entry.example) is None:
        assert period.plan_year == years[-1]


@pytest.mark.parametrize("entry", [*_period_family("baseline_from"), *_period_family("baseline_to")],
                         ids=_ids([*_period_family("baseline_from"), *_period_family("baseline_to")]))
def test_baseline_words_make_the_first_figure_the_starting_point(entry: lexicon.Entry) -> None:
    first = _figures("2030年工作要点\n" + entry.example + "。\n")[0]
    assert (first.kind, first.basis, first.year) == ("actual", "baseline", 2029)


@pytest.mark.parametrize("entry", _period_family("five_year_cues"), ids=_ids(_period_family("five_year_cues")))
def test_five_year_cue_dates_a_baseline_five_years_back(entry: lexicon.Entry) -> None:
    body = "2030年工作要点\n一、" + re.split(r"[,，]", entry.example)[0] + "\n科技人员从100人增加到200人。\n"
    first = _figures(body)[0]
    assert first.basis == "baseline" and first.year is not None and first.year <= 2025, (first.year, body)


def _last(text: str) -> TargetRecord:
    return _figures(text)[-1]


@pytest.mark.parametrize("entry", _period_family("target_cues"), ids=_ids(_period_family("target_cues")))
def test_target_cue_makes_a_goal_even_in_a_report(entry: lexicon.Entry) -> None:
    assert _last(entry.example).kind == "target"
    if entry.negative:
        assert _last(entry.negative).kind == "actual"


@pytest.mark.parametrize("entry", _period_family("target_labels"), ids=_ids(_period_family("target_labels")))
def test_target_label_states_goals_until_the_results(entry: lexicon.Entry) -> None:
    from policykg.loaders import extract_text

    extraction = extract_text(entry.example)
    after = [f for f in extraction.targets if f.span[0] > extraction.text.find(entry.word)]
    assert [after[0].kind, after[-1].kind] == ["target", "actual"], [(f.raw, f.kind) for f in extraction.targets]


@pytest.mark.parametrize("entry", _period_family("actual_cues"), ids=_ids(_period_family("actual_cues")))
def test_actual_cue_makes_a_result_even_in_a_plan(entry: lexicon.Entry) -> None:
    assert _figures(entry.example)[0].kind == "actual"


@pytest.mark.parametrize("entry", _period_family("done_after"), ids=_ids(_period_family("done_after")))
def test_a_result_word_after_the_figure_makes_it_a_result(entry: lexicon.Entry) -> None:
    assert _figures(entry.example)[0].kind == "actual"


@pytest.mark.parametrize("entry", _period_family("gap_cues"), ids=_ids(_period_family("gap_cues")))
def test_a_sentence_that_measures_against_its_goal_reports_results(entry: lexicon.Entry) -> None:
    """增长6.1%,低于目标0.9个百分点 in a plan: both figures are results, the one before the cue too."""
    assert [f.kind for f in _figures(entry.example)] == ["actual", "actual"]


@pytest.mark.parametrize("entry", _period_family("title_continuations"), ids=_ids(_period_family("title_continuations")))
def test_a_title_carried_onto_a_second_line_opens_no_part(entry: lexicon.Entry) -> None:
    """关于2022年计划执行情况 / 及2023年计划草案的报告: the report's figures are 2022's results, not 2023's goals."""
    assert [(f.kind, f.year) for f in _figures(entry.example)] == [("actual", 2022)]


@pytest.mark.parametrize("entry", _period_family("base_periods"), ids=_ids(_period_family("base_periods")))
def test_a_base_period_dates_its_figure_not_the_sentences_after(entry: lexicon.Entry) -> None:
    figures = _figures(entry.example)
    assert [(f.year, f.kind) for f in figures] == [(2022, "actual"), (2021, "actual"), (2022, "actual")], [
        (f.raw, f.year, f.kind) for f in figures]


def test_a_figure_after_the_result_word_takes_it() -> None:
    """20公里休闲步行道已完成7.42公里: the 7.42 is the result, the 20 stays the plan's."""
    figures = _figures("2021年工作计划\n20公里休闲步行道已完成7.42公里。")
    assert [f.kind for f in figures] == ["target", "actual"], [(f.raw, f.kind) for f in figures]


SENTENCE_CUES = _period_family("actual_cues")


@pytest.mark.parametrize("entry", SENTENCE_CUES, ids=_ids(SENTENCE_CUES))
def test_a_time_phrase_cue_speaks_for_the_clauses_after_it(entry: lexicon.Entry) -> None:
    """截至10月底,… makes the figure in the next clause a result; 已 only speaks for its own clause."""
    figure = _figures(f"2021年工作计划\n{entry.word}全市如此,高新技术企业达到520家。")[-1]
    assert figure.kind == ("actual" if entry.extra.get("sentence") else "target")


@pytest.mark.parametrize("word", lexicon.words("figures.range_words"))
def test_a_range_word_joins_the_years_of_a_plan(word: str) -> None:
    from policykg.loaders.periods import plan_span

    assert plan_span(f"科技创新规划(2021{word}2025年)") == (2021, 2025)


@pytest.mark.parametrize("entry", _period_family("estimate_cues"), ids=_ids(_period_family("estimate_cues")))
def test_estimate_cue_keeps_the_estimate_as_its_years_actual(entry: lexicon.Entry) -> None:
    first = _figures(entry.example)[0]
    assert (first.kind, first.year, first.basis) == ("actual", 2016, "estimate")


@pytest.mark.parametrize(("family", "entry"), [(f, e) for f in ("average_cues", "total_cues") for e in _period_family(f)],
                         ids=[e.key for f in ("average_cues", "total_cues") for e in _period_family(f)])
def test_aggregate_cue_makes_a_figure_over_its_span(family: str, entry: lexicon.Entry) -> None:
    figure = _last(entry.example)
    assert figure.aggregate == ("average" if family == "average_cues" else "total")
    assert (figure.period_from, figure.period_to, figure.year) == (2008, 2012, 2012)  # the report of 2013 looks back


@pytest.mark.parametrize("entry", _period_family("span_words"), ids=_ids(_period_family("span_words")))
def test_span_words_date_a_figure_by_its_span(entry: lexicon.Entry) -> None:
    figure = _last(entry.example)
    if entry.extra["meaning"] in ("back", "since"):
        assert (figure.period_from, figure.period_to, figure.year, figure.kind) == (2008, 2012, 2012, "actual")
    else:
        assert (figure.period_from, figure.period_to, figure.year, figure.kind) == (2016, 2018, 2018, "target")


@pytest.mark.parametrize(("family", "entry"), [(f, e) for f in ("direction_down", "direction_up") for e in _period_family(f)],
                         ids=[e.key for f in ("direction_down", "direction_up") for e in _period_family(f)])
def test_direction_word_says_which_way_a_change_goes(family: str, entry: lexicon.Entry) -> None:
    assert _last("2030年工作要点\n" + entry.example).direction == ("down" if family == "direction_down" else "up")
    if entry.negative:
        assert _last("2030年工作要点\n" + entry.negative).direction is None  # a level reached


@pytest.mark.parametrize("entry", _period_family("relative_years"), ids=_ids(_period_family("relative_years")))
def test_relative_year_dates_the_figures_after_it(entry: lexicon.Entry) -> None:
    from policykg.loaders import extract_text

    extraction = extract_text(entry.example)
    after = [f for f in extraction.targets if f.span[0] > extraction.text.find(entry.word)]
    assert after and after[0].year == entry.expect["year"], [(f.raw, f.year) for f in extraction.targets]


def test_headings_of_results_and_goals_start_parts_of_their_kind() -> None:
    from policykg.loaders.periods import DocPeriod, Paragraph, segments

    period = DocPeriod(2020, 2021, True, True, None)
    for family, kind in (("result_headings", "actual"), ("goal_headings", "target")):
        for entry in lexicon.period_entries(family):
            segs = segments([Paragraph(0, len(entry.example), entry.example)], period)
            assert [s.kind for s in segs] == [kind], entry.example


@pytest.mark.parametrize("entry", lexicon.relational_entries(), ids=_ids(lexicon.relational_entries()))
def test_a_bare_relational_word_never_names_an_indicator(entry: lexicon.Entry) -> None:
    from policykg.loaders import extract_text

    targets = extract_text(entry.example).targets
    assert targets, entry.example
    assert all(t.indicator.strip("、,的") != entry.word for t in targets), [t.indicator for t in targets]


@pytest.mark.parametrize("entry", lexicon.not_figure_entries(), ids=_ids(lexicon.not_figure_entries()))
def test_a_scoring_rule_figure_is_no_target(entry: lexicon.Entry) -> None:
    from policykg.loaders import extract_text

    doc = "2030年工作要点\n1." + entry.example + "\n2." + entry.negative + "\n"
    raws = [t.raw for t in extract_text(doc).targets]
    assert raws and all(entry.negative.find(r) >= 0 for r in raws), raws  # only the negative's figure stays


def _lock_lines() -> list[str]:
    return sorted(json.dumps([e.key, e.example], ensure_ascii=False) for e in lexicon.all_entries())


def test_no_entry_was_dropped() -> None:
    """Every entry in the lock is still in the lexicon (entries may be added; dropping one is a decision)."""
    current = {json.loads(line)[0] for line in _lock_lines()}
    locked = [json.loads(line) for line in LOCK.read_text(encoding="utf-8").splitlines() if line.strip()]
    missing = [key for key, _ in locked if key not in current]
    assert missing == [], f"lexicon entries removed: {missing} (update tests/lexicon.lock if on purpose)"


LOCKED = [json.loads(line) for line in LOCK.read_text(encoding="utf-8").splitlines() if line.strip()] if LOCK.exists() else []
LOCKED_ROLES = [(k, ex) for k, ex in LOCKED if k.startswith(LOCKED_FAMILIES_WITH_CLAUSES) and ex]


@pytest.mark.parametrize(("key", "example"), LOCKED_ROLES, ids=[k for k, _ in LOCKED_ROLES])
def test_locked_role_examples_still_assign_someone(key: str, example: str) -> None:
    assert _assigned(example), f"{key}: {example!r} assigns nobody"




# ---------------------------------------------------------------- word families, each through its component


def _people_expect(example: object) -> bool:
    from policykg.loaders.people import person_name

    assert isinstance(example, dict)
    return person_name(str(example["text"])) == example["expect"]


def _no_person(text: object) -> bool:
    from policykg.loaders.people import person_name

    return person_name(str(text)) is None


def _leaders(example: object) -> bool:
    from policykg.loaders.people import names_of_leaders

    text, expect = (example["text"], example["expect"]) if isinstance(example, dict) else (example, [])
    return [n for n, _ in names_of_leaders(str(text))] == expect


def _leaders_duties(example: object) -> bool:
    """``{text, expect}``: the tasks with people, as (opening of the text, people), are ``expect``."""
    from policykg.loaders import extract_text

    assert isinstance(example, dict)
    found = [[t.text, t.people] for t in extract_text(str(example["text"])).tasks if t.people]
    return all(any(text.startswith(head) and people == names for text, people in found) for head, names in example["expect"])


def _named_task(text: object) -> bool:
    """A table whose task column holds content: the name in the column before it is the first task's text."""
    from policykg.loaders import extract_text

    tasks = [t for t in extract_text(str(text)).tasks if t.lead]
    return bool(tasks) and tasks[0].text == "专利保险机制"


def _assigns(text: object) -> bool:
    return bool(_assigned(str(text)))


def _marked_lead_only(text: object) -> bool:
    found = _assigned(str(text))
    return len(found.get("lead", [])) == 1 and bool(found.get("support"))


def _no_etc(text: object) -> bool:
    found = _assigned(str(text))
    return bool(found) and not any("等" in n or n.endswith("部门") for n in found.get("support", []))


def _collective_kept(text: object) -> bool:
    return _assigned(str(text)).get("support") == ["有关部门"]


def _shared_suffix(text: object) -> bool:
    return _assigned(str(text)).get("lead") == ["杭州市科技局", "滨江区科技局"]


def _zone_not_place(text: object) -> bool:
    return _assigned(str(text)).get("lead") == ["高新区", "市科技局"]


def _assigns_people(text: object) -> bool:
    return bool(_assigned(str(text)).get("people"))


def _problem_cell(text: object) -> bool:
    from policykg.loaders.tables import read_tables

    table = read_tables(f"工作任务 | 存在问题 | 下一步打算 |\n建设平台 | {text} | |")[0]
    return "存在问题" in table.rows[0].fields


def _field_line(text: object) -> bool:
    from policykg.loaders.blocks import classify

    return classify(0, str(text)).field is not None


def _ditto(text: object) -> bool:
    from policykg.loaders import extract_text

    tasks = extract_text(str(text).replace("\\n", "\n")).tasks
    return len(tasks) >= 2 and bool(tasks[-1].lead) and tasks[-1].lead == tasks[0].lead


def _typed_cell(text: object) -> bool:
    from policykg.loaders.texttables import _typed_cell

    return _typed_cell(str(text))


def _first_leads(text: object) -> bool:
    from policykg.loaders.roles import Conventions

    return Conventions.read(str(text)).first_leads


def _note_blanked(text: object) -> bool:
    """A bracket closed by a note on the document's lists gives its units and nothing of the note."""
    from policykg.loaders.roles import find_clauses, looks_like_unit

    found = find_clauses(f"推进改革{text}。")
    return len(found) == 1 and all(looks_like_unit(n) and len(n) <= 8 for n in found[0].lead + found[0].support)


def _name_before_body(text: object) -> bool:
    """A member line whose name runs into its body gives the whole name (three characters here)."""
    from policykg.loaders.people import person_line

    return [len(n) for n in person_line(str(text))] == [3]


def _hosts_lead(text: object) -> bool:
    """The body a group's office sits in leads the sentence's work."""
    from policykg.loaders.roles import find_clauses

    return any(r.lead for r in find_clauses(str(text)))


def _brought_along(text: object) -> bool:
    """A clause 由X牵头,会同Y、Z等部门…: X leads, Y and Z support."""
    from policykg.loaders.roles import find_clauses

    found = find_clauses(str(text))
    return len(found) == 1 and len(found[0].lead) == 1 and len(found[0].support) >= 2


def _each_unit_apart(text: object) -> bool:
    """A list closed by 等 and joined to one more mention: every unit on its own, none holding the joiner."""
    from policykg.loaders.roles import find_clauses

    found = find_clauses(str(text))
    return len(found) == 1 and len(found[0].lead) >= 3 and not any("等" in n for n in found[0].lead)


def _two_supporting_units(text: object) -> bool:
    """牵头 X, Y 及 Z 配合: two supporting units, neither holding the joiner."""
    from policykg.loaders.roles import find_clauses

    found = find_clauses(str(text))
    return len(found) == 1 and len(found[0].support) == 2


def _group_lists(text: object) -> bool:
    """A short line naming a group makes the people listed under it a task of its own."""
    from policykg.loaders import extract_text, lexicon

    return any(t.text.split("\n")[0].endswith(lexicon.words("roles.group_endings")) and t.people
               for t in extract_text(str(text)).tasks if "成立" not in t.text)  # its first line: the list runs on


def _section(text: object) -> bool:
    from policykg.loaders.blocks import classify

    return classify(0, str(text)).section is not None


def _pdf_numbered(text: object) -> bool:
    from policykg.loaders.readers.pdflayout import _NUMBERED

    return _NUMBERED.match(str(text)) is not None


def _heading_names(text: object) -> bool:
    from policykg.loaders.roles import heading_roles

    found = heading_roles(str(text))
    return bool(found.people or found.lead)


def _lead_words_counted(text: object) -> bool:
    from policykg.loaders import extract_text

    coverage = extract_text(str(text) + "\n").coverage
    return coverage is not None and (coverage.lead_words + coverage.support_words) > 0


def _contact_only(text: object) -> bool:
    from policykg.loaders.roles import find_clauses

    found = find_clauses(str(text))
    return bool(found) and all(c.contact_only for c in found)


def _leads_its_duty(text: object) -> bool:
    """The units before 牵头 lead the task of the paragraph the clause stands in."""
    from policykg.loaders import extract_text

    tasks = extract_text(f"2020年工作方案\n一、强化责任落实。{text}。\n").tasks
    return len(tasks) == 1 and bool(tasks[0].lead) and all("牵头" not in n for n in tasks[0].lead)


def _introduces_list(text: object) -> bool:
    from policykg.loaders import extract_text

    tasks = extract_text(f"{text}:\n组长:张建国(市长)\n成员:李明(副市长)\n").tasks
    return len(tasks) == 1 and tasks[0].people == ["张建国", "李明"]


def _no_unit_named(text: object) -> bool:
    from policykg.loaders.roles import find_clause

    found = find_clause(str(text))
    return found is None or not (found.lead or found.support)


def _post_only(text: object) -> bool:
    from policykg.loaders.people import is_post

    return is_post(str(text))


def _kind(text: str = "", title: str = "", clause: bool = False) -> str:
    from policykg.loaders.detect import detect_kind

    tasks = [TaskRecord(id="t", text=text, order=0, lead=["某单位"], clause_span=(0, len(text)))] if clause else []
    return str(detect_kind(text, title, tasks))


def _status_title(text: object) -> bool:
    return _kind(title=str(text)) == str(DocKind.STATUS_TABLE)


def _division(text: object) -> bool:
    return _kind(str(text), clause=True) == str(DocKind.NATIONAL_DIVISION)


def _responsibility_title(text: object) -> bool:
    return _kind(title=str(text)) == str(DocKind.RESPONSIBILITY_PLAN)


def _report(example: object) -> bool:
    from policykg.loaders.reports import report_facts

    assert isinstance(example, dict)
    facts = report_facts(str(example["text"]))
    return facts is not None and all(getattr(facts, k) == v for k, v in example["expect"].items())


def _meta(example: object) -> bool:
    """``{text, expect}``: the metadata read from ``text`` has every field ``expect`` names."""
    from policykg.loaders.metadata import extract_metadata

    assert isinstance(example, dict)
    meta = extract_metadata(str(example["text"]))
    return all(getattr(meta, k) == v for k, v in example["expect"].items())


def _no_article_count(text: object) -> bool:
    from policykg.loaders.numbers import UNITS

    return all(q.unit != UNITS["条"] for q in find_quantities(str(text)))


def _range(text: object) -> bool:
    return [q.value_high is not None for q in find_quantities(str(text))] == [True]


def _approx(text: object) -> bool:
    return any(q.approx for q in find_quantities(str(text)))


def _bare_figures(example: object) -> bool:
    from policykg.loaders.numbers import find_unitless

    assert isinstance(example, dict)
    text = str(example["text"])
    found = find_unitless(text, lexicon.unitless_heads(), find_quantities(text))
    return [q.value for q in found] == example["expect"]


def _targets(example: object) -> list[TargetRecord]:
    from policykg.loaders import extract_text

    assert isinstance(example, dict)
    return extract_text(str(example["text"])).targets


def _raw_of_last(example: object) -> bool:
    assert isinstance(example, dict)
    return _targets(example)[-1].raw.endswith(str(example["expect"]))


def _directions(example: object) -> bool:
    assert isinstance(example, dict)
    return [t.direction for t in _targets(example)] == example["expect"]


def _names_nothing(text: object) -> bool:
    from policykg.loaders.targets import _junk

    return _junk(str(text))


def _baseline_and_its_end(example: object) -> bool:
    """The first figure is the baseline of its year; the last, where it rises to, measures the same thing."""
    assert isinstance(example, dict)
    figures = _targets(example)
    first, last = figures[0], figures[-1]
    return (first.basis, first.year, last.indicator) == ("baseline", example["expect"], first.indicator) and last is not first


def _quarter_month(example: object) -> bool:
    from policykg.loaders.periods import doc_period

    assert isinstance(example, dict)
    title = str(example["text"])
    return doc_period(title + "\n", DocumentRecord(id="d", title=title, year=2021)).as_of_month == example["expect"]


def _horizon(example: object) -> bool:
    from policykg.loaders.periods import horizon

    assert isinstance(example, dict)
    return horizon(str(example["text"])) == example["expect"]


def _heading_kinds(example: object) -> bool:
    from policykg.loaders.periods import DocPeriod, Paragraph, segments

    assert isinstance(example, dict)
    text = str(example["text"])
    return [s.kind for s in segments([Paragraph(0, len(text), text)], DocPeriod(2020, 2021, True, True, None))] == example["expect"]


def _span_opening(example: object) -> bool:
    from policykg.loaders.periods import DocPeriod, _span_opening

    assert isinstance(example, dict)
    seg = _span_opening(str(example["text"]), 0, DocPeriod(2020, 2021, True, True, None, headed=True))
    found = None if seg is None else [seg.kind, seg.first, seg.year]
    return found == example["expect"]


def _clause_year(example: object) -> bool:
    from policykg.loaders.periods import clause_year

    assert isinstance(example, dict)
    text = str(example["text"])
    return clause_year(text, 0, len(text)) == example["expect"]


def _figure_span(example: object) -> bool:
    assert isinstance(example, dict)
    last = _targets(example)[-1]
    return [last.period_from, last.period_to] == example["expect"]


def _figure_kinds(example: object) -> bool:
    assert isinstance(example, dict)
    return [t.kind for t in _targets(example)] == example["expect"]


def _direction(example: object) -> bool:
    from policykg.loaders.periods import direction

    assert isinstance(example, dict)
    text = str(example["text"])
    pos = re.search(r"\d", text)
    assert pos is not None
    return direction(text, 0, pos.start()) == example["expect"]


def _trimmed(example: object) -> bool:
    from policykg.loaders.phrases import trim_left

    assert isinstance(example, dict)
    return trim_left(str(example["text"])) == example["expect"]


def _governing(example: object) -> bool:
    from policykg.loaders.phrases import governing_verb

    assert isinstance(example, dict)
    return governing_verb(str(example["text"])) == example["expect"]


def _leans(example: object) -> bool:
    from policykg.loaders.phrases import leans_on_previous

    assert isinstance(example, dict)
    return leans_on_previous(str(example["text"])) == example["expect"]


def _comparator(example: object) -> bool:
    from policykg.loaders.phrases import comparator

    assert isinstance(example, dict)
    text = str(example["text"])
    return comparator(text, find_quantities(text)[-1], 0) == example["expect"]


def _measure(example: object) -> bool:
    from policykg.loaders.phrases import measure

    assert isinstance(example, dict)
    return measure(str(example["indicator"]), str(example["left"]), str(example["unit"])) == example["expect"]


def _money(example: object) -> bool:
    from policykg.loaders.phrases import is_money

    assert isinstance(example, dict)
    return is_money(str(example["text"])) == example["expect"]


def _is_figure(example: object) -> bool:
    from policykg.loaders.phrases import is_figure

    assert isinstance(example, dict)
    text = str(example["text"])
    return is_figure(text, find_quantities(text)[-1], [False] * (len(text) + 1)) == example["expect"]


def _noun_after(example: object) -> bool:
    from policykg.loaders.phrases import noun_after

    assert isinstance(example, dict)
    text = str(example["text"])
    return noun_after(text, find_quantities(text)[0].end) == example["expect"]


def _list_names(example: object) -> bool:
    from policykg.loaders.phrases import list_names

    assert isinstance(example, dict)
    return list_names(str(example["text"]), 2) == example["expect"]


def _rank(example: object) -> bool:
    from policykg.loaders.numbers import find_quantities

    assert isinstance(example, dict)
    ranks = [q.value for q in find_quantities(str(example["text"])) if q.rank]
    expect = example["expect"]
    return ranks == (expect if isinstance(expect, list) else [expect] if expect is not None else [])


def _rank_indicator(example: object) -> bool:
    from policykg.loaders import extract_text

    assert isinstance(example, dict)
    return [t.indicator for t in extract_text(str(example["text"])).targets] == [example["expect"]]


def _stated_figures(example: object) -> bool:
    from policykg.loaders import extract_text

    assert isinstance(example, dict)
    got = [[t.value, t.unit, t.kind] for t in extract_text(str(example["text"])).targets]
    return got == [[float(v), u, k] for v, u, k in example["expect"]]


#: Each word family's check: (what its examples must satisfy, what its negatives must satisfy).
WORD_CHECKS = {
    "people.surnames": (_people_expect, _no_person),
    "people.compound_surnames": (_people_expect, _no_person),
    "people.posts": (_people_expect, _no_person),
    "people.not_person": (_people_expect, _no_person),
    "people.masks": (_people_expect, _no_person),
    "people.lead_verbs": (_leaders, _leaders),
    "people.each_takes": (_leaders, _leaders),
    "people.duty_openers": (_leaders_duties, _leaders_duties),
    "columns.problem_words": (_problem_cell, lambda t: not _problem_cell(t)),
    "columns.field_labels": (_field_line, lambda t: not _field_line(t)),
    "columns.ditto": (_ditto, _ditto),
    "columns.deadline_tails": (_typed_cell, _typed_cell),
    "columns.content_endings": (_named_task, _named_task),
    "columns.unit_labels": (_stated_figures, _stated_figures),
    "numbering.part_words": (_section, lambda t: not _section(t)),
    "numbering.pdf_part_words": (_pdf_numbered, lambda t: not _pdf_numbered(t)),
    "roles.unit_label_endings": (_assigns, lambda t: not _assigns(t)),
    "roles.people_label_endings": (_assigns_people, lambda t: not _assigns_people(t)),
    "roles.lead_marks": (_marked_lead_only, _marked_lead_only),
    "roles.first_leads": (_first_leads, lambda t: not _first_leads(t)),
    "roles.note_ends": (_note_blanked, _note_blanked),
    "roles.office_hosts": (_hosts_lead, lambda t: not _hosts_lead(t)),
    "roles.with_words": (_brought_along, _brought_along),
    "roles.etc_joiners": (_each_unit_apart, _each_unit_apart),
    "roles.unit_joiners": (_two_supporting_units, _two_supporting_units),
    "roles.not_duties": (lambda t: not _hosts_lead(t), lambda t: not _hosts_lead(t)),
    "roles.group_endings": (_group_lists, _group_lists),
    "roles.etc_tails": (_no_etc, _no_etc),
    "roles.collective_prefixes": (_collective_kept, _collective_kept),
    "roles.place_levels": (_shared_suffix, _shared_suffix),
    "roles.not_place_words": (_zone_not_place, _zone_not_place),
    "roles.agency_endings": (_assigns, lambda t: not _assigns(t)),
    "roles.heading_verbs": (_heading_names, lambda t: not _heading_names(t)),
    "roles.heading_tails": (_heading_names, _heading_names),
    "roles.lead_words_seen": (_lead_words_counted, _lead_words_counted),
    "roles.support_words_seen": (_lead_words_counted, _lead_words_counted),
    "roles.contact_labels": (_contact_only, _contact_only),
    "roles.list_openers": (_introduces_list, _introduces_list),
    "roles.lead_duty_verbs": (_leads_its_duty, lambda text: not _leads_its_duty(text)),
    "roles.not_unit_openers": (_no_unit_named, _no_unit_named),
    "roles.stated_with": (_assigns, _assigns),
    "people.post_prefixes": (_post_only, lambda t: not _post_only(t)),
    "people.body_openings": (_name_before_body, _name_before_body),
    "metadata.status_titles": (_status_title, lambda t: not _status_title(t)),
    "metadata.table_tails": (_status_title, lambda t: not _status_title(t)),
    "metadata.division_verbs": (_division, lambda t: not _division(t)),
    "metadata.division_lead_verbs": (_division, lambda t: not _division(t)),
    "metadata.lead_label_starts": (_division, lambda t: not _division(t)),
    "metadata.responsibility_titles": (_responsibility_title, lambda t: not _responsibility_title(t)),
    "metadata.speaker_levels": (_report, _report),
    "metadata.place_endings": (_report, _report),
    "metadata.head_posts": (_report, _report),
    "metadata.generic_governments": (_report, _report),
    "metadata.town_levels": (_meta, _meta),
    "metadata.delivery_venues": (_meta, _meta),
    "metadata.provinces": (_meta, _meta),
    "metadata.province_suffixes": (_meta, _meta),
    "metadata.province_full_endings": (_meta, _meta),
    "metadata.issuer_endings": (_meta, _meta),
    "metadata.title_words": (_meta, _meta),
    "metadata.chrome_words": (_meta, _meta),
    "metadata.chrome_labels": (_meta, _meta),
    "metadata.doc_no_labels": (_meta, _meta),
    "metadata.issuer_labels": (_meta, _meta),
    "metadata.date_labels": (_meta, _meta),
    "metadata.heading_part_marks": (_meta, _meta),
    "metadata.date_stamp_chars": (_meta, _meta),
    "metadata.cover_letter_words": (_meta, _meta),
    "metadata.title_agency_follows": (_meta, _meta),
    "metadata.work_genres": (_meta, _meta),
    "metadata.issue_adverbs": (_meta, _meta),
    "metadata.issue_verb_ends": (_meta, _meta),
    "metadata.issue_objects": (_meta, _meta),
    "metadata.speaking_body_endings": (_meta, _meta),
    "metadata.speaking_cues": (_meta, _meta),
    "metadata.guidance_words": (_meta, _meta),
    "metadata.department_endings": (_meta, _meta),
    "metadata.office_endings": (_meta, _meta),
    "metadata.city_levels": (_meta, _meta),
    "metadata.county_levels": (_meta, _meta),
    "metadata.autonomous_levels": (_meta, _meta),
    "metadata.not_place_openers": (_meta, _meta),
    "metadata.institution_words": (_meta, _meta),
    "metadata.national_issuers": (_meta, _meta),
    "metadata.national_addressees": (_meta, _meta),
    "metadata.ministry_endings": (_meta, _meta),
    "metadata.title_level_after": (_meta, _meta),
    "metadata.not_level_after": (_meta, _meta),
    "metadata.not_place_chars": (_meta, _meta),
    "metadata.planning_verbs": (_meta, _meta),
    "metadata.span_year_places": (_meta, _meta),
    "metadata.review_tails": (_meta, _meta),
    "metadata.this_year_words": (_meta, _meta),
    "metadata.year_openers": (_meta, _meta),
    "figures.rule_words": (_no_article_count, lambda t: not _no_article_count(t)),
    "figures.range_words": (_range, lambda t: not _range(t)),
    "figures.rank_scopes": (_rank, _rank),
    "figures.clock_marks": (_is_figure, _is_figure),
    "figures.rank_marks": (_rank, _rank),
    "figures.rank_verbs": (_rank_indicator, _rank_indicator),
    "figures.approx_words": (_approx, lambda t: not _approx(t)),
    "figures.bare_after": (_bare_figures, _bare_figures),
    "figures.comparator_suffixes": (_raw_of_last, _raw_of_last),
    "figures.list_gap_words": (_directions, _directions),
    "figures.list_joiners": (_directions, _directions),
    "figures.relation_noise": (_names_nothing, lambda t: not _names_nothing(t)),
    "figures.year_end_words": (_baseline_and_its_end, _baseline_and_its_end),
    "figures.about_words": (_baseline_and_its_end, _baseline_and_its_end),
    "figures.above_words": (_baseline_and_its_end, _baseline_and_its_end),
    "periods.quarters": (_quarter_month, _quarter_month),
    "periods.horizon_fillers": (_horizon, _horizon),
    "periods.horizon_tails": (_horizon, _horizon),
    "periods.report_heading_ends": (_heading_kinds, _heading_kinds),
    "periods.span_opening_leads": (_span_opening, _span_opening),
    "periods.span_nouns": (_span_opening, _span_opening),
    "periods.heading_relative_years": (_heading_kinds, _heading_kinds),
    "periods.figure_marks": (_heading_kinds, _heading_kinds),
    "periods.not_a_period_after": (_clause_year, _clause_year),
    "periods.five_year_tails": (_figure_span, _figure_span),
    "periods.plan_names": (_figure_span, _figure_span),
    "periods.period_after": (_figure_span, _figure_span),
    "periods.label_report_words": (_figure_kinds, _figure_kinds),
    "periods.label_copulas": (_figure_kinds, _figure_kinds),
    "periods.completed_heading_words": (_figure_kinds, _figure_kinds),
    "periods.not_forward_before": (_figure_span, _figure_span),
    "periods.level_marks": (_direction, _direction),
    "figures.lead_noise": (_trimmed, _trimmed),
    "figures.trail_words": (_trimmed, _trimmed),
    "figures.governing_verbs": (_governing, _governing),
    "figures.leans_on_previous": (_leans, _leans),
    "figures.at_least_before": (_comparator, _comparator),
    "figures.above_before": (_comparator, _comparator),
    "figures.below_before": (_comparator, _comparator),
    "figures.at_most_before": (_comparator, _comparator),
    "figures.approx_before": (_comparator, _comparator),
    "figures.at_least_after": (_comparator, _comparator),
    "figures.below_after": (_comparator, _comparator),
    "figures.at_most_after": (_comparator, _comparator),
    "figures.approx_after": (_comparator, _comparator),
    "figures.target_words": (_comparator, _comparator),
    "figures.growth_words": (_measure, _measure),
    "figures.stock_words": (_measure, _measure),
    "figures.flow_words": (_measure, _measure),
    "figures.share_words": (_measure, _measure),
    "figures.money_words": (_money, _money),
    "figures.adverbial_times": (_is_figure, _is_figure),
    "figures.numeral_cues": (_is_figure, _is_figure),
    "figures.duration_units": (_is_figure, _is_figure),
    "figures.time_limit_verbs": (_is_figure, _is_figure),
    "figures.duration_counted_from": (_is_figure, _is_figure),
    "figures.duration_cuts": (_is_figure, _is_figure),
    "figures.duration_nouns": (_is_figure, _is_figure),
    "figures.duration_caps": (_is_figure, _is_figure),
    "figures.rank_units": (_rank, _rank),
    "figures.numeral_closers": (_is_figure, _is_figure),
    "figures.noun_after_skips": (_noun_after, _noun_after),
    "figures.each_words": (_list_names, _list_names),
    "figures.change_words": (_list_names, _list_names),
    "figures.each_stated": (_list_names, _list_names),
    "figures.stated_verbs": (_list_names, _list_names),
}


def test_every_word_family_has_a_check() -> None:
    assert set(WORD_CHECKS) == set(lexicon.WORD_FAMILIES)


WORD_CASES = [(name, "example", ex) for name in lexicon.WORD_FAMILIES for ex in lexicon.word_family(name).examples] + [
    (name, "negative", neg) for name in lexicon.WORD_FAMILIES for neg in lexicon.word_family(name).negatives]


@pytest.mark.parametrize(("family", "which", "case"), WORD_CASES, ids=[f"{f}:{w}:{c}"[:60] for f, w, c in WORD_CASES])
def test_word_family_examples_through_their_component(family: str, which: str, case: object) -> None:
    positive, negative = WORD_CHECKS[family]
    assert (positive if which == "example" else negative)(case), (family, which, case)


def test_every_word_family_proves_itself_with_an_example() -> None:
    assert [name for name in lexicon.WORD_FAMILIES if not lexicon.word_family(name).examples and
            not lexicon.word_family(name).negatives] == []


NAME_ENTRIES = list(lexicon.name_entries())


@pytest.mark.parametrize("entry", NAME_ENTRIES, ids=_ids(NAME_ENTRIES))
def test_name_words_are_no_part_of_an_indicator_name(entry: lexicon.Entry) -> None:
    """Each family's example: the figure's indicator comes out named as ``expect.name`` ("" for a fragment)."""
    from policykg.loaders import extract_text

    assert [t.indicator for t in extract_text(entry.example).targets][-1:] == [entry.expect["name"]]


@pytest.mark.parametrize("entry", lexicon.list_head_entries(), ids=_ids(lexicon.list_head_entries()))
def test_a_list_shares_its_head(entry: lexicon.Entry) -> None:
    from policykg.loaders import extract_text

    assert [t.indicator for t in extract_text(entry.example).targets] == entry.expect["names"]


@pytest.mark.parametrize("entry", lexicon.unitless_entries(), ids=_ids(lexicon.unitless_entries()))
def test_a_unitless_indicator_keeps_its_bare_figures(entry: lexicon.Entry) -> None:
    from policykg.loaders import extract_text

    figures = extract_text("2037年工作要点\n" + entry.example).targets
    assert figures and all(t.unit == "" and entry.word in t.indicator + t.raw for t in figures)
    if entry.negative:
        assert extract_text("2037年工作要点\n" + entry.negative).targets == []


if __name__ == "__main__":
    LOCK.write_text("\n".join(_lock_lines()) + "\n", encoding="utf-8")
    print(f"wrote {LOCK} ({len(_lock_lines())} entries)", file=sys.stderr)
