"""Query commands: ``query``, ``queries``, ``cypher``, ``analyze collaboration``.

Each is a few lines over ``KnowledgeGraph`` and ``policykg.output``: the query
header supplies parameters and columns, ``--format`` means the same everywhere.
A user's mistake (unknown query, bad parameter, a write without ``--write``)
prints one line naming what is valid and exits 2, without a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from policykg.output import FORMATS, OutputError, render
from policykg.queries import QueryError, get_query, list_queries, parse_assignments

USAGE_ERROR = 2
FAILURE = 1

StoreOption = Annotated[
    str | None,
    typer.Option("--store", "-s", help="Store directory or bolt:// / neo4j:// URI [env POLICYKG_STORE, else ./policykg-data]"),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help=f"Output format: {'|'.join(FORMATS)}")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file instead of stdout")]
ParamOption = Annotated[list[str] | None, typer.Option("--param", "-p", help="A parameter as key=value (repeatable)")]


def _fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _check_format(fmt: str, output: str | None = None, allowed: tuple[str, ...] = FORMATS) -> None:
    """Refuse a bad --format before the store starts (a JVM start costs seconds)."""
    if fmt not in allowed:
        raise _fail(f"unknown format {fmt!r}; valid: {', '.join(allowed)}")
    if fmt == "xlsx" and output is None:
        raise _fail("xlsx is a binary format: give a file with --output result.xlsx")


@contextmanager
def _graph(store: str | None) -> Iterator[Any]:
    """Open the graph, close it whatever happens; store errors become one line and exit 1."""
    from policykg.graph.store import StoreError
    from policykg.kg import KnowledgeGraph

    try:
        kg = KnowledgeGraph.open(store)
    except StoreError as exc:
        raise _fail(str(exc), FAILURE) from None
    try:
        yield kg
    except StoreError as exc:
        raise _fail(str(exc), FAILURE) from None
    finally:
        kg.close()


def _render(rows: list[dict[str, Any]], columns: list[str] | tuple[str, ...] | None, fmt: str,
            output: str | None, title: str | None = None) -> None:
    try:
        render(rows, columns, fmt, output, title=title)
    except OutputError as exc:
        raise _fail(str(exc)) from None


def query_command(
    name: Annotated[str, typer.Argument(help="A named query; `policykg queries` lists them")],
    param: ParamOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    store: StoreOption = None,
) -> None:
    """Run a named query, e.g. `policykg query target-evolution -p indicator=技术交易额 -p region=浙江省`."""
    _check_format(fmt, output)
    try:
        named = get_query(name)
        bound = named.bind(parse_assignments(param))  # checked before the store starts: a typo costs nothing
    except QueryError as exc:
        raise _fail(str(exc)) from None
    with _graph(store) as kg:
        rows = kg.query_rows(named.name, bound)
    _render(rows, named.columns, fmt, output, title=named.name)


def queries_command(
    fmt: FormatOption = "table",
) -> None:
    """List the named queries with their parameters and columns."""
    _check_format(fmt, None, ("table", "json", "md", "csv"))
    catalogue = list_queries()
    if fmt == "json":
        _render([q.as_dict() for q in catalogue], ["name", "description", "params", "columns"], "json", None)
        return
    joiner = "\n" if fmt == "table" else "; "  # one parameter a line keeps the terminal table narrow
    rows = [{"name": q.name, "parameters": joiner.join(p.describe() for p in q.params),
             "description": q.description.split(". ")[0].rstrip(".") + "."} for q in catalogue]
    _render(rows, ["name", "parameters", "description"], fmt, None, title="named queries")


def cypher_command(
    statement: Annotated[str, typer.Argument(help="A Cypher statement; pass values with --param, not in the text")],
    param: ParamOption = None,
    write: Annotated[bool, typer.Option("--write", help="Allow write clauses (CREATE, MERGE, SET, DELETE, ...)")] = False,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    store: StoreOption = None,
) -> None:
    """Run ad hoc Cypher, read-only unless --write. Parameter values are strings; numbers are
    recognised (`-p year=2015` binds an integer), quote them to keep text (`-p code='"2015"'`)."""
    from policykg.queries.guard import check_read_only

    _check_format(fmt, output)
    try:
        params = {k: _literal(v) for k, v in parse_assignments(param).items()}
        if not write:
            check_read_only(statement)  # refused before a JVM is started for nothing
    except QueryError as exc:
        raise _fail(str(exc)) from None
    with _graph(store) as kg:
        try:
            rows = kg.cypher(statement, params, write=write)
        except QueryError as exc:
            raise _fail(str(exc)) from None
    _render(rows, None, fmt, output, title=None)


def _literal(text: str) -> Any:
    """An ad hoc parameter: int, float, true/false/null, a quoted string, else the text itself."""
    stripped = text.strip()
    lowered = stripped.lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    if lowered == "null":
        return None
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "'\"":
        return stripped[1:-1]
    for kind in (int, float):
        try:
            return kind(stripped)
        except ValueError:
            pass
    return text


analyze_app = typer.Typer(help="Network analytics over the graph (networkx).", no_args_is_help=True)


@analyze_app.command("collaboration")
def collaboration_command(
    role: Annotated[str, typer.Option(help="Pairs from shared leading only (lead) or any role (any)")] = "any",
    param: ParamOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    store: StoreOption = None,
) -> None:
    """Unit collaboration network: communities, partners, degree and betweenness centrality.

    Built from the co-leading-units query; --param passes its filters (region, within, from, to, collective).
    """
    _check_format(fmt, output)
    try:
        named = get_query("co-leading-units")
        bound = named.bind({**parse_assignments(param), "role": role, "limit": 100000})
    except QueryError as exc:
        raise _fail(str(exc)) from None
    with _graph(store) as kg:
        pairs = kg.query_rows(named.name, bound)
    # networkx costs ~0.15 s to import; only this command needs it
    from policykg.queries.analytics import COLLABORATION_COLUMNS, collaboration_table
    from policykg.queries.graphs import pairs_to_graph

    rows = collaboration_table(pairs_to_graph(pairs))
    _render(rows, list(COLLABORATION_COLUMNS), fmt, output, title="unit collaboration")


def register(app: typer.Typer) -> None:
    """Add the query commands to the app (called from ``policykg.cli``)."""
    app.command("query")(query_command)
    app.command("queries")(queries_command)
    app.command("cypher")(cypher_command)
    app.add_typer(analyze_app, name="analyze")
