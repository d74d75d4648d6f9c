"""An analyst's terminal session (issue 20, "Why" 1): the embedded store stays up between commands.

Each command is a real ``policykg`` process on a real store, as a user types them. The
first command on a stopped store says that it is starting the store and how long that
took; the server then outlives the command for the idle period (``POLICYKG_IDLE``), so the
next command finds it running and starts nothing; ``store stop`` stops it at once, and a
short idle period ends by itself. How long a session of ten queries takes, before and
after, is in docs/benchmarks.md (bench/cli_session.py), not asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
POLICYKG = str(Path(sys.executable).with_name("policykg"))
QUERY = ["query", "units-leading-most-tasks", "--param", "region=浙江省"]


def policykg(store: Path, *args: str, idle: str = "300") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYKG_IDLE": idle, "COLUMNS": "100"}
    return subprocess.run([POLICYKG, *args, "--store", str(store)], capture_output=True, text=True, env=env, timeout=600)


def status(store: Path) -> dict[str, object]:
    done = policykg(store, "store", "status", "--format", "json")
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout)[0])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("idle-store")
    loaded = policykg(root, "load", str(PLANS), idle="0")
    assert loaded.returncode == 0, loaded.stderr
    try:
        yield root
    finally:
        policykg(root, "store", "stop")


def test_the_first_command_starts_the_store_says_so_and_leaves_it_up_for_the_next(store: Path) -> None:
    assert status(store)["running"] is False
    first = policykg(store, *QUERY)
    assert first.returncode == 0, first.stderr
    assert "浙江省科学技术厅" in first.stdout
    said = first.stderr.splitlines()
    assert any(line.startswith("starting the embedded store at") for line in said), said
    assert any(line.startswith("store ready in ") and "stays up 5 min after the last command" in line
               for line in said), said
    up = status(store)
    assert up["running"] is True and up["clients"] == 0 and up["idle_seconds"] == 300
    second = policykg(store, *QUERY)
    assert second.returncode == 0 and second.stdout == first.stdout
    assert "starting" not in second.stderr  # found running: nothing started, nothing said
    assert status(store)["pid"] == up["pid"]
    stopped = policykg(store, "store", "stop")
    assert stopped.stdout.strip() == "stopped"
    assert status(store)["running"] is False


def test_the_server_stops_by_itself_once_the_idle_period_has_passed(store: Path) -> None:
    done = policykg(store, *QUERY, idle="1")
    assert done.returncode == 0, done.stderr
    assert "stays up 1 s after the last command" in done.stderr
    deadline = time.monotonic() + 120  # a liveness bound, not a timing: the server checks twice a second
    while status(store)["running"] and time.monotonic() < deadline:
        time.sleep(0.5)
    assert status(store)["running"] is False


def test_idle_zero_stops_the_store_with_its_last_command(store: Path) -> None:
    done = policykg(store, *QUERY, idle="0")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # as before the idle period: nothing to say, nothing left running
    assert status(store)["running"] is False


def test_a_bad_idle_period_is_one_line_before_any_server_starts(store: Path) -> None:
    done = policykg(store, *QUERY, idle="soon")
    assert done.returncode == 1
    assert done.stderr.strip() == ("error: POLICYKG_IDLE='soon' is not a duration; give seconds (600), or 90s, 10m, 1h; "
                                   "0 stops the store with its last command")
    assert status(store)["running"] is False
