"""How long the embedded server outlives its last client: ``POLICYKG_IDLE`` (default 10 minutes).

Starting the store's server costs seconds (a JVM and the database), and an analyst asks
questions a few at a time, each a fresh ``policykg`` process: when every command started
and stopped the server, ten questions cost two minutes (issue 20). So the server that the
last client leaves stays up for this idle period and the next command finds it running;
``policykg store stop`` still stops it at once, and ``POLICYKG_IDLE=0`` gives the old
behaviour (the last client stops the server as it leaves; the tests run that way).

The server keeps the clock (``IdleClock``, in its own process); a client only decides, as
it leaves, whether it should stop the server itself (``stops_with_last_client``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

ENV = "POLICYKG_IDLE"
DEFAULT_SECONDS = 600.0
_VALUE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*$", re.IGNORECASE)
_FACTORS = {"": 1.0, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}


class IdleSettingError(ValueError):
    """``POLICYKG_IDLE`` holds something that is not a duration; the message says what is."""


def idle_seconds(environ: Mapping[str, str] | None = None) -> float:
    """The idle period from ``POLICYKG_IDLE`` (600, 90s, 10m, 1h; 0: none), else the default."""
    text = (os.environ if environ is None else environ).get(ENV)
    if text is None or not text.strip():
        return DEFAULT_SECONDS
    match = _VALUE.match(text)
    if match is None:
        raise IdleSettingError(f"{ENV}={text!r} is not a duration; give seconds (600), or 90s, 10m, 1h; "
                               "0 stops the store with its last command")
    return float(match.group(1)) * _FACTORS[(match.group(2) or "").lower()]


def stops_with_last_client(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a leaving client stops the server itself (no idle period), as before issue 20."""
    return idle_seconds(environ) <= 0


def describe(seconds: float) -> str:
    """An idle period as a reader says it: 10 min, 45 s, 1.5 h."""
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


class IdleClock:
    """Counts how long the server has had no client; ``expired`` once that reaches ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.since: float | None = None

    def expired(self, busy: bool, now: float) -> bool:
        """Feed whether any client holds the server now; True when it has been free for the whole period."""
        if busy:
            self.since = None
            return False
        if self.since is None:
            self.since = now
        return now - self.since >= self.seconds
