"""演示数据 for 资金项目监督: 丹东's 2025–2026 funds (中央/省/市 general budget and 福彩公益金) allocated to the
counties, the locked 城市低保 payroll of 元宝区 booked to the central fund, department data with seeded
anomalies (deaths of paid recipients, a payee's over-limit car and business) delivered to the exchange store,
and the checks run — one finding confirmed with its recovery. All through the real services."""

from __future__ import annotations

import csv
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from minzheng.batch.intake import intake_delivery
from minzheng.core.models import User
from minzheng.payments.interface import paid_lines

from ..models import Finding, Fund
from ..services.checks import decide_finding, exchange_store, run_checks
from ..services.ledger import allocate, book_payments, create_fund

CITY = "210600000000"
COUNTIES = ("210602000000", "210603000000", "210604000000")
FUNDS = (
    ("中央财政困难群众救助补助资金", "central", "general", Decimal("8000000.00")),
    ("省级困难群众救助补助资金", "province", "general", Decimal("3000000.00")),
    ("市本级社会救助资金", "city", "general", Decimal("2000000.00")),
    ("福利彩票公益金（养老服务）", "city", "lottery", Decimal("1500000.00")),
)


def demo_loaded() -> bool:
    return Fund.objects.filter(division_code=CITY, year=2026).exists()


def _split(total: Decimal, parts: int) -> list[Decimal]:
    share = (total / parts).quantize(Decimal("0.01"))
    return [share] * (parts - 1) + [total - share * (parts - 1)]


def _deliver(rows: list[dict], dataset: str, as_of: date) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{dataset}.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        intake_delivery(path, dataset, as_of, store=exchange_store(), source="资金监督演示")


def load_demo(*, today: date | None = None) -> str:
    today = today or timezone.localdate()
    leader = User.objects.filter(username="city_leader").first()
    caseworker = User.objects.filter(username="county_caseworker").first()
    if leader is None or caseworker is None:
        return "未找到演示用户（city_leader / county_caseworker），请先运行 manage.py demo"
    funds = 0
    for year in (2025, 2026):
        for name, level, kind, budget in FUNDS:
            fund = create_fund(
                leader, name=name, year=year, level=level, kind=kind, division_code=CITY, budget=budget,
                program_codes="" if kind == "lottery" else "dibao_urban,dibao_rural",
                document_number=f"丹财社〔{year}〕{funds + 1}号",
            )  # fmt: skip
            funds += 1
            targets = (CITY,) if kind == "lottery" else COUNTIES
            for code, amount in zip(targets, _split(budget, len(targets)), strict=True):
                allocate(leader, fund, division_code=code, amount=amount, allocated_on=date(year, 1, 15))
    booked = 0
    for fund in Fund.objects.filter(division_code=CITY, level="central"):
        allocation = fund.allocations.get(division_code=COUNTIES[0])
        last = min(date(fund.year, 12, 1), today.replace(day=1))
        if last.year == fund.year:
            booked += book_payments(leader, allocation, month_from=date(fund.year, 1, 1), month_to=last)
    lines = list(paid_lines(COUNTIES[0], regular_only=True))
    if lines:
        month = max(line.month for line in lines)
        payees = sorted({line.payee_id_number for line in lines if line.month == month})
        dead = payees[:2]
        # died on the 10th of the month before the last paid month: that month was paid after death
        died = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 10)
        _deliver([{"id_number": n, "death_date": died.isoformat()} for n in dead], "deaths", today)
        if len(payees) >= 4:
            _deliver([{"id_number": payees[2], "plate": "辽F8A888", "vehicle_type": "car", "registered_date": "2024-03-01",
                       "purchase_price": "268000.00", "for_disability": "false"}], "vehicles", today)  # fmt: skip
            _deliver([{"id_number": payees[3], "uscc": "91210602MA10000012", "role": "legal_rep",
                       "registered_capital": "500000.00", "status": "active"}], "business", today)  # fmt: skip
        run_checks(leader, division_code=CITY, month_from=date(month.year, 1, 1), month_to=month)
        first = Finding.objects.filter(check_code="paid_after_death").order_by("pk").first()
        if first:
            decide_finding(
                caseworker, first, confirmed=True, recovered_amount=first.amount, explanation="已由家属退回"
            )
    _projects(leader, today)
    found = Finding.objects.count()
    return f"资金项目监督演示：资金{funds}项（2025–2026年），记账{booked}笔发放，疑点{found}条"


def _projects(leader, today: date) -> None:
    """The plans' 重大项目 taken over, and two 福彩公益金 projects with monthly progress (one lagging)."""
    from ..services.projects import create_lottery_project, record_progress, take_over_plan_projects

    take_over_plan_projects(leader)
    lottery = Fund.objects.filter(division_code=CITY, kind="lottery", year=2026).first()
    for name, budget, spent_share in (
        ("元宝区社区养老服务中心建设", "600000.00", 70),
        ("振兴区老年助餐点改造", "300000.00", 10),
    ):
        project = create_lottery_project(
            leader, name=name, category="eldercare", division_code=CITY, budget=budget, fund=lottery,
            starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31), owner="丹东市民政局",
        )  # fmt: skip
        for month in range(1, min(today.month, 12) + 1 if today.year == 2026 else 13):
            share = Decimal(spent_share * month) / Decimal(1200)
            record_progress(
                leader, project, month=date(2026, month, 1), percent=min(100, spent_share * month // 12 + month * 2),
                spent=(Decimal(budget) * share).quantize(Decimal("0.01")),
            )  # fmt: skip
