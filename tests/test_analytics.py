"""Collaboration analytics on graphs written by hand: no store involved."""

from __future__ import annotations

import networkx as nx
import pytest

from policykg.queries.analytics import centrality, collaboration_table, communities
from policykg.queries.graphs import pairs_to_graph

# Two tight triangles joined through 高新处 -- 成果处: the bridge carries all the betweenness.
PAIRS = [
    {"id_a": "a", "unit_a": "高新处", "agency_a": "省科技厅", "id_b": "b", "unit_b": "计财处", "agency_b": "省科技厅", "tasks": 4},
    {"id_a": "a", "unit_a": "高新处", "agency_a": "省科技厅", "id_b": "c", "unit_b": "法规处", "agency_b": "省科技厅", "tasks": 2},
    {"id_a": "b", "unit_a": "计财处", "agency_a": "省科技厅", "id_b": "c", "unit_b": "法规处", "agency_b": "省科技厅", "tasks": 2},
    {"id_a": "a", "unit_a": "高新处", "agency_a": "省科技厅", "id_b": "d", "unit_b": "成果处", "agency_b": "省科技厅", "tasks": 1},
    {"id_a": "d", "unit_a": "成果处", "agency_a": "省科技厅", "id_b": "e", "unit_b": "农村处", "agency_b": "省科技厅", "tasks": 3},
    {"id_a": "d", "unit_a": "成果处", "agency_a": "省科技厅", "id_b": "f", "unit_b": "社发处", "agency_b": "省科技厅", "tasks": 3},
    {"id_a": "e", "unit_a": "农村处", "agency_a": "省科技厅", "id_b": "f", "unit_b": "社发处", "agency_b": "省科技厅", "tasks": 3},
]


def test_pairs_become_a_weighted_graph_keyed_by_id() -> None:
    graph = pairs_to_graph(PAIRS + [{**PAIRS[0], "tasks": 1}])  # a repeated pair adds weight
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 7
    assert graph.nodes["a"] == {"name": "高新处", "group": "省科技厅"}
    assert graph["a"]["b"]["weight"] == 5


def test_the_bridge_units_are_the_most_between() -> None:
    scores = centrality(pairs_to_graph(PAIRS))
    ranked = sorted(scores, key=lambda n: -scores[n]["betweenness"])
    assert set(ranked[:2]) == {"a", "d"}
    assert scores["b"]["betweenness"] == 0
    assert scores["a"]["degree_centrality"] == pytest.approx(3 / 5)
    assert scores["a"]["betweenness"] == pytest.approx(0.6)  # 6 of the 10 pairs of other units pass through it


def test_communities_are_the_two_triangles() -> None:
    found = communities(pairs_to_graph(PAIRS))
    assert sorted(map(sorted, found)) == [["a", "b", "c"], ["d", "e", "f"]]


def test_collaboration_table_rows() -> None:
    rows = collaboration_table(pairs_to_graph(PAIRS))
    assert [r["unit"] for r in rows[:2]] == ["成果处", "高新处"]  # equal betweenness and tasks: by name
    top = next(r for r in rows if r["unit"] == "高新处")
    assert top == {"unit": "高新处", "agency": "省科技厅", "community": top["community"], "partners": 3,
                   "shared_tasks": 7, "degree_centrality": 0.6, "betweenness": 0.6, "id": "a"}
    assert {r["community"] for r in rows} == {1, 2}


def test_empty_and_edgeless_graphs() -> None:
    assert collaboration_table(nx.Graph()) == []
    lonely = nx.Graph()
    lonely.add_node("x", name="监察室")
    assert communities(lonely) == [{"x"}]
    assert collaboration_table(lonely)[0]["partners"] == 0
