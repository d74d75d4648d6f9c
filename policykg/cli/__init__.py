"""The ``policykg`` command: a thin Typer layer over the Python API (``policykg.kg``).

Every verb opens the graph, calls one API method and renders the result; no
logic lives here. Errors reach the user as one line and a non-zero exit code
(``common.reports_errors``); a usage mistake click catches (an unknown option)
is one line too when run as the ``policykg`` command.
"""

from __future__ import annotations

import sys

import typer

from policykg import __version__
from policykg.cli import api_cmds, common, eval_cmds, query_cmds, store_cmds, viz_cmds
from policykg.cli.common import StoreOption
from policykg.cli.load_cmds import register as register_load

app = typer.Typer(
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


@app.callback()
def root(
    store: StoreOption = None,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Load plans, ask the graph named questions, export what you find."""
    common.set_root_store(store)
    common.quiet_driver_logs()


register_load(app)
store_cmds.register(app)
query_cmds.register(app)
eval_cmds.register(app)
viz_cmds.register(app)  # viz, chart, report, export (policykg.viz)
api_cmds.register(app)  # serve, export-rdf (policykg.api)


def main() -> None:
    try:
        code = app(standalone_mode=False, prog_name="policykg")
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
