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
