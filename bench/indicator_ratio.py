"""How well figures group into indicators: distinct indicators per figure over a folder.

    python bench/indicator_ratio.py ../shared/realcorpus/docs

Lower is better grouping (one indicator per measure, not per wording). Prints how many figures land on a
catalogued indicator, how many the loader left without a name (a fragment: no indicator, the figure keeps
its sentence), and the shortest names (junk shows there). Indicators are resolved as the graph writer
resolves them (``graph.mapping``: the name and unit, the catalogue's own measure cues).
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
    figures = catalogued = unnamed = loaded = 0
    for path in sorted(p for p in Path(folder).iterdir() if p.is_file()):
        try:
            extraction = extract_file(path)
        except LoaderError:
            continue
        loaded += 1
        for t in extraction.targets:
            figures += 1
            if not t.indicator.strip():
                unnamed += 1
                continue
            ref = indicator(t.indicator, t.unit)
            ids[ref.id] += 1
            names[ref.id] = ref.name
            catalogued += ref.catalogued
    print(f"{loaded} documents loaded: {len(ids)} indicators for {figures} figures "
          f"(ratio {len(ids) / max(figures, 1):.3f}); {catalogued} figures ({100 * catalogued / max(figures, 1):.1f} %) "
          f"on catalogued indicators; {unnamed} figures without a name")
    print("shortest names:", sorted({names[i] for i in ids}, key=len)[:20])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/plans")
