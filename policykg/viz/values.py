"""Numbers as a reader writes them: 15000000000 元 -> 150亿元, 15000 件 -> 1.5万件, 2.5 % -> 2.5%.

The store keeps base units (DESIGN.md, Numbers); pictures scale them back with
the loaders' own scale words (``loaders.numbers.SCALES``), one source of truth.
"""

from __future__ import annotations

from collections.abc import Iterable

from policykg.loaders.numbers import SCALES

#: Scales a reader uses when writing a figure back, largest first (no 千万 or 百亿: 3000万, 150亿 read better).
_READER_SCALES = ("万亿", "亿", "万")
#: Units that are already a ratio and are never scaled.
_RATIOS = {"%", "个百分点", "‰"}


def number(value: float) -> str:
    """At most two decimals, no trailing zeros: 150.0 -> 150, 1.25 -> 1.25."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def scale_for(values: Iterable[float | None], unit: str | None) -> tuple[float, str]:
    """The factor and word that make the largest value read best: (1e8, '亿') for billions of 元."""
    if unit in _RATIOS:
        return 1.0, ""
    largest = max((abs(v) for v in values if v is not None), default=0.0)
    for word in _READER_SCALES:
        if largest >= SCALES[word]:
            return SCALES[word], word
    return 1.0, ""


def reader_value(value: float | None, unit: str | None) -> str:
    """One figure as a plan writes it: ``reader_value(1.5e10, '元') == '150亿元'``."""
    if value is None:
        return ""
    factor, word = scale_for([value], unit)
    return f"{number(value / factor)}{word}{unit or ''}"


def axis_unit(factor_word: str, unit: str | None) -> str:
    """The axis label for a scaled unit: 亿 + 元 -> 亿元."""
    return f"{factor_word}{unit or ''}"
