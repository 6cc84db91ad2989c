"""预约 reads: the public's view of free slots (no personal data), the desk's list of bookings (scoped)."""

from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from ..models import Appointment, AppointmentSlot, AppointmentStatus, Registry
from .common import one, scoped


def public_registries() -> QuerySet[Registry]:
    return Registry.objects.filter(active=True).order_by("division_code", "name")


def public_registry(pk: int) -> Registry | None:
    return public_registries().filter(pk=pk).first()


def free_slots(registry: Registry, today: date, days_ahead: int) -> list[AppointmentSlot]:
    """The registry's slots from today to the horizon, each with ``booked`` and ``free`` counted."""
    rows = (
        AppointmentSlot.objects.filter(
            registry=registry, day__gte=today, day__lte=today + timedelta(days=days_ahead)
        )
        .annotate(booked=Count("appointments", filter=Q(appointments__status=AppointmentStatus.BOOKED)))
        .order_by("day", "period")
    )
    slots = list(rows)
    for slot in slots:
        slot.free = max(slot.capacity - slot.booked, 0)
    return slots


def public_slot(pk: int) -> AppointmentSlot | None:
    return AppointmentSlot.objects.select_related("registry").filter(pk=pk, registry__active=True).first()


def slots_of(user, registry: Registry, today: date, days: int = 14) -> list[AppointmentSlot]:
    """The desk's view of a registry's coming slots (the registry is already inside the jurisdiction)."""
    return free_slots(registry, today, days)


def appointment_list(user, day: date | None = None, status: str = "") -> QuerySet[Appointment]:
    qs = scoped(Appointment.objects.select_related("slot__registry"), user)
    if day:
        qs = qs.filter(day=day)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("day", "slot__period", "slot__registry__name", "created_at")


def appointment_for_action(user, pk: int) -> Appointment:
    return one(Appointment.objects.select_related("slot__registry"), user, pk)
