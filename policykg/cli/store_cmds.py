"""``policykg store status|start|stop``: the embedded server's life, shown and steered."""

from __future__ import annotations

from pathlib import Path

import typer

from policykg.cli.common import USAGE, CliError, FormatOption, OutputOption, StoreOption, reports_errors, store_of
from policykg.graph import embedded, idle
from policykg.graph.layout import StoreLayout
from policykg.graph.store import is_remote, store_spec
from policykg.kg import check_store
from policykg.output import check_format, render

store_app = typer.Typer(help="Show, start or stop the embedded store's server.", no_args_is_help=True)
STATUS_COLUMNS = ("running", "pid", "bolt_port", "http_port", "clients", "persistent", "idle_seconds", "store")


def _local(store: str | None, *, create: bool) -> Path:
    spec = store_spec(store_of(store))
    if is_remote(spec):
        raise CliError(f"{spec} is a Neo4j server; policykg manages only embedded stores", code=USAGE)
    check_store(spec, create=create)
    return Path(spec)


def status_cmd(store: StoreOption = None, fmt: FormatOption = "table", output: OutputOption = None) -> None:
    """Whether the server runs, on which loopback ports, and for how many clients."""
    check_format(fmt, output)
    st = embedded.status(_local(store, create=False))
    if fmt != "table" or output is not None:
        render([st.as_dict()], STATUS_COLUMNS, fmt, output, title="store")
    elif st.running:
        http = f"http://127.0.0.1:{st.http_port}  " if st.http_port else ""
        if st.persistent:
            life = "persistent (until policykg store stop)"
        elif st.idle_seconds:
            life = f"stops {idle.describe(st.idle_seconds)} after its last client"
        else:
            life = "stops with its last client"
        typer.echo(f"running  pid {st.pid}  bolt://127.0.0.1:{st.bolt_port}  {http}"
                   f"clients {st.clients}  {life}  ({st.store})")
    else:
        typer.echo(f"stopped  ({st.store})")


def start_cmd(store: StoreOption = None) -> None:
    """Start the server and keep it running until `policykg store stop`."""
    root = _local(store, create=True)
    layout = StoreLayout(root)
    layout.create()
    layout.set_persistent(True)
    info = embedded.ensure_server(root)
    typer.echo(f"running  pid {info['pid']}  bolt://127.0.0.1:{info['bolt_port']}  ({layout.root})")


def stop_cmd(store: StoreOption = None) -> None:
    """Stop the server, even if clients hold it."""
    root = _local(store, create=False)
    StoreLayout(root).set_persistent(False)
    stopped = embedded.stop_server(root, force=True)
    typer.echo("stopped" if stopped else "not running")


def register(app: typer.Typer) -> None:
    store_app.command("status")(reports_errors(status_cmd))
    store_app.command("start")(reports_errors(start_cmd))
    store_app.command("stop")(reports_errors(stop_cmd))
    app.add_typer(store_app, name="store")
