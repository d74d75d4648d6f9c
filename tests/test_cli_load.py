"""``policykg load`` and ``extract`` driven as a user would, against a real embedded store."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def policykg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POLICYKG, *args], capture_output=True, text=True, timeout=180)


def test_a_failing_file_is_counted_and_the_others_still_load(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a_plan.txt").write_text(PLAN, encoding="gbk")
    (plans / "b_empty.txt").write_bytes(b"")
    (plans / "c_binary.txt").write_bytes(bytes(range(256)) * 4)
    store = str(tmp_path / "store")
    result = policykg("load", str(plans), "--store", store)
    assert result.returncode == 1
    assert "1 loaded, 2 failed" in result.stdout
    assert "2 of 3 files failed to load" in result.stderr
    assert "b_empty.txt: the file is empty" in result.stderr
    assert "Traceback" not in result.stderr
    counts = json.loads(policykg("stats", "--store", store, "--format", "json").stdout)
    assert counts["nodes"]["Document"] == 1
    assert counts["nodes"]["Task"] == 2


def test_analysts_extend_the_indicator_catalogue_with_their_own_yaml(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    catalogue = tmp_path / "indicators.yaml"
    catalogue.write_text(CATALOGUE, encoding="utf-8")
    store = str(tmp_path / "store")
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
    assert "nope.yaml does not exist" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_extract_prints_the_contract_without_a_store(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out = json.loads(policykg("extract", str(plan), "--format", "json").stdout)
    assert set(out) >= {"document", "tasks", "targets"}
    assert [t["lead"] for t in out["tasks"]] == [["平台处"], ["高新处"]]
    assert [t["people"] for t in out["tasks"]] == [["王五"], ["赵六"]]
    assert not (tmp_path / "policykg-data").exists()


# --- honest loads ----------------------------------------------------------------------------------

PLAN_B = """某某市科学技术局2032年工作要点
一、推进成果转化
1.建设技术转移机构,技术合同成交额达到120亿元。(责任人:钱七,牵头单位:成果处,配合单位:有关处室)
2.完善科技金融服务,新增科技贷款50亿元。(责任人:孙八,牵头单位:计财处)
3.加强知识产权保护,发明专利授权量达到3000件。(牵头单位:法规处)
"""


def docx_of(text: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One running server for the load tests below (each load would otherwise start its own JVM)."""
    path = str(tmp_path_factory.mktemp("loads") / "store")
    subprocess.run([*POLICYKG, "store", "start", "--store", path], check=True, capture_output=True, timeout=180)
    yield path
    subprocess.run([*POLICYKG, "store", "stop", "--store", path], capture_output=True, timeout=180)


def test_a_folder_load_lists_every_skipped_file_and_why(tmp_path: Path, shared_store: str) -> None:
    folder = tmp_path / "plans"
    (folder / "drafts").mkdir(parents=True)
    (folder / "a_plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "drafts" / "old.txt").write_text(PLAN.replace("2031", "2030"), encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a jpeg")
    (folder / "notes.md").write_text("# my notes", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    (folder / "broken.docx").write_bytes(b"this was never a word file\n" * 20)
    result = policykg("--store", shared_store, "load", str(folder), "--exclude", "drafts/*")
    assert result.returncode == 1  # broken.docx failed
    out = result.stdout
    assert f"skip {folder / 'photo.jpg'}  not a format policykg reads (.jpg)" in out
    assert f"skip {folder / 'notes.md'}  not a format policykg reads (.md)" in out
    assert f"skip {folder / '.DS_Store'}  hidden file" in out
    assert f"skip {folder / 'drafts' / 'old.txt'}  excluded by --exclude drafts/*" in out
    assert f"{folder / 'broken.docx'}: not a valid DOCX: no zip container" in result.stderr
    assert "1 loaded, 1 failed, 4 skipped" in out
    only = policykg("--store", shared_store, "load", str(folder), "--include", "*.md", "--format", "json")
    rows = {Path(r["source"]).name: r for r in json.loads(only.stdout)}
    assert rows["notes.md"]["status"] == "failed" and "no readable text" in rows["notes.md"]["detail"]  # chosen by --include
    assert rows["a_plan.txt"] == {**rows["a_plan.txt"], "status": "skipped", "detail": "not matched by --include *.md"}


def test_the_same_text_in_two_formats_loads_once_and_a_republication_is_reported(tmp_path: Path,
                                                                                  shared_store: str) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "b1.txt").write_text(PLAN_B, encoding="utf-8")
    (folder / "b2.docx").write_bytes(docx_of(PLAN_B))
    result = policykg("--store", shared_store, "load", str(folder))
    assert result.returncode == 0, result.stderr
    assert f"dup  {folder / 'b2.docx'}  same text as {folder / 'b1.txt'}: loaded once" in result.stdout
    assert "1 loaded, 0 failed, 0 skipped, 1 duplicate" in result.stdout
    republished = tmp_path / "b3.txt"
    republished.write_text(PLAN_B.replace("新增科技贷款50亿元", "新增科技贷款60亿元"), encoding="utf-8")
    result = policykg("--store", shared_store, "load", str(republished))
    assert result.returncode == 0
    assert f"note {republished}: near-duplicate of {folder / 'b1.txt'} (" in result.stdout
    assert "republished? both kept" in result.stdout
    docs = json.loads(policykg("--store", shared_store, "query", "documents", "--format", "json").stdout)
    assert sorted(Path(d["source"]).name for d in docs if "某某市" in (d["title"] or "")) == ["b1.txt", "b3.txt"]


def test_user_mistakes_are_one_line_without_a_traceback(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    bad = tmp_path / "mine.yaml"
    bad.write_text("indicators:\n  - name: 星火指数\n    aliases: [星火综合指数\n  unit: '%'\n", encoding="utf-8")
    a_file = tmp_path / "not-a-dir"
    a_file.write_text("x")
    cases = [
        (["load", str(plan), "--store", str(tmp_path / "s"), "--indicators", str(bad)], 2,
         f"indicator catalogue {bad} is not valid YAML at line"),
        (["load", str(plan), "--store", str(a_file)], 1, f"--store {a_file} is a file, not a store directory"),
        (["load", str(tmp_path / "nope")], 2, f"{tmp_path / 'nope'}: no such file or folder; check the path"),
        (["query", "documents", "--bogus"], 2, "No such option: --bogus; see `policykg query --help`"),
        (["--store", str(tmp_path / "typo"), "stats"], 1, "it would be new and empty"),
    ]
    for args, code, message in cases:
        result = policykg(*args)
        assert result.returncode == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert not (tmp_path / "s").exists() and not (tmp_path / "typo").exists()


def test_ctrl_c_stops_after_the_current_batch_and_exits_130(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(40):
        (folder / f"p{k:02}.txt").write_text(PLAN.replace("2031", str(2100 + k)), encoding="utf-8")
    store = tmp_path / "store"
    proc = subprocess.Popen([*POLICYKG, "load", str(folder), "--store", str(store), "--batch", "3", "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the first batch is committed
    assert first.startswith("ok   "), first
    os.kill(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends
    # Read through the file objects: readline() buffered the batch's other lines, which communicate(),
    # reading the raw pipes, would skip. The output is small, so reading one pipe then the other cannot block.
    rest = proc.stdout.read()
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == 130, err
    loaded = [line for line in (first + rest).splitlines() if line.startswith("ok   ")]
    assert 3 <= len(loaded) < 40
    assert f"interrupted: {len(loaded)} loaded, 0 failed, 0 skipped" in err
    assert f"{40 - len(loaded)} not loaded" in err
    assert "Traceback" not in err and "RESET" not in err and "neo4j" not in err.lower()
    counts = json.loads(policykg("stats", "--store", str(store), "--format", "json").stdout)
    assert counts["nodes"]["Document"] == len(loaded)  # every reported document committed, nothing half-written


def test_load_says_per_document_what_it_found_and_flags_text_only_documents(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_text("2030年工作要点\n1.推进成果转化,新增企业10家。(牵头单位:市科技局;责任人:王强)\n", encoding="utf-8")
    (plans / "b.txt").write_text("关于召开会议的通知\n请各单位按时参会,做好准备工作。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "policykg.cli", "load", str(plans), "--store", str(tmp_path / "s")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert re.search(r"ok   \S+a\.txt  1 tasks, 1 assignments, 1 people, 1 targets", out.stdout), out.stdout
    assert re.search(r"note \S+b\.txt: no assignments and no targets found", out.stdout), out.stdout
    # the catalogue's coverage of what was loaded: 新增企业 is no catalogued indicator
    assert "figures: 1, 0 (0.0 %) on catalogued indicators, 1 on indicators of their own, 0 without a name" in out.stdout
