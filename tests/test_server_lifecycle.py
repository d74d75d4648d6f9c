"""The embedded server's bookkeeping under stale files, reused pids and dead servers (issue 10, points 4-5).

No JVM here: each test fakes the one thing it is about (a server.json naming an unrelated
process, a zombie, a "server" whose port answers nothing) and checks that policykg neither
signals what it did not start nor reports a dead server as running, and that a failure to
connect is one line.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policykg.graph import embedded
from policykg.graph.layout import SERVER_MODULE, StoreLayout, pid_alive
from policykg.graph.store import StoreError, open_store

POLICYKG = [sys.executable, "-m", "policykg.cli"]


def announce(root: Path, pid: int, port: int = 1) -> None:
    layout = StoreLayout(root)
    layout.create()
    layout.write_server_info({"pid": pid, "bolt_port": port, "http_port": port})


def test_stop_never_signals_a_process_that_is_not_this_stores_server(tmp_path: Path) -> None:
    unrelated = subprocess.Popen(["sleep", "60"])  # the pid a stale server.json now names
    try:
        announce(tmp_path, unrelated.pid)
        assert not embedded.status(tmp_path).running
        assert embedded.stop_server(tmp_path, force=True) is False
        time.sleep(0.2)
        assert unrelated.poll() is None  # still running: not killed
    finally:
        unrelated.kill()
        unrelated.wait()


def test_a_server_of_another_store_is_not_this_stores(tmp_path: Path) -> None:
    other = tmp_path / "other"
    fake = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "-m", SERVER_MODULE, str(other)])
    try:
        announce(tmp_path / "mine", fake.pid)
        assert not embedded.status(tmp_path / "mine").running
        assert embedded.stop_server(tmp_path / "mine", force=True) is False
        assert fake.poll() is None
    finally:
        fake.kill()
        fake.wait()


def test_a_dead_unreaped_server_is_not_running(tmp_path: Path) -> None:
    zombie = subprocess.Popen([sys.executable, "-c", "pass", "-m", SERVER_MODULE, str(tmp_path)])
    deadline = time.monotonic() + 10
    # exited, not yet waited for: a zombie (an empty cmdline alone is also what a process shows
    # while it is still starting, so wait for the Z state itself)
    while Path(f"/proc/{zombie.pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "Z" \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    announce(tmp_path, zombie.pid)
    assert not embedded.status(tmp_path).running
    assert not pid_alive(zombie.pid, reap=True)


def test_server_json_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    announce(tmp_path, 1)
    assert (tmp_path / "server.json").stat().st_mode & 0o777 == 0o600


@pytest.fixture
def silent_server(tmp_path: Path):
    """A process that passes for this store's server, announcing a port where nothing answers Bolt."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    fake = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "-m", SERVER_MODULE, str(tmp_path)])
    announce(tmp_path, fake.pid, port)
    yield tmp_path
    fake.kill()
    fake.wait()


def test_a_failure_to_connect_is_one_line(silent_server: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(silent_server)
    assert "\n" not in str(info.value) and "cannot connect" in str(info.value)
    out = subprocess.run([*POLICYKG, "stats", "--store", str(silent_server)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr, out.stderr
    assert json.loads((silent_server / "server.json").read_text())["pid"]  # nothing of the fake's was removed
