"""Stable, derived identifiers: loading the same thing twice yields the same id.

An id is a short readable prefix plus a hash of the scoping key, so ids stay
stable across runs and machines and never need a counter in the store.
"""

from __future__ import annotations

import hashlib


def digest(*parts: object, length: int = 16) -> str:
    """Hash the parts joined by a separator that cannot occur in Chinese text fields."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


def document_id(normalised_text: str) -> str:
    """A document is identified by its normalised text, so a re-encoded copy is the same document."""
    return "doc-" + digest(normalised_text)


def section_id(doc_id: str, order: int) -> str:
    return f"{doc_id}-s{order}"


def task_id(doc_id: str, order: int) -> str:
    return f"{doc_id}-t{order}"


def target_id(doc_id: str, order: int) -> str:
    return f"{doc_id}-g{order}"


def region_id(name: str) -> str:
    return "region-" + digest(name, length=12)


def unit_id(scope: str, name: str) -> str:
    """A unit is scoped: an agency by its region, a division by its agency."""
    return "unit-" + digest(scope, name, length=12)


def person_id(agency_id: str, name: str) -> str:
    return "person-" + digest(agency_id, name, length=12)


def indicator_id(canonical_name: str) -> str:
    return "ind-" + digest(canonical_name, length=12)
