"""``indicator-matrix --pivot``: the year-by-region sheet an analyst charts from.

``indicator-matrix`` answers one row per indicator, year and region (long form), which a
spreadsheet must pivot before it can chart it (issue 20). The pivot is one row per
indicator, unit and year, and two columns per region, ``<region> target`` and
``<region> actual``; a cell keeps the exact base value (tables show it as 1157亿元, csv
and xlsx add its ``_display``). Figures of no region are the nation's (全国).
"""

from __future__ import annotations

from typing import Any

from policykg.viz.style import NATIONAL

Row = dict[str, Any]
KINDS = ("target", "actual")
KEYS = ("indicator", "unit", "year")


def matrix_pivot(rows: list[Row]) -> tuple[list[Row], list[str]]:
    """The pivoted rows and their columns (indicator, unit, year, then each region's target and actual)."""
    regions: list[str] = []
    present: set[tuple[str, str]] = set()
    sheet: dict[tuple[Any, ...], Row] = {}
    for r in rows:
        region = str(r.get("region") or NATIONAL)
        if region not in regions:
            regions.append(region)
        line = sheet.setdefault(tuple(r.get(k) for k in KEYS), {k: r.get(k) for k in KEYS})
        for kind in KINDS:
            if r.get(kind) is not None:
                line[f"{region} {kind}"] = r[kind]
                present.add((region, kind))
    regions.sort(key=lambda g: (g != NATIONAL, g))
    columns = ["indicator", "year", "unit"] + [f"{g} {k}" for g in regions for k in KINDS if (g, k) in present]
    ordered = sorted(sheet.values(), key=lambda x: (str(x["indicator"] or ""), str(x["unit"] or ""), x["year"] or 0))
    return ordered, columns
