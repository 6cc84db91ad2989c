"""婚姻登记's work for the one 待办 (``core.work_items``), one query per kind however many are open:

- 离婚登记 · 待双方到场申请发证: applications in their appearance period (民法典 第一千零七十七条: T0+31…T0+60),
  due on its last day — after it the nightly job closes them as 视为撤回;
- 预约 · 今日到场: today's bookings not yet marked 到场 or cancelled;
- 历史档案补录 · 待上传扫描件: back-filled paper records (补录) with no scanned document yet (档案电子化).
"""

from datetime import date

from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404

from minzheng.core.identity import mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import (
    Appointment,
    AppointmentStatus,
    ArchiveDocument,
    DivorceApplication,
    DivorceStatus,
    MarriageRecord,
    Party,
)
from .selectors.common import scoped

DOMAIN = "婚姻登记"
_NOT_FOUND = "记录不存在或不在您的管辖范围内"


def _allowed(user) -> bool:
    return has_capability(user, Capability.REGISTER_MARRIAGE)


def _one(items: list[WorkItem]) -> WorkItem:
    if not items:
        raise Http404(_NOT_FOUND)
    return items[0]


# ---- divorce applications in their appearance period ----

_DIVORCE_FIELDS = ("pk", "division_code", "appearance_end", "husband", "marriage__certificate_number")


def _divorces(user, today: date):
    husband = Party.objects.filter(marriage_id=OuterRef("marriage_id"), sex=Party.MALE).values("name")[:1]
    return (
        scoped(DivorceApplication.objects.all(), user)
        .filter(status=DivorceStatus.COOLING_OFF, appearance_start__lte=today, appearance_end__gte=today)
        .annotate(husband=Subquery(husband))
    )


def _divorce_items(rows) -> list[WorkItem]:
    url = url_for_each("marriage:divorce_detail")
    return [
        WorkItem(
            source="marriage.divorce_appearance",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter="离婚登记 · 待双方到场申请发证",
            subject=f"{mask_name(row['husband'] or '')}等二人",
            division_code=row["division_code"],
            due_on=row["appearance_end"],
            url=url(row["pk"]),
            capability=Capability.REGISTER_MARRIAGE,
            reference=row["marriage__certificate_number"],
        )
        for row in rows
    ]


def divorces_due(user, today: date) -> list[WorkItem]:
    if not _allowed(user):
        return []
    return _divorce_items(_divorces(user, today).order_by("appearance_end", "pk").values(*_DIVORCE_FIELDS))


def find_divorce(user, key: str, today: date) -> WorkItem:
    return _one(_divorce_items(_divorces(user, today).filter(pk=record_pk(key)).values(*_DIVORCE_FIELDS)))


# ---- today's appointments ----

_APPOINTMENT_FIELDS = ("pk", "division_code", "day", "name", "code", "business", "slot__period")


def _appointments(user, today: date):
    return scoped(Appointment.objects.filter(status=AppointmentStatus.BOOKED, day=today), user)


def _appointment_items(rows) -> list[WorkItem]:
    url = url_for_each("marriage:appointment_detail")
    business = dict(Appointment._meta.get_field("business").choices)
    periods = {"am": "上午", "pm": "下午"}
    return [
        WorkItem(
            source="marriage.appointment_today",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"预约 · {business.get(row['business'], '')} · 今日{periods.get(row['slot__period'], '')}",
            subject=mask_name(row["name"]),
            division_code=row["division_code"],
            due_on=row["day"],
            url=url(row["pk"]),
            capability=Capability.REGISTER_MARRIAGE,
            reference=row["code"],
        )
        for row in rows
    ]


def appointments_today(user, today: date) -> list[WorkItem]:
    if not _allowed(user):
        return []
    rows = _appointments(user, today).order_by("slot__period", "pk").values(*_APPOINTMENT_FIELDS)
    return _appointment_items(rows)


def find_appointment(user, key: str, today: date) -> WorkItem:
    rows = _appointments(user, today).filter(pk=record_pk(key)).values(*_APPOINTMENT_FIELDS)
    return _one(_appointment_items(rows))


# ---- back-filled records without a scanned document ----

_BACKFILL_FIELDS = ("pk", "division_code", "certificate_number", "husband", "original_registry")


def _backfills(user):
    husband = Party.objects.filter(marriage_id=OuterRef("pk"), sex=Party.MALE).values("name")[:1]
    scanned = ArchiveDocument.objects.filter(marriage_id=OuterRef("pk"))
    return (
        scoped(MarriageRecord.objects.filter(backfilled=True), user)
        .exclude(Exists(scanned))
        .annotate(husband=Subquery(husband))
    )


def _backfill_items(rows) -> list[WorkItem]:
    url = url_for_each("marriage:marriage_detail")
    return [
        WorkItem(
            source="marriage.backfill_scan",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"历史档案补录 · 待上传纸质档案扫描件（{row['original_registry']}）",
            subject=f"{mask_name(row['husband'] or '')}等二人",
            division_code=row["division_code"],
            due_on=None,
            url=url(row["pk"]),
            capability=Capability.REGISTER_MARRIAGE,
            reference=row["certificate_number"],
        )
        for row in rows
    ]


def backfills_to_scan(user, today: date) -> list[WorkItem]:
    if not _allowed(user):
        return []
    return _backfill_items(_backfills(user).order_by("pk").values(*_BACKFILL_FIELDS))


def find_backfill(user, key: str, today: date) -> WorkItem:
    return _one(_backfill_items(_backfills(user).filter(pk=record_pk(key)).values(*_BACKFILL_FIELDS)))


SOURCES = [
    WorkSource("marriage.divorce_appearance", DOMAIN, "离婚登记待到场", divorces_due, find_divorce),
    WorkSource("marriage.appointment_today", DOMAIN, "今日预约", appointments_today, find_appointment),
    WorkSource("marriage.backfill_scan", DOMAIN, "补录档案待扫描", backfills_to_scan, find_backfill),
]
