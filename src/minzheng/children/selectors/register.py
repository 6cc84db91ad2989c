"""儿童档案 reads: the register with filters, a child's file (audited), today's flags, contact overdue."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from minzheng.assistance.interface import person_benefits
from minzheng.core.read_audit import Channel, audited_read

from ..models import CareContact, CategoryFlag, ChildRecord, EntrustedCare
from .common import one, scoped, under


@dataclass(frozen=True)
class ChildFilter:
    q: str = ""
    division_code: str = ""
    category: str = ""
    current_only: bool = True


def _flags_on(day: date):
    return CategoryFlag.objects.filter(valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def child_list(user, filters: ChildFilter = ChildFilter()) -> QuerySet[ChildRecord]:
    qs = under(scoped(ChildRecord.objects.select_related("person", "handler"), user), filters.division_code)
    if filters.current_only:
        qs = qs.filter(ended_on__isnull=True)
    if filters.category:
        today = timezone.localdate()
        qs = qs.filter(Exists(_flags_on(today).filter(child=OuterRef("pk"), category=filters.category)))
    if filters.q:
        qs = qs.filter(person__name__startswith=filters.q)
    return qs.order_by("division_code", "person__name", "pk")


def current_categories(records, on: date) -> dict[int, list[str]]:
    """record id → category labels valid on ``on`` (one query for a page of records)."""
    found: dict[int, list[str]] = {}
    for flag in _flags_on(on).filter(child__in=[r.pk for r in records]).order_by("category"):
        found.setdefault(flag.child_id, []).append(flag.get_category_display())
    return found


def assistance_status(person_ids: list[int], on: date) -> dict[int, str]:
    """person id → "城市低保 人均 …元" lines read from 社会救助 (its interface), empty when none."""
    return {
        person_id: "、".join(b.program_name for b in benefits)
        for person_id, benefits in person_benefits(person_ids, on).items()
    }


def read_child(user, pk: int, *, channel: Channel = Channel.PAGE) -> ChildRecord:
    """A child's file for display: every such read is audited (minors' data, issue 18)."""
    record = one(ChildRecord.objects.select_related("person", "handler"), user, pk)
    return audited_read(
        user, record, channel=channel, object_type="children.childrecord", division_code=record.division_code,
        summary=f"查看儿童档案 {record.pk}",
    )  # fmt: skip


def child_for_action(user, pk: int) -> ChildRecord:
    """The same record fetched to act on it (the service audits the write)."""
    return one(ChildRecord.objects.select_related("person"), user, pk)


def flag_for_action(user, pk: int) -> CategoryFlag:
    return one(CategoryFlag.objects.select_related("child__person"), user, pk)


def entrustment_for_action(user, pk: int) -> EntrustedCare:
    return one(EntrustedCare.objects.select_related("child__person"), user, pk)


def flags_of(record: ChildRecord):
    return record.flags.order_by("-valid_from", "-pk")


def parents_of(record: ChildRecord):
    return record.parent_statuses.order_by("role", "-since", "-pk")


def entrustments_of(record: ChildRecord):
    return record.entrustments.order_by("-started_on", "-pk")


def contacts_of(entrustment: EntrustedCare):
    return entrustment.contacts.order_by("-contacted_on", "-pk")


def overdue_contacts(user, today: date, interval_days: int) -> QuerySet[EntrustedCare]:
    """Open entrustments whose last contact (or start) is more than ``interval_days`` ago: each annotated
    ``last_contact``; due = last contact (or start) + interval."""
    limit = today - timedelta(days=interval_days)
    qs = scoped(EntrustedCare.objects.filter(ended_on__isnull=True, child__ended_on__isnull=True), user)
    qs = qs.annotate(last_contact=Max("contacts__contacted_on"))
    return qs.filter(
        Q(last_contact__lt=limit) | Q(last_contact__isnull=True, started_on__lt=limit)
    ).select_related("child__person")


def contact_dates(entrustment: EntrustedCare) -> list[date]:
    return list(CareContact.objects.filter(entrustment=entrustment).values_list("contacted_on", flat=True))


def visits_of(record: ChildRecord):
    return record.visits.select_related("visitor").order_by("-visited_on", "-pk")


def overdue_visits(user, today: date, interval_days: int) -> QuerySet[ChildRecord]:
    """Open files whose last visit (or opening) is more than ``interval_days`` ago, annotated ``last_visit``."""
    limit = today - timedelta(days=interval_days)
    qs = scoped(ChildRecord.objects.filter(ended_on__isnull=True), user).annotate(
        last_visit=Max("visits__visited_on")
    )
    return qs.filter(
        Q(last_visit__lt=limit) | Q(last_visit__isnull=True, registered_on__lt=limit)
    ).select_related("person")
