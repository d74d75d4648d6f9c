"""Query headers, parameter coercion and the read-only guard: no store needed."""

from __future__ import annotations

import pytest

from policykg.queries import (
    BadParameter,
    WriteRefused,
    check_read_only,
    list_queries,
    parse_assignments,
    parse_query,
    write_clauses,
)
from policykg.queries.guard import CypherSyntaxError
from policykg.queries.params import parse_param

HEADER = """\
// name: units-leading-most-tasks
// description: Units that lead the most tasks,
// description: optionally within a region.
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false
// param: from: int = null
// param: role: choice(any|lead) = any
// param: keyword: string  -- required: no default
// columns: unit, agency, region, tasks
MATCH (u:Unit) RETURN u.name AS unit
"""


def test_a_header_declares_name_description_params_and_columns() -> None:
    query = parse_query(HEADER)
    assert query.name == "units-leading-most-tasks"
    assert query.description == "Units that lead the most tasks, optionally within a region."
    assert [p.name for p in query.params] == ["region", "within", "from", "role", "keyword"]
    assert query.columns == ("unit", "agency", "region", "tasks")
    assert query.param("region").description == "a region name; exact unless within=true"  # type: ignore[union-attr]
    assert query.param("keyword").required  # type: ignore[union-attr]
    assert query.cypher == HEADER


def test_bind_coerces_strings_applies_defaults_and_rejects_unknown_names() -> None:
    query = parse_query(HEADER)
    assert query.bind({"from": "2015", "within": "true", "keyword": "孵化器"}) == {
        "region": None, "within": True, "from": 2015, "role": "any", "keyword": "孵化器"}
    with pytest.raises(BadParameter, match=r"no parameter 'form'; valid: region: string = null, within: bool = false"):
        query.bind({"form": "2015", "keyword": "x"})
    with pytest.raises(BadParameter, match="'keyword' is required"):
        query.bind({})
    with pytest.raises(BadParameter, match=r"'role' must be choice\(any\|lead\)"):
        query.bind({"role": "support", "keyword": "x"})


@pytest.mark.parametrize(("spec", "text", "value"), [
    ("n: int = null", "2015", 2015),
    ("n: int = null", " 7 ", 7),
    ("n: int = null", "null", None),
    ("n: float = null", "2.5", 2.5),
    ("b: bool = false", "yes", True),
    ("b: bool = false", "0", False),
    ("s: string = null", "null", "null"),  # a string parameter keeps the word
])
def test_parameter_coercion(spec: str, text: str, value: object) -> None:
    assert parse_param(spec).coerce(text) == value


@pytest.mark.parametrize(("spec", "bad"), [("n: int = null", "2015.5"), ("n: int = null", "abc"),
                                           ("b: bool = false", "maybe"), ("n: int = null", True)])
def test_bad_values_are_refused(spec: str, bad: object) -> None:
    with pytest.raises(BadParameter):
        parse_param(spec).coerce(bad)


def test_bad_declarations_name_the_problem() -> None:
    with pytest.raises(ValueError, match="bad parameter type 'integer'"):
        parse_param("n: integer = 1")
    with pytest.raises(ValueError, match="line 2"):
        parse_query("// name: x\n// param: 1bad: int\nRETURN 1")
    with pytest.raises(ValueError, match="no '// name:' line"):
        parse_query("MATCH (n) RETURN n")


def test_cli_assignments_keep_equals_signs_in_values() -> None:
    assert parse_assignments(["a=1", "q=x=y", "empty="]) == {"a": "1", "q": "x=y", "empty": ""}
    with pytest.raises(BadParameter, match="key=value"):
        parse_assignments(["novalue"])


def test_the_shipped_catalogue() -> None:
    names = {q.name for q in list_queries()}
    assert len(names) >= 14
    assert {"units-leading-most-tasks", "target-evolution", "units-supporting-most-tasks", "unit-portfolio",
            "person-portfolio", "target-vs-actual", "indicator-matrix", "co-leading-units", "task-search",
            "document-overview", "compare-documents", "evidence", "tasks-without-lead"} <= names
    for query in list_queries():
        assert query.description and query.columns, query.name
        assert not write_clauses(query.cypher), f"{query.name} writes"
        for param in query.params:
            assert f"${param.name}" in query.cypher, f"{query.name}: ${param.name} declared but unused"


# --- the read-only guard ---------------------------------------------------------------------------


@pytest.mark.parametrize("statement", [
    "MATCH (t:Task) WHERE t.text CONTAINS 'CREATE' RETURN t",
    'MATCH (t:Task) WHERE t.text CONTAINS "DELETE \\" SET" RETURN t',
    "MATCH (n) // DELETE n later\nRETURN n",
    "MATCH (n) /* MERGE (x) */ RETURN n",
    "MATCH (n) RETURN n.set AS `SET`, n.delete, {create: 1, remove: 2} AS m",
    "MATCH (n:Create)-[:MERGE]->(m) RETURN $delete",
    "MATCH (u:Unit) CALL { WITH u MATCH (u)-[:LEADS]->(t) RETURN count(t) AS n } RETURN u, n",
    "CALL db.labels() YIELD label RETURN label",
    "match (n) return n order by n.name",
])
def test_reads_pass(statement: str) -> None:
    assert write_clauses(statement) == []
    check_read_only(statement)


@pytest.mark.parametrize(("statement", "clauses"), [
    ("CREATE (n:X)", ["CREATE"]),
    ("match (n) detach delete n", ["DETACH DELETE"]),
    ("MATCH (n) SET n.x = 1", ["SET"]),
    ("MATCH (n) /* */ REMOVE n:Unit", ["REMOVE"]),
    ("MERGE (n:X {id: 'CREATE'}) ON CREATE SET n.y = 2", ["MERGE", "CREATE", "SET"]),
    ("LOAD CSV FROM 'file:///x' AS row RETURN row", ["LOAD CSV"]),
    ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", ["FOREACH", "SET"]),
    ("DROP CONSTRAINT unit_id", ["DROP"]),
    ("CALL db.createLabel('X')", ["CALL db.createLabel"]),
    ("CALL dbms.security.createUser('a', 'b')", ["CALL dbms.security.createUser"]),
    ("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS", ["DELETE"]),
])
def test_writes_are_found(statement: str, clauses: list[str]) -> None:
    assert write_clauses(statement) == clauses
    with pytest.raises(WriteRefused, match="--write"):
        check_read_only(statement)


def test_an_unterminated_string_is_an_error_not_a_pass() -> None:
    with pytest.raises(CypherSyntaxError):
        write_clauses("MATCH (n) WHERE n.x = 'oops DELETE n")


@pytest.mark.parametrize("name", ["graph-nodes", "graph-edges", "graph-neighbours", "entity-lookup", "node-degrees"])
def test_the_id_lookup_knows_every_label(name: str) -> None:
    # An id does not say its label, so these queries look each id up in every label's unique index;
    # a label added to the ontology and not here would make its nodes invisible to viz --around and report.
    from policykg.ontology.terms import OWNED_LABELS, Label
    from policykg.queries import get_query

    text = get_query(name).cypher
    for label in Label:
        assert f":{label.value} {{id: id}})" in text, label
    if name == "graph-nodes":
        for label in Label:
            assert f"$label = '{label.value}' THEN [true]" in text, label
        for label in OWNED_LABELS:
            assert f"MATCH (n:{label.value} {{doc: $doc}})" in text, label
