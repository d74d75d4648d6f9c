"""The ``policykg`` command: a thin Typer layer over the Python API (``policykg.kg``).

Every verb opens the graph, calls one API method and renders the result; no
logic lives here. Errors reach the user as one line and a non-zero exit code
(``common.reports_errors``); a usage mistake click catches (an unknown option)
is one line too when run as the ``policykg`` command.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from typing import Any

import typer

from policykg import __version__
from policykg.cli import common
from policykg.cli.common import StoreOption

#: Verb -> the module that registers it. Only the module a verb needs is imported (the
#: loaders, the driver, pandas and matplotlib cost ~2 s together), so ``--version`` and
#: ``queries`` start in a tenth of a second. ``tests/test_cli_startup.py`` checks that
#: every registered verb is listed here.
COMMAND_MODULES = {
    "load": "load_cmds", "extract": "load_cmds", "stats": "load_cmds", "demo": "load_cmds", "neo4j-import": "load_cmds",
    "store": "store_cmds",
    "query": "query_cmds", "queries": "query_cmds", "evidence": "query_cmds", "cypher": "query_cmds",
    "analyze": "query_cmds", "evaluate": "eval_cmds",
    "viz": "viz_cmds", "chart": "viz_cmds", "report": "viz_cmds", "export": "viz_cmds",
    "serve": "api_cmds", "export-rdf": "api_cmds",
}

_app = typer.Typer(
    name="policykg",
    help="A knowledge graph of government science-and-technology policy plans.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policykg {__version__}")
        raise typer.Exit()


@_app.callback()
def root(
    store: StoreOption = None,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Load plans, ask the graph named questions, export what you find."""
    common.set_root_store(store)
    common.quiet_driver_logs()


_registered: set[str] = set()


def register(modules: Iterable[str] | None = None) -> typer.Typer:
    """Register these command modules (default: all) on the app, once each; returns the app.

    Modules are registered in the order of ``COMMAND_MODULES``, so ``--help`` lists the verbs the same way
    whichever were registered first.
    """
    every = list(dict.fromkeys(COMMAND_MODULES.values()))
    wanted = every if modules is None else [m for m in every if m in set(modules)]
    for module in wanted:
        if module not in _registered:
            importlib.import_module(f"policykg.cli.{module}").register(_app)
            _registered.add(module)
    return _app


def __getattr__(name: str) -> Any:
    if name == "app":  # ``from policykg.cli import app``: the app with every verb
        return register()
    raise AttributeError(name)


def _verb(args: list[str]) -> str | None:
    """The verb of a command line: the first word that is not a root option or its value."""
    k = 0
    while k < len(args):
        arg = args[k]
        if arg in ("--store", "-s"):
            k += 2
            continue
        if arg.startswith("-"):
            return None  # --version, --help or an option typer will explain
        return arg
    return None


def main() -> None:
    verb = _verb(sys.argv[1:])
    if verb in COMMAND_MODULES:
        register([COMMAND_MODULES[verb]])
    else:
        register()  # --help, no verb, a typo: Typer lists (or suggests among) every verb
    try:
        code = _app(standalone_mode=False, prog_name="policykg")
    except typer.TyperException as exc:  # click's usage errors (typer vendors click: matched by what they carry)
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError":  # `policykg` or `policykg store` alone: the help was the answer
            sys.exit(0)
        where = ctx.command_path if ctx else "policykg"
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        typer.echo(f"error: {' '.join(message.split()).rstrip('.')}; see `{where} --help`", err=True)
        sys.exit(getattr(exc, "exit_code", common.USAGE) or common.USAGE)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("interrupted", err=True)
        sys.exit(common.INTERRUPTED)
    sys.exit(code if isinstance(code, int) else 0)
