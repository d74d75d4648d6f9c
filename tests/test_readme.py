"""The README's usage examples run as written (against a temporary store), so the docs cannot rot."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


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


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("readme") / "store"
    env = {**os.environ, "POLICYKG_STORE": str(path), "PATH": f"{BIN}:{os.environ['PATH']}"}
    # One server for all the examples, as a user with `policykg store start` would have.
    subprocess.run([BIN / "policykg", "store", "start"], env=env, check=True, capture_output=True, timeout=120)
    yield path, env
    subprocess.run([BIN / "policykg", "store", "stop"], env=env, capture_output=True, timeout=120)


def test_every_shell_example_in_the_usage_section_runs(store: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    _, env = store
    examples = shell_examples()
    assert len(examples) >= 10
    task_id = None
    for line in examples:
        if "<" in line:
            if task_id is None:
                out = subprocess.run([BIN / "policykg", "query", "task-search", "--param", "keyword=孵化器", "--format", "json"],
                                     env=env, capture_output=True, text=True, timeout=120, check=True)
                task_id = json.loads(out.stdout)[0]["id"]
            line = re.sub(r"<[^>]+>", shlex.quote(task_id), line)
        line = line.replace("examples/plans", str(ROOT / "examples" / "plans"))
        result = subprocess.run(line, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
    assert (tmp_path / "matrix.xlsx").stat().st_size > 0
    assert (tmp_path / "met.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs


def test_the_notebook_example_runs(store: tuple[Path, dict[str, str]]) -> None:
    path, _ = store
    code = python_example().replace('"demo-store"', repr(str(path))).replace('"examples/plans"', repr(str(ROOT / "examples" / "plans")))
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    df = namespace["df"]
    assert list(df.columns) == ["year", "kind", "value", "unit", "region", "document", "raw"]  # type: ignore[attr-defined]
    assert 15000000000 in set(df["value"])  # type: ignore[index]
