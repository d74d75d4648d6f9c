"""Which kind of plan a text is, from evidence in the text (never the file name)."""

from __future__ import annotations

from policykg.ontology.terms import DocKind


def detect_kind(text: str, title: str = "") -> DocKind:
    if "牵头单位" in text or "责任人" in text or "责任分解" in title:
        return DocKind.RESPONSIBILITY_PLAN
    if "完成情况" in title:
        return DocKind.STATUS_TABLE
    if "总结" in title:
        return DocKind.SUMMARY
    return DocKind.PLAN
