"""``policykg load`` and ``extract`` driven as a user would, against a real store (embedded and Neo4j)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from store_params import STORES, store_spec

POLICYKG = [sys.executable, "-m", "policykg.cli"]
PLAN = """某某省科学技术厅2031年工作要点
一、强化创新能力
1.加快建设创新平台,全省星火综合指数达到85%。(责任人:王五,牵头单位:平台处,配合单位:有关处室)
2.培育科技企业,力争新增高新技术企业800家。(责任人:赵六,牵头单位:高新处,配合单位:平台处)
"""
CATALOGUE = """indicators:
  - name: 星火指数
    aliases: [星火综合指数]
    measure: share
    unit: "%"
"""


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An empty store the CLI is pointed at with --store: a new directory, or the wiped Neo4j."""
    return store_spec(request, tmp_path_factory)


def policykg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POLICYKG, *args], capture_output=True, text=True, timeout=180)


def test_a_failing_file_is_counted_and_the_others_still_load(tmp_path: Path, store: str) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a_plan.txt").write_text(PLAN, encoding="gbk")
    (plans / "b_empty.txt").write_bytes(b"")
    (plans / "c_binary.txt").write_bytes(bytes(range(256)) * 4)
    result = policykg("load", str(plans), "--store", store)
    assert result.returncode == 1
    assert "1 loaded, 2 failed" in result.stdout
    assert "2 of 3 files failed to load" in result.stderr
    assert "b_empty.txt: the file is empty" in result.stderr
    assert "Traceback" not in result.stderr
    counts = json.loads(policykg("stats", "--store", store, "--format", "json").stdout)
    assert counts["nodes"]["Document"] == 1
    assert counts["nodes"]["Task"] == 2


def test_analysts_extend_the_indicator_catalogue_with_their_own_yaml(tmp_path: Path, store: str) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    catalogue = tmp_path / "indicators.yaml"
    catalogue.write_text(CATALOGUE, encoding="utf-8")
    assert policykg("load", str(plan), "--store", store, "--indicators", str(catalogue)).returncode == 0
    rows = json.loads(policykg("cypher", "MATCH (g:Target)-[:MEASURES]->(i:Indicator) WHERE g.unit = '%' "
                               "RETURN i.name AS name, i.catalogued AS catalogued, g.value AS value",
                               "--store", store, "--format", "json").stdout)
    assert rows == [{"name": "星火指数", "catalogued": True, "value": 85.0}]


def test_a_missing_catalogue_is_one_clear_error(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    result = policykg("load", str(plan), "--store", str(tmp_path / "s"), "--indicators", str(tmp_path / "nope.yaml"))
    assert result.returncode != 0
    assert "nope.yaml does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_prints_the_contract_without_a_store(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out = json.loads(policykg("extract", str(plan), "--format", "json").stdout)
    assert set(out) >= {"document", "tasks", "targets"}
    assert [t["lead"] for t in out["tasks"]] == [["平台处"], ["高新处"]]
    assert [t["people"] for t in out["tasks"]] == [["王五"], ["赵六"]]
    assert not (tmp_path / "policykg-data").exists()
