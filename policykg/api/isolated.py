"""Run one piece of work in a forked child that may die: a crash, a runaway or a network call cannot reach the server.

Why a child process: pyoxigraph's SPARQL parser overflowed its stack on 5,000 nested
braces and took ``policykg serve`` down with it (exit -11, issue 22); a query past its
time limit kept the API process at 97 % CPU until killed, because a thread cannot be
stopped; and ``SERVICE`` let a query make HTTP requests from the server. A forked child
shares the parent's memory copy-on-write (the RDF view is not copied), and it is confined
before the work starts:

- no new file descriptors (its descriptors are renumbered to 0-3 and ``RLIMIT_NOFILE`` is
  set to 4), so it cannot open a socket or a file: no ``SERVICE``, no ``LOAD``;
- ``RLIMIT_CPU`` at the time limit, and the parent kills it at the wall-clock deadline, so
  the work ends when the caller gives up;
- ``RLIMIT_AS`` at what it maps now plus a budget, so a query that would take the
  machine's memory fails alone.

The child sends back a pickled result (or a ``Refusal``) on a pipe and ends with
``os._exit``; the parent reaps it. Where ``os.fork`` is missing (not Linux or macOS) the
work runs in the calling thread, unconfined.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

#: Extra address space a child may map beyond the parent's (bytes).
DEFAULT_MEMORY = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Refusal:
    """What the work reports instead of a result: an HTTP status and a detail."""

    status: int
    detail: str


class ChildTimedOut(Exception):
    """The child ran past the deadline and was killed."""


class ChildDied(Exception):
    """The child ended without an answer (a crash: a signal, or out of memory)."""

    def __init__(self, how: str) -> None:
        super().__init__(how)
        self.how = how


def run_isolated(work: Callable[[], Any], *, seconds: float, memory: int = DEFAULT_MEMORY,
                 hold: AbstractContextManager[Any] | None = None) -> Any:
    """``work()``'s result (or ``Refusal``) from a confined child; ChildTimedOut or ChildDied otherwise.

    ``hold`` is held while forking only (a lock that keeps what the child reads from changing mid-fork).
    """
    if not hasattr(os, "fork"):
        return work()
    read_end, write_end = os.pipe()
    with hold if hold is not None else contextlib.nullcontext():
        pid = os.fork()
    if pid == 0:  # the child: never returns
        _child(work, write_end, read_end, seconds, memory)
    os.close(write_end)
    try:
        data = _read_until(read_end, time.monotonic() + seconds)
    except ChildTimedOut:
        _kill(pid)
        raise
    finally:
        os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if not data:
        raise ChildDied(_how(status))
    return pickle.loads(data)


def _child(work: Callable[[], Any], write_end: int, read_end: int, seconds: float, memory: int) -> None:
    code = 0
    try:
        os.close(read_end)
        out = _confine(write_end, seconds, memory)
        try:
            payload: Any = work()
        except MemoryError:
            payload = Refusal(400, "the query needs more memory than this endpoint allows; narrow it or add a LIMIT")
        data = pickle.dumps(payload)
        view = memoryview(data)
        while view:
            view = view[os.write(out, view):]
    except BaseException:  # noqa: BLE001 - the parent reports a child that answered nothing
        code = 70
    finally:
        os._exit(code)


def _confine(write_end: int, seconds: float, memory: int) -> int:
    """Renumber the pipe to 3, close everything else, forbid new descriptors, cap CPU and memory; the pipe's fd."""
    for fd in (0, 1, 2):  # keep 0-2 taken, so that no socket can be given one of them
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)
    if write_end != 3:
        os.dup2(write_end, 3)
        os.close(write_end)
    os.closerange(4, _max_fd())
    resource.setrlimit(resource.RLIMIT_NOFILE, (4, 4))
    cpu = max(1, int(seconds) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    mapped = _mapped_bytes()
    if mapped:
        resource.setrlimit(resource.RLIMIT_AS, (mapped + memory, mapped + memory))
    return 3


def _max_fd() -> int:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 65536


def _mapped_bytes() -> int:
    try:
        pages = int(open("/proc/self/statm").read().split()[0])  # noqa: SIM115 - one short read
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _read_until(fd: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise ChildTimedOut()
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        return f"killed by {name}"
    return f"exit status {os.WEXITSTATUS(status)}"
