"""The README's usage examples run as written (against a temporary store) and print what it says.

Every shell line of the Usage section must have an entry in ``EXPECTED`` (a piece of
the command -> what its output must hold), so an example added without a check fails here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent

#: command fragment -> regular expressions its stdout must match, in this order
EXPECTED: dict[str, list[str]] = {
    "load examples/plans": [r"skip \S+README\.md  not a format policykg reads \(\.md\)", r"(ok   .*\n(note .*\n)*){5}",
                            r"5 loaded, 0 failed, 1 skipped"],
    "units-leading-most-tasks": [r"unit +agency +region +tasks", r"高新处 +浙江省科学技术厅 +浙江省 +14\n"],
    "target-evolution": [r"2015 +target +150亿元 +元", r"2021 +actual +1157亿元 +元"],
    "indicator-matrix": [],  # checked on the file it writes
    "target-vs-actual": [],  # checked on met.csv
    "task-search": [r"score +year", r"doc-[0-9a-f]{16}-t\d+"],
    "evidence doc-6c90a7d6afc0752d-t4": [r"evidence for doc-6c90a7d6afc0752d-t4 in 省科技厅2015年工作要点", r"leads +条件处",
                                         r"【500家】"],
    "evidence doc-6c90a7d6afc0752d-g0": [r"\(2015\)", r"力争2015年全省R&D经费支出达【1050亿", r"\[373, 379\)"],
    "policykg queries": [r"example: +policykg query target-evolution --param indicator=技术交易额", r"25 named queries"],
    "policykg cypher": [r"unit +n", r"高新处 +\d+"],
    "analyze collaboration": [r"unit", r"betweenness", r"高新处"],
    "extract": [r'"document"', r'"tasks"', r'"targets"'],
    "policykg stats": [r"nodes +Document +5\n"],
    "viz --query co-leading-units": [r"wrote \S*graph\.html"],
    "viz --around": [r"wrote \S*unit\.html"],
    "chart target-evolution": [r"wrote \S*chart\.png"],
    "chart units": [r"wrote \S*units\.html"],
    "report 2015年工作要点": [r"wrote \S*plan\.html"],
    "export --format gexf": [r"wrote \S*graph\.gexf"],
}


def usage_section() -> str:
    return README.split("## Usage", 1)[1].split("\n## ", 1)[0]


def shell_examples() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", usage_section(), re.S)
    assert block, "the Usage section has a bash block"
    lines = [re.sub(r"\s+#.*$", "", ln).strip() for ln in block.group(1).splitlines()]
    return [ln for ln in lines if ln.startswith("policykg ") and "status|start|stop" not in ln]  # that one is a menu


def python_example() -> str:
    block = re.search(r"```python\n(.*?)```", usage_section(), re.S)
    assert block, "the Usage section has a python block"
    return block.group(1)


def expectation(line: str) -> list[str]:
    keys = [k for k in EXPECTED if k in line]
    assert keys, f"README example without a check in tests/test_readme.py: {line}"
    return EXPECTED[max(keys, key=len)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("readme") / "store"
    env = {**os.environ, "POLICYKG_STORE": str(path), "PATH": f"{BIN}:{os.environ['PATH']}", "COLUMNS": "80"}
    # One server for all the examples, as a user with `policykg store start` would have.
    subprocess.run([BIN / "policykg", "store", "start"], env=env, check=True, capture_output=True, timeout=120)
    yield path, env
    subprocess.run([BIN / "policykg", "store", "stop"], env=env, capture_output=True, timeout=120)


def test_every_shell_example_in_the_usage_section_runs_and_prints_what_it_says(
        store: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    _, env = store
    examples = shell_examples()
    assert len(examples) >= 12
    for line in examples:
        wanted = expectation(line)
        command = line.replace("examples/plans", str(ROOT / "examples" / "plans"))
        result = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr
        at = 0
        for pattern in wanted:
            found = re.compile(pattern).search(result.stdout, at)
            assert found, f"{line}: {pattern!r} not in\n{result.stdout}"
            at = found.start()
    sheet = load_workbook(tmp_path / "matrix.xlsx").active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["indicator", "year", "region", "target", "target_display", "actual",
                                           "actual_display", "unit", "target_high", "target_high_display"]
    met = (tmp_path / "met.csv").read_bytes()
    assert met.startswith("\ufeffindicator,region,year,target,target_display,actual,actual_display,unit".encode())
    assert "技术交易额,浙江省,2021,100000000000,1000亿元,115700000000,1157亿元,元" in met.decode("utf-8-sig")
    pivot = load_workbook(tmp_path / "sheet.xlsx").active  # indicator-matrix --pivot --headers both
    assert pivot is not None
    header = [c.value for c in pivot[1]]
    assert header[:5] == ["指标 indicator", "年份 year", "单位 unit", "杭州市 目标 杭州市 target",
                          "杭州市 目标(显示) 杭州市 target_display"]
    assert "浙江省 实际 浙江省 actual" in header


def test_the_notebook_example_runs(store: tuple[Path, dict[str, str]]) -> None:
    path, _ = store
    code = python_example().replace('"demo-store"', repr(str(path))).replace('"examples/plans"', repr(str(ROOT / "examples" / "plans")))
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    df = namespace["df"]
    assert list(df.columns) == ["year", "kind", "value", "value_display", "unit", "region", "document", "raw", "value_high", "value_high_display", "comparator",
                                  "mentions"]  # type: ignore[attr-defined]
    assert 15000000000 in set(df["value"])  # type: ignore[index]
    top = namespace["top"]
    assert top.iloc[0]["unit"] == "高新处"  # type: ignore[attr-defined]
    facts = namespace["facts"]
    assert facts["sentence"][0].startswith("力争2015年全省R&D经费支出达【1050亿元】")  # type: ignore[index]
    assert set(namespace["rows"]["name"]) >= {"邱飞章"}  # type: ignore[index]
