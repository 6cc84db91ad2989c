"""Case figures offered to 规划监测 / 民政报表 (protocol: ``minzheng.core.indicator_sources``).

Counts are point-in-time at the end of the period (enrolments paid in the period's last month, persons as
recorded on the amount in force then); spending is the sum over every month of the period of what was
payable (entitled), which is what payroll pays before bank failures. Each figure drills down to the
enrolment list filtered to the division, program and month. The lead joins this list with the standard-based
sources of ``indicator_sources.py`` at merge.
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.policy.interface import add_months, month_start

from .models import EnrolmentAmount
from .selectors.entitlements import enrolments_in_force


def _in_force(month: date, division_code: str, programs: tuple[str, ...]):
    amount = EnrolmentAmount.objects.filter(enrolment=OuterRef("pk"), effective_month__lte=month).order_by(
        "-effective_month"
    )
    return (
        enrolments_in_force(month, division_code=division_code)
        .filter(program__code__in=programs)
        .annotate(
            amount=Subquery(amount.values("monthly_amount")[:1]),
            persons=Subquery(amount.values("persons")[:1], output_field=IntegerField()),
        )
    )


def _drilldown(division_code: str, month: date, programs: tuple[str, ...]) -> str:
    program = f"&program={programs[0]}" if len(programs) == 1 else ""
    return f"{reverse('assistance:enrolment_list')}?division={division_code}&month={month:%Y-%m}{program}"


def _persons(*programs: str) -> Callable[[str, date, date], IndicatorValue]:
    def compute(division_code: str, start: date, end: date) -> IndicatorValue:
        month = month_start(end)
        total = _in_force(month, division_code, programs).aggregate(n=Coalesce(Sum("persons"), 0))["n"]
        return IndicatorValue(Decimal(total), drilldown_url=_drilldown(division_code, month, programs))

    return compute


def _households(*programs: str) -> Callable[[str, date, date], IndicatorValue]:
    def compute(division_code: str, start: date, end: date) -> IndicatorValue:
        month = month_start(end)
        count = _in_force(month, division_code, programs).count()
        return IndicatorValue(Decimal(count), drilldown_url=_drilldown(division_code, month, programs))

    return compute


def _spending(*programs: str) -> Callable[[str, date, date], IndicatorValue]:
    """万元 entitled over the period's months (each month's amount in force, never re-summed rounded figures)."""

    def compute(division_code: str, start: date, end: date) -> IndicatorValue:
        total, month = Decimal(0), month_start(start)
        while month <= end:
            total += _in_force(month, division_code, programs).aggregate(s=Sum("amount"))["s"] or Decimal(0)
            month = add_months(month, 1)
        return IndicatorValue(
            (total / Decimal(10000)).quantize(Decimal("0.0001")),
            drilldown_url=_drilldown(division_code, month_start(end), programs),
            note=f"应发合计 {total:.2f} 元",
        )

    return compute


def _source(code, name, unit, period, definition, compute) -> IndicatorSource:
    return IndicatorSource(code, name, unit, period, definition, compute)


_DIBAO_COUNT = "期末月在保（应发放）{0}的保障人数，按当月执行的保障金额记录的保障人数合计"
_SPEND = "期内各月{0}应发保障金合计（按各月执行金额），单位万元"

SOURCES = [
    _source("assistance.dibao_urban_persons", "城市低保对象人数", "人", "month", _DIBAO_COUNT.format("城市低保"), _persons("dibao_urban")),
    _source("assistance.dibao_urban_households", "城市低保户数", "户", "month", "期末月在保城市低保户数", _households("dibao_urban")),
    _source("assistance.dibao_urban_spending", "城市低保金支出", "万元", "month", _SPEND.format("城市低保"), _spending("dibao_urban")),
    _source("assistance.dibao_rural_persons", "农村低保对象人数", "人", "month", _DIBAO_COUNT.format("农村低保"), _persons("dibao_rural")),
    _source("assistance.dibao_rural_households", "农村低保户数", "户", "month", "期末月在保农村低保户数", _households("dibao_rural")),
    _source("assistance.dibao_rural_spending", "农村低保金支出", "万元", "month", _SPEND.format("农村低保"), _spending("dibao_rural")),
    _source("assistance.tekun_centralised_persons", "特困人员（集中供养）人数", "人", "month", _DIBAO_COUNT.format("集中供养特困人员"), _persons("tekun_centralised")),
    _source("assistance.tekun_dispersed_persons", "特困人员（分散供养）人数", "人", "month", _DIBAO_COUNT.format("分散供养特困人员"), _persons("tekun_dispersed")),
    _source("assistance.tekun_spending", "特困人员救助供养金支出", "万元", "month", _SPEND.format("特困人员救助供养"), _spending("tekun_centralised", "tekun_dispersed")),
    _source("assistance.disability_living_persons", "困难残疾人生活补贴人数", "人", "month", _DIBAO_COUNT.format("困难残疾人生活补贴"), _persons("disability_living")),
    _source("assistance.disability_care_persons", "重度残疾人护理补贴人数", "人", "month", _DIBAO_COUNT.format("重度残疾人护理补贴"), _persons("disability_care")),
    _source("assistance.dibao_edge_households", "低保边缘家庭户数", "户", "month", "期末月认定在册的低保边缘家庭户数", _households("dibao_edge")),
]  # fmt: skip
