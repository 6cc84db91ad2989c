"""The 养老服务 dashboard: headline figures and chart series for the user's jurisdiction."""

from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr

from minzheng.core.jurisdiction import child_prefix_length, full_code

from ..models import (
    CommunityFacility,
    CreditRecord,
    Hazard,
    HazardStatus,
    HomeCareBed,
    Institution,
    ProviderStatus,
    Residency,
)
from ..rules.assessment import LEVEL_LABELS
from ..rules.ratios import percentage
from ..rules.visits import Month
from . import assessments, hardship, indicators
from .common import scoped
from .occupancy import open_on
from .supervision import blacklisted_q, overdue_q


def summary(user, on: date | None = None) -> dict:
    on = on or date.today()
    code = user.division_code
    institutions = scoped(Institution.objects.filter(status=ProviderStatus.OPERATING), user)
    beds = institutions.aggregate(total=Sum("beds_total"), nursing=Sum("nursing_beds"))
    occupied = scoped(
        Residency.objects.filter(open_on(on), institution__status=ProviderStatus.OPERATING), user
    ).count()
    month = Month.of(on)
    visits = hardship.visit_rate(code, month.first_day, month.last_day)
    hazards = scoped(Hazard.objects.all(), user).aggregate(
        open=Count("id", filter=~Q(status=HazardStatus.CLOSED)), overdue=Count("id", filter=overdue_q(on))
    )
    return {
        "institutions": institutions.count(),
        "beds": beds["total"] or 0,
        "nursing_ratio": indicators.nursing_bed_ratio(code, on).value,
        "occupied": occupied,
        "occupancy_rate": percentage(occupied, beds["total"] or 0),
        "facilities": scoped(CommunityFacility.objects.filter(status=ProviderStatus.OPERATING), user).count(),
        "home_beds": scoped(HomeCareBed.objects.filter(ended_on__isnull=True), user).count(),
        "coverage": indicators.township_coverage(code, on).value,
        "elders_due": visits.due,
        "visit_rate": visits.rate,
        "open_hazards": hazards["open"],
        "overdue_hazards": hazards["overdue"],
        "blacklisted": scoped(CreditRecord.objects.filter(blacklisted_q(on)), user).count(),
    }


def beds_by_child_division(user, on: date | None = None) -> list[dict]:
    """Beds, 护理型 beds and occupied beds per child division of the user's (one grouped query each)."""
    on = on or date.today()
    length = child_prefix_length(user.division_code)
    institutions = scoped(Institution.objects.filter(status=ProviderStatus.OPERATING), user)
    beds = (
        institutions.annotate(child=Substr("division_code", 1, length))
        .values("child")
        .annotate(total=Sum("beds_total"), nursing=Sum("nursing_beds"))
    )
    occupied = dict(
        scoped(Residency.objects.filter(open_on(on)), user)
        .annotate(child=Substr("division_code", 1, length))
        .values("child")
        .annotate(n=Count("id"))
        .values_list("child", "n")
    )
    return [
        {
            "code": full_code(row["child"]),
            "total": row["total"],
            "nursing": row["nursing"],
            "occupied": occupied.get(row["child"], 0),
        }
        for row in beds.order_by("child")
    ]


def level_series(user) -> list[tuple[str, int]]:
    counts = assessments.level_distribution(user)
    return [(label, counts.get(int(level), 0)) for level, label in LEVEL_LABELS.items()]


def work_queue(user, on: date | None = None) -> list[tuple[str, int, str, str]]:
    """我的待办: (label, count, url name, query string) for what this user should do next, by capability."""
    from minzheng.core.permissions import Capability, has_capability

    on = on or date.today()
    month = Month.of(on)
    items = []
    if has_capability(user, Capability.MANAGE_ELDERCARE):
        plan = hardship.month_plan(user, month, mine_only=True)
        items.append(
            (
                "本月我的探访任务未完成",
                plan.filter(visited=False).count(),
                "eldercare:visit_plan",
                f"?month={month}&mine=1",
            )
        )
        items.append(
            (
                "待机构整改的隐患",
                scoped(Hazard.objects.filter(status=HazardStatus.OPEN), user).count(),
                "eldercare:hazard_list",
                "?status=open",
            )
        )
        due = assessments.assessment_list(user, assessments.AssessmentFilter(due_only=True), on=on)
        items.append(("应定期复评的老年人", due.count(), "eldercare:assessment_list", "?due_only=on"))
    if has_capability(user, Capability.INSPECT_ELDERCARE):
        items.append(
            (
                "待复查销号的隐患",
                scoped(Hazard.objects.filter(status=HazardStatus.RECTIFIED), user).count(),
                "eldercare:hazard_list",
                "?status=rectified",
            )
        )
        items.append(
            (
                "逾期未整改的隐患",
                scoped(Hazard.objects.filter(overdue_q(on)), user).count(),
                "eldercare:hazard_list",
                "?overdue_only=on",
            )
        )
    return items
