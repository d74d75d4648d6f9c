"""``python -m policykg.cli``: the same command, for environments without the console script."""

from policykg.cli import main

main()
