"""Node labels, relationship types and document kinds as named constants.

Queries and code refer to these names, never to string literals scattered
around, so a typo fails at import time (the rdflib ``Namespace`` lesson).
"""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    DOCUMENT = "Document"
    SECTION = "Section"
    TASK = "Task"
    UNIT = "Unit"
    PERSON = "Person"
    INDICATOR = "Indicator"
    TARGET = "Target"
    REGION = "Region"


class Rel(StrEnum):
    ISSUED_BY = "ISSUED_BY"
    ABOUT = "ABOUT"
    HAS_SECTION = "HAS_SECTION"
    HAS_TASK = "HAS_TASK"
    PART_OF = "PART_OF"
    LEADS = "LEADS"
    SUPPORTS = "SUPPORTS"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    MEMBER_OF = "MEMBER_OF"
    IN = "IN"
    HAS_TARGET = "HAS_TARGET"
    MEASURES = "MEASURES"
    FOR = "FOR"
    CONTINUES = "CONTINUES"


class DocKind(StrEnum):
    PLAN = "plan"
    RESPONSIBILITY_PLAN = "responsibility-plan"
    SUMMARY = "summary"
    STATUS_TABLE = "status-table"
    NATIONAL_DIVISION = "national-division"
    GOVERNMENT_WORK_REPORT = "government-work-report"


class TargetKind(StrEnum):
    TARGET = "target"
    ACTUAL = "actual"


#: Labels whose nodes several documents share; they are MERGEd, never deleted with a document.
SHARED_LABELS: tuple[Label, ...] = (Label.DOCUMENT, Label.UNIT, Label.PERSON, Label.INDICATOR, Label.REGION)
#: Labels a document owns; reloading a document replaces them.
OWNED_LABELS: tuple[Label, ...] = (Label.SECTION, Label.TASK, Label.TARGET)
