"""The extraction scorer on documents the loaders were not written against.

``tests/heldout`` holds invented plans in shapes and wordings the five seeds do
not have (State Council 分工, 责任单位 lines, 责任处室, (1) items with 牵头单位
lines, a summary with next year's plan, an XLSX completion table, a GBK web
page, a county DOCX table, a five-year plan, a district page with 所/条), with
hand-checked gold in the seeds' schema. Thresholds are what the loaders reach;
a drop means a rule was bent to fit one document at the cost of another.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
SHARED_GOLD = ROOT.parent / "shared" / "gold"
SEEDS = ROOT.parent / "shared" / "seeds"
HELDOUT = Path(__file__).resolve().parent / "heldout"
CMD = f"{sys.executable} -m policykg.cli extract {{path}} --format json"


def _cli_cmd() -> str:
    """The installed console script next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).parent / "policykg"
    return f"{script} extract {{path}} --format json" if script.exists() else CMD


def _score(gold: Path, docs: Path, min_recall: float, min_precision: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable, str(SCORER), "--gold", str(gold), "--docs", str(docs), "--cmd", _cli_cmd(),
            "--min-recall", str(min_recall), "--min-precision", str(min_precision),
        ],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.skipif(not SCORER.exists(), reason=f"the scorer {SCORER} is not here (../shared is absent)")
def test_heldout_documents_score() -> None:
    proc = _score(HELDOUT / "gold", HELDOUT / "docs", 0.95, 0.95)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    total = next(line for line in proc.stdout.splitlines() if line.startswith("TOTAL"))
    assert "tasks-count-ok 10/10" in total, total
    assert "meta 29/29" in total, total


@pytest.mark.skipif(
    not (SCORER.exists() and SHARED_GOLD.is_dir() and SEEDS.is_dir()),
    reason="../shared (scorer, gold, seeds) is absent",
)
def test_seed_documents_score() -> None:
    proc = _score(SHARED_GOLD, SEEDS, 0.95, 0.95)
    assert proc.returncode == 0, proc.stdout + proc.stderr
