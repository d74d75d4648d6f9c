"""Entity lookups over HTTP: lookups/s and p50/p99 at 32 and 128 connections, beside a bare FastAPI endpoint.

The load generator is Debian's ``wrk`` in its own process; the API runs under uvicorn
(one worker) in another, over an embedded store loaded with examples/plans; the bare
app (one route returning a constant) runs the same way, so the ratio shows what the
store and the API's own work cost. Each lookup is ``GET /units/{id}`` or
``GET /tasks/{id}`` (the entity with its links), cycling through every unit and task.

    python bench/api.py [--seconds 10] [--connections 32,128] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"


def serve_api(store: str, port: int) -> None:
    from policykg.api import ApiSettings, create_app
    from policykg.api.server import serve
    from policykg.kg import KnowledgeGraph

    kg = KnowledgeGraph.open(store)
    if not kg.counts()["nodes"]:
        kg.load([PLANS])
    serve(create_app(kg, ApiSettings()), "127.0.0.1", port)


def serve_bare(port: int) -> None:
    from fastapi import FastAPI

    from policykg.api.server import serve

    app = FastAPI()

    @app.get("/units/{id}")
    def constant(id: str) -> dict[str, str]:  # noqa: A002
        return {"id": id, "name": "constant"}

    serve(app, "127.0.0.1", port)


def wait_ready(url: str, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not come up")


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)


def lua_script(paths: list[str], folder: Path) -> Path:
    script = folder / "paths.lua"
    body = ",".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{{body}}}\nlocal n = 0\n"
        "request = function()\n  n = n + 1\n  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n",
        encoding="utf-8")
    return script


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, connections: int, seconds: int, script: Path | None, threads: int = 1) -> dict[str, float]:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": float(errors.group(1)) if errors else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", default="32,128")
    parser.add_argument("--threads", type=int, default=1,
                        help="wrk threads (default 1: on 2 cores a second wrk thread takes the core uvicorn needs)")
    parser.add_argument("--serve-api", nargs=2, metavar=("STORE", "PORT"), help=argparse.SUPPRESS)
    parser.add_argument("--serve-bare", metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_api:
        serve_api(args.serve_api[0], int(args.serve_api[1]))
        return
    if args.serve_bare:
        serve_bare(int(args.serve_bare))
        return
    from policykg.api.server import http_name, loop_name

    if not shutil.which("wrk"):
        raise SystemExit("bench/api.py needs wrk (apt-get install wrk; .ci/run installs it)")
    from socket import socket

    def port() -> int:
        with socket() as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])

    with tempfile.TemporaryDirectory(prefix="policykg-bench-api-", ignore_cleanup_errors=True) as folder:
        api_port, bare_port = port(), port()
        procs = [
            subprocess.Popen([sys.executable, __file__, "--serve-api", str(Path(folder) / "store"), str(api_port)]),
            subprocess.Popen([sys.executable, __file__, "--serve-bare", str(bare_port)]),
        ]
        try:
            api, bare = f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{bare_port}"
            wait_ready(f"{api}/units?limit=1")
            wait_ready(f"{bare}/units/x")
            units = get_json(f"{api}/units?limit=1000")["items"]
            tasks = get_json(f"{api}/tasks?limit=1000")["items"]
            paths = [u["href"] for u in units] + [t["href"] for t in tasks]
            script = lua_script(paths, Path(folder))
            run_wrk(api, 8, 2, script)  # warm-up
            print(f"entity lookups: {len(paths)} distinct paths ({len(units)} units, {len(tasks)} tasks); "
                  f"wrk -t{args.threads} -d{args.seconds}s; API and bare app each one uvicorn worker "
                  f"(loop {loop_name()}, http {http_name()}); load average {os.getloadavg()[0]:.2f}\n")
            print("| endpoint | connections | requests/s | p50 ms | p99 ms | non-2xx |")
            print("| --- | ---: | ---: | ---: | ---: | ---: |")
            for conns in (int(c) for c in args.connections.split(",")):
                looked = run_wrk(api, conns, args.seconds, script, args.threads)
                const = run_wrk(f"{bare}/units/x", conns, args.seconds, None, args.threads)
                for name, r in (("GET /units|/tasks/{id} (store)", looked), ("bare FastAPI constant", const)):
                    print(f"| {name} | {conns} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['non2xx']:.0f} |")
                print(f"| ratio API / bare | {conns} | {looked['rps'] / const['rps']:.2f} | | | |")
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=60)
            # The API process's lease is gone; stop its store's server now, before the folder is removed
            # (left to idle out, it outlived the folder and wrote a store skeleton back into it).
            from policykg.graph import embedded

            embedded.stop_server(Path(folder) / "store", force=True)


if __name__ == "__main__":
    main()
