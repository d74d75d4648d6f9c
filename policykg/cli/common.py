"""What every CLI verb shares: the options, opening the graph, and the one error path.

Options are declared once here, so ``--store``, ``--format``, ``--output`` and
``--param`` read the same on every verb. ``--store`` is accepted before the verb
too (``policykg --store X load``); the verb's own wins. Every error reaches the
user as one line naming what was wrong and what to do, through ``reports_errors``:
user mistakes exit 2, failures 1, an interrupt 130, and no traceback is shown
unless ``POLICYKG_DEBUG`` is set.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, ParamSpec

import typer

from policykg.output import FORMATS, OutputError

P = ParamSpec("P")
USAGE, FAILURE, INTERRUPTED = 2, 1, 130

StoreOption = Annotated[str | None, typer.Option(
    "--store", "-s", help="Store directory or bolt:// / neo4j:// URI (also accepted before the verb) "
                          "[env POLICYKG_STORE, else ./policykg-data]")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help=f"Output format: {'|'.join(FORMATS)}")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file instead of stdout")]
ParamOption = Annotated[list[str] | None, typer.Option("--param", "-p", help="A parameter as key=value (repeatable)")]
HeadersOption = Annotated[str, typer.Option(
    "--headers", help="csv and xlsx header cells: keys (year), zh (年份) or both (年份 year)")]

_root_store: str | None = None


class CliError(Exception):
    """A failure to report as one line, with an exit code."""

    def __init__(self, message: str, code: int = FAILURE) -> None:
        super().__init__(message)
        self.code = code


def set_root_store(store: str | None) -> None:
    """Remember ``policykg --store X``; called by the app's callback on every invocation."""
    global _root_store
    _root_store = store


def store_of(store: str | None) -> str | None:
    """The verb's --store, else the one before the verb, else None ($POLICYKG_STORE, then the default)."""
    return store or _root_store


def quiet_driver_logs() -> None:
    """Keep the neo4j driver's log lines (RESET IGNORED, '... will be retried') off the terminal.

    They name the store's socket, not the user's file, and say nothing the user can act on;
    policykg reports what failed itself. ``POLICYKG_DEBUG=1`` lets them through.
    """
    if os.environ.get("POLICYKG_DEBUG"):
        return
    driver_log = logging.getLogger("neo4j")
    driver_log.handlers = [logging.NullHandler()]
    driver_log.propagate = False


def _message_of(exc: BaseException) -> tuple[str, int]:
    """The line to print and the exit code for an exception reaching the command line."""
    from policykg.graph.store import StoreError
    from policykg.kg import ConfigError, UnknownId
    from policykg.loaders import LoaderError
    from policykg.queries import QueryError

    if isinstance(exc, CliError):
        return str(exc), exc.code
    if isinstance(exc, QueryError | OutputError | ConfigError):
        return str(exc), USAGE
    if isinstance(exc, StoreError | UnknownId | LoaderError):
        return str(exc).strip("'\""), FAILURE
    if isinstance(exc, OSError):
        name = exc.filename or ""
        return f"{name}{': ' if name else ''}{exc.strerror or exc}; check the path and its permissions", FAILURE
    return (f"unexpected {type(exc).__name__}: {exc} (a bug in policykg; POLICYKG_DEBUG=1 shows the traceback)",
            FAILURE)


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def reports_errors(command: Callable[P, None]) -> Callable[P, None]:
    """Turn any exception into one line on stderr and its exit code, under any runner."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(INTERRUPTED) from None
        except Exception as exc:
            if os.environ.get("POLICYKG_DEBUG"):
                raise
            message, code = _message_of(exc)
            raise fail(" ".join(message.split("\n")), code) from None

    return wrapper


@contextlib.contextmanager
def open_graph(store: str | None, *, indicators: Path | None = None, create: bool = False) -> Iterator[Any]:
    """The one way a verb opens the graph: ``KnowledgeGraph.open``, closed whatever happens.

    Read verbs pass ``create=False``, so a mistyped --store is an error that says the
    store would be new and empty, not an empty store made on the spot.
    """
    from policykg.kg import KnowledgeGraph

    kg = KnowledgeGraph.open(store_of(store), indicators=indicators, create=create, notify=_tell)
    try:
        yield kg
    finally:
        kg.close()


def _tell(message: str) -> None:
    """What the store is doing while the user waits (starting its server): one line on stderr."""
    typer.echo(message, err=True)


class StopRequest:
    """Set by the first Ctrl-C: finish the document in hand, then stop."""

    def __init__(self) -> None:
        self.requested = False


@contextlib.contextmanager
def stop_after_current(announce: Callable[[], None]) -> Iterator[StopRequest]:
    """Defer Ctrl-C: the first asks the loop to stop after the current document's transaction,
    the second abandons it (KeyboardInterrupt: the transaction in flight is rolled back)."""
    stop = StopRequest()

    def handler(signum: int, frame: object) -> None:
        if stop.requested:
            raise KeyboardInterrupt
        stop.requested = True
        announce()

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (an embedding application): leave signals alone
        yield stop
        return
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
