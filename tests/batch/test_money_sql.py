"""Money in the job's SQL is exact: per-capita division on integer 分 rounds like Decimal ROUND_HALF_UP."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import duckdb
import sqlglot
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.batch.sql_fragments import cents, from_cents, round_div

_AMOUNTS = st.decimals(min_value=Decimal("-9999999.99"), max_value=Decimal("99999999.99"), places=2)


@settings(max_examples=50, deadline=None)
@given(pairs=st.lists(st.tuples(_AMOUNTS, st.integers(min_value=1, max_value=72)), min_size=1, max_size=40))
def test_per_capita_division_rounds_half_up_to_the_fen(pairs):
    values = ", ".join(f"(CAST('{amount}' AS DECIMAL(18,2)), {divisor})" for amount, divisor in pairs)
    sql = f"SELECT {from_cents(round_div(cents('total'), 'divisor'))} FROM (VALUES {values}) AS t(total, divisor)"
    # through sqlglot exactly as the job's steps are, so the fragment is what both engines run
    rendered = sqlglot.parse_one(sql, read="duckdb").sql("duckdb")
    got = [row[0] for row in duckdb.sql(rendered).fetchall()]
    expected = [
        (amount / divisor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for amount, divisor in pairs
    ]
    assert got == expected
