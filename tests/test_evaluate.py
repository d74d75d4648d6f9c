"""``policykg evaluate``: the lines it prints, its exit codes, and the same TOTAL line as the reference scorer."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shared_dir import REALCORPUS_DOCS, SCORER, SEEDS, SEEDS_GOLD
from typer.testing import CliRunner

from policykg.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLAN = """某某省科学技术厅2031年工作要点
一、强化创新能力
1.加快建设创新平台,全省星火综合指数达到85%。(责任人:王五,牵头单位:平台处,配合单位:有关处室)
2.培育科技企业,力争新增高新技术企业800家。(责任人:赵六,牵头单位:高新处,配合单位:平台处)
"""
GOLD = {
    "doc": "plan.txt",
    "issuer": "某某省科学技术厅",
    "year": 2031,
    "doc_kind": "responsibility-plan",
    "tasks_min": 2,
    "tasks_complete": True,
    "lead_units": [
        {"task_hint": "加快建设创新平台", "lead": ["平台处"], "support": ["有关处室"]},
        {"task_hint": "培育科技企业", "lead": ["高新处"], "support": ["平台处", "财务处"]},  # 财务处: not in the text
    ],
    "lead_units_complete": True,
    "people": [{"task_hint": "加快建设创新平台", "names": ["王五"]}],  # 赵六 left out: an extra against precision
    "targets": [
        {"indicator": "星火综合指数", "value": 85, "unit": "%", "raw": "星火综合指数达到85%", "year": 2031, "kind": "target"},
        {"indicator": "高新技术企业", "value": 800, "unit": "家", "raw": "新增高新技术企业800家", "year": 2031, "kind": "target"},
    ],
    "targets_complete": True,
}
DOC_LINE = (
    "plan.txt: tasks 2 (gold =2: ok) lead R=1.000 P=1.000 (2/2) support R=0.667 P=1.000 (2/3) "
    "people R=1.000 P=0.500 (1/1) targets R=1.000 P=1.000 (2/2)"
)
TOTAL = (
    "TOTAL docs=1 meta 2/2 tasks-count-ok 1/1 lead R=1.000 P=1.000 (2/2) support R=0.667 P=1.000 (2/3) "
    "people R=1.000 P=0.500 (1/1) targets R=1.000 P=1.000 (2/2)"
)
runner = CliRunner()


@pytest.fixture
def labelled(tmp_path: Path) -> tuple[Path, Path]:
    """A documents folder with one plan and a gold folder with its hand-checked facts."""
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "plan.txt").write_text(PLAN, encoding="utf-8")
    (gold / "plan.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return gold, docs


def evaluate(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["evaluate", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_prints_a_line_per_document_its_misses_the_total_and_the_score(labelled: tuple[Path, Path]) -> None:
    gold, docs = labelled
    code, out, _ = evaluate("--gold", gold, docs)
    assert code == 0
    assert out.splitlines() == [
        DOC_LINE,
        "    support '财务处' missing on '培育科技企业' (got ['平台处'])",
        TOTAL,
        "score: min-recall=0.667 min-precision=0.500",
    ]


def test_thresholds_fail_the_run_with_exit_1(labelled: tuple[Path, Path]) -> None:
    gold, docs = labelled
    assert evaluate("--gold", gold, docs, "--min-recall", "0.6", "--min-precision", "0.5")[0] == 0
    code, out, err = evaluate("--gold", gold, docs, "--min-recall", "0.7")
    assert code == 1
    assert TOTAL in out.splitlines()
    assert "min-recall 0.667 (need 0.7)" in err
    assert evaluate("--gold", gold, docs, "--min-precision", "0.6")[0] == 1


def test_a_refused_document_scores_zero_and_the_run_goes_on(labelled: tuple[Path, Path]) -> None:
    gold, docs = labelled
    (docs / "empty.txt").write_bytes(b"")
    (gold / "empty.json").write_text(json.dumps({**GOLD, "doc": "empty.txt"}, ensure_ascii=False), encoding="utf-8")
    code, out, _ = evaluate("--gold", gold, docs)
    assert code == 0  # no threshold asked for
    lines = out.splitlines()
    assert lines[0].startswith("empty.txt: RUN FAILED ") and "the file is empty" in lines[0]
    assert DOC_LINE in lines
    assert lines[-2] == (
        "TOTAL docs=2 meta 2/5 tasks-count-ok 1/2 lead R=0.500 P=1.000 (2/4) support R=0.333 P=1.000 (2/6) "
        "people R=0.500 P=0.500 (1/2) targets R=0.500 P=1.000 (2/4)"
    )


def test_verbose_lists_every_miss(labelled: tuple[Path, Path]) -> None:
    gold, docs = labelled
    many = {**GOLD, "targets": [{**GOLD["targets"][0], "value": v} for v in range(1, 8)]}
    (gold / "plan.json").write_text(json.dumps(many, ensure_ascii=False), encoding="utf-8")
    _, out, _ = evaluate("--gold", gold, docs)
    assert "    … 3 more (use -v)" in out.splitlines()  # 1 support + 7 targets missing, 5 shown
    _, out, _ = evaluate("--gold", gold, docs, "-v")
    assert sum(line.startswith("    target missing:") for line in out.splitlines()) == 7
    assert "more (use -v)" not in out


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda gold, docs: (gold / "plan.json").unlink(), "no gold files in"),
        (lambda gold, docs: (gold / "plan.json").write_text("{not json", encoding="utf-8"), "plan.json: not a readable JSON gold file"),
        (lambda gold, docs: (gold / "plan.json").write_text('{"doc": "plan.txt"}', encoding="utf-8"), "field 'tasks_min'"),
        (lambda gold, docs: [p.unlink() for p in docs.iterdir()] and docs.rmdir(), "no such documents folder"),
        (
            lambda gold, docs: (gold / "plan.json").write_text(json.dumps({**GOLD, "lead_units": "平台处"}), encoding="utf-8"),
            "plan.json: the gold file, or what was extracted from plan.txt, does not fit the schema",
        ),
    ],
    ids=["no-gold", "broken-json", "no-tasks-min", "no-docs-folder", "units-not-a-list"],
)
def test_a_broken_run_exits_2(labelled: tuple[Path, Path], setup, message: str) -> None:  # type: ignore[no-untyped-def]
    gold, docs = labelled
    setup(gold, docs)
    code, out, err = evaluate("--gold", gold, docs)
    assert code == 2
    assert message in err
    assert "TOTAL" not in out


def test_cmd_scores_another_extractor(labelled: tuple[Path, Path], tmp_path: Path) -> None:
    gold, docs = labelled
    cmd = f"{sys.executable} -m policykg.cli extract {{path}} --format json"
    code, out, _ = evaluate("--gold", gold, docs, "--cmd", cmd)
    assert code == 0 and TOTAL in out.splitlines()
    # An extractor that finds nothing but one invented figure: every fact is a miss, the figure an extra.
    nothing = tmp_path / "nothing.py"
    nothing.write_text('print(\'{"document": {}, "tasks": [], "targets": [{"value": 1, "unit": "家"}]}\')', encoding="utf-8")
    code, out, _ = evaluate("--gold", gold, docs, "--cmd", f"{sys.executable} {nothing} {{path}}", "--min-recall", "0.1")
    assert code == 1
    assert out.splitlines()[-2] == (
        "TOTAL docs=1 meta 0/2 tasks-count-ok 0/1 lead R=0.000 P=1.000 (0/2) support R=0.000 P=1.000 (0/3) "
        "people R=0.000 P=1.000 (0/1) targets R=0.000 P=0.000 (0/2)"
    )
    code, out, _ = evaluate("--gold", gold, docs, "--cmd", f"{sys.executable} -c 'import sys; sys.exit(3)' {{path}}")
    assert out.splitlines()[0] == "plan.txt: RUN FAILED exit 3: "
    assert code == 0  # a failed document scores zero; only thresholds fail the run
    code, _, err = evaluate("--gold", gold, docs, "--cmd", "cat plan.txt")
    assert code == 2 and "has no {path}" in err


def _reference_total(gold: Path, docs: Path) -> str:
    """The TOTAL line of ../shared/tools/score_extraction.py running ``policykg extract`` per document."""
    script = Path(sys.executable).parent / "policykg"
    cmd = f"{script} extract {{path}} --format json" if script.exists() else f"{sys.executable} -m policykg.cli extract {{path}} --format json"
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--docs", str(docs), "--cmd", cmd],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    return next(line for line in proc.stdout.splitlines() if line.startswith("TOTAL"))


@pytest.mark.skipif(not SCORER.exists(), reason=f"the reference scorer {SCORER} is not here (../shared is absent)")
@pytest.mark.parametrize(
    ("gold", "docs"),
    [(SEEDS_GOLD, SEEDS), (ROOT / "tests" / "realcorpus" / "gold", REALCORPUS_DOCS)],
    ids=["seeds", "realcorpus"],
)
def test_the_total_line_is_the_reference_scorers(gold: Path, docs: Path) -> None:
    code, out, err = evaluate("--gold", gold, docs)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-2] == _reference_total(gold, docs)
    assert lines[-1].startswith("score: min-recall=")


def test_the_example_in_docs_evaluation_runs_as_written(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(\w*)\n(.*?)```", doc, re.S)
    text = next(body for lang, body in blocks if not lang and body.startswith("某某省"))
    gold = json.loads(next(body for lang, body in blocks if lang == "json"))
    shown = next(body for lang, body in blocks if not lang and body.startswith(gold["doc"] + ":"))
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / gold["doc"]).write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "g.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    code, out, _ = evaluate("--gold", tmp_path / "gold", tmp_path / "docs", "--min-recall", "0.9", "--min-precision", "0.9")
    assert code == 0
    assert out.splitlines() == shown.splitlines()


def test_a_name_matches_in_either_script() -> None:
    """A gold file may keep a traditional document's names as written (清水縣) or in simplified script;
    the loaders' region is the graph's simplified name: one name either way, and still not another."""
    from policykg.evaluate import name_match

    assert name_match("清水縣", "清水县") and name_match("清水县", "清水縣") and name_match("吐魯番市", "吐鲁番市")
    assert not name_match("清水縣", "清河县")


def test_a_unit_in_traditional_script_is_the_same_unit() -> None:
    """A gold file keeps 噸 as the document writes it; the loaders report 吨: one unit."""
    from policykg.evaluate import target_match

    gold = {"indicator": "糧食總產量", "value": 659000, "unit": "噸", "raw": "糧食總產量65.9萬噸", "year": 2009, "kind": "actual"}
    got = {"indicator": "粮食总产量", "value": 659000.0, "unit": "吨", "raw": "糧食總產量65.9萬噸", "year": 2009, "kind": "actual"}
    assert target_match(gold, got)
