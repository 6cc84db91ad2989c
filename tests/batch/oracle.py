"""An independent reading of exchange-formats.md's verification rules, in plain Python.

Written from the text (rules 1–8 and "Precise readings (decided 2026-12)"), not from the engine's SQL: one
small function per rule, Decimal arithmetic, no shared code with ``minzheng.batch`` beyond the data shapes.
It takes the rows as delivered (before intake) with each delivery's as_of, so it also decides which rows
intake must reject. Used by the property tests to check the engine on the path the platform runs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

REQUIRED = (
    "hukou",
    "tax_income",
    "pension",
    "unemployment",
    "housing_fund",
    "deposits",
    "securities",
    "insurance_policies",
    "real_estate",
    "vehicles",
    "business",
    "deaths",
)
#: the row's own date or month, by dataset (a row dated after its delivery's as_of is rejected)
ROW_DATES = {
    "tax_income": ("month",),
    "pension": ("month",),
    "unemployment": ("registered_date", "benefit_month"),
    "housing_fund": ("as_of",),
    "deposits": ("as_of",),
    "securities": ("as_of",),
    "insurance_policies": ("as_of",),
    "real_estate": ("registered_date",),
    "vehicles": ("registered_date",),
    "deaths": ("death_date",),
    "hukou": ("birth_date", "status_date"),
    "business": (),
}
AMOUNTS = {
    "pension": ("amount",),
    "unemployment": ("benefit_amount",),
    "housing_fund": ("balance", "monthly_deposit"),
    "deposits": ("balance",),
    "securities": ("market_value",),
    "insurance_policies": ("cash_value",),
    "vehicles": ("purchase_price",),
    "business": ("registered_capital",),
    "real_estate": ("area_m2",),
}


@dataclass
class Delivery:
    """One department delivery: a dataset's rows from one source as of one date."""

    dataset: str
    source: str
    as_of: dt.date
    rows: list[dict[str, Any]]


@dataclass
class Policy:
    """The defaults of exchange-formats.md with a local 低保标准."""

    dibao_standard: Decimal
    multiplier: dict[str, Decimal] = field(
        default_factory=lambda: {"dibao": Decimal("1"), "dibao_edge": Decimal("1.5")}
    )
    window_months: int = 12
    asset_months: int = 24
    vehicle_price_limit: Decimal = Decimal("50000")
    residential_share_limit: Decimal = Decimal("1.0")
    business_capital_limit: Decimal = Decimal("100000")
    max_data_age_days: int = 90


def _after(value: Any, as_of: dt.date) -> bool:
    if value is None:
        return False
    if isinstance(value, str):  # a month 'YYYY-MM'
        return value > as_of.strftime("%Y-%m")
    return value > as_of


def is_rejected(delivery: Delivery, row: dict[str, Any]) -> bool:
    """Precise readings: rows dated after their delivery's as_of, and negative amounts (except tax_income),
    are rejected at intake."""
    if any(_after(row.get(c), delivery.as_of) for c in ROW_DATES.get(delivery.dataset, ())):
        return True
    return any(row.get(c) is not None and row[c] < 0 for c in AMOUNTS.get(delivery.dataset, ()))


def _in_force(deliveries: list[Delivery], request_date: dt.date) -> list[Delivery]:
    """The latest delivery of each (dataset, source) with as_of ≤ the request date."""
    latest: dict[tuple[str, str], Delivery] = {}
    for d in deliveries:
        if d.as_of <= request_date:
            key = (d.dataset, d.source)
            if key not in latest or latest[key].as_of < d.as_of:
                latest[key] = d
    return list(latest.values())


def _distinct(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Identical rows count once, whichever source or delivery carried them."""
    seen: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(tuple(sorted(row.items())), row)
    return list(seen.values())


def _month_minus(month: dt.date, n: int) -> str:
    index = month.year * 12 + month.month - 1 - n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def verdict(
    members: list[str],
    deliveries: list[Delivery],
    policy: Policy,
    request_date: dt.date,
    program: str = "dibao",
) -> tuple[str, set[str]]:
    """(conclusion, reason codes) for one household, from the rule text."""
    in_force = _in_force(deliveries, request_date)
    data: dict[str, list[dict[str, Any]]] = defaultdict(list)
    incomplete = False
    for delivery in in_force:
        for row in delivery.rows:
            if is_rejected(delivery, row):
                # rejected rows about a member make the data incomplete
                incomplete = incomplete or row.get("id_number") in members
            elif row["id_number"] in members:
                data[delivery.dataset].append(row)
    data = {name: _distinct(rows) for name, rows in data.items()}
    latest_as_of: dict[str, dt.date] = {}
    for delivery in in_force:
        latest_as_of[delivery.dataset] = max(
            latest_as_of.get(delivery.dataset, delivery.as_of), delivery.as_of
        )

    disqualifiers: set[str] = set()
    review: set[str] = set()
    if incomplete:
        review.add("rejected_rows")

    # rule 8 and precise readings: missing and stale datasets
    for name in REQUIRED:
        if name not in latest_as_of:
            review.add("dataset_missing")
        elif (request_date - latest_as_of[name]).days > policy.max_data_age_days:
            review.add("stale_data")

    # rules 1–2: income over the 12 full months before the request month, per capita, rounded once
    first, last = _month_minus(request_date, policy.window_months), _month_minus(request_date, 1)
    income = Decimal(0)
    for row in data.get("tax_income", []):
        if first <= row["month"] <= last:
            income += row["amount"]
    for row in data.get("pension", []):
        if first <= row["month"] <= last and (row.get("kind") or "retirement") != "basic_resident":
            income += row["amount"]
    for row in data.get("unemployment", []):
        if first <= row["benefit_month"] <= last:
            income += row["benefit_amount"]
    per_capita_income = _cents(income / policy.window_months / len(members))
    line = _cents(policy.dibao_standard * policy.multiplier[program])
    if per_capita_income > line:
        disqualifiers.add("income_above_line")

    # rule 3: financial assets, the latest statement of each account, compared unrounded
    assets = Decimal(0)
    for dataset, key, amount in (
        ("deposits", ("id_number", "bank", "account_type"), "balance"),
        ("securities", ("id_number", "kind"), "market_value"),
        ("insurance_policies", ("id_number", "policy_type"), "cash_value"),
        ("housing_fund", ("id_number",), "balance"),
    ):
        accounts: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for row in data.get(dataset, []):
            if row["as_of"] <= request_date:
                accounts[tuple(row[k] for k in key)].append(row)
        for statements in accounts.values():
            latest = max(s["as_of"] for s in statements)
            assets += sum(s[amount] for s in statements if s["as_of"] == latest)
    if assets / len(members) > policy.dibao_standard * policy.asset_months:
        disqualifiers.add("financial_assets_above_limit")

    # rule 4: vehicles registered by the request date
    for row in data.get("vehicles", []):
        if (
            row["registered_date"] <= request_date
            and not row["for_disability"]
            and row["vehicle_type"] not in ("motorcycle", "tricycle")
            and row["purchase_price"] > policy.vehicle_price_limit
        ):
            disqualifiers.add("vehicle_over_price")

    # rule 5: real estate registered by the request date, a property once per (id_number, property_id)
    properties: dict[tuple[str, str], dict[str, Any]] = {}
    for row in data.get("real_estate", []):
        if row["registered_date"] <= request_date:
            key = (row["id_number"], row["property_id"])
            if key not in properties or properties[key]["registered_date"] < row["registered_date"]:
                properties[key] = row
    shares = sum((p["share"] for p in properties.values() if p["usage"] == "residential"), Decimal(0))
    if shares > policy.residential_share_limit:
        disqualifiers.add("residential_share_above_limit")
    if any(p["usage"] == "commercial" for p in properties.values()):
        disqualifiers.add("commercial_property")

    # rule 6: business
    for row in data.get("business", []):
        if (
            row["status"] == "active"
            and row["role"] in ("legal_rep", "owner")
            and row["registered_capital"] > policy.business_capital_limit
        ):
            disqualifiers.add("business_capital_above_limit")

    # rule 7: status
    hukou = {row["id_number"]: row for row in data.get("hukou", [])}
    for member in members:
        row = hukou.get(member)
        if row is None:
            if "hukou" in latest_as_of:
                review.add("member_not_in_hukou")
        elif row["status"] == "deceased":
            review.add("member_deceased")
        elif row["status"] == "moved_out":
            review.add("member_moved_out")
    if any(row["id_number"] in members for row in data.get("deaths", [])):
        review.add("member_in_death_records")

    # precedence (precise readings)
    if disqualifiers:
        return "ineligible", disqualifiers | review
    if review:
        return "manual_review", review
    return "eligible", set()
