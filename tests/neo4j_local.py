"""Build and run the throw-away Neo4j 5 Community server of ``tests/neo4j`` (Maven Central artifacts).

Shared by the pytest fixtures (``tests/conftest.py``) and the side-by-side bench
(``bench/stores.py``), so both run the same server the same way: a plain ``java``
process (not inside Maven), Bolt on 127.0.0.1 on a free port, auth on with a
password generated here, data in a directory the caller owns. The launcher prints
``READY bolt://127.0.0.1:PORT PASSWORD`` once Bolt accepts connections; closing its
stdin (or SIGTERM) stops it cleanly.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

MODULE = Path(__file__).resolve().parent / "neo4j"
POM = MODULE / "pom.xml"
CLASSES = MODULE / "target" / "classes"
CLASSPATH = MODULE / "target" / "classpath.txt"
LAUNCHER = "policykg.neo4j.Launcher"
START_TIMEOUT_SECONDS = 300.0  # measured: 17 s on a quiet 2-core machine, 65-130 s at load average 15-25
STOP_TIMEOUT_SECONDS = 60.0
MIN_JAVA = 17  # Neo4j 5.26 runs on Java 17 and 21


class Unavailable(RuntimeError):
    """Java or Maven is missing or too old, or Maven could not fetch Neo4j: the message says which."""


def pinned_version() -> str:
    """The Neo4j version the pom pins (docker-compose.yml must run the same one)."""
    found = re.search(r"<neo4j\.version>([^<]+)</neo4j\.version>", POM.read_text(encoding="utf-8"))
    if not found:
        raise Unavailable(f"{POM}: no <neo4j.version> property")
    return found.group(1)


def java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    found = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not found:
        raise Unavailable(f"cannot read the Java version from `{java} -version`: {out.strip()[:200]}")
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major


def tools() -> tuple[str, str]:
    """``java`` and ``mvn`` from PATH, or Unavailable saying what to install."""
    java, mvn = shutil.which("java"), shutil.which("mvn")
    if not java:
        raise Unavailable("no `java` on PATH: install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jdk-headless)")
    if not mvn:
        raise Unavailable("no `mvn` on PATH: install Maven (e.g. apt-get install maven)")
    major = java_major(java)
    if major < MIN_JAVA:
        raise Unavailable(f"`java` is version {major}; Neo4j 5.26 needs {MIN_JAVA} or newer")
    return java, mvn


def _stale() -> bool:
    if not CLASSPATH.exists() or not (CLASSES / "policykg" / "neo4j" / "Launcher.class").exists():
        return True
    built = CLASSPATH.stat().st_mtime
    sources = [POM, *MODULE.joinpath("src").rglob("*.java")]
    return any(p.stat().st_mtime > built for p in sources)


def build(mvn: str) -> str:
    """Compile the launcher and resolve Neo4j (cached in ~/.m2); return the run-time class path."""
    if _stale():
        done = subprocess.run([mvn, "-q", "-B", "-f", str(POM), "package"], capture_output=True, text=True,
                              timeout=1800)
        if done.returncode != 0:
            tail = " | ".join((done.stdout + done.stderr).strip().splitlines()[-6:])
            raise Unavailable(f"`mvn -q -B -f {POM} package` failed (exit {done.returncode}): {tail}")
    return f"{CLASSES}:{CLASSPATH.read_text(encoding='utf-8').strip()}"


@dataclass
class LocalNeo4j:
    """One running server; ``stop()`` (or the context manager) ends it."""

    process: subprocess.Popen[str]
    uri: str
    password: str
    ready_seconds: float
    log: Path
    _stderr: threading.Thread | None = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        assert self.process.stdin is not None
        self.process.stdin.close()  # the launcher exits on EOF, running Neo4j's shutdown
        try:
            self.process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> LocalNeo4j:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(data_dir: Path, *, heap: str = "1g", pagecache_mb: int = 256) -> LocalNeo4j:
    """Build if needed, start the server with its data in ``data_dir`` and wait until Bolt is up."""
    java, mvn = tools()
    classpath = build(mvn)
    data_dir.mkdir(parents=True, exist_ok=True)
    password = secrets.token_hex(18)
    log = data_dir / "neo4j-launcher.log"
    started = time.monotonic()
    process = subprocess.Popen(
        [java, f"-Xmx{heap}", f"-Dpolicykg.pagecache.mb={pagecache_mb}", "-cp", classpath, LAUNCHER,
         str(data_dir / "home")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(log, "w"),  # noqa: SIM115 - the child's
        text=True, env={**os.environ, "POLICYKG_NEO4J_PASSWORD": password},
    )
    ready: list[str] = []

    def read_stdout() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("READY ") and not ready:
                ready.append(line)

    reader = threading.Thread(target=read_stdout, daemon=True)
    reader.start()
    deadline = started + START_TIMEOUT_SECONDS
    while not ready and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if not ready:
        process.kill()
        process.wait()
        tail = " | ".join(log.read_text(errors="replace").strip().splitlines()[-6:])
        raise RuntimeError(f"Neo4j did not start within {START_TIMEOUT_SECONDS:.0f} s (log {log}): {tail}")
    _, uri, _ = ready[0].split()
    return LocalNeo4j(process, uri, password, time.monotonic() - started, log, reader)

