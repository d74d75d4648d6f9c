"""Start-up: the console script and the lazy verb registry (``policykg.cli.COMMAND_MODULES``)."""

from __future__ import annotations

import subprocess
import sys

import typer

import policykg
from policykg import cli


def _verbs(app: typer.Typer) -> set[str]:
    names = {c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands if c.callback}
    return names | {g.name for g in app.registered_groups if g.name}


def test_every_registered_verb_names_its_module() -> None:
    every = _verbs(cli.register())
    assert every == set(cli.COMMAND_MODULES), "a verb missing from COMMAND_MODULES would load all modules (slow) " \
                                              "and one listed but gone would fail to register"


def test_version_and_queries_load_only_what_they_need() -> None:
    code = ("import sys; sys.argv = ['policykg', '{verb}']; from policykg.console import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in ('neo4j', 'pandas', 'matplotlib', 'typer') "
            "or m.startswith('policykg.loaders') or m.startswith('policykg.cli.')))")
    out = subprocess.run([sys.executable, "-c", code.format(verb="--version")], capture_output=True, text=True, check=True)
    assert out.stdout.startswith(f"policykg {policykg.__version__}\n")
    assert out.stdout.splitlines()[-1] == "LOADED []"  # not even typer
    out = subprocess.run([sys.executable, "-c", code.format(verb="queries")], capture_output=True, text=True, check=True)
    assert "units-leading-most-tasks" in out.stdout
    assert out.stdout.splitlines()[-1] == "LOADED []"  # the plain listing needs only the catalogue


def test_the_quick_listing_is_the_queries_verbs_table() -> None:
    # `policykg queries` is answered by the console script; with an option it goes through the CLI verb
    quick = subprocess.run([sys.executable, "-c", "import sys; sys.argv = ['policykg', 'queries']\n"
                            "from policykg.console import main; main()"], capture_output=True, text=True, check=True)
    verb = subprocess.run([sys.executable, "-m", "policykg.cli", "queries", "--format", "table"],
                          capture_output=True, text=True, check=True)
    assert "named queries;" in quick.stdout
    assert quick.stdout == verb.stdout
