"""How a document's title is shown beside other documents': with the year and issuer it does not say.

Real corpora hold many documents titled alike: six State Council and provincial work
reports are each titled 政府工作报告, so a list, a comparison or a chooser of titles
alone cannot tell them apart (issue 20). A title that already names its year and its
issuer or region (2026年浙江省政府工作报告) is shown as it is; otherwise what it lacks
is put beside it: 政府工作报告 (2024 · 国务院). The stored title is never changed.
"""

from __future__ import annotations

import re
from typing import Any

#: Endings a region's short name drops (浙江省 -> 浙江, 二连浩特市 -> 二连浩特) when looked for in a title.
_REGION_ENDINGS = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|省|市|县|区|旗|盟)$")


def _short(name: str) -> str:
    short = _REGION_ENDINGS.sub("", name)
    return short if len(short) >= 2 else name


def _said(title: str, name: str | None) -> bool:
    return bool(name) and (str(name) in title or _short(str(name)) in title)


def context_of(title: str | None, year: Any = None, issuer: str | None = None, region: str | None = None) -> list[str]:
    """What a reader needs beside ``title`` to tell the document apart: its year, its issuer (else region)."""
    text = title or ""
    parts = []
    if year not in (None, "") and str(year) not in text:
        parts.append(str(year))
    who = issuer or region
    if who and not (_said(text, issuer) or _said(text, region)):
        parts.append(str(who))
    return parts


def display_title(title: str | None, year: Any = None, issuer: str | None = None, region: str | None = None) -> str:
    """``政府工作报告 (2024 · 国务院)`` for a generic title; a title that says both is returned as it is."""
    parts = context_of(title, year, issuer, region)
    text = title or "(无标题 untitled)"
    return f"{text} ({' · '.join(parts)})" if parts else text


def display_of(props: dict[str, Any]) -> str:
    """``display_title`` of a Document's properties (or a row with title, year, issuer, region)."""
    return display_title(props.get("title"), props.get("year"), props.get("issuer"), props.get("region"))
