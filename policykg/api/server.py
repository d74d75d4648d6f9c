"""Run an ASGI app under uvicorn the way ``policykg serve`` and bench/api.py both do.

Why one place: the event loop and the HTTP parser decide much of a small answer's cost.
uvloop and httptools (project dependencies) served the bare constant endpoint of
bench/api.py markedly faster than asyncio and h11 on the same machine, so they are
asked for by name rather than left to uvicorn's "auto" (which silently falls back when
they are missing); where uvloop does not exist (Windows, PyPy) the asyncio loop is used.
Access logging is off: a line per request costs the event loop more than a cached answer.

The garbage collector is the API's own tail: the process holds ~110,000 tracked objects
once the app, pandas, rdflib and the driver are imported, and a full collection over
them took 130-260 ms here, which the request churn of a busy server triggered about
once a second (bench/api.py: 14 full collections in 10 s, 3.2 s of pauses, p99 250 ms).
``gc.freeze()`` after start-up moves those long-lived objects out of the collector's
sight, so a collection only walks what requests made since.
"""

from __future__ import annotations

import gc
import importlib.util
from typing import Any

from policykg.api.slowclients import HEADER_SECONDS, protocol


def loop_name() -> str:
    return "uvloop" if importlib.util.find_spec("uvloop") is not None else "asyncio"


def http_name() -> str:
    return "httptools" if importlib.util.find_spec("httptools") is not None else "h11"


def freeze_startup_objects() -> None:
    """Collect once, then exempt everything alive now (modules, app, store) from later collections."""
    gc.collect()
    gc.freeze()


#: Seconds an idle keep-alive connection is kept (uvicorn's default, stated).
KEEP_ALIVE_SECONDS = 5
#: Bytes of an incomplete request head h11 buffers (where httptools is missing).
MAX_HEAD_BYTES = 64 * 1024


def uvicorn_config(app: Any, host: str, port: int, *, header_seconds: float = HEADER_SECONDS,
                   log_level: str = "warning") -> Any:
    """The one uvicorn configuration of ``policykg serve`` and the tests' live server.

    Slow clients are dropped: a request's headers must arrive within ``header_seconds``
    (``slowclients``), an idle keep-alive connection closes after ``KEEP_ALIVE_SECONDS``.
    """
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False, loop=loop_name(),
                          http=protocol(http_name(), header_seconds), timeout_keep_alive=KEEP_ALIVE_SECONDS,
                          h11_max_incomplete_event_size=MAX_HEAD_BYTES)


def serve(app: Any, host: str, port: int) -> None:
    """Serve until interrupted: one worker, uvloop + httptools where installed, no access log."""
    import uvicorn

    freeze_startup_objects()
    uvicorn.Server(uvicorn_config(app, host, port)).run()
