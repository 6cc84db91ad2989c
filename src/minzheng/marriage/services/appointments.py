"""预约: registrars open half-day slots on working days; the public books and cancels on /public/marriage/.

A booking locks its slot row (``select_for_update``), so a slot is never booked beyond its capacity; one
booking per ID number and day. The public has no account: a booking is audited under the name 公众预约 with the
ID number masked.
"""

import secrets
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import mask_id_number, parse_resident_id
from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import with_calendar

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import (
    Appointment,
    AppointmentBusiness,
    AppointmentSlot,
    AppointmentStatus,
    Registry,
    SlotPeriod,
)
from .common import audit, check_in_jurisdiction, policy_int, registrar_at

MAX_OPEN_DAYS = 92
MAX_CAPACITY = 200
PUBLIC = "公众预约"


def open_slots(
    actor, registry: Registry, *, start: date, end: date, morning: int, afternoon: int
) -> tuple[int, bool]:
    """号源 for every working day from ``start`` to ``end`` (holidays and weekends skipped, 调休 days included);
    days already opened are left as they are. Returns (slots created, calendar provisional)."""
    registrar_at(actor, registry)
    today = timezone.localdate()
    if start < today:
        raise InvalidMarriageInput("开始日期不能早于今天", field="start")
    if end < start:
        raise InvalidMarriageInput("结束日期不能早于开始日期", field="end")
    if (end - start).days >= MAX_OPEN_DAYS:
        raise InvalidMarriageInput(f"一次最多开放{MAX_OPEN_DAYS}天的号源", field="end")
    for value, field in ((morning, "morning"), (afternoon, "afternoon")):
        if not 0 <= value <= MAX_CAPACITY:
            raise InvalidMarriageInput(f"每个时段的可预约数应在0至{MAX_CAPACITY}之间", field=field)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    working, provisional = with_calendar(lambda calendar: [d for d in days if calendar.is_working_day(d)])
    with transaction.atomic():
        existing = set(
            AppointmentSlot.objects.filter(registry=registry, day__in=working).values_list("day", "period")
        )
        rows = [
            AppointmentSlot(
                registry=registry, division_code=registry.division_code, day=d, period=p, capacity=c
            )
            for d in working
            for p, c in ((SlotPeriod.MORNING, morning), (SlotPeriod.AFTERNOON, afternoon))
            if c and (d, p) not in existing
        ]
        AppointmentSlot.objects.bulk_create(rows)
        record_event(
            actor, AuditEvent.CREATE, object_type="marriage.appointmentslot", object_id=registry.pk,
            division_code=registry.division_code,
            summary=f"{registry.name}开放预约号源 {start:%Y-%m-%d}至{end:%Y-%m-%d}：{len(rows)}个时段",
        )  # fmt: skip
    return len(rows), provisional


def _clean_booking(business: str, name: str, id_number: str, phone: str, today: date) -> tuple[str, str, str]:
    if business not in AppointmentBusiness.values:
        raise InvalidMarriageInput("请选择预约事项", field="business")
    name = (name or "").strip()
    if not name:
        raise InvalidMarriageInput("请填写预约人姓名", field="name")
    try:
        number = parse_resident_id(id_number, today=today).number
    except InvalidIdNumber as error:
        raise InvalidMarriageInput(error.message, field="id_number") from None
    phone = (phone or "").strip()
    if not (phone.isascii() and phone.replace("-", "").isdigit() and 7 <= len(phone) <= 20):
        raise InvalidMarriageInput("联系电话应为7至20位数字", field="phone")
    return name, number, phone


def book_appointment(*, slot_id: int, business: str, name: str, id_number: str, phone: str) -> Appointment:
    """公众预约 (no login): a slot of an active registry, not in the past nor beyond the booking horizon."""
    today = timezone.localdate()
    name, number, phone = _clean_booking(business, name, id_number, phone, today)
    with transaction.atomic():
        slot = (
            AppointmentSlot.objects.select_for_update().select_related("registry").filter(pk=slot_id).first()
        )
        if slot is None or not slot.registry.active:
            raise InvalidMarriageInput("该预约时段不存在，请重新选择", field="slot")
        ahead = policy_int("marriage_booking_days_ahead", slot.division_code, today)
        if not today <= slot.day <= today + timedelta(days=ahead):
            raise MarriageConflict(f"只能预约今天起{ahead}天内的时段", field="slot")
        booked = slot.appointments.filter(status=AppointmentStatus.BOOKED).count()
        if booked >= slot.capacity:
            raise MarriageConflict("该时段已约满，请选择其他时段", field="slot")
        if Appointment.objects.filter(
            id_number=number, day=slot.day, status=AppointmentStatus.BOOKED
        ).exists():
            raise MarriageConflict(f"该证件号码在{slot.day:%Y-%m-%d}已有预约", field="id_number")
        for _ in range(5):
            code = f"{slot.day:%m%d}{secrets.randbelow(10**6):06d}"
            try:
                with transaction.atomic():
                    appointment = Appointment.objects.create(
                        slot=slot, division_code=slot.division_code, day=slot.day, business=business,
                        name=name, id_number=number, phone=phone, code=code,
                    )  # fmt: skip
                break
            except IntegrityError:
                continue
        else:
            raise MarriageConflict("预约繁忙，请稍后重试")
        record_event(
            None, AuditEvent.CREATE, username=PUBLIC, object_type="marriage.appointment", object_id=appointment.pk,
            division_code=slot.division_code,
            summary=f"预约{slot.registry.name} {slot.day:%Y-%m-%d}{slot.get_period_display()}"
            f"（{appointment.get_business_display()}，{mask_id_number(number)}）",
        )  # fmt: skip
    return appointment


@transaction.atomic
def cancel_booking(*, code: str, id_number: str) -> Appointment:
    """公众取消预约: the 预约号 and the ID number must both match (neither alone tells anything)."""
    appointment = (
        Appointment.objects.select_for_update()
        .filter(code=(code or "").strip(), id_number=(id_number or "").strip().upper())
        .first()
    )
    if appointment is None or appointment.status != AppointmentStatus.BOOKED:
        raise InvalidMarriageInput("未找到有效的预约，请核对预约号和证件号码", field="code")
    appointment.status = AppointmentStatus.CANCELLED
    appointment.save(update_fields=["status"])
    record_event(
        None, AuditEvent.UPDATE, username=PUBLIC, object_type="marriage.appointment", object_id=appointment.pk,
        division_code=appointment.division_code, summary=f"取消预约 {appointment.code}",
    )  # fmt: skip
    return appointment


@transaction.atomic
def mark_attended(actor, appointment: Appointment) -> Appointment:
    """到场: the registrar at the desk confirms the booked person came (only on the day)."""
    check_in_jurisdiction(actor, appointment.division_code)
    registrar_at(actor, appointment.slot.registry)
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.status != AppointmentStatus.BOOKED:
        raise MarriageConflict(f"该预约{appointment.get_status_display()}")
    if appointment.day != timezone.localdate():
        raise MarriageConflict(f"该预约为{appointment.day:%Y-%m-%d}，只能在当天确认到场")
    appointment.status = AppointmentStatus.ATTENDED
    appointment.save(update_fields=["status"])
    audit(actor, AuditEvent.UPDATE, appointment, f"预约 {appointment.code} 到场", ["status"])
    return appointment
