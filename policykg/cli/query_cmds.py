"""Query commands: ``query``, ``queries``, ``evidence``, ``cypher``, ``analyze collaboration``.

Each is a few lines over ``KnowledgeGraph`` and ``policykg.output``: the query
header supplies parameters, columns and an example, ``--format`` means the same
everywhere. A user's mistake (unknown query, bad parameter, a write without
``--write``) is refused before any store starts, in one line naming what is valid.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from policykg.cli.common import (
    USAGE,
    CliError,
    FormatOption,
    HeadersOption,
    OutputOption,
    ParamOption,
    StoreOption,
    open_graph,
    reports_errors,
)
from policykg.output import check_format, render
from policykg.queries import BadParameter, NamedQuery, get_query, list_queries, parse_assignments
from policykg.queries.listing import example_of, listing_rows, listing_text


def bind(named: NamedQuery, params: dict[str, Any]) -> dict[str, Any]:
    """The query's parameters checked and coerced; a missing one's error shows the example."""
    try:
        return named.bind(params)
    except BadParameter as exc:
        if "is required" in str(exc):
            raise BadParameter(f"{exc}; e.g. {example_of(named)}") from None
        raise


def _hint_if_empty(kg: Any, rows: list[dict[str, Any]], given: dict[str, Any]) -> None:
    if rows or not given:
        return
    for hint in kg.suggest("", given):
        typer.echo(f"hint: {hint}", err=True)


def query_command(
    name: Annotated[str, typer.Argument(help="A named query; `policykg queries` lists them with examples")],
    param: ParamOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    headers: HeadersOption = "keys",
    pivot: Annotated[bool, typer.Option("--pivot", help="indicator-matrix only: one row per indicator and year, "
                                                        "a target and an actual column per region")] = False,
    store: StoreOption = None,
) -> None:
    """Run a named query, e.g. `policykg query target-evolution -p indicator=技术交易额 -p region=浙江省`."""
    check_format(fmt, output)
    check_headers(headers)
    named = get_query(name)
    if pivot and named.name != "indicator-matrix":
        raise CliError(f"--pivot is for indicator-matrix (the year-by-region sheet), not {named.name}", code=USAGE)
    given = parse_assignments(param)
    bound = bind(named, given)  # checked before the store starts: a typo costs nothing
    if named.name == "evidence":
        evidence_command(bound["id"], bound.get("unit"), bound.get("person"), fmt, output, headers, store)
        return
    with open_graph(store) as kg:
        rows = kg.query_rows(named.name, bound)
        _hint_if_empty(kg, rows, {k: bound[k] for k in given})
    columns: list[str] = list(named.columns)
    if pivot:
        from policykg.queries.pivot import matrix_pivot

        rows, columns = matrix_pivot(rows)
    render(rows, columns, fmt, output, title=named.name + (" (pivot)" if pivot else ""), headers=headers)


def check_headers(headers: str) -> None:
    from policykg.queries.labels import HEADER_STYLES

    if headers not in HEADER_STYLES:
        raise CliError(f"unknown --headers {headers!r}; valid: {', '.join(HEADER_STYLES)}", code=USAGE)


def evidence_command(
    id: Annotated[str, typer.Argument(help="A task or target id (the id column of task-search, unit-portfolio, ...)")],  # noqa: A002
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit's assignment on the task")] = None,
    person: Annotated[str | None, typer.Option("--person", help="Only this person's responsibility")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    headers: HeadersOption = "keys",
    store: StoreOption = None,
) -> None:
    """The sentences behind a task or target: each fact in its whole sentence (marked 【】), document and span."""
    from policykg.queries.evidence import EVIDENCE_COLUMNS

    check_format(fmt, output)
    check_headers(headers)
    with open_graph(store) as kg:
        rows = kg.evidence_rows(id, unit=unit, person=person)
    columns: list[str] = list(EVIDENCE_COLUMNS)
    title = f"evidence for {id}"
    if fmt == "table" and output is None:  # a terminal shows what a reader checks; other formats carry every column
        columns = ["kind", "subject", "sentence", "document", "span"]
        documents = {(r["document"], r["year"]) for r in rows}
        if len(documents) == 1:  # one document for all: named once, above, in full
            document, year = documents.pop()
            title += f" in {document}" + (f" ({year})" if year else "")
            columns.remove("document")
    render(rows, columns, fmt, output, title=title, headers=headers)


def queries_command(fmt: FormatOption = "table", output: OutputOption = None) -> None:
    """List the named queries with their parameters and an example invocation each."""
    check_format(fmt, output)
    catalogue = list_queries()
    if fmt == "json":
        render([{**q.as_dict(), "example": example_of(q)} for q in catalogue],
               ["name", "description", "params", "columns", "example"], "json", output)
        return
    if fmt != "table" or output is not None:
        render(listing_rows(), ["name", "parameters", "example", "description"], fmt, output, title="named queries")
        return
    typer.echo(listing_text(), nl=False)


def cypher_command(
    statement: Annotated[str, typer.Argument(help="A Cypher statement; pass values with --param, not in the text")],
    param: ParamOption = None,
    write: Annotated[bool, typer.Option("--write", help="Allow write clauses (CREATE, MERGE, SET, DELETE, ...)")] = False,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", min=0, help="Seconds a read may run before the store stops it (default POLICYKG_CYPHER_SECONDS "
                                 "or 10; 0: no limit)")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    headers: HeadersOption = "keys",
    store: StoreOption = None,
) -> None:
    """Run ad hoc Cypher, read-only unless --write. Parameter values are strings; numbers are
    recognised (`-p year=2015` binds an integer), quote them to keep text (`-p code='"2015"'`)."""
    from policykg.queries import check_read_only

    check_format(fmt, output)
    check_headers(headers)
    params = {k: _literal(v) for k, v in parse_assignments(param).items()}
    if not write:
        check_read_only(statement)  # refused before a JVM is started for nothing
    with open_graph(store) as kg:
        rows = kg.read(statement, params, write=write, timeout=timeout)
    render(rows, None, fmt, output, headers=headers)


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
    from policykg.queries.analytics import COLLABORATION_COLUMNS

    check_format(fmt, output)
    given = parse_assignments(param)
    if "role" in given or "limit" in given:
        raise CliError("role and limit are set by analyze itself: use --role, and filter with region/within/from/to",
                       code=USAGE)
    bound = bind(get_query("co-leading-units"), {**given, "role": role})
    filters = {k: v for k, v in bound.items() if k in given}
    with open_graph(store) as kg:
        rows = kg.collaboration_rows(role, **filters)
        _hint_if_empty(kg, rows, filters)
    render(rows, list(COLLABORATION_COLUMNS), fmt, output, title="unit collaboration")


def register(app: typer.Typer) -> None:
    """Add the query commands to the app (called from ``policykg.cli``)."""
    app.command("query")(reports_errors(query_command))
    app.command("queries")(reports_errors(queries_command))
    app.command("evidence")(reports_errors(evidence_command))
    app.command("cypher")(reports_errors(cypher_command))
    analyze_app.command("collaboration")(reports_errors(collaboration_command))
    app.add_typer(analyze_app, name="analyze")
