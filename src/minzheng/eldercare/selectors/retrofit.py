"""适老化改造 reads: cases and progress against the year's target."""

from dataclasses import dataclass

from django.db.models import QuerySet

from minzheng.core.jurisdiction import division_prefix

from ..models import RetrofitCase, RetrofitStatus, RetrofitTarget
from ..rules.ratios import percentage
from .common import one, scoped, under

DONE_STATUSES = (RetrofitStatus.ACCEPTED, RetrofitStatus.SUBSIDISED)


def case_list(user, *, year: int | None = None, status: str = "", division_code: str = "") -> QuerySet:
    qs = under(scoped(RetrofitCase.objects.select_related("household", "elder"), user), division_code)
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-applied_on", "-id")


def case_detail(user, pk: int) -> RetrofitCase:
    return one(RetrofitCase.objects.select_related("household", "elder", "created_by"), user, pk)


@dataclass(frozen=True)
class RetrofitProgress:
    division_code: str
    year: int
    target: int | None
    applied: int
    accepted: int  # 已验收 or 已补贴: counts toward the target
    rate: object


def progress(division_code: str, year: int) -> RetrofitProgress:
    """Completed households against the target set for exactly this division and year (None if not set)."""
    target = RetrofitTarget.objects.filter(division_code=division_code, year=year).first()
    cases = RetrofitCase.objects.filter(division_code__startswith=division_prefix(division_code), year=year)
    accepted = cases.filter(status__in=DONE_STATUSES).count()
    goal = target.households if target else None
    return RetrofitProgress(
        division_code, year, goal, cases.count(), accepted, percentage(accepted, goal or 0)
    )


def targets(user) -> QuerySet[RetrofitTarget]:
    return scoped(RetrofitTarget.objects.all(), user).order_by("-year", "division_code")
