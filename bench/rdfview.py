"""The RDF view's update after one document is added or deleted, against a full rebuild, at growing store sizes.

A corpus from bench/corpus.py (N plans shaped like the seed plans, agencies with a plan a
year, so continuity links them) is loaded into one embedded store, growing to each N in
turn. At each size: a view built from scratch (what every stamp change cost before
the view became incremental), then one more plan loaded and the view brought up to date,
then that plan deleted and the view brought up to date again.

    python bench/rdfview.py [--docs 100,200]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402

from policykg.api.rdfview import RdfView  # noqa: E402
from policykg.kg import KnowledgeGraph  # noqa: E402
from policykg.loaders import extract_file  # noqa: E402
from policykg.ontology.iris import Iris  # noqa: E402


def timed_current(view: RdfView) -> float:
    started = time.perf_counter()
    view.current()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="100,200")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.docs.split(","))
    iris = Iris()
    with tempfile.TemporaryDirectory(prefix="policykg-bench-rdfview-", ignore_cleanup_errors=True) as folder:
        files = make_corpus(sizes[-1] + 1, Path(folder) / "corpus")
        extra, files = files[-1], files[:-1]
        kg = KnowledgeGraph.open(Path(folder) / "store")
        try:
            print(f"load average {os.getloadavg()[0]:.2f}\n")
            print("| documents | triples | full build s | add one: update s | delete it: update s | full / add |")
            print("| ---: | ---: | ---: | ---: | ---: | ---: |")
            loaded = 0
            for size in sizes:
                results = kg.load(files[loaded:size])
                failed = [r for r in results if not r.ok]
                loaded = size
                view = RdfView(kg.store, iris, freshness=0)
                full = timed_current(view)
                triples = view.info.triples if view.info else 0
                assert all(r.ok for r in kg.load([extra]))
                add = timed_current(view)
                assert view.info is not None and view.info.how == "incremental", view.info
                kg.delete_document(extract_file(extra).document.id)
                delete = timed_current(view)
                note = f" ({len(failed)} failed to load)" if failed else ""
                print(f"| {size}{note} | {triples} | {full:.2f} | {add:.3f} | {delete:.3f} | {full / add:.0f}x |")
                sys.stdout.flush()
        finally:
            kg.close()


if __name__ == "__main__":
    main()
