"""Rules that keep one Cypher text valid on both stores, checked without a server.

The embedded ArcadeDB accepts some Cypher that Neo4j 5 refuses or reads differently.
The store tests run on a real Neo4j 5 server too (tests/store_params.py; CI sets
POLICYKG_NEO4J=local), but only on the statements the seeds exercise; these checks
cover every statement text, with or without a server. Each test here pins a
rule found while reviewing the statements for Neo4j 5; docs/neo4j.md gives the source
of each. The checks work on tokens (``guard.tokenize``), not on a full parser, so they
are deliberately narrow: they catch the mistakes named, not every mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.graph import continuity, schema, tallies
from policykg.graph.mapping import GraphRows, to_graph_rows
from policykg.graph.writer import delete_statements, write_statements
from policykg.loaders import extract_file
from policykg.queries import list_queries
from policykg.queries.guard import Token, tokenize, write_clauses

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"

AGGREGATES = {"count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont", "percentiledisc"}
#: Words that end a projection's item list or an ORDER BY list at the top level.
CLAUSES = {"MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "WHERE", "ORDER", "SKIP", "LIMIT", "SET", "CREATE",
           "MERGE", "DELETE", "DETACH", "REMOVE", "CALL", "UNION", "FOREACH"}
KEYWORDS = {"ASC", "ASCENDING", "DESC", "DESCENDING", "CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "XOR",
            "NOT", "NULL", "TRUE", "FALSE", "IS", "IN", "CONTAINS", "STARTS", "ENDS", "WITH", "BY", "DISTINCT", "AS"}


# --- a little token plumbing ---------------------------------------------------------------------


def _depths(tokens: list[Token]) -> list[int]:
    """Nesting depth of each token: (), [] and {} all count."""
    depth, out = 0, []
    for tok in tokens:
        if tok.kind == "punct" and tok.text in ")]}":
            depth -= 1
        out.append(depth)
        if tok.kind == "punct" and tok.text in "([{":
            depth += 1
    return out


def _is_clause(tokens: list[Token], k: int) -> bool:
    tok = tokens[k]
    if tok.kind != "word" or tok.text.upper() not in CLAUSES:
        return False
    prev = tokens[k - 1] if k else None
    if prev is not None and prev.kind == "punct" and prev.text in {".", ":"}:
        return False  # a property key such as t.order
    # STARTS WITH / ENDS WITH are operators, not a WITH clause
    return not (tok.text.upper() == "WITH" and prev is not None and prev.text.upper() in {"STARTS", "ENDS"})


def projections(text: str) -> Iterator[tuple[str, list[Token], list[Token]]]:
    """Each top-level WITH/RETURN: its keyword, its items and its ORDER BY items."""
    tokens = tokenize(text)
    depth = _depths(tokens)
    k = 0
    while k < len(tokens):
        if depth[k] == 0 and _is_clause(tokens, k) and tokens[k].text.upper() in {"WITH", "RETURN"}:
            keyword, j = tokens[k].text.upper(), k + 1
            while j < len(tokens) and not (depth[j] == 0 and _is_clause(tokens, j)):
                j += 1
            items = tokens[k + 1:j]
            order: list[Token] = []
            if j + 1 < len(tokens) and tokens[j].text.upper() == "ORDER" and tokens[j + 1].text.upper() == "BY":
                m = j + 2
                while m < len(tokens) and not (depth[m] == 0 and _is_clause(tokens, m)):
                    m += 1
                order = tokens[j + 2:m]
            yield keyword, items, order
            k = j
        else:
            k += 1


def _split_items(items: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for tok, d in zip(items, _depths(items), strict=True):
        if d == 0 and tok.kind == "punct" and tok.text == ",":
            out.append([])
        else:
            out[-1].append(tok)
    return [item for item in out if item]


def is_aggregating(items: list[Token]) -> bool:
    if items and items[0].text.upper() == "DISTINCT":
        return True
    braces = 0
    for k, tok in enumerate(items):
        if tok.kind == "punct" and tok.text == "{":
            braces += 1
        elif tok.kind == "punct" and tok.text == "}":
            braces -= 1
        elif (braces == 0 and tok.kind == "word" and tok.text.lower() in AGGREGATES
              and k + 1 < len(items) and items[k + 1].text == "("):
            return True
    return False


def projected_names(items: list[Token]) -> set[str]:
    names = set()
    for item in _split_items(items[1:] if items and items[0].text.upper() == "DISTINCT" else items):
        if len(item) >= 2 and item[-2].text.upper() == "AS":
            names.add(item[-1].text)
        elif len(item) == 1 and item[0].kind == "word":
            names.add(item[0].text)
    return names


def variables_read(tokens: list[Token]) -> set[str]:
    """Variable names an expression reads: not property keys, functions, keywords or comprehension locals."""
    local = {tokens[k].text for k in range(1, len(tokens) - 1)
             if tokens[k + 1].text.upper() == "IN" and tokens[k - 1].text in {"[", "("}}
    found = set()
    for k, tok in enumerate(tokens):
        if tok.kind != "word" or tok.text.upper() in KEYWORDS or tok.text in local:
            continue
        if k and tokens[k - 1].kind == "punct" and tokens[k - 1].text in {".", ":"}:
            continue
        if k + 1 < len(tokens) and tokens[k + 1].text in {"(", "{"}:
            continue  # a function call or a COUNT/EXISTS subquery
        found.add(tok.text)
    return found


def order_by_violations(text: str) -> list[str]:
    """ORDER BY after an aggregating or DISTINCT WITH/RETURN may use only what that clause projects."""
    bad = []
    for keyword, items, order in projections(text):
        if order and is_aggregating(items):
            missing = variables_read(order) - projected_names(items)
            if missing:
                bad.append(f"{keyword} … ORDER BY uses {sorted(missing)}, not projected by the aggregating {keyword}")
    return bad


# --- statements under test -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_rows() -> list[GraphRows]:
    return [to_graph_rows(extract_file(path)) for path in sorted(PLANS.glob("*.txt"))]


def generated_statements(seed_rows: list[GraphRows]) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for rows in seed_rows:
        out += write_statements(rows) + delete_statements(rows.doc_id)
    out.append((continuity.PLANS_OF, {"agencies": ["a"]}))
    out.append((continuity.LINKED, {"docs": ["d"]}))
    out.append((continuity.LINKED_TO, {"docs": ["d"]}))
    out.append((continuity.TASKS, {"docs": ["d"]}))
    out.append((continuity.UNLINK, {"pairs": [{"earlier": "a", "later": "b"}]}))
    out.append((continuity.CREATE_EDGES,
                {"rows": [{"start": "a", "end": "b", "props": {"score": 0.5, "method": "m", "doc": "d"}}]}))
    out.append((tallies.OLD_LEADS, {"docs": ["d"]}))
    out.append((tallies.OLD_FIGURES, {"docs": ["d"]}))
    out.append((tallies._LOCK.format(label=tallies.UNIT_TALLY), {"ids": ["u"]}))
    out.append((tallies._SAVE_UNITS, {"rows": [{"id": "u", "years": [2015], "counts": [1], "total": 1}]}))
    out.append((tallies._SAVE_INDICATORS, {"rows": [{"id": "i", "props": {"targets": 1, "actuals": 0}}]}))
    return out


def params_used(text: str) -> set[str]:
    return {tok.text for tok in tokenize(text) if tok.kind == "param"}


QUERIES = list_queries()


# --- the checker itself --------------------------------------------------------------------------


def test_the_order_by_check_catches_what_neo4j_refuses() -> None:
    # Neo4j: "In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access
    # variables declared before the WITH/RETURN" (GQL status 42N44).
    assert order_by_violations("MATCH (n) RETURN n.a AS a, count(*) AS c ORDER BY n.b")
    assert order_by_violations("MATCH (n) RETURN DISTINCT n.a AS a ORDER BY n.b")
    assert order_by_violations("MATCH (n)-->(m) WITH n, count(m) AS c ORDER BY m.x RETURN n")
    assert not order_by_violations("MATCH (n) RETURN n.a AS a, count(*) AS c ORDER BY c DESC, a")
    assert not order_by_violations("MATCH (n) RETURN n.a AS a ORDER BY n.b")  # not aggregating: allowed
    assert not order_by_violations("MATCH (n) RETURN n, COUNT { (n)-->() } AS c ORDER BY n.name")  # COUNT {} is not an aggregation
    assert not order_by_violations("MATCH (n) RETURN n.a AS a, count(*) AS c ORDER BY a STARTS WITH 'x'")


# --- named queries -------------------------------------------------------------------------------


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_no_order_by_on_a_variable_an_aggregation_dropped(query: Any) -> None:
    assert order_by_violations(query.cypher) == []


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_declared_params_are_exactly_the_params_used(query: Any) -> None:
    # Neo4j fails a statement whose $name has no value ("Expected parameter(s)"); an unused
    # declared parameter is a CLI option that silently does nothing.
    assert params_used(query.cypher) == {p.name for p in query.params}


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_named_queries_only_read(query: Any) -> None:
    # They run READ-routed: Neo4j refuses a write there, ArcadeDB does not.
    assert write_clauses(query.cypher) == []


def _all_texts(seed_rows: list[GraphRows]) -> list[tuple[str, str]]:
    texts = [(q.name, q.cypher) for q in QUERIES]
    texts += [("generated", text) for text, _ in generated_statements(seed_rows)]
    texts += [("schema", text) for text, _ in schema.schema_statements()]
    return texts


def test_call_subqueries_declare_their_scope(seed_rows: list[GraphRows]) -> None:
    # CALL { WITH x … } (importing WITH) is deprecated from Neo4j 5.23 and gone in Cypher 25; the
    # scope clause CALL (x) { … } is the form both Neo4j (5.23+, the 5.26 LTS we pin) and ArcadeDB take.
    for name, text in _all_texts(seed_rows):
        tokens = tokenize(text)
        for k, tok in enumerate(tokens[:-1]):
            if tok.kind == "word" and tok.text.upper() == "CALL":
                assert tokens[k + 1].text != "{", f"{name}: CALL {{ … }} without a scope clause"


def test_no_legacy_or_version_bound_syntax(seed_rows: list[GraphRows]) -> None:
    for name, text in _all_texts(seed_rows):
        tokens = tokenize(text)
        words = {tok.text.upper() for tok in tokens if tok.kind == "word"}
        # ON … ASSERT is 4.x schema syntax; SHORTEST k / quantified path patterns need 5.9+ / 5.21+.
        assert not words & {"ASSERT", "SHORTEST"}, name
        for k, tok in enumerate(tokens[:-1]):
            if tok.kind == "word" and tok.text.upper() == "EXISTS":
                assert tokens[k + 1].text != "(", f"{name}: exists(n.prop) was removed in Neo4j 5; use IS NOT NULL"
        assert not re.search(r"\{\s*\w+\s*\}", text), f"{name}: {{param}} syntax was removed in Neo4j 4"


# --- generated statements ------------------------------------------------------------------------


def test_generated_statements_get_a_value_for_every_param(seed_rows: list[GraphRows]) -> None:
    for text, params in generated_statements(seed_rows) + schema.schema_statements():
        assert params_used(text) <= set(params), text


def _set_items(text: str) -> Iterator[list[list[Token]]]:
    """The items of each top-level SET clause."""
    tokens = tokenize(text)
    depth = _depths(tokens)
    for k, tok in enumerate(tokens):
        if depth[k] == 0 and _is_clause(tokens, k) and tok.text.upper() == "SET":
            j = k + 1
            while j < len(tokens) and not (depth[j] == 0 and _is_clause(tokens, j)):
                j += 1
            yield _split_items(tokens[k + 1:j])


def _row_keys(params: dict[str, Any], source: list[Token]) -> set[str]:
    """Keys a map-valued SET source can carry: ``r`` or ``r.props`` where r is UNWIND $rows."""
    rows = params.get("rows") or []
    if len(source) == 1:
        return {key for row in rows for key in row}
    if len(source) == 3 and source[1].text == ".":
        return {key for row in rows for key in (row.get(source[2].text) or {})}
    return {"*"}


def test_no_set_item_reads_a_property_an_earlier_item_of_the_clause_writes(seed_rows: list[GraphRows]) -> None:
    # Whether `SET n += r, n.x = f(n.x)` sees the old or the new n.x differs between engines and
    # versions (ArcadeDB changed it in 26.8; Neo4j reads the pre-SET state only for static keys):
    # compute such values in a WITH before the SET.
    for text, params in generated_statements(seed_rows):
        for items in _set_items(text):
            written: set[tuple[str, str]] = set()
            for item in items:
                eq = next(k for k, t in enumerate(item) if t.text == "=")
                target, rhs = item[:eq], item[eq + 1:]
                if target and target[-1].text == "+":
                    target = target[:-1]
                reads = {(rhs[k - 1].text, rhs[k + 1].text) for k in range(1, len(rhs) - 1)
                         if rhs[k].text == "." and rhs[k - 1].kind == "word"}
                clash = {(v, key) for v, key in reads if (v, key) in written or (v, "*") in written}
                assert not clash, f"{text}\n reads {sorted(clash)} after writing them in the same SET"
                if len(target) == 3:
                    written.add((target[0].text, target[2].text))
                else:
                    written |= {(target[0].text, key) for key in _row_keys(params, rhs)}


def _property_maps(rows: GraphRows) -> Iterator[tuple[str, dict[str, Any]]]:
    for label, by_id in rows.shared_nodes.items():
        for row in by_id.values():
            yield label.value, row
    for label, node_rows in rows.owned_nodes.items():
        for row in node_rows:
            yield label.value, row
    for (rel, _, _), rel_rows in rows.owned_rels.items():
        for row in rel_rows:
            yield rel.value, row["props"]


def test_every_property_value_is_one_neo4j_can_store(seed_rows: list[GraphRows]) -> None:
    # Neo4j stores scalars and homogeneous lists of scalars; no maps, no mixed lists, no nulls in lists.
    scalars = (str, bool, int, float)
    for rows in seed_rows:
        for where, props in _property_maps(rows):
            for key, value in props.items():
                assert value is not None, f"{where}.{key} is null"  # dropped by _clean, never stored
                if isinstance(value, list):
                    kinds = {bool if isinstance(v, bool) else (float if isinstance(v, float) else type(v)) for v in value}
                    assert all(isinstance(v, scalars) for v in value), f"{where}.{key} = {value!r}"
                    assert len(kinds) <= 1, f"{where}.{key} mixes {kinds}: {value!r}"
                else:
                    assert isinstance(value, scalars), f"{where}.{key} is a {type(value).__name__}: {value!r}"


def test_no_heterogeneous_list_literal_in_generated_cypher(seed_rows: list[GraphRows]) -> None:
    for name, text in _all_texts(seed_rows):
        for literal in re.findall(r"\[([^\[\]]*)\]", text):
            parts = [p.strip() for p in literal.split(",") if p.strip()]
            if parts and all(re.fullmatch(r"'[^']*'|\"[^\"]*\"|-?\d+(\.\d+)?|true|false", p) for p in parts):
                kinds = {"str" if p[0] in "'\"" else "bool" if p in {"true", "false"} else "num" for p in parts}
                assert len(kinds) == 1, f"{name}: mixed list literal [{literal}]"


# --- schema --------------------------------------------------------------------------------------


def test_schema_statements_use_the_neo4j_5_form_and_distinct_names() -> None:
    statements = [text for text, _ in schema.schema_statements()]
    form = re.compile(
        r"CREATE (CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:\w+\) REQUIRE n\.id IS UNIQUE"
        r"|INDEX (\w+) IF NOT EXISTS FOR \(n:\w+\) ON \(n\.\w+\))"
    )
    names = []
    for text in statements:
        m = form.fullmatch(text)
        assert m, text
        names.append(m.group(2) or m.group(3))
    # Index and constraint names share one namespace in Neo4j (a constraint's backing index takes its name).
    assert len(set(names)) == len(names), names


def test_schema_runs_one_statement_per_transaction_and_never_with_data(seed_rows: list[GraphRows]) -> None:
    class Recorder:
        name = "recorder"

        def __init__(self) -> None:
            self.transactions: list[list[tuple[str, dict[str, Any]]]] = []

        def write(self, statements: Any) -> None:
            self.transactions.append(list(statements))

    recorder = Recorder()
    schema.ensure_schema(recorder)  # type: ignore[arg-type]
    assert recorder.transactions and all(len(tx) == 1 for tx in recorder.transactions)
    for text, _ in generated_statements(seed_rows):
        words = [tok.text.upper() for tok in tokenize(text) if tok.kind == "word"]
        assert not ({"CONSTRAINT", "INDEX"} & set(words)), f"schema in a data statement: {text}"
