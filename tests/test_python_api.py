"""One Python return type (issue 20, "Why" 8): every ``kg`` call that returns rows gives a DataFrame.

Numbers are numbers (``actual`` and ``ratio`` of target-vs-actual were object dtype), the
columns are the CSV export's (each figure with its ``_display``), and a parameter error
names parameters as Python spells them (``from_``, not ``from:``). On the five sample
plans in a real embedded store.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from store_params import loaded

from policykg.kg import KnowledgeGraph
from policykg.output import to_csv
from policykg.queries import BadParameter

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    yield from loaded(KnowledgeGraph.open(tmp_path_factory.mktemp("python-api")), [PLANS])


def test_target_vs_actual_has_numeric_columns_and_the_csv_columns(kg: KnowledgeGraph) -> None:
    df = kg.query("target-vs-actual", region="浙江省")
    assert str(df["actual"].dtype) == "float64" and str(df["ratio"].dtype) == "float64"
    assert str(df["target"].dtype) == "float64" or str(df["target"].dtype) == "int64"
    assert df["actual"].isna().any() and df["actual"].notna().any()  # gaps are NaN, not None in an object column
    from policykg.queries import get_query

    header = next(csv.reader(io.StringIO(to_csv(kg.query_rows("target-vs-actual", {"region": "浙江省"}),
                                                list(get_query("target-vs-actual").columns)))))
    assert list(df.columns) == header
    assert "target_display" in df.columns and "actual_display" in df.columns
    row = df[(df["indicator"] == "技术交易额") & (df["year"] == 2021)].iloc[0]
    assert (row["target_display"], row["actual_display"]) == ("1000亿元", "1157亿元")


def test_every_call_that_returns_rows_returns_a_dataframe(kg: KnowledgeGraph) -> None:
    evidence = kg.evidence("doc-6c90a7d6afc0752d-g0")
    cypher = kg.cypher("MATCH (u:Unit) RETURN u.name AS name, COUNT { (u)-[:LEADS]->() } AS tasks ORDER BY tasks DESC LIMIT 3")
    stats = kg.stats()
    collaboration = kg.collaboration("lead")
    for df in (evidence, cypher, stats, collaboration, kg.query("units-leading-most-tasks")):
        assert isinstance(df, pd.DataFrame)
    assert evidence["sentence"][0].startswith("力争2015年")
    assert str(cypher["tasks"].dtype) == "int64"
    assert list(stats.columns) == ["kind", "name", "count"]
    assert int(stats[(stats["kind"] == "nodes") & (stats["name"] == "Document")]["count"].iloc[0]) == 5
    assert kg.counts()["nodes"]["Document"] == 5  # the same counts as plain dicts
    assert kg.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 5}]  # rows as dicts, for programs


def test_an_empty_result_keeps_the_declared_columns(kg: KnowledgeGraph) -> None:
    df = kg.query("target-evolution", indicator="no such indicator")
    assert df.empty and "value_display" in df.columns and "year" in df.columns


def test_parameter_errors_name_parameters_as_python_spells_them(kg: KnowledgeGraph) -> None:
    with pytest.raises(BadParameter) as caught:
        kg.query("target-evolution", indicator="技术交易额", form_=2015)
    message = str(caught.value)
    assert "from_: int" in message and "from: int" not in message
    with pytest.raises(BadParameter, match="'from_' must be int"):
        kg.query("target-evolution", indicator="技术交易额", from_="soon")
