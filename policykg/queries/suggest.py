"""Names a query's parameters could have meant, for a result that came back empty.

``--param region=浙江`` matches no region (the store says 浙江省), so the query is
right to return nothing and the user is left guessing; this looks the value up
among the names (and aliases) of the label that parameter filters on and offers
the close ones. Only names the store holds are offered.
"""

from __future__ import annotations

from typing import Any

from policykg.graph.store import GraphStore
from policykg.ontology.terms import Label

#: Which label a parameter of that name filters on (the same word in every query header).
PARAM_LABELS: dict[str, Label] = {
    "region": Label.REGION,
    "within": Label.REGION,
    "indicator": Label.INDICATOR,
    "unit": Label.UNIT,
    "agency": Label.UNIT,
    "issuer": Label.UNIT,
    "person": Label.PERSON,
}
MAX_SUGGESTIONS = 5

# Label names come from the code (PARAM_LABELS), never from the user; the value is a parameter.
# "exact" is what the queries match (name, or an alias); a region's short form (浙江) is only a clue.
_LOOKUP = """
MATCH (n:{label})
WITH n, [n.name] + coalesce(n.aliases, []) + CASE WHEN n.short IS NULL THEN [] ELSE [n.short] END AS names
WITH n, [x IN names WHERE x IS NOT NULL] AS names
WHERE any(x IN names WHERE x = $value OR (size(x) >= 2 AND (x CONTAINS $value OR $value CONTAINS x)))
RETURN DISTINCT n.name AS name, n.name = $value OR $value IN coalesce(n.aliases, []) AS exact
ORDER BY exact DESC, size(name), name
LIMIT 20
"""


def candidates(store: GraphStore, param: str, value: str) -> list[str] | None:
    """Close names for one parameter value; None when the value is a name the store holds."""
    label = PARAM_LABELS.get(param)
    if label is None or not value.strip():
        return []
    rows = store.read(_LOOKUP.replace("{label}", str(label)), {"value": value.strip()})
    if any(r["exact"] for r in rows):
        return None
    return [r["name"] for r in rows][:MAX_SUGGESTIONS]


def suggestions(store: GraphStore, params: dict[str, Any]) -> list[str]:
    """One line per given string parameter whose value names nothing in the store."""
    hints = []
    for param, value in params.items():
        if not isinstance(value, str) or param not in PARAM_LABELS:
            continue
        names = candidates(store, param, value)
        if names is None:
            continue
        if names:
            options = " or ".join(f"--param {param}={n}" for n in names)
            hints.append(f"{param} {value!r} is not a name in the store; did you mean {'、'.join(names)}? ({options})")
        else:
            hints.append(f"{param} {value!r} matches nothing in the store; `policykg query "
                         f"{_LISTING.get(param, 'documents')}` lists what is there")
    return hints


_LISTING = {"region": "regions", "within": "regions", "indicator": "indicators", "person": "people",
            "unit": "units-leading-most-tasks", "agency": "units-leading-most-tasks", "issuer": "documents"}
