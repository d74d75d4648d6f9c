"""The query commands through the real ``policykg`` app (typer's CliRunner), on a real store of the seeds."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from store_params import STORES, store_spec
from typer.testing import CliRunner

from policykg.cli import app
from policykg.kg import KnowledgeGraph

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
SAMPLES = {"indicator": "技术交易额", "keyword": "孵化器", "unit": "高新处", "person": "邱飞章",
           "issuer": "浙江省科学技术厅", "id": "none"}
runner = CliRunner()


@pytest.fixture(scope="module", params=STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A loaded store, kept open for the module so each command finds the server running."""
    spec = store_spec(request, tmp_path_factory)
    kg = KnowledgeGraph.open(spec)
    try:
        assert all(r.ok for r in kg.load([PLANS]))
        yield spec
    finally:
        kg.close()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_queries_lists_at_least_14_with_their_parameters() -> None:
    code, out, _ = run("queries", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert len(listed) >= 14
    by_name = {q["name"]: q for q in listed}
    assert {p["name"] for p in by_name["units-leading-most-tasks"]["params"]} >= {"region", "within", "from", "to"}
    assert by_name["units-leading-most-tasks"]["columns"] == ["unit", "agency", "region", "tasks"]
    code, out, _ = run("queries")
    assert code == 0 and "target-evolution" in out
    code, out, _ = run("queries", "--format", "md")
    assert code == 0 and "indicator: string (required)" in out


def test_every_listed_query_runs_on_the_seeds(store: str) -> None:
    listed = json.loads(run("queries", "--format", "json")[1])
    for query in listed:
        args = ["query", query["name"], "--store", store, "--format", "json"]
        for param in query["params"]:
            if param["required"]:
                args += ["--param", f"{param['name']}={SAMPLES[param['name']]}"]
        code, out, err = run(*args)
        assert code == 0, (query["name"], err)
        assert isinstance(json.loads(out), list)


def test_query_as_json_table_and_markdown(store: str) -> None:
    code, out, _ = run("query", "units-leading-most-tasks", "--param", "region=浙江省", "--param", "limit=3",
                       "--store", store, "--format", "json")
    assert code == 0
    assert json.loads(out)[0] == {"unit": "高新处", "agency": "浙江省科学技术厅", "region": "浙江省", "tasks": 14}
    code, out, _ = run("query", "units-leading-most-tasks", "-p", "region=浙江省", "-p", "limit=3", "--store", store)
    assert code == 0 and "高新处" in out and "3 rows" in out
    code, out, _ = run("query", "target-evolution", "-p", "indicator=技术市场交易额", "-p", "region=浙江省",
                       "--store", store, "--format", "md")
    assert code == 0 and out.startswith("| year") and "1157" not in out.splitlines()[0]
    assert "115700000000" in out


def test_query_to_csv_and_xlsx_files(store: str, tmp_path: Path) -> None:
    target = tmp_path / "units.csv"
    code, _, _ = run("query", "units-leading-most-tasks", "-p", "region=浙江省", "--store", store,
                     "--format", "csv", "--output", str(target))
    assert code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfunit,agency,region,tasks")
    first = next(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert first == {"unit": "高新处", "agency": "浙江省科学技术厅", "region": "浙江省", "tasks": "14"}
    book = tmp_path / "units.xlsx"
    code, _, _ = run("query", "units-leading-most-tasks", "-p", "region=浙江省", "--store", store,
                     "--format", "xlsx", "--output", str(book))
    assert code == 0
    sheet = load_workbook(book).active
    assert sheet is not None and [c.value for c in sheet[2]] == ["高新处", "浙江省科学技术厅", "浙江省", 14]


@pytest.mark.parametrize(("args", "message"), [
    (["query", "no-such-query"], "valid: co-leading-units"),
    (["query", "units-leading-most-tasks", "-p", "regoin=浙江省"], "valid: region: string = null"),
    (["query", "units-leading-most-tasks", "-p", "from=twenty"], "'from' must be int"),
    (["query", "target-evolution"], "'indicator' is required"),
    (["query", "units-leading-most-tasks", "-p", "region"], "key=value"),
    (["query", "documents", "--format", "html"], "valid: table, json, csv, xlsx, md"),
    (["query", "documents", "--format", "xlsx"], "--output"),
    (["cypher", "MATCH (n) DETACH DELETE n"], "DETACH DELETE"),
])
def test_mistakes_are_one_line_and_exit_2_without_touching_a_store(args: list[str], message: str,
                                                                    tmp_path: Path) -> None:
    code, out, err = run(*args, "--store", str(tmp_path / "never-started"))
    assert code == 2
    assert message in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "never-started").exists()  # refused before a JVM was started


def test_cypher_reads_with_parameters_and_writes_only_with_write(store: str) -> None:
    code, out, _ = run("cypher", "MATCH (u:Unit {name: $name}) RETURN u.name AS unit, u.level AS level",
                       "-p", "name=高新处", "--store", store, "--format", "json")
    assert code == 0 and json.loads(out) == [{"unit": "高新处", "level": "division"}]
    code, out, _ = run("cypher", "MATCH (d:Document) WHERE d.year >= $y RETURN count(d) AS n",
                       "-p", "y=2020", "--store", store, "--format", "json")
    assert json.loads(out) == [{"n": 1}]  # "2020" was bound as an integer
    code, _, err = run("cypher", "CREATE (:Scratch {v: 1})", "--store", store)
    assert code == 2 and "--write" in err
    code, out, _ = run("cypher", "CREATE (n:Scratch {v: 1}) RETURN n.v AS v", "--write", "--store", store,
                       "--format", "json")
    assert code == 0 and json.loads(out) == [{"v": 1}]
    assert run("cypher", "MATCH (n:Scratch) DELETE n", "--write", "--store", store)[0] == 0


def test_a_cypher_error_from_the_store_is_one_line_exit_1(store: str) -> None:
    code, out, err = run("cypher", "MATCH (n RETURN n", "--store", store)
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err + out


def test_analyze_collaboration(store: str) -> None:
    code, out, _ = run("analyze", "collaboration", "--store", store, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and set(rows[0]) == {"unit", "agency", "community", "partners", "shared_tasks",
                                     "degree_centrality", "betweenness"}
    gaoxin = next(r for r in rows if r["unit"] == "高新处")
    assert gaoxin["partners"] == max(r["partners"] for r in rows)  # it co-leads with the most divisions
    code, out, _ = run("analyze", "collaboration", "--role", "lead", "-p", "region=湖北省", "--store", store,
                       "--format", "json")
    assert code == 0 and json.loads(out) == []
