"""Intake of department deliveries: schema errors in Chinese, rejected rows, versions, re-delivery, purge."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_world import make_id

from minzheng.batch.errors import (
    DeliveryFormatError,
    DeliverySchemaError,
    EmptyDeliveryError,
    UnknownDatasetError,
)
from minzheng.batch.intake import DATASETS, ExchangeStore, intake_delivery

AS_OF = dt.date(2025, 6, 30)
GOOD = make_id(1)
HEADER = "id_number,plate,vehicle_type,registered_date,purchase_price,for_disability"


@pytest.fixture
def store(tmp_path):
    return ExchangeStore(tmp_path / "exchange")


def _csv(tmp_path, text, name="vehicles.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_valid_csv_delivery_is_stored_as_parquet(tmp_path, store):
    path = _csv(
        tmp_path,
        f"{HEADER}\n{GOOD},辽F00001,car,2020-05-01,49999.50,false\n{GOOD[:-1]}{GOOD[-1].lower()},辽F2,motorcycle,2021-01-01,8000,1\n",
    )
    receipt = intake_delivery(path, "vehicles", AS_OF, store=store)
    assert (receipt.rows_total, receipt.rows_accepted, receipt.rows_rejected) == (2, 2, 0)
    table = store.accepted_rows(receipt)
    assert table.schema == DATASETS["vehicles"].schema
    assert table["purchase_price"].to_pylist() == [Decimal("49999.50"), Decimal("8000.00")]
    assert table["for_disability"].to_pylist() == [False, True]


def test_rows_with_invalid_id_numbers_are_rejected_with_row_number_and_reason(tmp_path, store):
    bad_check = GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1")
    path = _csv(
        tmp_path,
        f"{HEADER}\n{GOOD},A,car,2020-05-01,1.00,false\n{bad_check},B,car,2020-05-01,1.00,false\n"
        f"21060219801301001X,C,car,2020-05-01,1.00,false\n12345,D,car,2020-05-01,1.00,false\n",
    )
    receipt = intake_delivery(path, "vehicles", AS_OF, store=store)
    assert (receipt.rows_accepted, receipt.rows_rejected) == (1, 3)
    rejected = store.rejected_rows("vehicles").to_pylist()
    assert [r["row_number"] for r in rejected] == [2, 3, 4]
    assert "校验位错误" in rejected[0]["reason"]
    assert "出生日期无效" in rejected[1]["reason"]
    assert "格式错误" in rejected[2]["reason"]
    assert '"plate":"B"' in rejected[0]["raw_values"]


def test_unknown_address_code_is_a_warning_not_a_rejection(tmp_path, store):
    retired = make_id(7, address="219999")  # no such county: valid checksum, unknown address code
    path = _csv(tmp_path, f"{HEADER}\n{retired},A,car,2020-05-01,1.00,false\n")
    receipt = intake_delivery(path, "vehicles", AS_OF, store=store)
    assert receipt.rows_accepted == 1
    assert "地址码" in receipt.warnings[0]


def test_bad_values_are_rejected_with_every_reason(tmp_path, store):
    path = _csv(
        tmp_path,
        f"{HEADER}\n{GOOD},A,plane,2020-02-30,-5,maybe\n{GOOD},,car,2020-05-01,12.345,true\n",
    )
    receipt = intake_delivery(path, "vehicles", AS_OF, store=store)
    assert receipt.rows_rejected == 2
    first, second = (r["reason"] for r in store.rejected_rows().to_pylist())
    assert "列 vehicle_type 的值不在允许范围" in first
    assert "列 registered_date 不是有效日期" in first
    assert "列 purchase_price 不得为负数" in first
    assert "列 for_disability 应为 true 或 false" in first
    assert "列 plate 为空" in second
    assert "列 purchase_price 金额格式错误" in second


def test_missing_and_extra_columns_are_refused_with_a_chinese_message(tmp_path, store):
    path = _csv(
        tmp_path,
        f"id_number,plate,vehicle_type,registered_date,price,for_disability\n{GOOD},A,car,2020-05-01,1,false\n",
    )
    with pytest.raises(DeliverySchemaError) as error:
        intake_delivery(path, "vehicles", AS_OF, store=store)
    assert error.value.message.startswith(
        "数据集 vehicles 的列与约定不符：缺少列 purchase_price；多出未约定的列 price"
    )
    assert error.value.column == "purchase_price"


def test_parquet_with_float_money_is_refused(tmp_path, store):
    path = tmp_path / "vehicles.parquet"
    table = pa.table(
        {
            "id_number": [GOOD],
            "plate": ["A"],
            "vehicle_type": ["car"],
            "registered_date": [dt.date(2020, 5, 1)],
            "purchase_price": [50000.0],
            "for_disability": [False],
        }
    )
    pq.write_table(table, path)
    with pytest.raises(DeliverySchemaError, match=r"列 purchase_price 类型为 double.*金额不得使用浮点数"):
        intake_delivery(path, "vehicles", AS_OF, store=store)


def test_typed_parquet_delivery_is_accepted(tmp_path, store):
    path = tmp_path / "deposits.parquet"
    table = pa.table(
        {
            "id_number": [GOOD, GOOD],
            "bank": ["工商银行", "建设银行"],
            "account_type": ["current", "time"],
            "balance": pa.array([Decimal("12.3000"), Decimal("1.2345")], pa.decimal128(18, 4)),
            "as_of": [AS_OF, AS_OF],
        }
    )
    pq.write_table(table, path)
    receipt = intake_delivery(path, "deposits", AS_OF, store=store, source="icbc")
    assert (receipt.rows_accepted, receipt.rows_rejected) == (1, 1)
    assert "金额格式错误" in store.rejected_rows("deposits")["reason"][0].as_py()


@pytest.mark.parametrize("content", ["", HEADER + "\n"], ids=["empty", "header_only"])
def test_empty_delivery_is_refused(tmp_path, store, content):
    with pytest.raises(EmptyDeliveryError, match="数据集 vehicles 的交付文件"):
        intake_delivery(_csv(tmp_path, content), "vehicles", AS_OF, store=store)


def test_non_utf8_csv_is_refused(tmp_path, store):
    path = _csv(tmp_path, f"{HEADER}\n{GOOD},辽F1,car,2020-05-01,1,false\n", encoding="gbk")
    with pytest.raises(DeliveryFormatError, match="UTF-8"):
        intake_delivery(path, "vehicles", AS_OF, store=store)


def test_unknown_dataset_is_refused(tmp_path, store):
    with pytest.raises(UnknownDatasetError, match="未知的数据集：cars"):
        intake_delivery(_csv(tmp_path, HEADER), "cars", AS_OF, store=store)


def test_redelivering_the_same_file_changes_nothing(tmp_path, store):
    path = _csv(tmp_path, f"{HEADER}\n{GOOD},A,car,2020-05-01,1.00,false\n")
    first = intake_delivery(path, "vehicles", AS_OF, store=store)
    again = intake_delivery(path, "vehicles", AS_OF, store=store)
    assert again.duplicate and again.delivery_id == first.delivery_id
    assert len(store.receipts()) == 1


def test_the_same_bytes_under_a_newer_as_of_are_a_new_delivery(tmp_path, store):
    """The extract is confirmed as of the newer date: the dataset's age follows it."""
    path = _csv(tmp_path, f"{HEADER}\n{GOOD},A,car,2020-05-01,1.00,false\n")
    first = intake_delivery(path, "vehicles", AS_OF, store=store)
    newer = intake_delivery(path, "vehicles", dt.date(2025, 7, 31), store=store)
    assert not newer.duplicate and newer.delivery_id != first.delivery_id
    assert newer.as_of == dt.date(2025, 7, 31)
    assert store.snapshot().as_of["vehicles"] == dt.date(2025, 7, 31)


def test_a_refused_delivery_leaves_earlier_data_untouched(tmp_path, store):
    good = intake_delivery(
        _csv(tmp_path, f"{HEADER}\n{GOOD},A,car,2020-05-01,1.00,false\n"), "vehicles", AS_OF, store=store
    )
    before = sorted(p.relative_to(store.root) for p in store.root.rglob("*"))
    bad = _csv(tmp_path, "id_number,plate\n1,2\n", name="bad.csv")
    with pytest.raises(DeliverySchemaError):
        intake_delivery(bad, "vehicles", dt.date(2025, 7, 31), store=store)
    assert sorted(p.relative_to(store.root) for p in store.root.rglob("*")) == before
    assert store.snapshot().tables["vehicles"] == [good.path / "accepted.parquet"]


def test_snapshot_takes_the_latest_delivery_of_each_source(tmp_path, store):
    def deliver(text, as_of, source):
        return intake_delivery(
            _csv(tmp_path, text, name=f"{source}{as_of}.csv"), "deposits", as_of, store=store, source=source
        )

    header = "id_number,bank,account_type,balance,as_of"
    deliver(f"{header}\n{GOOD},工行,current,1.00,2025-05-31\n", dt.date(2025, 5, 31), "icbc")
    june = deliver(f"{header}\n{GOOD},工行,current,2.00,2025-06-30\n", dt.date(2025, 6, 30), "icbc")
    ccb = deliver(f"{header}\n{GOOD},建行,current,3.00,2025-04-30\n", dt.date(2025, 4, 30), "ccb")
    snapshot = store.snapshot()
    assert sorted(snapshot.tables["deposits"]) == sorted(
        [june.path / "accepted.parquet", ccb.path / "accepted.parquet"]
    )
    # "a dataset whose latest delivery is older than max_data_age_days" (precise readings): the latest
    assert snapshot.as_of["deposits"] == dt.date(2025, 6, 30)
    assert store.snapshot(cutoff=dt.date(2025, 5, 31)).as_of["deposits"] == dt.date(2025, 5, 31)


def test_purge_removes_old_superseded_deliveries_and_old_raw_files(tmp_path, store):
    header = "id_number,bank,account_type,balance,as_of"
    old = intake_delivery(
        _csv(tmp_path, f"{header}\n{GOOD},工行,current,1.00,2025-05-31\n", name="a.csv"),
        "deposits",
        dt.date(2025, 5, 31),
        store=store,
    )
    new = intake_delivery(
        _csv(tmp_path, f"{header}\n{GOOD},工行,current,2.00,2025-06-30\n", name="b.csv"),
        "deposits",
        dt.date(2025, 6, 30),
        store=store,
    )
    stamp = (dt.datetime.now() - dt.timedelta(days=400)).timestamp()
    for receipt in (old, new):  # pretend both arrived long ago
        path = receipt.path / "receipt.json"
        path.write_text(
            path.read_text(encoding="utf-8").replace(str(receipt.received_at.year), "2024", 1),
            encoding="utf-8",
        )
        os.utime(path, (stamp, stamp))
    touched = store.purge(retention_days=365)
    assert sorted(touched) == sorted([old.delivery_id, new.delivery_id])
    assert not old.path.exists()
    assert (new.path / "accepted.parquet").exists() and not list(new.path.glob("raw.*"))
    assert store.purge(retention_days=365) == []


def test_a_ragged_row_is_a_rejected_row_with_its_number_and_the_file_is_kept(tmp_path, store):
    """Precise readings: one bad row never refuses a file."""
    text = (
        f"{HEADER}\n{GOOD},A1,car,2020-05-01,1.00,false\n{GOOD},A2,car\n"
        f"{GOOD},A3,car,2020-05-01,1.00,false,extra\n{GOOD},A4,car,2020-05-01,2.00,false\n"
    )
    receipt = intake_delivery(_csv(tmp_path, text), "vehicles", AS_OF, store=store)
    assert (receipt.rows_total, receipt.rows_accepted, receipt.rows_rejected) == (4, 2, 2)
    rejected = store.rejected_rows_of(receipt).to_pylist()
    assert [r["row_number"] for r in rejected] == [2, 3]
    assert rejected[0]["reason"] == "列数不符：应为 6 列，实际为 3 列"
    assert [r["plate"] for r in store.accepted_rows(receipt).to_pylist()] == ["A1", "A4"]


def test_rows_dated_after_the_delivery_and_negative_amounts_are_rejected(tmp_path, store):
    """Precise readings: a row dated after its delivery's as_of, and a negative amount (except tax_income
    corrections), are rejected at intake with a reason."""
    text = (
        "id_number,bank,account_type,balance,as_of\n"
        f"{GOOD},工行,current,10.00,2025-06-30\n{GOOD},工行,current,10.00,2026-01-31\n"
        f"{GOOD},工行,time,-0.01,2025-06-30\n"
    )
    receipt = intake_delivery(_csv(tmp_path, text, name="d.csv"), "deposits", AS_OF, store=store)
    reasons = [r["reason"] for r in store.rejected_rows_of(receipt).to_pylist()]
    assert reasons == ["列 as_of 晚于交付基准日 2025-06-30：2026-01-31", "列 balance 不得为负数：-0.01"]
    tax = f"id_number,month,category,amount\n{GOOD},2025-05,wage,-12.00\n{GOOD},2025-07,wage,1.00\n"
    receipt = intake_delivery(_csv(tmp_path, tax, name="t.csv"), "tax_income", AS_OF, store=store)
    assert receipt.rows_accepted == 1  # the correction stays; next month's row does not
    assert "晚于交付基准日所在月份 2025-06" in store.rejected_rows_of(receipt)["reason"][0].as_py()


def test_an_excel_workbook_sent_as_csv_is_named_without_binary_noise(tmp_path, store):
    import xlsxwriter

    path = tmp_path / "deposits.csv"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet().write_row(0, 0, ["id_number", "bank"])
    book.close()
    with pytest.raises(DeliveryFormatError) as error:
        intake_delivery(path, "deposits", AS_OF, store=store)
    assert "Excel 工作簿" in error.value.message and "UTF-8" in error.value.message
    assert error.value.message.isprintable()


def test_a_pension_extract_without_the_kind_column_counts_as_retirement(tmp_path, store):
    """exchange/1.1: pension.kind is optional; absent or empty = retirement (离退休金)."""
    old = intake_delivery(
        _csv(tmp_path, f"id_number,month,amount\n{GOOD},2025-05,100.00\n", name="p.csv"),
        "pension",
        AS_OF,
        store=store,
    )
    new = intake_delivery(
        _csv(
            tmp_path,
            f"id_number,month,amount,kind\n{GOOD},2025-05,1.00,\n{GOOD},2025-05,2.00,basic_resident\n",
            name="q.csv",
        ),
        "pension",
        AS_OF,
        store=store,
        source="rsj2",
    )
    assert store.accepted_rows(old)["kind"].to_pylist() == ["retirement"]
    assert store.accepted_rows(new)["kind"].to_pylist() == ["retirement", "basic_resident"]
