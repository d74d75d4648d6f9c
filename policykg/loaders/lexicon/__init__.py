"""The loaders' one lexicon: every word list they use, as data with examples.

Each YAML file beside this module holds one family of wording (responsibility roles,
table columns, scale words, page chrome, period words). The loaders read their words
from here and never spell them themselves, so a new wording is one entry in a file, and
``tests/test_lexicon.py`` turns every entry's example (and negative example) into a test
through the real component that uses it. The files are read once, at first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Entry:
    """One word (or pattern) and what it means, with the examples that prove it."""

    family: str  # e.g. "roles.labels", "chrome"
    word: str
    meaning: str = ""  # a role, a column role, a factor…
    example: str = ""
    negative: str = ""
    expect: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.family}:{self.word}"


@cache
def _file(name: str) -> Any:
    with open(HERE / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _entries(family: str, items: list[dict[str, Any]], meaning_key: str, word_key: str = "word") -> list[Entry]:
    out = []
    for item in items:
        known = {word_key, meaning_key, "example", "negative", "expect"}
        out.append(Entry(
            family=family,
            word=str(item[word_key]),
            meaning=str(item.get(meaning_key, "")),
            example=str(item.get("example", "")),
            negative=str(item.get("negative", "")),
            expect=dict(item.get("expect") or {}),
            extra={k: v for k, v in item.items() if k not in known},
        ))
    return out


#: Every family: name -> (file, list key in it or "" for a file that is one list, meaning key, word key).
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "roles.labels": ("roles", "labels", "role", "word"), "roles.verbs": ("roles", "verbs", "role", "word"),
    "roles.no_unit": ("roles", "no_unit", "role", "word"), "roles.duty_verbs": ("roles", "duty_verbs", "role", "word"),
    "roles.unit_endings": ("roles", "unit_endings", "", "word"), "roles.label_words": ("roles", "label_words", "role", "word"),
    "scales": ("scales", "", "factor", "word"),
    "units": ("units", "units", "unit", "word"), "chrome": ("chrome", "", "pattern", "name"),
    "indicators.relational": ("indicators", "relational", "", "word"),
    "indicators.not_figures": ("indicators", "not_figures", "pattern", "name"),
    "indicators.unitless": ("indicators", "unitless", "", "word"),
    "indicators.name_leads": ("indicators", "name_leads", "", "pattern"),
    "indicators.name_tails": ("indicators", "name_tails", "", "pattern"),
    "indicators.name_inner": ("indicators", "name_inner", "", "pattern"),
    "indicators.not_names": ("indicators", "not_names", "", "pattern"),
    "indicators.list_heads": ("indicators", "list_heads", "", "word"),
    "indicators.list_qualifiers": ("indicators", "list_qualifiers", "", "word"),
    "indicators.list_pairs": ("indicators", "list_pairs", "", "word"),
}


@cache
def entries(family: str) -> tuple[Entry, ...]:
    """The entries of one family (see ``FAMILIES``; period families are ``periods.<name>``)."""
    if family.startswith("periods."):
        return period_entries(family.split(".", 1)[1])
    name, key, meaning_key, word_key = FAMILIES[family]
    items = _file(name)[key] if key else _file(name)
    return tuple(_entries(family, items, meaning_key, word_key=word_key))


# ---------------------------------------------------------------- responsibility roles

@cache
def role_labels() -> dict[str, str]:
    """Label word -> role (lead, support, people), longest first."""
    return dict(sorted(((e.word, e.meaning) for e in role_label_entries()), key=lambda kv: -len(kv[0])))


def role_label_entries() -> tuple[Entry, ...]:
    return entries("roles.labels")


def role_verb_entries() -> tuple[Entry, ...]:
    return entries("roles.verbs")


@cache
def role_verbs() -> dict[str, str]:
    """Verb -> role (lead, support, support_after_lead), longest first so 按职责分工负责 beats 负责."""
    return dict(sorted(((e.word, e.meaning) for e in role_verb_entries()), key=lambda kv: -len(kv[0])))


def no_unit_entries() -> tuple[Entry, ...]:
    return entries("roles.no_unit")


def no_unit_words() -> tuple[str, ...]:
    return tuple(e.word for e in no_unit_entries())


def duty_verb_entries() -> tuple[Entry, ...]:
    return entries("roles.duty_verbs")


def unit_ending_entries() -> tuple[Entry, ...]:
    return entries("roles.unit_endings")


@cache
def unit_endings() -> tuple[str, ...]:
    """How a unit name may end, longest first."""
    return tuple(sorted((e.word for e in unit_ending_entries()), key=len, reverse=True))


# ---------------------------------------------------------------- table columns

#: Keys of columns.yaml that are no column role.
_COLUMN_FILE_KEYS = ("examples", "negatives", "result_roles", "figure_kinds", "problem_words", "field_labels", "ditto",
                     "deadline_tails", "content_endings")


@cache
def column_roles() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(column role, header names in order of preference), in the order roles are tried."""
    data = _file("columns")
    return tuple((role, tuple(str(n) for n in names)) for role, names in data.items()
                 if role not in _COLUMN_FILE_KEYS)


@cache
def column_result_roles() -> tuple[str, ...]:
    """Column roles whose cells report what was done (a figure there is an actual)."""
    return tuple(str(r) for r in _file("columns")["result_roles"])


@cache
def figure_column_kinds() -> dict[str, tuple[str, ...]]:
    """Kind of figure (actual, target) -> the words that say it in a year column's name (2016年完成)."""
    return {str(k): tuple(str(w) for w in v) for k, v in _file("columns")["figure_kinds"].items()}


@cache
def column_entries() -> tuple[Entry, ...]:
    out = [Entry("columns", name, role) for role, names in column_roles() for name in names]
    return tuple(out)


@cache
def column_examples() -> tuple[tuple[str, str | None], ...]:
    data = _file("columns")
    return tuple((str(e["cell"]), e["role"]) for e in data.get("examples", []) + data.get("negatives", []))


# ---------------------------------------------------------------- word families

@dataclass(frozen=True)
class WordFamily:
    """A closed list of words with the examples that prove it, read by one component.

    In YAML: ``family: {words: [..] or "w1 w2 …" or {word: meaning}, examples: [...], negatives: [...]}``;
    an example is a text, or ``{text, expect}`` where the component's answer must be ``expect``.
    """

    name: str  # "<file>.<family>"
    words: tuple[str, ...]
    examples: tuple[Any, ...] = ()
    negatives: tuple[Any, ...] = ()


@cache
def word_family(name: str) -> WordFamily:
    """A family by its full name, ``<file>.<family>`` (``people.posts``, ``columns.problem_words``)."""
    file, key = name.split(".", 1)
    data = _file(file)[key]
    raw = data["words"] if isinstance(data, dict) else data
    words = tuple(raw.split()) if isinstance(raw, str) else tuple(str(w) for w in raw)
    examples = tuple(data.get("examples") or ()) if isinstance(data, dict) else ()
    negatives = tuple(data.get("negatives") or ()) if isinstance(data, dict) else ()
    return WordFamily(name, words, examples, negatives)


@cache
def word_meanings(name: str) -> dict[str, Any]:
    """A family written as ``words: {word: meaning}`` (``periods.quarters``: 三季度 -> 9), in the file's order."""
    file, key = name.split(".", 1)
    return {str(w): m for w, m in _file(file)[key]["words"].items()}


def words(name: str) -> tuple[str, ...]:
    """The words of a family (see ``word_family``)."""
    return word_family(name).words


@cache
def words_regex(name: str) -> re.Pattern[str]:
    """An alternation of a family's words, longest first (so 常务副市长 wins over 副市长)."""
    return re.compile("|".join(map(re.escape, sorted(words(name), key=len, reverse=True))))


#: Every family read through ``words``: the lock lists their words, the tests prove their examples.
WORD_FAMILIES = ("people.surnames", "people.compound_surnames", "people.posts", "people.not_person", "people.masks",
                 "people.lead_verbs", "people.each_takes", "people.duty_openers",
                 "columns.problem_words", "columns.field_labels", "columns.ditto", "columns.deadline_tails", "columns.content_endings", "columns.unit_labels",
                 "numbering.part_words", "numbering.pdf_part_words", "roles.stated_with", "roles.unit_label_endings", "roles.people_label_endings", "roles.lead_marks",
                 "roles.first_leads", "roles.note_ends", "roles.office_hosts", "roles.with_words", "roles.etc_joiners", "roles.unit_joiners", "roles.not_duties", "roles.group_endings", "roles.etc_tails", "roles.collective_prefixes", "roles.place_levels",
                 "roles.not_place_words", "roles.agency_endings", "roles.heading_verbs", "roles.heading_tails",
                 "roles.lead_words_seen", "roles.support_words_seen", "roles.contact_labels", "roles.list_openers",
                 "roles.lead_duty_verbs",
                 "roles.not_unit_openers", "people.post_prefixes", "people.body_openings",
                 "metadata.status_titles", "metadata.table_tails", "metadata.division_verbs",
                 "metadata.division_lead_verbs", "metadata.lead_label_starts", "metadata.responsibility_titles",
                 "metadata.speaker_levels", "metadata.place_endings", "metadata.head_posts",
                 "metadata.generic_governments", "metadata.town_levels", "metadata.delivery_venues",
                 "metadata.provinces", "metadata.province_suffixes", "metadata.province_full_endings",
                 "metadata.issuer_endings", "metadata.title_words", "metadata.chrome_words",
                 "metadata.chrome_labels", "metadata.doc_no_labels", "metadata.issuer_labels",
                 "metadata.date_labels", "metadata.heading_part_marks", "metadata.date_stamp_chars",
                 "metadata.cover_letter_words", "metadata.title_agency_follows", "metadata.work_genres",
                 "metadata.issue_adverbs", "metadata.issue_verb_ends", "metadata.issue_objects",
                 "metadata.speaking_body_endings", "metadata.speaking_cues", "metadata.guidance_words",
                 "metadata.department_endings", "metadata.office_endings", "metadata.city_levels",
                 "metadata.county_levels", "metadata.autonomous_levels", "metadata.not_place_openers",
                 "metadata.institution_words", "metadata.national_issuers", "metadata.national_addressees", "metadata.ministry_endings",
                 "metadata.title_level_after", "metadata.not_level_after", "metadata.not_place_chars",
                 "metadata.planning_verbs", "metadata.span_year_places", "metadata.review_tails", "metadata.this_year_words",
                 "metadata.year_openers",
                 "figures.rule_words", "figures.range_words", "figures.approx_words", "figures.bare_after",
                 "figures.comparator_suffixes", "figures.list_gap_words", "figures.list_joiners",
                 "figures.relation_noise", "figures.rank_scopes", "figures.clock_marks", "figures.rank_marks", "figures.rank_verbs", "figures.year_end_words", "figures.about_words", "figures.above_words",
                 "periods.quarters", "periods.horizon_fillers", "periods.horizon_tails", "periods.report_heading_ends",
                 "periods.span_opening_leads", "periods.span_nouns", "periods.heading_relative_years",
                 "periods.figure_marks", "periods.not_a_period_after", "periods.five_year_tails", "periods.plan_names",
                 "periods.period_after", "periods.label_report_words", "periods.label_copulas", "periods.completed_heading_words", "periods.not_forward_before",
                 "periods.level_marks",
                 "figures.lead_noise", "figures.trail_words", "figures.governing_verbs", "figures.leans_on_previous",
                 "figures.at_least_before", "figures.above_before", "figures.below_before", "figures.at_most_before",
                 "figures.approx_before", "figures.at_least_after", "figures.below_after", "figures.at_most_after",
                 "figures.approx_after", "figures.target_words", "figures.growth_words", "figures.stock_words",
                 "figures.flow_words", "figures.share_words", "figures.money_words", "figures.adverbial_times",
                 "figures.numeral_cues", "figures.duration_units", "figures.time_limit_verbs",
                 "figures.duration_counted_from", "figures.duration_cuts",
                 "figures.duration_nouns", "figures.duration_caps", "figures.rank_units",
                 "figures.numeral_closers", "figures.noun_after_skips", "figures.each_words", "figures.change_words",
                 "figures.each_stated", "figures.stated_verbs")


def alternation(name: str) -> str:
    """A family's words as a regex alternation in the file's order (the order a regex tries them,
    which decides the match where one word begins another), each escaped."""
    return "|".join(map(re.escape, words(name)))


def char_class(name: str) -> str:
    """A family of single characters as the inside of a regex character class (``[…]``)."""
    return "".join(map(re.escape, words(name)))


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """A family whose words are regular expressions (``roles.first_leads``), compiled."""
    return tuple(re.compile(w) for w in words(name))


# ---------------------------------------------------------------- numbers

def scale_entries() -> tuple[Entry, ...]:
    return entries("scales")


@cache
def scales() -> dict[str, float]:
    """Scale word -> factor, longest first (万亿 before 万)."""
    return dict(sorted(((e.word, float(e.meaning)) for e in scale_entries()), key=lambda kv: -len(kv[0])))


@cache
def money_scales() -> frozenset[str]:
    """Scales that make a figure without a unit (投资150亿): an amount of money (``money: true``)."""
    return frozenset(e.word for e in scale_entries() if e.extra.get("money"))


def unit_entries() -> tuple[Entry, ...]:
    return entries("units")


@cache
def units() -> dict[str, str]:
    """Unit as written -> canonical unit, in the file's order."""
    return {e.word: e.meaning for e in unit_entries()}


@cache
def unit_blockers() -> dict[str, str]:
    """Unit -> the characters that may not follow it for it to be a unit."""
    return {e.word: str(e.extra["blockers"]) for e in unit_entries() if e.extra.get("blockers")}


# ---------------------------------------------------------------- page chrome

@dataclass(frozen=True)
class ChromeRule:
    name: str
    pattern: re.Pattern[str]
    max_len: int


def chrome_entries() -> tuple[Entry, ...]:
    return entries("chrome")


@cache
def chrome_rules() -> tuple[ChromeRule, ...]:
    return tuple(ChromeRule(e.word, re.compile(e.meaning), int(e.extra.get("max_len", 80))) for e in chrome_entries())


# ---------------------------------------------------------------- periods

PERIOD_FAMILIES = ("result_headings", "goal_headings", "result_cues", "goal_cues", "report_markers", "summary_titles",
                   "plan_titles", "baseline_from", "baseline_to", "five_year_cues", "target_cues", "target_labels",
                   "actual_cues", "estimate_cues", "average_cues", "total_cues", "span_words", "direction_down",
                   "direction_up", "relative_years", "time_leads", "done_after", "breakdown_words",
                   "base_periods", "gap_cues", "title_continuations")
#: Period families whose entries are regular expressions, not words.
_PATTERN_FAMILIES = ("report_markers", "span_words")


@cache
def period_entries(family: str) -> tuple[Entry, ...]:
    """One family of ``periods.yaml`` (``PERIOD_FAMILIES``)."""
    key = "pattern" if family in _PATTERN_FAMILIES else "word"
    return tuple(_entries(f"periods.{family}", _file("periods")[family], "", word_key=key))


@cache
def words_pattern(family: str) -> re.Pattern[str]:
    """An alternation of a period family's words, longest first."""
    words = sorted((e.word for e in period_entries(family)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@cache
def sentence_actual_cues() -> frozenset[str]:
    """Result cues that are time phrases (截至, 目前): they speak for the clauses after them in their sentence."""
    return frozenset(e.word for e in period_entries("actual_cues") if e.extra.get("sentence"))


@cache
def report_markers() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(e.word, re.M) for e in period_entries("report_markers"))


@cache
def relative_years() -> dict[str, int | str | None]:
    """A relative year word (今年, 去年, 明年) -> its shift from the year the document speaks in;
    None for the year it looks back on (一年来, 过去一年); "part" for the year of the part it stands
    in (全年)."""
    out: dict[str, int | str | None] = {}
    for e in period_entries("relative_years"):
        shift = str(e.extra.get("shift", 0))
        out[e.word] = None if shift == "past" else ("part" if shift == "part" else int(shift))
    return out


@cache
def span_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, "back", "forward" or "since") for spans counted from the document's clock: a count group ``n``, or the base year ``y`` of a change since it."""
    return tuple((re.compile(e.word), str(e.extra.get("meaning", ""))) for e in period_entries("span_words"))


# ---------------------------------------------------------------- indicators

def relational_entries() -> tuple[Entry, ...]:
    return entries("indicators.relational")


@cache
def relational_words() -> frozenset[str]:
    return frozenset(e.word for e in relational_entries())


@dataclass(frozen=True)
class NotFigureRule:
    name: str
    side: str  # "before" or "after" the figure
    pattern: re.Pattern[str]
    unit: str | None = None  # the figure's unit, where the rule is about one


def not_figure_entries() -> tuple[Entry, ...]:
    return entries("indicators.not_figures")


@cache
def not_figure_rules() -> tuple[NotFigureRule, ...]:
    return tuple(NotFigureRule(e.word, str(e.extra["side"]), re.compile(e.meaning), e.extra.get("unit"))
                 for e in not_figure_entries())


def unitless_entries() -> tuple[Entry, ...]:
    return entries("indicators.unitless")


@cache
def unitless_heads() -> re.Pattern[str]:
    """Names of indicators measured in no unit (指数, 满意度, 倍差), longest first."""
    return re.compile("|".join(sorted((re.escape(e.word) for e in unitless_entries()), key=len, reverse=True)))


@cache
def name_patterns(family: str) -> re.Pattern[str]:
    """``name_leads`` / ``name_tails`` / ``name_inner`` / ``not_names`` as one alternation."""
    return re.compile("|".join(f"(?:{e.word})" for e in entries(f"indicators.{family}")))


def list_head_entries() -> tuple[Entry, ...]:
    return (*entries("indicators.list_heads"), *entries("indicators.list_qualifiers"), *entries("indicators.list_pairs"))


@cache
def list_pairs() -> dict[str, tuple[str, ...]]:
    """A word naming two things at once -> the two (城乡 -> 城镇, 农村)."""
    return {e.word: tuple(str(w) for w in e.extra["pair"]) for e in entries("indicators.list_pairs")}


@cache
def list_qualifiers() -> frozenset[str]:
    """First words of list items that share the rest of the last item's name (城镇, 农村…)."""
    return frozenset(e.word for e in entries("indicators.list_qualifiers"))


@cache
def list_heads() -> tuple[str, ...]:
    """Heads a list of indicators shares at its end (产量, 增加值…), longest first."""
    return tuple(sorted((e.word for e in entries("indicators.list_heads")), key=len, reverse=True))


def name_entries() -> tuple[Entry, ...]:
    return tuple(e for f in ("name_leads", "name_tails", "name_inner", "not_names") for e in entries(f"indicators.{f}"))


def all_entries() -> list[Entry]:
    """Every entry of every family, for the generated tests and the lock file."""
    families = [*FAMILIES, *(f"periods.{f}" for f in PERIOD_FAMILIES)]
    listed = [Entry(name, w) for name in WORD_FAMILIES for w in words(name)]
    return [*column_entries(), *(e for family in families for e in entries(family)), *listed]
