"""The ``policykg`` console script: ``--version`` answered before anything heavy is imported.

``policykg.cli`` imports typer, whose parameter coercion builds pydantic adapters (~0.15 s);
asking for the version needs none of it. Every other command line goes to ``policykg.cli.main``.
"""

from __future__ import annotations

import sys

from policykg import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"policykg {__version__}")
        return
    from policykg.cli import main as cli_main

    cli_main()
