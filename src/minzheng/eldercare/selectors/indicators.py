"""The plans' 养老 indicators, computed for a division and everything under it (a code prefix).

No user here: the indicator protocol asks for a division; pages calling these scope the division to the
viewer's jurisdiction first. Every function returns the counts behind the figure, never a bare ratio.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet, Sum

from minzheng.assistance.interface import tekun_person_ids
from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import Division, Person

from ..models import (
    CapabilityAssessment,
    CommunityFacility,
    FacilityKind,
    HardshipElder,
    Institution,
    ProviderStatus,
    Residency,
    StaffMember,
    StaffRole,
)
from ..rules.assessment import CapabilityLevel
from ..rules.ratios import per, percentage
from .occupancy import open_on


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int
    value: Decimal | None


def institutions_in_service(division_code: str, on: date) -> QuerySet[Institution]:
    """Institutions open on ``on``: opened by then (or date unknown) and not closed by then."""
    qs = Institution.objects.filter(division_code__startswith=division_prefix(division_code))
    qs = qs.filter(Q(opened_on__isnull=True) | Q(opened_on__lte=on))
    qs = qs.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=on))
    return qs.exclude(status=ProviderStatus.CLOSED, closed_on__isnull=True)


def nursing_bed_ratio(division_code: str, on: date) -> Ratio:
    """护理型床位占比 = 护理型床位 / 床位总数 of the institutions in service on ``on``."""
    sums = institutions_in_service(division_code, on).aggregate(
        total=Sum("beds_total"), nursing=Sum("nursing_beds")
    )
    total, nursing = sums["total"] or 0, sums["nursing"] or 0
    return Ratio(nursing, total, percentage(nursing, total))


def nursing_bed_ratios(division_code: str, days: list[date]) -> list[Ratio]:
    """``nursing_bed_ratio`` on each day, in one query (a sum per day filtered to the institutions in service
    then) — a plan cockpit reads every year-end of the plan."""
    qs = Institution.objects.filter(division_code__startswith=division_prefix(division_code)).exclude(
        status=ProviderStatus.CLOSED, closed_on__isnull=True
    )
    sums = {}
    for i, day in enumerate(days):
        open_then = (Q(opened_on__isnull=True) | Q(opened_on__lte=day)) & (
            Q(closed_on__isnull=True) | Q(closed_on__gt=day)
        )
        sums[f"total{i}"] = Sum("beds_total", filter=open_then)
        sums[f"nursing{i}"] = Sum("nursing_beds", filter=open_then)
    found = qs.aggregate(**sums) if days else {}
    ratios = []
    for i in range(len(days)):
        total, nursing = found[f"total{i}"] or 0, found[f"nursing{i}"] or 0
        ratios.append(Ratio(nursing, total, percentage(nursing, total)))
    return ratios


def nursing_bed_ratios_of_each(division_codes: list[str], on: date) -> list[Ratio]:
    """``nursing_bed_ratio`` of several divisions on one day, in one query (a sum per division's subtree)."""
    qs = Institution.objects.filter(
        (Q(opened_on__isnull=True) | Q(opened_on__lte=on)) & (Q(closed_on__isnull=True) | Q(closed_on__gt=on))
    ).exclude(status=ProviderStatus.CLOSED, closed_on__isnull=True)
    sums = {}
    for i, code in enumerate(division_codes):
        inside = Q(division_code__startswith=division_prefix(code))
        sums[f"total{i}"] = Sum("beds_total", filter=inside)
        sums[f"nursing{i}"] = Sum("nursing_beds", filter=inside)
    found = qs.aggregate(**sums) if division_codes else {}
    ratios = []
    for i in range(len(division_codes)):
        total, nursing = found[f"total{i}"] or 0, found[f"nursing{i}"] or 0
        ratios.append(Ratio(nursing, total, percentage(nursing, total)))
    return ratios


def townships(division_code: str) -> QuerySet[Division]:
    return Division.objects.filter(
        level=4, valid_to__isnull=True, code__startswith=division_prefix(division_code)
    ).order_by("code")


def covered_townships(division_code: str, on: date) -> set[str]:
    """Township codes with a 综合功能 provider in service: a 区域养老服务中心, or an institution flagged as
    running 居家社区 services too (机构+社区 综合体)."""
    prefix = division_prefix(division_code)
    centres = CommunityFacility.objects.filter(
        division_code__startswith=prefix, kind=FacilityKind.REGIONAL_CENTER, status=ProviderStatus.OPERATING
    ).filter(Q(opened_on__isnull=True) | Q(opened_on__lte=on))
    comprehensive = institutions_in_service(division_code, on).filter(comprehensive_function=True)
    codes = {code for code in centres.values_list("division_code", flat=True)}
    codes |= set(comprehensive.values_list("division_code", flat=True))
    return {code[:9] + "000" for code in codes}


def township_coverage(division_code: str, on: date) -> Ratio:
    """街道/乡镇综合功能养老服务机构覆盖率 = townships with one / all current townships under the division."""
    all_codes = set(townships(division_code).values_list("code", flat=True))
    covered = covered_townships(division_code, on) & all_codes
    return Ratio(len(covered), len(all_codes), percentage(len(covered), len(all_codes)))


def social_workers(division_code: str, on: date, institutions_only: bool = False) -> QuerySet[StaffMember]:
    qs = StaffMember.objects.filter(
        division_code__startswith=division_prefix(division_code),
        role=StaffRole.SOCIAL_WORKER,
        hired_on__lte=on,
    ).filter(Q(left_on__isnull=True) | Q(left_on__gt=on))
    return qs.filter(institution__isnull=False) if institutions_only else qs


def elderly_population(division_code: str, on: date) -> int:
    """Persons aged 60 or more on ``on`` living in the division (the registry; deceased excluded)."""
    try:
        born_by = on.replace(year=on.year - 60)
    except ValueError:
        born_by = on.replace(year=on.year - 60, day=28)
    return Person.objects.filter(
        residence_division_code__startswith=division_prefix(division_code),
        is_deceased=False,
        birth_date__lte=born_by,
    ).count()


def social_workers_per_thousand_elderly(division_code: str, on: date) -> Ratio:
    workers, elderly = social_workers(division_code, on).count(), elderly_population(division_code, on)
    return Ratio(workers, elderly, per(workers, elderly, 1000))


def social_workers_per_hundred_beds(division_code: str, on: date) -> Ratio:
    workers = social_workers(division_code, on, institutions_only=True).count()
    beds = institutions_in_service(division_code, on).aggregate(total=Sum("beds_total"))["total"] or 0
    return Ratio(workers, beds, per(workers, beds, 100))


def disabled_tekun_elders(
    division_code: str, on: date, disabled_from: CapabilityLevel
) -> QuerySet[HardshipElder]:
    """特困 elders on the register on ``on`` whose latest assessment by then is 失能 (≥ ``disabled_from``).
    特困 is the 社会救助 enrolment in force that day, or the register's own flag (an elder found 特困 on
    registration whose enrolment is kept elsewhere)."""
    latest_level = (
        CapabilityAssessment.objects.filter(person=OuterRef("person"), assessed_on__lte=on)
        .order_by("-assessed_on", "-id")
        .values("level")[:1]
    )
    qs = HardshipElder.objects.filter(
        division_code__startswith=division_prefix(division_code), registered_on__lte=on
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
    qs = qs.filter(Q(is_tekun=True) | Q(person_id__in=tekun_person_ids(on)))
    return qs.annotate(latest_level=latest_level).filter(latest_level__gte=int(disabled_from))


def in_institution_on(on: date):
    return Exists(Residency.objects.filter(open_on(on), person=OuterRef("person")))


def tekun_disabled_institutional_rate(division_code: str, on: date, disabled_from: CapabilityLevel) -> Ratio:
    """特困失能集中供养率 = 失能特困 elders living in an institution / all 失能特困 elders on the register."""
    elders = disabled_tekun_elders(division_code, on, disabled_from)
    total = elders.count()
    housed = elders.filter(in_institution_on(on)).count()
    return Ratio(housed, total, percentage(housed, total))
