"""总览 figures of the jurisdiction (a handful of counts)."""

from collections import Counter

from ..models import ApplicationStatus, BoundaryMarker, NameStatus, NamingApplication, PlaceName
from .boundaries import line_list, open_disputes
from .common import either_side, scoped


def summary(user) -> dict:
    names = scoped(PlaceName.objects.filter(status=NameStatus.APPROVED), user)
    counts = Counter(names.values_list("category", flat=True))
    return {
        "names": sum(counts.values()),
        "by_category": counts,
        "protected": names.filter(protected=True).count(),
        "open_applications": scoped(
            NamingApplication.objects.filter(status=ApplicationStatus.SUBMITTED), user
        ).count(),
        "lines": line_list(user).count(),
        "markers": either_side(BoundaryMarker.objects.all(), user, "line__").count(),
        "bad_markers": either_side(BoundaryMarker.objects.exclude(condition="good"), user, "line__").count(),
        "disputes": open_disputes(user).count(),
    }
