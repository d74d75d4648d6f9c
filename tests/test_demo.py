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
    first_rows = re.findall(r"^(\S+) +浙江省科学技术厅 +浙江省 +(\d+)$", out.stdout, re.M)
    assert first_rows[0] == ("高新处", "11")  # the 2015 plan alone
    assert ("高新处", "14") in first_rows  # 2015 plan and 2021 table
    assert re.search(r"^2015 +target +150亿元 +元", out.stdout, re.M)  # as a Chinese reader writes it
    assert re.search(r"^2021 +actual +1157亿元 +元", out.stdout, re.M)


def _demo(store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policykg.cli", "demo", "--store", str(store),
                           "--plans", str(ROOT / "examples" / "plans")],
                          capture_output=True, text=True, timeout=300, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


def test_demo_refuses_a_folder_with_user_files_and_deletes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "analysis"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes", encoding="utf-8")
    (folder / "matrix.xlsx").write_bytes(b"PK\x03\x04 not really")
    out = _demo(folder)
    assert out.returncode == 2
    assert "not a demo store" in out.stderr
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in folder.iterdir()) == ["matrix.xlsx", "notes.txt"]


def test_demo_refuses_a_store_it_did_not_make_and_a_file(tmp_path: Path) -> None:
    from policykg.graph.layout import StoreLayout

    store = tmp_path / "store"
    StoreLayout(store).create()  # an analyst's store: policykg's, but not the demo's
    (store / "databases" / "keep").write_text("data")
    assert _demo(store).returncode == 2
    assert (store / "databases" / "keep").exists()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    out = _demo(a_file)
    assert out.returncode == 2 and "is a file" in out.stderr
    assert a_file.read_text() == "x"


def test_demo_resets_its_own_store_and_only_what_it_wrote(tmp_path: Path) -> None:
    from policykg.graph.layout import NotAStoreError, StoreLayout

    store = tmp_path / "demo"
    layout = StoreLayout(store)
    layout.reset_demo()  # a new directory becomes a demo store
    (store / "databases" / "old").write_text("stale")
    layout.reset_demo()
    assert not (store / "databases" / "old").exists()
    assert layout.is_demo()
    (store / "mine.csv").write_text("a,b")  # a user file dropped into a demo store stops the reset
    try:
        layout.reset_demo()
        raise AssertionError("reset a directory holding a user file")
    except NotAStoreError as exc:
        assert "mine.csv" in str(exc)
    assert (store / "mine.csv").exists()
