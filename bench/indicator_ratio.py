"""How well targets group into indicators: distinct indicators per target over a folder.

    python bench/indicator_ratio.py ../shared/realcorpus/docs

Lower is better grouping (one indicator per measure, not per wording); also prints how
many targets land on a catalogued indicator and the shortest names (junk shows there).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from policykg.loaders import LoaderError, extract_file
from policykg.ontology.indicators import indicator


def main(folder: str) -> None:
    ids: Counter[str] = Counter()
    names: dict[str, str] = {}
    targets = catalogued = loaded = 0
    for path in sorted(p for p in Path(folder).iterdir() if p.is_file()):
        try:
            extraction = extract_file(path)
        except LoaderError:
            continue
        loaded += 1
        for t in extraction.targets:
            ref = indicator(t.indicator, t.unit, t.measure)
            ids[ref.id] += 1
            names[ref.id] = ref.name
            targets += 1
            catalogued += ref.catalogued
    print(f"{loaded} documents loaded: {len(ids)} indicators for {targets} targets "
          f"(ratio {len(ids) / max(targets, 1):.3f}); {catalogued} targets on catalogued indicators")
    print("shortest names:", sorted({names[i] for i in ids}, key=len)[:20])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/plans")
