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
import sys
from pathlib import Path

import pytest

from policykg.loaders import lexicon
from policykg.loaders.chrome import chrome_rule
from policykg.loaders.numbers import find_quantities
from policykg.loaders.roles import find_clause
from policykg.loaders.tables import column_role

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


PERIOD_ENTRIES = [e for f in lexicon.PERIOD_FAMILIES for e in lexicon.period_entries(f)]


@pytest.mark.parametrize("entry", PERIOD_ENTRIES, ids=_ids(PERIOD_ENTRIES))
def test_period_word_is_found_in_its_example(entry: lexicon.Entry) -> None:
    family = entry.family.split(".", 1)[1]
    if family == "report_markers":
        assert any(p.search(entry.example) for p in lexicon.report_markers())
    else:
        assert lexicon.words_pattern(family).search(entry.example)


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


if __name__ == "__main__":
    LOCK.write_text("\n".join(_lock_lines()) + "\n", encoding="utf-8")
    print(f"wrote {LOCK} ({len(_lock_lines())} entries)", file=sys.stderr)
