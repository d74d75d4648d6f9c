"""Where the tests find ``../shared`` (the seeds, their gold, the real corpus, the reference scorer).

It sits beside the project's checkout; ``POLICYKG_SHARED`` points elsewhere (a git worktree
lives one level deeper). Nothing in the project needs it: tests that read it skip where it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICYKG_SHARED") or ROOT.parent / "shared")
SCORER = SHARED / "tools" / "score_extraction.py"
SEEDS_GOLD = SHARED / "gold"
SEEDS = SHARED / "seeds"
REALCORPUS_DOCS = SHARED / "realcorpus" / "docs"
REALGOLD = SHARED / "realgold"
