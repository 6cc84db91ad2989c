"""The audit log viewer's reads: filters, scoped to the administrator's jurisdiction."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..jurisdiction import division_prefix
from ..models import AuditEvent
from ..permissions import Capability, require


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


def audit_events(user, filters: AuditFilter = AuditFilter()) -> QuerySet[AuditEvent]:
    require(user, Capability.VIEW_AUDIT)
    prefix = division_prefix(user.division_code)
    # Events about records in the jurisdiction, plus events by its own users (logins have no division).
    qs = AuditEvent.objects.all()
    if prefix:
        qs = qs.filter(Q(division_code__startswith=prefix) | Q(user__division_code__startswith=prefix))
    if filters.username:
        qs = qs.filter(username=filters.username)
    if filters.action:
        qs = qs.filter(action=filters.action)
    if filters.object_type:
        qs = qs.filter(object_type=filters.object_type)
    if filters.object_id:
        qs = qs.filter(object_id=filters.object_id)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(at__gte=datetime.combine(filters.date_from, time.min, tz))
    if filters.date_to:
        qs = qs.filter(at__lt=datetime.combine(filters.date_to + timedelta(days=1), time.min, tz))
    return qs.order_by("-id")
