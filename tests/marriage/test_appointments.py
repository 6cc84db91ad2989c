"""预约: slots on working days only, capacity never exceeded, one booking per ID and day, the public pages."""

from datetime import date, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.marriage.errors import InvalidMarriageInput, MarriageConflict
from minzheng.marriage.models import Appointment, AppointmentSlot, AppointmentStatus
from minzheng.marriage.services import appointments as svc
from tests.core.factories import PASSWORD

from .factories import resident_id

pytestmark = pytest.mark.django_db


def _next_working_day(today):
    from minzheng.policy.interface import working_calendar

    calendar, day = working_calendar(), today
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


@pytest.fixture
def slot(registry, registrar):
    today = timezone.localdate()
    day = _next_working_day(today)
    svc.open_slots(registrar, registry, start=day, end=day, morning=2, afternoon=0)
    return AppointmentSlot.objects.get(day=day)


def book(slot, number=None, business="marriage"):
    return svc.book_appointment(
        slot_id=slot.pk, business=business, name="王小明", id_number=number or resident_id(date(1995, 1, 1), True),
        phone="13800000000",
    )  # fmt: skip


def test_open_slots_skips_holidays_and_weekends_keeps_makeup_days(registry, registrar, monkeypatch):
    """2026-09-26 (Sat) is a 调休 working day; 10-01…10-07 国庆 are off: from 09-25 to 10-09."""
    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 9, 1))
    created, provisional = svc.open_slots(
        registrar, registry, start=date(2026, 9, 25), end=date(2026, 10, 9), morning=5, afternoon=5
    )
    days = sorted({s.day for s in AppointmentSlot.objects.all()})
    assert date(2026, 10, 1) not in days and date(2026, 9, 27) not in days
    assert not provisional and created == 2 * len(days)
    assert svc.open_slots(registrar, registry, start=date(2026, 9, 25), end=date(2026, 10, 9), morning=5,
                          afternoon=5)[0] == 0  # fmt: skip


def test_capacity_is_never_exceeded(slot):
    book(slot)
    book(slot)
    with pytest.raises(MarriageConflict) as error:
        book(slot)
    assert "约满" in error.value.message
    assert Appointment.objects.count() == 2
    assert AuditEvent.objects.filter(object_type="marriage.appointment", username="公众预约").count() == 2


def test_one_booking_per_id_number_and_day_and_cancel_frees_the_place(slot):
    number = resident_id(date(1990, 2, 2), False)
    first = book(slot, number)
    with pytest.raises(MarriageConflict):
        book(slot, number)
    with pytest.raises(InvalidMarriageInput):
        svc.cancel_booking(code=first.code, id_number=resident_id(date(1990, 2, 3), False))
    svc.cancel_booking(code=first.code, id_number=number)
    assert book(slot, number).status == AppointmentStatus.BOOKED


def test_bad_id_number_named(slot):
    with pytest.raises(InvalidMarriageInput) as error:
        book(slot, "21060219900101123")
    assert error.value.field == "id_number"


def test_attend_only_by_a_registrar_on_the_day(slot, registrar, outsider):
    a = book(slot)
    if a.day != timezone.localdate():
        with pytest.raises(MarriageConflict):
            svc.mark_attended(registrar, a)
    else:
        assert svc.mark_attended(registrar, a).status == AppointmentStatus.ATTENDED
    with pytest.raises(Http404):
        svc.mark_attended(outsider, a)


def test_public_booking_pages_without_login(client, slot, registry):
    home = client.get(f"/public/marriage/?registry={registry.pk}").content.decode()
    assert "可预约时段" in home and f"/public/marriage/book/{slot.pk}/" in home
    number = resident_id(date(1992, 3, 3), True)
    response = client.post(f"/public/marriage/book/{slot.pk}/", {"business": "marriage", "name": "赵六",
                           "id_number": number, "phone": "0415-1234567"})  # fmt: skip
    text = response.content.decode()
    code = Appointment.objects.get().code
    assert "预约成功" in text and code in text and number not in text
    bad = client.post(
        f"/public/marriage/book/{slot.pk}/", {"business": "marriage", "name": "", "id_number": "1"}
    )
    assert "请填写预约人姓名" in bad.content.decode()
    assert client.get("/public/marriage/book/999999/").status_code == 302
    assert client.get("/public/marriage/?registry=abc").status_code == 200
    done = client.post("/public/marriage/cancel/", {"code": code, "id_number": number}).content.decode()
    assert "已取消" in done


def test_desk_pages_and_outsider(client, slot, registrar, outsider, registry):
    a = book(slot)
    assert client.login(username=registrar.username, password=PASSWORD)
    assert a.code in client.get(f"/marriage/appointments/?day={a.day:%Y-%m-%d}").content.decode()
    assert client.get(f"/marriage/appointments/{a.pk}/").status_code == 200
    assert "开放预约号源" in client.get(f"/marriage/registries/{registry.pk}/").content.decode()
    response = client.post(f"/marriage/registries/{registry.pk}/slots/",
                           {"start": f"{a.day:%Y-%m-%d}", "end": f"{a.day + timedelta(days=7):%Y-%m-%d}",
                            "morning": "3", "afternoon": "3"}, follow=True)  # fmt: skip
    assert "已开放" in response.content.decode()
    client.logout()
    assert client.login(username=outsider.username, password=PASSWORD)
    assert client.get(f"/marriage/appointments/{a.pk}/").status_code == 404
    assert client.post(f"/marriage/appointments/{a.pk}/", {"confirm": "1"}).status_code == 404
    assert client.post(f"/marriage/registries/{registry.pk}/slots/", {}).status_code == 404
    assert a.code not in client.get("/marriage/appointments/?day=").content.decode()
