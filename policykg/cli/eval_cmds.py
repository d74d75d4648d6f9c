"""``evaluate``: score extraction against labelled documents (``policykg.evaluate``), with thresholds for CI."""

from __future__ import annotations

from pathlib import Path

import typer

from policykg.cli.common import CliError, reports_errors
from policykg.evaluate import EvaluationError, Totals, command_extractor, in_process, iter_scores


def evaluate(
    docs: Path = typer.Argument(..., metavar="DOCS_DIR", help="The folder holding the documents the gold files name."),
    gold: Path = typer.Option(..., "--gold", metavar="DIR", help="A folder of gold JSON files, one per document (docs/gold-schema.md)."),
    min_recall: float = typer.Option(0.0, "--min-recall", help="Exit 1 when any fact kind's recall is below this."),
    min_precision: float = typer.Option(0.0, "--min-precision", help="Exit 1 when any known precision is below this."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss, not the first five per document."),
    cmd: str | None = typer.Option(
        None, "--cmd", help="Score another extractor instead: a command with {path} that prints the extraction JSON."
    ),
    timeout: float = typer.Option(120.0, "--timeout", help="Seconds per document for --cmd."),
) -> None:
    """Score what the loaders extract from DOCS_DIR against hand-checked gold facts; prints a TOTAL line."""
    try:
        extractor = in_process if cmd is None else command_extractor(cmd, timeout)
        totals = Totals()
        for score in iter_scores(gold, docs, extractor):
            totals.add(score)
            for line in score.lines(verbose):
                typer.echo(line)
    except EvaluationError as exc:
        raise CliError(str(exc), code=2) from exc
    typer.echo(totals.total_line())
    typer.echo(totals.score_line())
    if not totals.passes(min_recall, min_precision):
        raise CliError(
            f"below the thresholds: min-recall {totals.min_recall:.3f} (need {min_recall}), "
            f"min-precision {totals.min_precision:.3f} (need {min_precision})"
        )


def register(app: typer.Typer) -> None:
    app.command()(reports_errors(evaluate))
