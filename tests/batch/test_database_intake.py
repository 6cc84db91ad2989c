"""Deliveries from a database table (a table in a separate SQLite file here; PostgreSQL in
tests/verification/test_database_deliveries.py): the same checks, rejected rows, versions and no-op on
re-delivery as files, and nothing stored when the table is wrong."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from batch_world import make_id

from minzheng.batch.errors import DeliveryFormatError, DeliverySchemaError, EmptyDeliveryError
from minzheng.batch.intake import DATASETS, ExchangeStore, intake_database_table

AS_OF = dt.date(2025, 6, 30)
GOOD, OTHER = make_id(1), make_id(2)
BAD_CHECK = GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1")
DDL = """CREATE TABLE deposits (id_number TEXT, bank TEXT, account_type TEXT, balance NUMERIC(18,2),
         as_of DATE)"""
ROWS = [
    (GOOD, "工商银行", "current", "1200.50", "2025-06-30"),
    (OTHER, "农业银行", "time", 30000, "2025-06-30"),  # an integer amount is a valid amount
    (BAD_CHECK, "工商银行", "current", "10.00", "2025-06-30"),
    (GOOD, "建设银行", "savings", "1.00", "2025-06-31"),
]


@pytest.fixture
def store(tmp_path):
    return ExchangeStore(tmp_path / "exchange")


def database(tmp_path, rows=ROWS, ddl=DDL, name="bank.sqlite3") -> str:
    path = tmp_path / name
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE IF EXISTS deposits")
        connection.execute(ddl)
        connection.executemany("INSERT INTO deposits VALUES (?, ?, ?, ?, ?)", rows)
    return f"sqlite:///{path}"


def take(url, store, table="deposits", as_of=AS_OF):
    return intake_database_table(url, table, "deposits", as_of, store=store, connection_name="bank")


def test_a_table_is_taken_in_like_a_file_with_its_bad_rows_rejected(tmp_path, store):
    receipt = take(database(tmp_path), store)
    assert (receipt.rows_total, receipt.rows_accepted, receipt.rows_rejected) == (4, 2, 2)
    assert receipt.original_name == "bank:deposits"
    accepted = store.accepted_rows(receipt)
    assert accepted.schema == DATASETS["deposits"].schema
    assert sorted(accepted["balance"].to_pylist()) == [Decimal("1200.50"), Decimal("30000.00")]
    reasons = " ".join(store.rejected_rows_of(receipt)["reason"].to_pylist())
    assert "校验位" in reasons and "account_type" in reasons and "不是有效日期" in reasons


def test_the_same_content_again_is_a_no_op_whatever_order_the_database_returns(tmp_path, store):
    first = take(database(tmp_path), store)
    again = take(database(tmp_path, rows=list(reversed(ROWS))), store)
    assert again.duplicate and again.delivery_id == first.delivery_id
    assert len(store.receipts("deposits")) == 1


def test_changed_content_is_a_new_version_by_as_of(tmp_path, store):
    take(database(tmp_path), store)
    later = take(database(tmp_path, rows=ROWS[:1]), store, as_of=dt.date(2025, 7, 31))
    assert not later.duplicate
    snapshot = store.snapshot(cutoff=dt.date(2025, 7, 31))
    assert snapshot.as_of["deposits"] == dt.date(2025, 7, 31)
    assert [p.parent.name for p in snapshot.tables["deposits"]] == [later.delivery_id]
    assert store.snapshot(cutoff=AS_OF).as_of["deposits"] == AS_OF


def test_a_wrong_table_changes_nothing_and_says_why_in_chinese(tmp_path, store):
    good = take(database(tmp_path), store)
    missing_column = database(
        tmp_path, ddl="CREATE TABLE deposits (id_number, bank, account_type, balance, x)"
    )
    with pytest.raises(DeliverySchemaError, match="缺少列 as_of") as error:
        take(missing_column, store)
    assert error.value.column == "as_of"
    floats = database(
        tmp_path,
        ddl="CREATE TABLE deposits (id_number TEXT, bank TEXT, account_type TEXT, balance REAL, as_of DATE)",
    )
    with pytest.raises(DeliverySchemaError, match="金额不得使用浮点数"):
        take(floats, store)
    with pytest.raises(DeliveryFormatError, match="不存在"):
        take(database(tmp_path), store, table="no_such_table")
    with pytest.raises(DeliveryFormatError, match="表名不合法"):
        take(database(tmp_path), store, table="deposits; DROP TABLE deposits")
    with pytest.raises(EmptyDeliveryError):
        take(database(tmp_path, rows=[]), store)
    assert [r.delivery_id for r in store.receipts()] == [good.delivery_id]


def test_connection_failures_do_not_reveal_the_url(store):
    url = "postgresql+psycopg://reader:s3cret-pw@127.0.0.1:1/exchange"
    with pytest.raises(DeliveryFormatError) as error:
        take(url, store)
    assert "s3cret" not in error.value.message and "127.0.0.1" not in error.value.message
    assert "bank" in error.value.message
