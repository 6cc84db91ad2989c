"""Payments with one seeded case of every anomaly (and near misses), delivered department data going through
the real exchange store, and an oracle written from the checks' text. Shared by the engine tests."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
from stdnum.cn import ric

from minzheng.batch.fundchecks import PAYMENTS_SCHEMA
from minzheng.batch.intake import DATASETS, ExchangeStore, intake_delivery

D = dt.date
JANUARY = dt.date(2026, 1, 1)
NAMES = {"dibao_urban": "城市低保", "tekun": "特困供养", "dibao_rural": "农村低保"}
EXCLUSIONS = [("dibao_urban", "tekun")]


def make_id(sequence: int, birth: str = "19600101") -> str:
    body = f"210602{birth}{sequence % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def payments_world() -> list[dict]:
    """Twelve people × three months of 城市低保 in 元宝区 (payer 2106 02), with the anomalies seeded."""
    rows = []
    pid = 0

    def pay(n, program="dibao_urban", month=JANUARY, amount="500.00", enrolled="500.00", **kw):
        nonlocal pid
        pid += 1
        rows.append(
            {
                "payment_id": pid,
                "program_code": program,
                "program_name": NAMES[program],
                "month": month,
                "id_number": make_id(n),
                "household_key": kw.get("household", f"H{n}"),
                "division_code": kw.get("division", "210602002001"),
                "payer_prefix": "210602",
                "bank_account": kw.get("account", f"6230{n:012d}"),
                "amount": Decimal(amount),
                "enrolled_amount": None if enrolled is None else Decimal(enrolled),
            }
        )

    for month in (D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)):
        for n in range(1, 13):
            pay(n, month=month)
    pay(2, month=D(2026, 2, 1))  # person 2 paid twice in February
    pay(3, program="tekun", month=D(2026, 3, 1), amount="900.00", enrolled="900.00")  # 低保 and 特困
    pay(4, program="dibao_rural", month=D(2026, 3, 1))  # not an excluded pair: no finding
    pay(20, account=f"6230{5:012d}", household="H20")  # another household into person 5's account
    pay(21, amount="550.00")  # differs from the enrolment
    pay(22, enrolled=None)  # no enrolment amount known: no finding
    pay(23, division="210603001001")  # lives in 振兴区
    return rows


def department_rows() -> dict[str, list[dict]]:
    return {
        # person 1 died in January: February and March are after death; person 6 died on 1 March: paid for March
        "deaths": [
            {"id_number": make_id(1), "death_date": "2026-01-20"},
            {"id_number": make_id(6), "death_date": "2026-02-28"},
            {"id_number": make_id(7), "death_date": "2026-03-31"},  # dies in the last month: nothing
        ],
        "vehicles": [
            {"id_number": make_id(8), "plate": "辽F12345", "vehicle_type": "car", "registered_date": "2025-05-01",
             "purchase_price": "180000.00", "for_disability": "false"},
            {"id_number": make_id(9), "plate": "辽F54321", "vehicle_type": "car", "registered_date": "2025-05-01",
             "purchase_price": "180000.00", "for_disability": "true"},
            {"id_number": make_id(10), "plate": "辽F00001", "vehicle_type": "car", "registered_date": "2025-05-01",
             "purchase_price": "100000.00", "for_disability": "false"},
        ],
        "business": [
            {"id_number": make_id(11), "uscc": "91210602MA0000001X", "role": "legal_rep",
             "registered_capital": "500000.00", "status": "active"},
            {"id_number": make_id(12), "uscc": "91210602MA0000002X", "role": "legal_rep",
             "registered_capital": "500000.00", "status": "closed"},
        ],
    }  # fmt: skip


def deliver(root: Path) -> ExchangeStore:
    store = ExchangeStore(root=root / "exchange")
    for dataset, rows in department_rows().items():
        path = root / f"{dataset}.csv"
        schema = DATASETS[dataset].schema
        table = pa.Table.from_pylist(rows, schema=pa.schema([(n, pa.string()) for n in schema.names]))
        pacsv.write_csv(table, path)
        intake_delivery(path, dataset, D(2026, 4, 1), store=store)
    return store


def payments_table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=PAYMENTS_SCHEMA)


def oracle(rows: list[dict]) -> set[tuple[str, int]]:
    """(check, payment id) pairs, from the checks' text with plain loops."""
    found: set[tuple[str, int]] = set()
    deaths = {make_id(1): D(2026, 1, 20), make_id(6): D(2026, 2, 28), make_id(7): D(2026, 3, 31)}
    by_key = defaultdict(list)
    accounts = defaultdict(set)
    for r in rows:
        if r["id_number"] in deaths and deaths[r["id_number"]] < r["month"]:
            found.add(("paid_after_death", r["payment_id"]))
        by_key[(r["id_number"], r["program_code"], r["month"])].append(r["payment_id"])
        accounts[(r["bank_account"], r["month"])].add(r["household_key"])
        if r["enrolled_amount"] is not None and r["amount"] != r["enrolled_amount"]:
            found.add(("amount_mismatch", r["payment_id"]))
        if not r["division_code"].startswith(r["payer_prefix"]):
            found.add(("outside_jurisdiction", r["payment_id"]))
        if r["id_number"] == make_id(8):
            found.add(("vehicle_over_limit", r["payment_id"]))
        if r["id_number"] == make_id(11):
            found.add(("business_over_limit", r["payment_id"]))
    for ids in by_key.values():
        found |= {("duplicate_in_program", i) for i in sorted(ids)[1:]}
    for r in rows:
        if len(accounts[(r["bank_account"], r["month"])]) > 1:
            found.add(("shared_account", r["payment_id"]))
        if r["program_code"] == "tekun" and (
            "dibao_urban"
            in {
                s["program_code"]
                for s in rows
                if s["id_number"] == r["id_number"] and s["month"] == r["month"]
            }
        ):
            found.add(("exclusive_programs", r["payment_id"]))
    return found
