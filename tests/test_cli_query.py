"""The query commands through the real ``policykg`` app (typer's CliRunner), on a real store of the seeds."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len
from typer.testing import CliRunner

from policykg.cli import app
from policykg.kg import KnowledgeGraph

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
SAMPLES = {"indicator": "技术交易额", "keyword": "孵化器", "unit": "高新处", "person": "邱飞章",
           "issuer": "浙江省科学技术厅", "id": "doc-6c90a7d6afc0752d-t4", "ids": "doc-6c90a7d6afc0752d-t4"}
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A loaded store, kept open for the module so each command finds the server running."""
    path = tmp_path_factory.mktemp("cli-seeds")
    kg = KnowledgeGraph.open(path)
    try:
        assert all(r.ok for r in kg.load([PLANS]))
        yield str(path)
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
    assert "1157亿元" in out and "115700000000" not in out  # as a reader writes it; json keeps the base value
    code, out, _ = run("query", "target-evolution", "-p", "indicator=技术市场交易额", "-p", "region=浙江省",
                       "--store", store, "--format", "json")
    actual = next(r for r in json.loads(out) if r["kind"] == "actual")
    assert (actual["value"], actual["value_display"], actual["unit"]) == (115700000000, "1157亿元", "元")


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
    (["query", "target-evolution"], "'indicator' is required (string); e.g. policykg query target-evolution --param indicator="),
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


# --- readable at 80 columns ------------------------------------------------------------------------

def cells(line: str) -> list[str]:
    """A line as display cells: a Chinese character fills two (the second left empty)."""
    out: list[str] = []
    for ch in line:
        out += [ch] + [""] * (cell_len(ch) - 1)
    return out


def columns_of_table(text: str) -> tuple[list[str], list[str], list[tuple[int, int]], str]:
    """(header lines, body lines, each column's [start, end) cells, footer) of a rendered table."""
    lines = text.splitlines()
    rule = next(k for k, line in enumerate(lines) if line.startswith("─"))
    spans, at = [], 0
    for segment in lines[rule].split("  "):
        spans.append((at, at + len(segment)))
        at += len(segment) + 2
    end = next(k for k, line in enumerate(lines) if re.fullmatch(r"\d+ rows?", line))
    top = max([k + 1 for k in range(rule) if not lines[k]] + [0])  # a title ends with an empty line
    return lines[top:rule], lines[rule + 1:end], spans, " ".join(lines[end + 1:])


def header_names(heads: list[str], spans: list[tuple[int, int]]) -> list[str]:
    return ["".join("".join(cells(h)[a:b]).strip() for h in heads) for a, b in spans]


def example_args(example: str) -> list[str]:
    args = shlex.split(example)[1:]  # drop "policykg"
    if "--format" in args:  # the table is what is checked here
        k = args.index("--format")
        del args[k:k + 4]
    return args


def assert_readable_at_80(args: list[str], store: str, json_args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--store", store], env={"COLUMNS": "80"})
    assert result.exit_code == 0, (args, result.stderr)
    text = result.stdout
    assert all(cell_len(line) <= 80 for line in text.splitlines()), (args, text)
    heads, body, spans, footer = columns_of_table(text)
    names = header_names(heads, spans)
    assert all(b - a >= 1 for a, b in spans), (args, spans)  # never a zero-width column
    data = json.loads(run(*json_args, "--store", store, "--format", "json")[1])
    assert data, f"{args}: the example returns no rows"
    declared = [c for c in data[0] if not c.endswith("_display")]
    hidden = footer.split("not shown at 80 columns: ", 1)[1].split(" (")[0].split(", ") if "not shown" in footer else []
    for column in declared:  # every header whole, or named as left out
        assert column in names or column in hidden or args[0] == "evidence" or args[1] == "evidence", (args, column, names)
    for name, (a, b) in zip(names, spans, strict=True):
        assert name, (args, spans)
        if any(r.get(name) not in (None, "", []) for r in data):  # a column with values shows some
            assert any("".join(cells(line)[a:b]).strip() for line in body), (args, name)


def test_every_named_query_reads_at_80_columns(store: str) -> None:
    from policykg.cli.query_cmds import example_of
    from policykg.queries import list_queries

    for named in list_queries():
        args = example_args(example_of(named))
        assert_readable_at_80(args, store, args)


def test_analyze_collaboration_reads_at_80_columns(store: str) -> None:
    assert_readable_at_80(["analyze", "collaboration"], store, ["analyze", "collaboration"])


# --- help that finds things ----------------------------------------------------------------------------

def test_an_empty_result_suggests_the_names_it_could_mean(store: str) -> None:
    code, out, err = run("query", "units-leading-most-tasks", "--param", "region=浙江", "--store", store)
    assert code == 0 and "0 rows" in out
    assert "did you mean 浙江省? (--param region=浙江省)" in err
    code, _, err = run("query", "units-leading-most-tasks", "--param", "region=浙江省", "--store", store)
    assert "hint" not in err  # a name the store holds needs no hint


def test_queries_shows_an_example_for_every_query_and_it_runs(store: str) -> None:
    code, out, _ = run("queries")
    assert code == 0
    assert "example:    policykg query target-evolution --param indicator=技术交易额 --param region=浙江省" in out
    listed = json.loads(run("queries", "--format", "json")[1])
    assert all(q["example"].startswith(f"policykg query {q['name']} --param ") for q in listed)


def test_an_unknown_id_says_what_ids_look_like(store: str) -> None:
    for args in (["evidence", "nonexistent"], ["query", "evidence", "--param", "id=nonexistent"]):
        code, out, err = run(*args, "--store", store)
        assert code == 1 and out == ""
        assert "no task or target has id 'nonexistent'; ids look like doc-" in err
        assert "task-search" in err and len(err.strip().splitlines()) == 1


def test_evidence_shows_the_whole_sentence_with_the_figure_marked(store: str) -> None:
    code, out, _ = run("evidence", "doc-6c90a7d6afc0752d-g0", "--store", store, "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert row["kind"] == "target" and row["span"] == [373, 379]
    assert row["document"] == "省科技厅2015年工作要点及责任分解" and row["year"] == 2015
    assert row["sentence"].startswith("力争2015年全省R&D经费支出达【1050亿元】、占GDP比重达到2.5%")
    assert row["sentence"].endswith("科技进步贡献率达57%。")
    code, out, _ = run("evidence", "doc-6c90a7d6afc0752d-t4", "--store", store, "--format", "json")
    by_kind = {r["kind"]: r for r in json.loads(out)}
    assert set(by_kind) >= {"task", "leads", "supports", "responsible_for", "target"}
    assert "【条件处】" not in by_kind["leads"]["sentence"] and "牵头单位:条件处" in by_kind["leads"]["sentence"]
    assert "【500家】" in json.dumps([r["sentence"] for r in json.loads(out)], ensure_ascii=False)
    code, out, _ = run("evidence", "doc-6c90a7d6afc0752d-g0", "--store", store)
    assert "evidence for doc-6c90a7d6afc0752d-g0 in 省科技厅2015年工作要点及责任分解 (2015)" in out
    assert "[373, 379)" in out


# --- one option set ------------------------------------------------------------------------------------

def test_store_is_accepted_before_the_verb(store: str) -> None:
    code, out, _ = run("--store", store, "query", "documents", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 5


@pytest.mark.parametrize("verb", [["stats"], ["queries"], ["query", "documents"], ["cypher", "RETURN 1 AS n"],
                                  ["analyze", "collaboration"], ["evidence", "x"], ["extract", "plan.txt"],
                                  ["load", "plan.txt"], ["store", "status"]])
def test_every_verb_that_prints_rows_takes_the_same_formats(verb: list[str], tmp_path: Path) -> None:
    code, _, err = run("--store", str(tmp_path / "s"), *verb, "--format", "html")
    assert code == 2 and "valid: table, json, csv, xlsx, md" in err, err
    code, _, err = run("--store", str(tmp_path / "s"), *verb, "--format", "xlsx")
    assert code == 2 and "--output" in err
    assert not (tmp_path / "s").exists()  # refused before any store was touched


def test_stats_in_every_format_and_a_missing_store_is_named(store: str, tmp_path: Path) -> None:
    code, out, _ = run("stats", "--store", store, "--format", "csv")
    assert code == 0 and out.startswith("\ufeffkind,name,count") and "nodes,Document,5" in out
    book = tmp_path / "stats.xlsx"
    assert run("stats", "--store", store, "--format", "xlsx", "--output", str(book))[0] == 0
    sheet = load_workbook(book).active
    assert sheet is not None and [c.value for c in sheet[1]] == ["kind", "name", "count"]
    code, out, err = run("--store", str(tmp_path / "missing"), "stats")
    assert code == 1 and "no store at" in err and "new and empty" in err
    assert not (tmp_path / "missing").exists()  # a typo makes nothing


def test_the_api_is_what_the_cli_calls(store: str) -> None:
    import policykg
    from policykg.kg import UnknownId

    with policykg.open(store, create=False) as kg:
        df = kg.query("target-evolution", indicator="技术交易额", region="浙江省", from_=2021)
        assert list(df.columns) == ["year", "kind", "value", "value_display", "unit", "region", "document", "raw", "value_high", "value_high_display", "comparator",
                                  "mentions"]
        assert set(df["value"]) >= {115700000000}
        assert kg.suggest("units-leading-most-tasks", {"region": "浙江"}) == [
            "region '浙江' is not a name in the store; did you mean 浙江省? (--param region=浙江省)"]
        assert kg.evidence("doc-6c90a7d6afc0752d-g0")["sentence"][0].startswith("力争2015年")
        assert set(kg.collaboration("lead")["unit"]) >= {"高新处"}
        with pytest.raises(UnknownId, match="ids look like"):
            kg.query("evidence", id="nonexistent")


def test_a_filter_that_excludes_every_assignment_is_not_an_unknown_id(store: str) -> None:
    code, out, err = run("evidence", "doc-6c90a7d6afc0752d-t4", "--unit", "高新处", "--store", store, "--format", "json")
    assert code == 0 and json.loads(out) == [] and err == ""


def test_driver_log_lines_never_reach_the_terminal() -> None:
    import subprocess
    import sys

    # A process of its own: pytest's log capture would hide what Python's last-resort handler prints.
    code = ("import logging; from policykg.cli import app; app(['queries', '--format', 'json'], standalone_mode=False); "
            "logging.getLogger('neo4j.io').warning('[#0000] _: <CONNECTION> RESET received IGNORED'); "
            "logging.getLogger('neo4j.pool').warning('Transaction failed and will be retried (DeadlockDetected)')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "RESET" not in result.stderr and "retried" not in result.stderr
