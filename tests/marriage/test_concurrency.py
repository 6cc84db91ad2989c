"""Certificate numbers under concurrent registrations: unique and gap-free per registry-year.

Meaningful on PostgreSQL (row locks; run with DATABASE_URL=postgres://…/marriage); on SQLite the database
serialises writers and the test still checks the numbers."""

import threading
from datetime import date

import pytest
from django.db import connection

from minzheng.marriage.models import MarriageRecord

from .factories import marry, resident_id

THREADS = 8


def _in_threads(target, count: int) -> list[BaseException]:
    barrier, errors = threading.Barrier(count), []

    def run(i):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=30)
            target(i)
        except BaseException as error:
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_get_unique_gap_free_numbers(registry, registrar):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)")
    errors = _in_threads(lambda i: marry(registrar, registry, on=date(2026, 3, 2)), THREADS)
    assert errors == []
    numbers = sorted(MarriageRecord.objects.values_list("certificate_number", flat=True))
    assert numbers == [f"J210602-2026-{n:06d}" for n in range(1, THREADS + 1)]


@pytest.mark.django_db(transaction=True)
def test_a_failed_registration_leaves_no_gap(registry, registrar):
    marry(registrar, registry, on=date(2026, 3, 2))
    with pytest.raises(Exception):  # noqa: B017 — any refusal; the counter must roll back with it
        marry(registrar, registry, on=date(2026, 3, 2), declared_voluntary=False)
    assert marry(registrar, registry, on=date(2026, 3, 2)).certificate_number == "J210602-2026-000002"


@pytest.mark.django_db(transaction=True)
def test_parallel_bookings_never_exceed_the_capacity(registry, registrar):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)")
    from django.utils import timezone

    from minzheng.marriage.errors import MarriageConflict
    from minzheng.marriage.models import Appointment, AppointmentSlot
    from minzheng.marriage.services.appointments import book_appointment

    slot = AppointmentSlot.objects.create(
        registry=registry,
        division_code=registry.division_code,
        day=timezone.localdate(),
        period="am",
        capacity=3,
    )
    numbers = [resident_id(date(1990, 1, 1), True) for _ in range(THREADS)]
    errors = _in_threads(
        lambda i: book_appointment(slot_id=slot.pk, business="marriage", name="并发", id_number=numbers[i],
                                   phone="13800000000"),
        THREADS,
    )  # fmt: skip
    assert Appointment.objects.filter(slot=slot).count() == 3
    assert len(errors) == THREADS - 3 and all(isinstance(e, MarriageConflict) for e in errors)
