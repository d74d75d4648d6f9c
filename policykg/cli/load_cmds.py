"""``load``, ``extract``, ``stats`` and ``demo``: getting plans in and seeing what arrived."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from policykg.cli.common import (
    INTERRUPTED,
    USAGE,
    CliError,
    FormatOption,
    OutputOption,
    StoreOption,
    open_graph,
    reports_errors,
    stop_after_current,
    store_of,
)
from policykg.kg import LOAD_COLUMNS, KnowledgeGraph, LoadResult, prepare_demo, scan_paths
from policykg.kg import extract as extract_plan
from policykg.loading import assemble_files
from policykg.output import check_format, render

IncludeOption = Annotated[list[str] | None, typer.Option(
    "--include", help="In folders, read only files matching this glob (repeatable), e.g. '*.txt'")]
ExcludeOption = Annotated[list[str] | None, typer.Option(
    "--exclude", help="In folders, skip files matching this glob (repeatable), e.g. 'drafts/*'")]


def _say(line: str, err: bool = False) -> None:
    typer.echo(line, err=err)


def _report(result: LoadResult) -> None:
    if result.status == "loaded":
        _say(f"ok   {result.source}  {result.tasks} tasks, {result.assignments} assignments, {result.people} people, "
             f"{result.targets} targets, {result.nodes} nodes, {result.relationships} relationships "
             f"({result.seconds:.2f} s)")
    elif result.status == "duplicate":
        _say(f"dup  {result.source}  same text as {result.duplicate_of}: loaded once")
    else:
        _say(f"fail {result.error}", err=True)
    for note in result.notes:
        _say(f"note {result.source}: {note}")


_COVERAGE = """
MATCH (g:Target) WHERE g.doc IN $ids
OPTIONAL MATCH (g)-[:MEASURES]->(i:Indicator)
RETURN count(g) AS figures, count(i) AS named, sum(CASE WHEN i.catalogued THEN 1 ELSE 0 END) AS catalogued
"""


def _coverage(kg: KnowledgeGraph, ids: list[str]) -> str | None:
    """How many of the loaded documents' figures landed on a catalogued indicator (the catalogue's coverage),
    and how many the loader could not name (they keep their sentence, no indicator)."""
    if not ids:
        return None
    row = kg.store.read(_COVERAGE, {"ids": ids})[0]
    figures, named, catalogued = int(row["figures"] or 0), int(row["named"] or 0), int(row["catalogued"] or 0)
    if not figures:
        return None
    return (f"figures: {figures}, {catalogued} ({100 * catalogued / figures:.1f} %) on catalogued indicators, "
            f"{named - catalogued} on indicators of their own, {figures - named} without a name")


def load(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders of them.")],
    store: StoreOption = None,
    indicators: Annotated[Path | None, typer.Option(
        "--indicators", help="Your own indicator catalogue (YAML) on top of the shipped one.")] = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", help="Seconds one document may take to extract (default $POLICYKG_DOC_TIMEOUT or 120; 0: no limit).")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Extraction worker processes (default: the cores).")] = None,
    batch: Annotated[int | None, typer.Option(
        "--batch", min=1, help="Documents per transaction (default 100).")] = None,
) -> None:
    """Load plans into the store in batches of documents, each batch one transaction; failures are counted, not fatal.

    A document is in the store whole or not at all. Ctrl-C stops once the documents read so far are
    written (a second Ctrl-C abandons the batch in flight); exit 130.
    """
    check_format(fmt, output)
    scan = scan_paths(paths, include or (), exclude or ())
    if scan.missing:
        raise CliError(f"{scan.missing[0]}: no such file or folder; check the path", code=USAGE)
    if fmt == "table":
        for skipped in scan.skipped:
            _say(f"skip {skipped.path}  {skipped.reason}")
    if not scan.files:
        raise CliError("no plan files to load in " + ", ".join(map(str, paths))
                       + " (policykg reads .txt .html .htm .docx .pdf .xlsx .csv; --include chooses others)", code=USAGE)
    results: list[LoadResult] = []
    abandoned = False
    started = time.perf_counter()
    with stop_after_current(lambda: _say("stopping once the documents read so far are written "
                                         "(Ctrl-C again abandons them)", err=True)) as stop, \
            open_graph(store, indicators=indicators, create=True) as kg:
        try:
            for result in kg.load_iter(scan.files, timeout=timeout, jobs=jobs, batch=batch,
                                       stop=lambda: stop.requested):
                results.append(result)
                if fmt == "table":
                    _report(result)
        except KeyboardInterrupt:
            abandoned = True
        coverage = None if abandoned else _coverage(kg, [r.doc_id for r in results if r.status == "loaded" and r.doc_id])
    failed = [r for r in results if not r.ok]
    loaded = [r for r in results if r.status == "loaded"]
    duplicates = len(results) - len(failed) - len(loaded)
    if fmt != "table":
        skipped_rows = [{"status": "skipped", "source": str(k.path), "detail": k.reason} for k in scan.skipped]
        render([*skipped_rows, *(r.as_row() for r in results)], LOAD_COLUMNS, fmt, output, title="load")
    seconds = time.perf_counter() - started  # wall time: extraction overlaps the writes
    summary = (f"{len(loaded)} loaded, {len(failed)} failed, {len(scan.skipped)} skipped"
               + (f", {duplicates} duplicate{'s' if duplicates != 1 else ''}" if duplicates else "") + f", {seconds:.2f} s")
    if stop.requested or abandoned:
        left = len(scan.files) - len(results)
        _say(f"interrupted: {summary}; {left} not loaded"
             + ("; the batch in flight was rolled back" if abandoned else "")
             + "; the loaded documents are in the store, run the same load again to finish", err=True)
        raise typer.Exit(INTERRUPTED)
    _say(summary, err=fmt != "table")
    if coverage:
        _say(coverage, err=fmt != "table")
    if failed:
        raise CliError(f"{len(failed)} of {len(results)} files failed to load")


def extract(
    path: Annotated[Path, typer.Argument(help="One plan file.")],
    fmt: FormatOption = "table",
    output: OutputOption = None,
    what: Annotated[str, typer.Option("--rows", help="For table/csv/xlsx/md: tasks or targets")] = "tasks",
) -> None:
    """Print what the loader finds in a file, without touching any store (json: the extraction contract)."""
    check_format(fmt, output)
    if what not in ("tasks", "targets"):
        raise CliError(f"unknown --rows {what!r}; valid: tasks, targets", code=USAGE)
    extraction = extract_plan(path)
    if fmt == "json":
        text = json.dumps(extraction.contract(), ensure_ascii=False, indent=1)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)
        return
    doc = extraction.document
    rows: list[dict[str, object]]
    if what == "tasks":
        rows = [{"number": t.number, "task": t.title or t.text, "lead": t.lead, "support": t.support,
                 "people": t.people, "span": list(t.span) if t.span else None, "id": t.id} for t in extraction.tasks]
        columns = ["number", "task", "lead", "support", "people", "span", "id"]
    else:
        rows = [{"indicator": g.indicator, "kind": g.kind, "comparator": g.comparator, "value": g.value,
                 "unit": g.unit, "year": g.year, "raw": g.raw, "span": list(g.span) if g.span else None, "id": g.id}
                for g in extraction.targets]
        columns = ["indicator", "kind", "comparator", "value", "unit", "year", "raw", "span", "id"]
    if fmt == "table" and output is None:
        typer.echo(f"{doc.title}  {doc.issuer or '?'}  {doc.region or '?'}  {doc.year or '?'}  {doc.kind}  "
                   f"({len(extraction.tasks)} tasks, {len(extraction.targets)} targets)")
    render(rows, columns, fmt, output, title=what)


def stats(store: StoreOption = None, fmt: FormatOption = "table", output: OutputOption = None) -> None:
    """Counts per node label and relationship type."""
    check_format(fmt, output)
    with open_graph(store) as kg:
        counts = kg.counts()
    if fmt == "json" and output is None:
        typer.echo(json.dumps(counts, ensure_ascii=False))
    else:
        rows = [{"kind": kind, "name": name, "count": n} for kind, by_name in counts.items() for name, n in by_name.items()]
        render(rows, ["kind", "name", "count"], fmt, output, title="stats")
    if not counts["nodes"].get("Document"):
        where = store_of(store) or "the store"
        _say(f"note: the store at {where} is empty: load plans into it with `policykg --store {where} load FOLDER`",
             err=True)


def demo(
    store: Annotated[str, typer.Option("--store", "-s", help="A fresh embedded store for the demo.")] = "demo-store",
    plans: Annotated[Path, typer.Option("--plans", help="The sample corpus.")] = Path("examples/plans"),
) -> None:
    """Load the sample corpus into a fresh store and print the headline answers."""
    from policykg.cli.headlines import print_headlines

    spec = prepare_demo(store)
    with open_graph(spec, create=True) as kg:
        results = kg.load([plans])
        for result in results:
            _report(result)
        print_headlines(kg)
        from policykg.viz.demo import write_demo_pictures

        for picture in write_demo_pictures(kg, Path(spec).parent / f"{Path(spec).name}-pictures"):
            _say(f"wrote {picture}")
    from policykg.graph import embedded

    embedded.stop_server(Path(spec))  # a one-off: the demo leaves no server idling (unless `store start` keeps it)
    if any(not r.ok for r in results):
        raise CliError("some sample plans failed to load")


def neo4j_import(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders of them.")],
    out: Annotated[Path, typer.Option("--out", help="A new folder for the CSV files and import.sh.")],
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", help="Seconds one document may take to extract (default $POLICYKG_DOC_TIMEOUT or 120; 0: no limit).")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Extraction worker processes (default: the cores).")] = None,
    database: Annotated[str, typer.Option("--database", help="The Neo4j database the command imports into.")] = "neo4j",
) -> None:
    """Write CSV files for `neo4j-admin database import full`: a first load of many plans into an empty Neo4j.

    Extracts like `load`, and writes the graph that load would build (the same fingerprint) as the
    importer's CSV files, with import.sh holding its command. Run it with the database stopped; it
    replaces the database (docs/neo4j.md).
    """
    from policykg.extraction import ExtractionPool
    from policykg.graph.neo4j_import import CsvSink

    scan = scan_paths(paths, include or (), exclude or ())
    if scan.missing:
        raise CliError(f"{scan.missing[0]}: no such file or folder; check the path", code=USAGE)
    if out.exists() and any(out.iterdir()):
        raise CliError(f"--out {out} is not empty; give a new folder (nothing in it is overwritten)", code=USAGE)
    for skipped in scan.skipped:
        _say(f"skip {skipped.path}  {skipped.reason}")
    sink = CsvSink(out)
    pool = ExtractionPool(jobs, timeout)
    failed = 0
    try:
        for result in assemble_files(scan.files, pool, sink):
            failed += not result.ok
            _report(result)
    finally:
        pool.close()
        sink.close()
    script = sink.write_script(database)
    _say(f"wrote {len(sink.nodes)} node and {len(sink.rels)} relationship files to {out}; "
         f"with the database stopped, run {script} where neo4j-admin is (it replaces database {database})")
    if failed:
        raise CliError(f"{failed} files failed to extract; they are not in the CSV files")


def register(app: typer.Typer) -> None:
    for command in (load, extract, stats, demo, neo4j_import):
        app.command()(reports_errors(command))
