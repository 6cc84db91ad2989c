"""Households around every threshold, delivered the way departments deliver: files through intake into the
exchange store (several sources, superseded deliveries, repeated rows, rows intake must reject), then the
snapshot the platform takes on the request date. Shared by the oracle property test and the DuckDB–Spark
equivalence test, so both go through the real store."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
from batch_world import DIVISION, make_id
from hypothesis import strategies as st
from oracle import Delivery

from minzheng.batch.intake import DATASETS, ExchangeStore, intake_delivery
from minzheng.batch.verification import REQUESTS_SCHEMA

REQUEST_DATE = dt.date(2025, 7, 15)  # income window 2024-07 … 2025-06
DELIVERED = dt.date(2025, 7, 1)
DIBAO = Decimal("663.00")
D = dt.date


def rarely(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """None three times in four: disqualifiers are rare enough for the thresholds to decide."""
    return st.one_of(st.none(), st.none(), st.none(), strategy)


def _money(value: int) -> Decimal:
    return Decimal(value) / 100


# yearly income per member, in 分: at and around the 低保 line (663 × 12) and the 低保边缘 line (994.50 × 12)
yearly_income = st.one_of(
    st.integers(795_580, 795_620), st.integers(1_193_380, 1_193_420), st.integers(0, 900_000)
)
# one account's balance in 分, around a one-member household's asset limit (24 × 663 = 15,912.00)
balance = st.one_of(st.integers(1_591_180, 1_591_220), st.integers(0, 1_000_000))


@st.composite
def member_data(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "income": draw(yearly_income),
        "late_income": draw(
            st.sampled_from([False] * 4 + [True])
        ),  # a month outside the window (the request month)
        "pension": draw(
            rarely(
                st.tuples(
                    st.integers(0, 200_000), st.sampled_from([None, "retirement", "basic_resident", "other"])
                )
            )
        ),
        "accounts": draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["工行", "建行"]),
                    st.sampled_from(["current", "time"]),
                    st.lists(
                        st.tuples(st.sampled_from([D(2025, 3, 31), D(2025, 6, 30)]), balance),
                        min_size=1,
                        max_size=2,
                    ),
                ),
                max_size=1,
                unique_by=lambda a: (a[0], a[1]),
            )
        ),
        "repeat_deposit": draw(st.booleans()),  # the same statement delivered by a second source too
        "securities": draw(rarely(balance)),
        "housing_fund": draw(rarely(balance)),
        "vehicle": draw(
            rarely(
                st.tuples(
                    st.sampled_from(["50000.00", "50000.01", "90000.00"]),
                    st.sampled_from(["car", "motorcycle", "truck"]),
                    st.booleans(),
                    st.booleans(),  # the same vehicle delivered twice
                )
            )
        ),
        "property": draw(
            rarely(
                st.tuples(
                    st.sampled_from(["0.5", "0.5001", "1", "0.4999", "0.6"]),
                    st.sampled_from(["residential", "residential", "commercial"]),
                )
            )
        ),
        "business": draw(
            rarely(
                st.tuples(
                    st.sampled_from(["100000.00", "100000.01"]),
                    st.sampled_from(["legal_rep", "owner", "shareholder"]),
                    st.sampled_from(["active", "closed"]),
                )
            )
        ),
        "status": draw(st.sampled_from(["normal"] * 18 + ["deceased", "moved_out"])),
        "bad_row": draw(st.sampled_from([None] * 18 + ["negative", "future"])),
    }


@st.composite
def household_data(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "program": draw(st.sampled_from(["dibao", "dibao_edge"])),
        "members": draw(st.lists(member_data(), min_size=1, max_size=3)),
    }


world_data = st.fixed_dictionaries(
    {
        "households": st.lists(household_data(), min_size=1, max_size=10),
        # 90 days before the request is fresh enough, 91 is stale; the others are recent
        "tax_income_as_of": st.sampled_from([DELIVERED, D(2025, 4, 16), D(2025, 4, 15)]),
        "superseded_delivery": st.booleans(),
    }
)


class StoreWorld:
    """Builds the requests and the deliveries from drawn data."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.requests: list[dict[str, Any]] = []
        self.members: dict[str, list[str]] = {}
        self.programs: dict[str, str] = {}
        self.deliveries: list[Delivery] = []
        self._rows: dict[tuple[str, str, dt.date], list[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        for i, household in enumerate(data["households"]):
            self._household(f"R{i}", household)
        for name in DATASETS:
            if name not in (
                "asset_flags",
                "social_insurance",
                "medical_bills",
                "disability_cert",
                "disaster_loss",
            ):
                self._rows.setdefault((name, "main", DELIVERED), [])
        if data["superseded_delivery"]:
            # an older extract of the same source, superseded by the current one: never counted
            for member in itertools.chain(*self.members.values()):
                self._add(
                    "deposits",
                    "icbc",
                    D(2025, 3, 31),
                    id_number=member,
                    bank="工行",
                    account_type="current",
                    balance=Decimal("999999.00"),
                    as_of=D(2025, 3, 31),
                )
        tax_as_of = data["tax_income_as_of"]
        if tax_as_of != DELIVERED:
            self._rows[("tax_income", "main", tax_as_of)] = self._rows.pop(("tax_income", "main", DELIVERED))
            for row in self._rows[("tax_income", "main", tax_as_of)]:
                row["month"] = min(row["month"], tax_as_of.strftime("%Y-%m"))
        self.deliveries = [Delivery(d, s, a, rows) for (d, s, a), rows in self._rows.items()]

    def _add(self, dataset: str, source: str, delivered: dt.date, /, **row: Any) -> None:
        self._rows.setdefault((dataset, source, delivered), []).append(row)

    def _person(self) -> str:
        sequence = next(self._ids)
        return make_id(sequence, birth=f"{1950 + sequence // 1000:04d}0101")

    def _household(self, request_id: str, household: dict[str, Any]) -> None:
        ids = []
        for member in household["members"]:
            id_number = self._person()
            ids.append(id_number)
            self._member(id_number, member)
            self.requests.append(
                {
                    "request_id": request_id,
                    "household_id": f"H-{request_id}",
                    "division_code": DIVISION,
                    "request_date": REQUEST_DATE,
                    "program": household["program"],
                    "id_number": id_number,
                }
            )
        self.members[request_id] = ids
        self.programs[request_id] = household["program"]

    def _member(self, id_number: str, m: dict[str, Any]) -> None:
        main = ("main", DELIVERED)
        self._add(
            "hukou",
            *main,
            id_number=id_number,
            name="成员",
            sex=1,
            birth_date=D(1970, 1, 1),
            hukou_code=DIVISION,
            status=m["status"],
            status_date=None if m["status"] == "normal" else D(2025, 6, 1),
        )
        total = m["income"]
        each = total // 12
        for i in range(12):
            month = f"{2024 + (6 + i) // 12:04d}-{(6 + i) % 12 + 1:02d}"
            self._add(
                "tax_income",
                *main,
                id_number=id_number,
                month=month,
                category="wage",
                amount=_money(each + (total - each * 12 if i == 0 else 0)),
            )
        if m["late_income"]:
            self._add(
                "tax_income",
                *main,
                id_number=id_number,
                month="2025-07",
                category="wage",
                amount=Decimal("99999.00"),
            )
        if m["pension"] is not None:
            amount, kind = m["pension"]
            self._add(
                "pension", *main, id_number=id_number, month="2025-03", amount=_money(amount), kind=kind
            )
        for bank, account_type, statements in m["accounts"]:
            source = "icbc" if bank == "工行" else "ccb"
            for as_of, value in statements:
                row = {
                    "id_number": id_number,
                    "bank": bank,
                    "account_type": account_type,
                    "balance": _money(value),
                    "as_of": as_of,
                }
                self._add("deposits", source, DELIVERED, **row)
                if m["repeat_deposit"]:
                    self._add("deposits", "unionpay", DELIVERED, **row)
        if m["securities"] is not None:
            self._add(
                "securities",
                *main,
                id_number=id_number,
                kind="fund",
                market_value=_money(m["securities"]),
                as_of=D(2025, 6, 30),
            )
        if m["housing_fund"] is not None:
            self._add(
                "housing_fund",
                *main,
                id_number=id_number,
                as_of=D(2025, 6, 30),
                balance=_money(m["housing_fund"]),
                monthly_deposit=Decimal("300.00"),
            )
        if m["vehicle"] is not None:
            price, kind, for_disability, twice = m["vehicle"]
            row = {
                "id_number": id_number,
                "plate": f"辽F{id_number[-5:]}",
                "vehicle_type": kind,
                "registered_date": D(2020, 1, 1),
                "purchase_price": Decimal(price),
                "for_disability": for_disability,
            }
            self._add("vehicles", *main, **row)
            if twice:
                self._add("vehicles", "archive", DELIVERED, **row)
        if m["property"] is not None:
            share, usage = m["property"]
            self._add(
                "real_estate",
                *main,
                id_number=id_number,
                property_id=f"P{id_number[-6:]}",
                usage=usage,
                area_m2=Decimal("60.00"),
                share=Decimal(share),
                registered_date=D(2010, 5, 1),
            )
        if m["business"] is not None:
            capital, role, status = m["business"]
            self._add(
                "business",
                *main,
                id_number=id_number,
                uscc="91210600MA0U000000",
                role=role,
                registered_capital=Decimal(capital),
                status=status,
            )
        if m["status"] == "deceased":
            self._add("deaths", *main, id_number=id_number, death_date=D(2025, 6, 1))
        if m["bad_row"] == "negative":
            self._add(
                "deposits",
                "icbc",
                DELIVERED,
                id_number=id_number,
                bank="工行",
                account_type="time",
                balance=Decimal("-5.00"),
                as_of=D(2025, 6, 30),
            )
        elif m["bad_row"] == "future":
            self._add(
                "securities",
                *main,
                id_number=id_number,
                kind="stock",
                market_value=Decimal("1.00"),
                as_of=D(2025, 8, 1),
            )

    def deliver(self, store: ExchangeStore, directory: Path) -> None:
        """Every delivery as a CSV file through intake, oldest first (as departments would send them)."""
        for n, delivery in enumerate(sorted(self.deliveries, key=lambda d: d.as_of)):
            schema = DATASETS[delivery.dataset].schema
            rows = delivery.rows
            if delivery.dataset == "pension" and all(r.get("kind") is None for r in rows):
                schema = pa.schema([f for f in schema if f.name != "kind"])  # an extract without the column
            if not rows:
                table = schema.empty_table()
            else:
                table = pa.Table.from_pylist(
                    [{k: r.get(k) for k in schema.names} for r in rows], schema=schema
                )
            path = directory / f"{n:03d}-{delivery.dataset}.csv"
            pacsv.write_csv(table, path)
            if table.num_rows == 0:
                path.write_text(
                    ",".join(schema.names) + "\n" + placeholder_csv_line(delivery.dataset), encoding="utf-8"
                )
            intake_delivery(path, delivery.dataset, delivery.as_of, store=store, source=delivery.source)

    def requests_table(self) -> pa.Table:
        return pa.Table.from_pylist(self.requests, schema=REQUESTS_SCHEMA)


def placeholder_csv_line(dataset: str) -> str:
    """A delivery about nobody in the world (departments deliver whole extracts, never empty files)."""
    someone = make_id(999, address="110101")
    rows = {
        "hukou": f"{someone},外地,1,1970-01-01,110101001001,normal,",
        "tax_income": f"{someone},2025-01,wage,1.00",
        "pension": f"{someone},2025-01,1.00,retirement",
        "unemployment": f"{someone},2025-01-01,2025-01,1.00",
        "housing_fund": f"{someone},2025-06-30,1.00,1.00",
        "deposits": f"{someone},工行,current,1.00,2025-06-30",
        "securities": f"{someone},fund,1.00,2025-06-30",
        "insurance_policies": f"{someone},寿险,1.00,2025-06-30",
        "real_estate": f"{someone},X1,residential,50.00,1,2010-01-01",
        "vehicles": f"{someone},京A1,car,2010-01-01,1.00,false",
        "business": f"{someone},91110000MA0000000X,owner,1.00,closed",
        "deaths": f"{someone},2020-01-01",
        "asset_flags": f"{someone},外地银行,false,2025-06-30",
    }
    return rows[dataset] + "\n"
