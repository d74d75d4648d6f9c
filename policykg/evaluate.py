"""Score extraction against hand-checked gold facts, so anyone can measure the loaders on their own documents.

A port of the project's reference scorer (``../shared/tools/score_extraction.py``):
the matching rules, the per-document lines, the ``TOTAL`` line and the ``score:``
line are the same, character for character, so figures measured here and there
can be compared. The difference is where the extraction comes from: by default
``policykg.loaders.extract_file`` runs in this process (no interpreter start per
document); ``command_extractor`` runs any command that prints the extraction
contract (``DESIGN.md``, "Extraction contract"), as the reference scorer does.

The gold schema is described in ``docs/gold-schema.md``.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.loaders import extract_file
from policykg.ontology.script import to_simplified

#: Reads one document and returns the extraction contract as plain JSON data.
Extractor = Callable[[Path], dict[str, Any]]

#: The fact kinds scored, in the order the lines print them.
KINDS = ("lead", "support", "people", "targets")

#: The misses listed under a document's line unless every miss is asked for.
MISSES_SHOWN = 5

# A task's own number, stripped before its text is compared with a hint.
NUMBERING = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|\d+[\.、．,，]|[①-⑳]|第[一二三四五六七八九十\d]+[条项])"
)


class EvaluationError(Exception):
    """The run cannot be scored at all (no gold, an unreadable gold file, no documents folder)."""


# --- matching rules (kept exactly as the reference scorer has them) -------------------------


def norm(s: str | None) -> str:
    """NFKC (full-width brackets and digits to half-width) with all whitespace removed."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)


def task_text(t: dict[str, Any]) -> str:
    """A task's text as hints are written: numbering stripped (before NFKC turns ① into 1), normalised."""
    s = re.sub(r"\s+", "", t.get("text") or t.get("title") or "")
    return norm(NUMBERING.sub("", s, count=1))


def find_task(tasks: list[dict[str, Any]], hint: str | None) -> dict[str, Any] | None:
    """The first task whose text starts with the hint, else one that has it just after a short prefix."""
    if not hint:
        return None
    h = norm(hint)
    for t in tasks:
        if task_text(t).startswith(h):
            return t
    for t in tasks:  # tolerate a kept prefix such as a section label
        if h in task_text(t)[: len(h) + 16]:
            return t
    return None


def name_match(gold: str, got: str) -> bool:
    """Equal after normalising, or the extracted name ends with the gold one (a resolved, longer name).
    Both sides in simplified script: 清水縣 and 清水县 are one name, whichever script a gold file keeps."""
    g, e = norm(to_simplified(gold)), norm(to_simplified(got))
    return bool(g) and (g == e or e.endswith(g))


def names_of(t: dict[str, Any], key: str) -> list[str]:
    """The names a task holds under key, whether given as strings or as {"name": …} objects."""
    return [v["name"] if isinstance(v, dict) else str(v) for v in t.get(key) or []]


class Tally:
    """True positives, misses and extras of one fact kind; precision only where the gold is complete."""

    def __init__(self) -> None:
        self.tp = self.fn = self.fp = 0
        self.precision_known = False

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.precision_known |= other.precision_known

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float | None:
        if not self.precision_known:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def __str__(self) -> str:
        p = self.precision
        ps = "n/a" if p is None else f"{p:.3f}"
        return f"R={self.recall:.3f} P={ps} ({self.tp}/{self.tp + self.fn})"


def match_name(g: str, got: list[str], used: set[int], expands: dict[str, list[str]]) -> list[int] | None:
    """Indexes of the extracted names that account for gold name g: the name itself,
    or, for a composite mention the gold lists in `expands`, every one of its parts."""
    hit = next((i for i, e in enumerate(got) if i not in used and name_match(g, e)), None)
    if hit is not None:
        return [hit]
    parts = expands.get(g)
    if not parts:
        return None
    taken: list[int] = []
    for part in parts:
        i = next((i for i, e in enumerate(got) if i not in used and i not in taken and name_match(part, e)), None)
        if i is None:
            return None
        taken.append(i)
    return taken


def score_pairs(
    gold_entries: list[dict[str, Any]],
    tasks: list[dict[str, Any]],
    gold_key: str,
    got_key: str,
    complete: bool,
    expands: dict[str, list[str]] | None = None,
) -> tuple[Tally, list[str]]:
    """Units (lead/support) or people: (task, name) pairs; with complete gold, names on other tasks are extras."""
    expands = expands or {}
    tally, misses = Tally(), []
    matched_task_ids = set()
    for entry in gold_entries:
        t = find_task(tasks, entry.get("task_hint"))
        gold_names = entry.get(gold_key) or []
        if t is None:
            tally.fn += len(gold_names)
            if gold_names:
                misses.append(f"no task for hint {entry.get('task_hint')!r}")
            continue
        matched_task_ids.add(id(t))
        got = names_of(t, got_key)
        used: set[int] = set()
        for g in gold_names:
            hits = match_name(g, got, used, expands)
            if hits is None:
                tally.fn += 1
                misses.append(f"{gold_key} {g!r} missing on {entry.get('task_hint')!r} (got {got})")
            else:
                used.update(hits)
                tally.tp += 1
        if complete:
            tally.fp += len(got) - len(used)
    if complete:
        tally.precision_known = True
        for t in tasks:
            if id(t) not in matched_task_ids:
                tally.fp += len(names_of(t, got_key))
    return tally, misses


def bigrams(s: str) -> set[str]:
    s = norm(s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def target_match(g: dict[str, Any], e: dict[str, Any]) -> bool:
    """Same value, unit, kind and year (where both give one), and the indicator or phrase shares a bigram."""
    try:
        gv, ev = float(g["value"]), float(e["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if abs(gv - ev) > 1e-6 * max(1.0, abs(gv)):
        return False
    if norm(to_simplified(g.get("unit") or "")) != norm(to_simplified(e.get("unit") or "")):  # 噸 is 吨
        return False
    if g.get("kind") and e.get("kind") and g["kind"] != e["kind"]:
        return False
    if g.get("year") and e.get("year") and int(g["year"]) != int(e["year"]):
        return False
    words = bigrams(g.get("indicator", "")) | bigrams(g.get("raw", ""))
    return bool(words & (bigrams(e.get("indicator", "")) | bigrams(e.get("raw", ""))))


def score_targets(gold: list[dict[str, Any]], got: list[dict[str, Any]], complete: bool) -> tuple[Tally, list[str]]:
    """Each gold figure matched to at most one extracted figure, first come first served."""
    tally, misses, used = Tally(), [], set()
    for g in gold:
        hit = next((i for i, e in enumerate(got) if i not in used and target_match(g, e)), None)
        if hit is None:
            tally.fn += 1
            misses.append(
                f"target missing: {g.get('raw')!r} = {g.get('value')} {g.get('unit')} ({g.get('kind')}, {g.get('year')})"
            )
        else:
            used.add(hit)
            tally.tp += 1
    if complete:
        tally.precision_known = True
        tally.fp += len(got) - len(used)
    return tally, misses


# --- one document, and the totals ----------------------------------------------------------


@dataclass
class DocumentScore:
    """How one document scored: the counts its line prints and the misses listed under it."""

    doc: str
    tallies: dict[str, Tally]
    meta_ok: int = 0
    meta_all: int = 0
    tasks: int = 0
    tasks_ok: bool = False
    tasks_rule: str = ""
    misses: list[str] = field(default_factory=list)
    failure: str | None = None

    def lines(self, verbose: bool = False) -> list[str]:
        """The document's line, then its misses (the first few unless verbose)."""
        if self.failure is not None:
            return [f"{self.doc}: RUN FAILED {self.failure}"]
        head = (
            f"{self.doc}: tasks {self.tasks} ({self.tasks_rule}: {'ok' if self.tasks_ok else 'WRONG'}) "
            + " ".join(f"{k} {t}" for k, t in self.tallies.items())
        )
        out = [head] + [f"    {m}" for m in self.misses[: None if verbose else MISSES_SHOWN]]
        if not verbose and len(self.misses) > MISSES_SHOWN:
            out.append(f"    … {len(self.misses) - MISSES_SHOWN} more (use -v)")
        return out


def score_document(gold: dict[str, Any], out: dict[str, Any]) -> DocumentScore:
    """Compare one extraction (the contract's JSON) with its gold file."""
    d, tasks, targets = out.get("document", {}), out.get("tasks", []), out.get("targets", [])
    score = DocumentScore(doc=gold["doc"], tallies={}, tasks=len(tasks))
    for f in ("issuer", "region", "year"):
        if gold.get(f) is not None:
            score.meta_all += 1
            score.meta_ok += name_match(str(gold[f]), str(d.get(f, "")))
    complete = bool(gold.get("tasks_complete"))
    score.tasks_ok = len(tasks) == gold["tasks_min"] if complete else len(tasks) >= gold["tasks_min"]
    score.tasks_rule = f"gold {'=' if complete else '>='}{gold['tasks_min']}"
    units, units_complete = gold.get("lead_units", []), gold.get("lead_units_complete", False)
    for key in ("lead", "support"):
        score.tallies[key], m = score_pairs(units, tasks, key, key, units_complete, gold.get("expands"))
        score.misses += m
    people_complete = gold.get("people_complete", units_complete)
    score.tallies["people"], m = score_pairs(gold.get("people", []), tasks, "names", "people", people_complete)
    score.misses += m
    score.tallies["targets"], m = score_targets(gold.get("targets", []), targets, gold.get("targets_complete", False))
    score.misses += m
    return score


def failed_document(gold: dict[str, Any], reason: str) -> DocumentScore:
    """A document the extractor could not read scores zero: every gold fact is a miss, three meta fields wrong."""
    tallies = {k: Tally() for k in KINDS}
    units = gold.get("lead_units", [])
    tallies["lead"].fn = sum(len(e.get("lead") or []) for e in units)
    tallies["support"].fn = sum(len(e.get("support") or []) for e in units)
    tallies["people"].fn = sum(len(e.get("names") or []) for e in gold.get("people", []))
    tallies["targets"].fn = len(gold.get("targets", []))
    return DocumentScore(doc=gold["doc"], tallies=tallies, meta_all=3, failure=reason)


@dataclass
class Totals:
    """The sums over every document, with the TOTAL and score lines the reference scorer prints."""

    docs: int = 0
    meta_ok: int = 0
    meta_all: int = 0
    tasks_ok: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    failed: list[str] = field(default_factory=list)

    def add(self, score: DocumentScore) -> None:
        self.docs += 1
        self.meta_ok += score.meta_ok
        self.meta_all += score.meta_all
        self.tasks_ok += score.tasks_ok
        for k, t in score.tallies.items():
            self.tallies[k].add(t)
        if score.failure is not None:
            self.failed.append(score.doc)

    @property
    def min_recall(self) -> float:
        return min(t.recall for t in self.tallies.values())

    @property
    def min_precision(self) -> float:
        """The worst precision among the kinds whose gold is complete somewhere; 1.0 when none is."""
        known = [p for p in (t.precision for t in self.tallies.values()) if p is not None]
        return min(known) if known else 1.0

    def total_line(self) -> str:
        return (
            f"TOTAL docs={self.docs} meta {self.meta_ok}/{self.meta_all} tasks-count-ok {self.tasks_ok}/{self.docs} "
            + " ".join(f"{k} {t}" for k, t in self.tallies.items())
        )

    def score_line(self) -> str:
        return f"score: min-recall={self.min_recall:.3f} min-precision={self.min_precision:.3f}"

    def passes(self, min_recall: float = 0.0, min_precision: float = 0.0) -> bool:
        return self.min_recall >= min_recall and self.min_precision >= min_precision


# --- where extractions come from -----------------------------------------------------------


def in_process(path: Path) -> dict[str, Any]:
    """The loaders in this process, turned into the very JSON ``policykg extract --format json`` prints."""
    return json.loads(json.dumps(extract_file(path).contract(), ensure_ascii=False))  # same types as the CLI's output


def command_extractor(cmd: str, timeout: float = 120.0) -> Extractor:
    """Run a command per document (``{path}`` stands for the file) and read the JSON it prints."""
    template = shlex.split(cmd)
    if not any("{path}" in a for a in template):
        raise EvaluationError(f"the command {cmd!r} has no {{path}} for the document")

    def run(path: Path) -> dict[str, Any]:
        args = [a.replace("{path}", str(path)) for a in template]
        proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()[-400:]}")
        out = json.loads(proc.stdout)
        if not isinstance(out, dict):
            raise RuntimeError(f"printed JSON that is not an object ({type(out).__name__})")
        return out

    return run


# --- a whole run ---------------------------------------------------------------------------


def read_gold(gold_dir: Path, pattern: str = "*.json") -> list[tuple[Path, dict[str, Any]]]:
    """Every gold file in the folder (``pattern`` picks a subset), in name order; each must name its
    document and a task count, or the run is broken (a silently skipped file would flatter the score)."""
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: no such gold folder")
    files = sorted(gold_dir.glob(pattern))
    if not files:
        raise EvaluationError(f"no gold files in {gold_dir}" + ("" if pattern == "*.json" else f" match {pattern}"))
    golds = []
    for gf in files:
        try:
            gold = json.loads(gf.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EvaluationError(f"{gf}: not a readable JSON gold file ({exc})") from exc
        if not isinstance(gold, dict):
            raise EvaluationError(f"{gf}: a gold file is one JSON object (see docs/gold-schema.md)")
        if not isinstance(gold.get("doc"), str) or not gold["doc"]:
            raise EvaluationError(f"{gf}: field 'doc' (the document's file name) is missing")
        if not isinstance(gold.get("tasks_min"), int):
            raise EvaluationError(f"{gf}: field 'tasks_min' (an integer) is missing")
        golds.append((gf, gold))
    return golds


def iter_scores(
    gold_dir: Path, docs_dir: Path, extractor: Extractor = in_process, pattern: str = "*.json"
) -> Iterator[DocumentScore]:
    """Score each gold file's document as it comes, so a caller can print while the run goes on."""
    golds = read_gold(gold_dir, pattern)
    if not docs_dir.is_dir():
        raise EvaluationError(f"{docs_dir}: no such documents folder")
    for gf, gold in golds:
        try:
            out = extractor(docs_dir / gold["doc"])
        except Exception as exc:  # a crash or a refusal scores zero for that document, as in the reference scorer
            yield failed_document(gold, str(exc))
            continue
        try:
            score = score_document(gold, out)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:  # e.g. a name list given as a string
            raise EvaluationError(
                f"{gf}: the gold file, or what was extracted from {gold['doc']}, does not fit the schema "
                f"({type(exc).__name__}: {exc})"
            ) from exc
        yield score


def evaluate(
    gold_dir: Path, docs_dir: Path, extractor: Extractor = in_process, pattern: str = "*.json"
) -> tuple[list[DocumentScore], Totals]:
    """Score a whole folder: every document's score and the totals."""
    totals, scores = Totals(), []
    for score in iter_scores(gold_dir, docs_dir, extractor, pattern):
        scores.append(score)
        totals.add(score)
    return scores, totals
