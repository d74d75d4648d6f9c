"""uvicorn's HTTP protocol with a deadline for a request's headers: a client that never finishes them is dropped.

Why: uvicorn times out idle keep-alive connections but not a request whose headers
trickle in; 500 clients sending partial headers were held for 40 s and more (issue 22),
each holding a socket and a slot of the event loop. Here every connection must deliver
a request's complete headers within ``HEADER_SECONDS`` of connecting (and of the
previous request ending), or it is closed. Bodies stay bounded by the size limit
(``limits.py``) and handlers by their own time limits.
"""

from __future__ import annotations

import asyncio
from typing import Any

HEADER_SECONDS = 10.0


class _HeaderDeadline:
    """Mixin for a uvicorn HTTP protocol: arm at connection and request start, disarm when the headers are in."""

    header_seconds = HEADER_SECONDS
    _header_timer: asyncio.TimerHandle | None = None
    loop: asyncio.AbstractEventLoop
    transport: asyncio.Transport

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()  # type: ignore[misc]
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()  # type: ignore[misc]

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()


def protocol(http: str, header_seconds: float = HEADER_SECONDS) -> type[asyncio.Protocol]:
    """uvicorn's ``httptools`` protocol class with the header deadline (``h11``, which has no header
    callbacks to hook, as uvicorn has it: only where httptools cannot be installed)."""
    if http != "httptools":
        from uvicorn.protocols.http.h11_impl import H11Protocol

        return H11Protocol
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    return type("HeaderDeadlineHttpToolsProtocol", (_HeaderDeadline, HttpToolsProtocol),
                {"header_seconds": header_seconds})
