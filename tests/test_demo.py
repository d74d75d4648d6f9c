"""``policykg demo`` (what ``make demo`` runs) loads the samples and prints the headline answers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_prints_the_headline_answers(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "policykg.cli", "demo", "--store", str(tmp_path / "demo"),
                          "--plans", str(ROOT / "examples" / "plans")],
                         capture_output=True, text=True, timeout=300, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("ok   ") == 5
    first_rows = re.findall(r"│ (\S+)\s+│ 浙江省科学技术厅 │ 浙江省 │\s+(\d+) │", out.stdout)
    assert first_rows[0] == ("高新处", "11")  # the 2015 plan alone
    assert ("高新处", "14") in first_rows  # 2015 plan and 2021 table
    assert re.search(r"│ 2015 │ target │\s+15000000000 │ 元", out.stdout)
    assert re.search(r"│ 2021 │ actual │\s+115700000000 │ 元", out.stdout)
