"""The plans' 儿童福利 figures for a division and everything under it (no user scope: the indicator pages scope
the division to the viewer first): 委托照护协议签订率, 孤儿/事实无人抚养 保障率, 工作站覆盖率, 参训率, 标准增速."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, OuterRef, Q

from minzheng.assistance.interface import standard_in_force
from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import division_prefix

from ..models import AllowanceApplication, CategoryFlag, ChildRecord, EntrustedCare
from ..rules.workforce import percentage


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int
    value: Decimal | None


def _ratio(numerator: int, denominator: int) -> Ratio:
    return Ratio(numerator, denominator, percentage(numerator, denominator))


def _holding(categories: list[str], prefix: str, on: date):
    flags = CategoryFlag.objects.filter(
        child=OuterRef("pk"), category__in=categories, valid_from__lte=on
    ).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    return (
        ChildRecord.objects.filter(division_code__startswith=prefix, registered_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .filter(Exists(flags))
    )


def care_agreement_rate(division_code: str, on: date) -> Ratio:
    """留守儿童委托照护书面协议签订率: 留守 children on ``on`` with a 委托照护 in force whose written agreement was
    signed by then ÷ 留守 children on ``on`` (a child without any entrustment counts as not signed)."""
    children = _holding(["left_behind"], division_prefix(division_code), on)
    signed = EntrustedCare.objects.filter(
        child=OuterRef("pk"), started_on__lte=on, agreement_signed_on__lte=on
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
    return _ratio(children.filter(Exists(signed)).count(), children.count())


def allowance_coverage(division_code: str, on: date) -> Ratio:
    """孤儿、事实无人抚养儿童保障率: children holding such a category on ``on`` whose 基本生活保障 is confirmed and
    paid that month ÷ children holding the category."""
    children = _holding(
        ["orphan_institutional", "orphan_scattered", "de_facto_unattended"],
        division_prefix(division_code),
        on,
    )
    month = on.replace(day=1)
    paid = (
        AllowanceApplication.objects.filter(child=OuterRef("pk"), start_month__lte=month)
        .filter(Q(end_month__isnull=True) | Q(end_month__gte=month))
        .filter(status__in=["confirmed", "ended"])
    )
    return _ratio(children.filter(Exists(paid)).count(), children.count())


@dataclass(frozen=True)
class Growth:
    start: Decimal | None
    end: Decimal | None
    value: Decimal | None


def standard_growth(division_code: str, kind: str, start: date, end: date) -> Growth:
    """孤儿基本生活养育标准年均增速 (%): (end standard ÷ start standard)^(1/years) − 1, the standards from
    社会救助's dated table; undefined when either is missing or the period is under a year."""

    def at(day: date) -> Decimal | None:
        try:
            return standard_in_force(division_code, kind, day).monthly_amount
        except MinzhengError:
            return None

    first, last = at(start), at(end)
    years = (end - start).days / 365.25
    if not first or last is None or years < 1:
        return Growth(first, last, None)
    rate = (float(last) / float(first)) ** (1 / years) - 1
    return Growth(first, last, Decimal(str(rate * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
