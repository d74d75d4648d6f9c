"""Rows into the one type the Python API returns: a pandas DataFrame shaped like the CSV.

``kg.query`` returned a DataFrame, ``kg.evidence`` and ``kg.cypher`` lists, ``kg.stats`` a
dict; a column that held numbers and gaps (``actual``, ``ratio`` of target-vs-actual) came
out as object dtype, and the ``*_display`` columns the CSV carries were missing (issue 20).
Here every call that returns rows goes through ``frame``: the columns of the CSV export
(``output.for_programs``: each figure with its ``_display`` beside it), numbers as numbers
(integers with gaps as pandas' nullable Int64, other numbers as float64 with NaN for a gap),
and the declared columns even when there is no row.
"""

from __future__ import annotations

import keyword
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from policykg.output import columns_of, for_programs

if TYPE_CHECKING:
    import pandas as pd

    from policykg.queries.catalogue import NamedQuery

Row = dict[str, Any]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def frame(rows: Sequence[Row], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A DataFrame of ``rows`` with the CSV's columns and numeric dtypes where every value is a number."""
    import pandas as pd  # here: pandas costs ~0.3 s and a CLI command needs none of it

    shaped, cols = for_programs(list(rows), columns_of(rows, columns))
    df = pd.DataFrame([{c: r.get(c) for c in cols} for r in shaped], columns=cols)
    for c in cols:
        values = [v for v in df[c] if v is not None and not (isinstance(v, float) and v != v)]
        if not values or not all(_is_number(v) for v in values):
            continue
        if all(isinstance(v, int) for v in values):
            df[c] = df[c].astype("Int64") if len(values) < len(df) else df[c].astype("int64")
        else:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    return df


def python_name(name: str) -> str:
    """A parameter as a Python keyword argument: ``from`` is ``from_``."""
    return f"{name}_" if keyword.iskeyword(name) else name


def in_python_terms(message: str, named: NamedQuery) -> str:
    """A parameter error as a Python caller reads it: ``'from'`` / ``from: int`` become ``from_``."""
    for param in named.params:
        spelt = python_name(param.name)
        if spelt != param.name:
            message = message.replace(f"'{param.name}'", f"'{spelt}'").replace(f"{param.name}: ", f"{spelt}: ")
    return message.replace("--param ", "").replace("(policykg queries)", "(kg.query)")
