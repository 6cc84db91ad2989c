"""演示用部门数据: synthetic department deliveries for the demo population, so a new installation can
try 家庭经济状况核对 at once. Seeded (same seed and month, same bytes — so re-running is a no-op), skewed like
real data (most people have small deposits, a few large; some own cars, businesses, second homes), and
delivered through the same intake as real files. Nothing here is real personal data."""

import datetime as dt
import random
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from minzheng.batch.intake import DATASETS, intake_delivery
from minzheng.batch.verification import REQUIRED_FOR_VERIFICATION
from minzheng.core.identity import age_on
from minzheng.core.selectors.registry import population_rows

from ..services.store import exchange_store


def _money(low: int, high: int, rng: random.Random) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def _months_before(first_of_month: dt.date, count: int) -> list[str]:
    months = []
    year, month = first_of_month.year, first_of_month.month
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append(f"{year:04d}-{month:02d}")
    return months


def generate_rows(people, as_of: dt.date, seed: int) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    rows: dict[str, list[dict]] = defaultdict(list)
    months = _months_before(as_of, 12)
    for id_number, name, sex, birth, residence, deceased, death_date, is_head in people:
        if id_number.startswith("LS"):
            continue  # no 公民身份号码: departments hold nothing for them
        age = age_on(birth, as_of)
        rows["hukou"].append(
            {
                "id_number": id_number,
                "name": name,
                "sex": int(sex),
                "birth_date": birth,
                "hukou_code": residence,
                "status": "deceased" if deceased else "normal",
                "status_date": death_date,
            }
        )
        if deceased:
            rows["deaths"].append({"id_number": id_number, "death_date": death_date})
            continue
        if 18 <= age < 60 and rng.random() < 0.65:
            band = rng.random()
            monthly = (
                _money(600, 1500, rng)
                if band < 0.25
                else _money(2000, 5000, rng)
                if band < 0.85
                else _money(5000, 12000, rng)
            )
            for month in months:
                rows["tax_income"].append(
                    {"id_number": id_number, "month": month, "category": "wage", "amount": monthly}
                )
        if age >= 60 and rng.random() < 0.75:
            monthly = _money(1200, 4000, rng)
            for month in months:
                rows["pension"].append({"id_number": id_number, "month": month, "amount": monthly})
        if age < 18:
            continue
        if rng.random() < 0.85:
            band = rng.random()
            balance = (
                _money(0, 10_000, rng)
                if band < 0.5
                else _money(10_000, 100_000, rng)
                if band < 0.87
                else _money(100_000, 500_000, rng)
            )
            rows["deposits"].append(
                {
                    "id_number": id_number,
                    "bank": rng.choice(["工商银行", "农业银行", "建设银行", "丹东银行"]),
                    "account_type": rng.choice(["current", "time"]),
                    "balance": balance,
                    "as_of": as_of,
                }
            )
        if rng.random() < 0.3:
            rows["housing_fund"].append(
                {
                    "id_number": id_number,
                    "as_of": as_of,
                    "balance": _money(1_000, 80_000, rng),
                    "monthly_deposit": _money(100, 1500, rng),
                }
            )
        if rng.random() < 0.08:
            rows["securities"].append(
                {
                    "id_number": id_number,
                    "kind": rng.choice(["stock", "fund", "bond"]),
                    "market_value": _money(1_000, 200_000, rng),
                    "as_of": as_of,
                }
            )
        if rng.random() < 0.1:
            rows["insurance_policies"].append(
                {
                    "id_number": id_number,
                    "policy_type": "寿险",
                    "cash_value": _money(1_000, 60_000, rng),
                    "as_of": as_of,
                }
            )
        if rng.random() < 0.2:
            kind = rng.choice(["car", "car", "car", "motorcycle", "tricycle"])
            price = _money(20_000, 250_000, rng) if kind == "car" else _money(2_000, 15_000, rng)
            rows["vehicles"].append(
                {
                    "id_number": id_number,
                    "plate": f"辽F{rng.randint(10000, 99999)}",
                    "vehicle_type": kind,
                    "registered_date": as_of - dt.timedelta(days=rng.randint(100, 3000)),
                    "purchase_price": price,
                    "for_disability": rng.random() < 0.02,
                }
            )
        if is_head and rng.random() < 0.65:
            for n in range(2 if rng.random() < 0.08 else 1):
                rows["real_estate"].append(
                    {
                        "id_number": id_number,
                        "property_id": f"{id_number[-6:]}-{n}",
                        "usage": "residential",
                        "area_m2": _money(40, 140, rng),
                        "share": Decimal("1.0000"),
                        "registered_date": as_of - dt.timedelta(days=rng.randint(300, 7000)),
                    }
                )
        if rng.random() < 0.03:
            rows["business"].append(
                {
                    "id_number": id_number,
                    "uscc": f"92210600MA{rng.randint(10**7, 10**8 - 1)}",
                    "role": "owner",
                    "registered_capital": _money(10_000, 500_000, rng),
                    "status": "active",
                }
            )
        if 18 <= age < 60 and rng.random() < 0.03:
            rows["unemployment"].append(
                {
                    "id_number": id_number,
                    "registered_date": as_of - dt.timedelta(days=rng.randint(30, 300)),
                    "benefit_month": months[0],
                    "benefit_amount": _money(1200, 1700, rng),
                }
            )
    return rows


def deliver_demo_exchange(division_prefix: str, *, seed: int, today: dt.date | None = None) -> dict[str, int]:
    """Generate and deliver every dataset the verification needs; returns accepted rows per dataset."""
    as_of = (today or dt.date.today()).replace(day=1)
    rows = generate_rows(population_rows(division_prefix), as_of, seed)
    accepted = {}
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in REQUIRED_FOR_VERIFICATION:
            path = Path(tmp) / f"{dataset}.parquet"
            pq.write_table(pa.Table.from_pylist(rows.get(dataset, []), schema=DATASETS[dataset].schema), path)
            receipt = intake_delivery(path, dataset, as_of, store=exchange_store(), source="demo")
            accepted[dataset] = receipt.rows_accepted
    return accepted
