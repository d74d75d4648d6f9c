"""Which write errors are conflicts of concurrent writers, retried by the store (graph/store.py)."""

from __future__ import annotations

import pytest

from policykg.graph.store import _is_duplicate


@pytest.mark.parametrize("message", [
    "Duplicated key [region-330000] found on index 'Region[id]'",
    "Neo.ClientError.Schema.ConstraintValidationFailed: Node(12) already exists",
    "Record #1:8 not found",  # ArcadeDB: the other writer's transaction replaced the record under us
])
def test_a_concurrent_writers_conflict_is_retried(message: str) -> None:
    assert _is_duplicate(Exception(message))


@pytest.mark.parametrize("message", ["Invalid input 'MATC'", "Property values can only be of primitive types"])
def test_other_errors_are_not(message: str) -> None:
    assert not _is_duplicate(Exception(message))
