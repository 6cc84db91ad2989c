"""婚姻登记's 待办: divorce applications in their appearance period, today's bookings, 补录 records to scan."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from minzheng.core.work_items import collect_work_sources
from minzheng.marriage import work_items
from minzheng.marriage.models import Appointment, AppointmentSlot
from minzheng.marriage.services.archives import add_document, backfill_marriage
from minzheng.marriage.services.divorces import Agreement, receive_divorce

from .factories import marry, party

pytestmark = pytest.mark.django_db
T0 = date(2026, 6, 1)  # appearance period 2026-07-02 … 2026-07-31
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_sources_are_found_by_convention():
    assert {"marriage.divorce_appearance", "marriage.appointment_today", "marriage.backfill_scan"} <= set(
        collect_work_sources()
    )


def test_a_divorce_is_work_only_during_its_appearance_period(registry, registrar, outsider):
    """民法典 第一千零七十七条: due on T0+60, the last day both may appear."""
    m = marry(registrar, registry, on=date(2020, 1, 1))
    app = receive_divorce(registrar, m, registry=registry, agreement=Agreement("无", "无", "无"), on=T0)
    assert (
        work_items.divorces_due(registrar, date(2026, 7, 1)) == []
    )  # still in the withdrawal period (T0+30)
    [item] = work_items.divorces_due(registrar, date(2026, 7, 2))  # T0+31
    assert (item.key, item.due_on, item.reference) == (str(app.pk), date(2026, 7, 31), m.certificate_number)
    assert "张*" in item.subject and item.url.endswith(f"/divorces/{app.pk}/")
    assert work_items.divorces_due(registrar, date(2026, 8, 1)) == []  # lapsed: the nightly job closes it
    assert work_items.find_divorce(registrar, str(app.pk), date(2026, 7, 15)).key == str(app.pk)
    assert work_items.divorces_due(outsider, date(2026, 7, 2)) == []
    with pytest.raises(Http404):
        work_items.find_divorce(outsider, str(app.pk), date(2026, 7, 15))


def test_todays_bookings_are_work_until_attended(registry, registrar):
    today = date(2026, 7, 6)
    slot = AppointmentSlot.objects.create(
        registry=registry, division_code=registry.division_code, day=today, period="am", capacity=5
    )
    booking = Appointment.objects.create(
        slot=slot, division_code=registry.division_code, day=today, business="marriage", name="王小明",
        id_number="210602199001010011", phone="13800000000", code="YY0001",
    )  # fmt: skip
    [item] = work_items.appointments_today(registrar, today)
    assert (item.subject, item.reference, item.due_on) == ("王*明", "YY0001", today)
    assert "结婚登记" in item.matter and "上午" in item.matter
    assert work_items.appointments_today(registrar, today + timedelta(days=1)) == []
    booking.status = "attended"
    booking.save()
    assert work_items.appointments_today(registrar, today) == []


def test_a_backfilled_record_is_work_until_its_scan_is_uploaded(settings, tmp_path, registry, registrar):
    settings.MEDIA_ROOT = tmp_path
    record = backfill_marriage(
        registrar, registry=registry, male=party(date(1960, 1, 1), True), female=party(date(1962, 1, 1), False),
        registered_on=date(1985, 10, 1), certificate_number="辽丹元结字第85-0001号", original_registry="元宝区民政局",
    )  # fmt: skip
    [item] = work_items.backfills_to_scan(registrar, date(2026, 7, 6))
    assert item.key == str(record.pk) and "元宝区民政局" in item.matter
    add_document(registrar, record, upload=SimpleUploadedFile("档案.pdf", PDF), kind="paper")
    assert work_items.backfills_to_scan(registrar, date(2026, 7, 6)) == []


def test_each_source_reads_in_a_bounded_number_of_queries(registry, registrar, django_assert_max_num_queries):
    for _ in range(3):
        m = marry(registrar, registry, on=date(2020, 1, 1))
        receive_divorce(registrar, m, registry=registry, agreement=Agreement("无", "无", "无"), on=T0)
    with django_assert_max_num_queries(4):
        assert len(work_items.divorces_due(registrar, date(2026, 7, 2))) == 3
