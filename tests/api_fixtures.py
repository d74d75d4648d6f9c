"""Shared set-up for the API tests: one embedded store with the seed plans, a live uvicorn on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn

from policykg.api import ApiSettings, create_app
from policykg.api.server import uvicorn_config
from policykg.kg import KnowledgeGraph

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
API_KEY = "test-key-0123456789"


def loaded_graph(folder: Path) -> KnowledgeGraph:
    kg = KnowledgeGraph.open(folder)
    results = kg.load([PLANS])
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return kg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def live_server(kg: KnowledgeGraph, settings: ApiSettings | None = None, **config: Any) -> Iterator[str]:
    """uvicorn serving the app on a free loopback port in a thread, configured as ``policykg serve``; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn_config(create_app(kg, settings), "127.0.0.1", port, **config))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
