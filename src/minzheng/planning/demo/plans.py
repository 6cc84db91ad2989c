"""Demo monitoring data for 丹东 (``manage.py demo_planning``): entered indicator values of its counties for
2020–2025, entered by the city caseworker and approved by the city reviewer through the real services,
progress of tasks and projects, and 民政报表 for the last quarters and months. Seeded and idempotent."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from minzheng.core.models import User
from minzheng.core.selectors.divisions import child_names

from ..models import EnteredValue, Plan, SourceKind
from ..services.entries import review_entry, submit_entry
from ..services.progress import report_project_progress, report_task_progress
from ..services.statforms import enter_values, generate_report, set_report_header
from ..statform_selectors import report_lines

DANDONG = "210600000000"
YEARS = range(2020, 2026)


def demo_loaded() -> bool:
    return EnteredValue.objects.filter(division_code__startswith="2106").exists()


def load_demo_planning(seed: int = 20260101) -> int:
    """Returns the number of entered values created (0 when the demo is already there)."""
    plan = Plan.objects.filter(division_code=DANDONG).order_by("pk").first()
    users = {
        u.username: u
        for u in User.objects.filter(username__in=("city_caseworker", "city_reviewer", "city_leader"))
    }
    if plan is None or len(users) < 3 or demo_loaded():
        return 0
    rng = random.Random(seed)
    counties = sorted(child_names(DANDONG))
    created = 0
    for row in plan.indicators.filter(source="table").select_related("binding__definition").order_by("order"):
        binding = getattr(row, "binding", None)
        if binding is None or binding.definition.source_kind != SourceKind.ENTERED:
            continue
        for county in counties:
            for year, (value, numerator, denominator) in zip(
                YEARS, _series(rng, binding, len(counties)), strict=True
            ):
                entry = submit_entry(
                    users["city_caseworker"], binding.definition, division_code=county, period_key=str(year),
                    value=value, numerator=numerator, denominator=denominator, comment="年度统计报表数据",
                )  # fmt: skip
                review_entry(users["city_reviewer"], entry, approve=True)
                created += 1
    _progress(rng, plan, users["city_leader"])
    _stat_reports(rng, users["city_caseworker"], counties[:2])
    return created


def _series(rng: random.Random, binding, counties: int):
    """Six yearly figures moving from a 2020 level towards (or past, or short of) the 2025 target."""
    definition = binding.definition
    target = binding.target_value or Decimal(rng.randint(5, 9))
    start = target * Decimal(str(rng.uniform(0.55, 0.85)))
    reach = Decimal(str(rng.uniform(0.85, 1.1)))
    denominator = (
        Decimal(rng.randint(8, 40)) if definition.unit == "%" else Decimal(rng.randint(15000, 40000))
    )
    for k in range(len(YEARS)):
        level = start + (target * reach - start) * Decimal(k) / Decimal(len(YEARS) - 1)
        level *= Decimal(str(rng.uniform(0.97, 1.03)))
        if definition.max_value is not None:
            level = min(level, definition.max_value)
        if definition.is_ratio:
            numerator = (level / definition.factor * denominator).quantize(
                Decimal(1) if definition.unit == "%" else Decimal("0.01")
            )
            yield None, numerator, denominator
        elif definition.aggregation == "sum":
            share = level / counties
            yield (
                (
                    share.quantize(Decimal(1))
                    if definition.value_type == "integer"
                    else share.quantize(Decimal("0.0001"))
                ),
                None,
                None,
            )
        else:
            yield level.quantize(Decimal("0.01")), None, None


def _progress(rng: random.Random, plan: Plan, leader) -> None:
    for task in plan.tasks.order_by("order")[:12]:
        status = rng.choice(["in_progress", "in_progress", "done", "lagging"])
        report_task_progress(
            leader, task, reported_on=date(2025, 6, 30), status=status, progress_percent=rng.randint(30, 100),
            evidence="按季度调度推进，已形成阶段性工作总结",
        )  # fmt: skip
    for project in plan.projects.order_by("order")[:6]:
        spent = Decimal(0)
        total = (project.investment or Decimal(rng.randint(500, 5000))) * Decimal("0.9")
        for k, day in enumerate(
            (date(2022, 12, 31), date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31))
        ):
            spent += total * Decimal(str(rng.uniform(0.1, 0.3)))
            report_project_progress(
                leader, project, reported_on=day, status="done" if k == 3 and rng.random() < 0.5 else "building",
                progress_percent=min(100, 20 * (k + 1) + rng.randint(0, 15)), spent=spent.quantize(Decimal("0.01")),
                evidence="监理月报、财政拨付凭证",
            )  # fmt: skip


def _stat_reports(rng: random.Random, clerk, counties: list[str]) -> None:
    for county in counties:
        for period_type, keys in (("quarter", ["2025Q3", "2025Q4"]), ("month", ["2025M11", "2025M12"])):
            for key in keys:
                report = generate_report(clerk, period_type, county, key)
                # Only rows left to entry: 低保金 rows are computed from the demo caseload's enrolments.
                rows = {line.row.label: line.row for line in report_lines(report) if line.entered}
                base = Decimal(rng.randint(300, 900)) * (4 if key.endswith("Q4") or key.endswith("12") else 3)
                values = {
                    rows[label].pk: (base * Decimal(str(share))).quantize(Decimal("0.1"))
                    for label, share in (
                        ("I 城市低保金", 0.5),
                        ("II 城市低保临时补贴", 0.02),
                        ("I 农村低保金", 0.4),
                    )
                    if label in rows
                }
                enter_values(clerk, report, values)
                # The block printed with the form: reported some days after the period's end.
                set_report_header(
                    clerk, report, principal="刘志强", preparer=clerk.display_name,
                    reported_on=report.period_end + timedelta(days=8),
                )  # fmt: skip
