"""公示 lists: cases in their 公示 period and the households receiving benefits in a community, with
personal data minimised (masked name, no ID number) — for the notice board and the public page."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from minzheng.core.identity import mask_name
from minzheng.core.jurisdiction import division_prefix, scope

from ..models import AssistanceCase, AssistanceProgram, CaseStatus
from .entitlements import entitlements_for_month

PUBLICISED_PROGRAMS = frozenset({"dibao_urban", "dibao_rural", "tekun_centralised", "tekun_dispersed"})


@dataclass(frozen=True)
class PublicityRow:
    masked_name: str
    program: str
    persons: int
    amount: Decimal | None
    period: str  # 公示期 for applications, 起始月份 for households receiving benefits


def _community_prefix(code: str) -> str:
    prefix = division_prefix(code)
    if len(prefix) < 9:
        raise ValueError("公示按乡镇（街道）或村（社区）进行")
    return prefix


def publicity_applications(community_code: str, on: date, *, user=None) -> list[PublicityRow]:
    """Applications whose 公示 runs on ``on`` (申请公示)."""
    queryset = AssistanceCase.objects.filter(
        division_code__startswith=_community_prefix(community_code),
        status=CaseStatus.PUBLICITY,
        publicity_from__lte=on,
        publicity_until__gte=on,
    )
    if user is not None:
        queryset = scope(queryset, user, "division_code")
    rows = queryset.select_related("program", "household__head").order_by("household__number")
    return [
        PublicityRow(
            mask_name(case.household.head.name if case.household.head else ""),
            case.program.name,
            case.persons or 0,
            case.proposed_amount,
            f"{case.publicity_from:%Y-%m-%d} 至 {case.publicity_until:%Y-%m-%d}",
        )
        for case in rows
    ]


def publicity_beneficiaries(community_code: str, month: date) -> list[PublicityRow]:
    """Households receiving 低保/特困 in the month (救助对象长期公示), by household number."""
    prefix = _community_prefix(community_code)
    names = dict(AssistanceProgram.objects.values_list("code", "name"))
    return [
        PublicityRow(
            mask_name(e.payee_name),
            names.get(e.program_code, e.program_code),
            e.persons,
            e.monthly_amount,
            "",
        )
        for e in entitlements_for_month(month, division_code=prefix.ljust(12, "0"))
        if e.program_code in PUBLICISED_PROGRAMS
    ]
