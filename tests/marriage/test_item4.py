"""补领 of non-mainland parties at the provincial registry only; the public booking page's rate limit; provisional
冷静期 dates counted again once a year's holidays are loaded."""

from datetime import date

import pytest
from django.core.management import call_command

from minzheng.marriage.errors import MarriageConflict
from minzheng.marriage.models import DivorceApplication
from minzheng.marriage.services.divorces import Agreement, receive_divorce, recompute_provisional_windows
from minzheng.marriage.services.marriages import PartyInput
from minzheng.marriage.services.registries import add_registrar
from minzheng.marriage.services.reissues import reissue_certificate
from minzheng.policy.models import HolidayCalendarDay

from .factories import make_registry, marry, party

pytestmark = pytest.mark.django_db


def test_a_passport_holders_reissue_is_refused_at_a_county_registry(registry, registrar):
    """婚姻登记条例 第二条: 涉外 registrations (and their 补领) at the provincial-level registry only."""
    from tests.core.factories import make_user

    record = marry(registrar, registry, on=date(2026, 1, 5))
    record.parties.filter(sex="1").update(id_type="passport", id_number="E12345678", nationality="美国")
    with pytest.raises(MarriageConflict) as error:
        reissue_certificate(
            registrar, record, kind="BJ", applicant_sex="2", registry=registry, on=date(2026, 2, 2)
        )
    assert "男方持护照" in error.value.message and "省级" in error.value.message

    province_admin = make_user("approver", "210000000000", username="ln_mzt")
    clerk = make_user("caseworker", "210000000000", username="ln_djy")
    provincial = make_registry(province_admin, name="辽宁省涉外婚姻登记处", division_code="210000000000",
                               level="provincial")  # fmt: skip
    add_registrar(province_admin, provincial, user=clerk)
    foreigner = PartyInput(
        name="John Smith", id_number="E87654321", prior_status="10", id_type="passport", nationality="美国",
        birth_date=date(1990, 1, 1), sex="1",
    )  # fmt: skip
    there = marry(
        clerk, provincial, male=foreigner, female=party(date(1992, 1, 1), False), on=date(2026, 1, 5)
    )
    row = reissue_certificate(
        clerk, there, kind="BJ", applicant_sex="2", registry=provincial, on=date(2026, 2, 2)
    )
    assert row.certificate_number.startswith("BJ210000")


def test_the_public_booking_page_is_rate_limited_per_address(client, settings, registry):
    settings.MARRIAGE_PUBLIC_MAX_POSTS = 3
    answers = [
        client.post("/public/marriage/cancel/", {"code": "X", "id_number": "1"}).status_code for _ in range(4)
    ]
    assert answers == [200, 200, 200, 429]
    locked = client.post("/public/marriage/cancel/", {"code": "X", "id_number": "1"})
    assert locked.status_code == 429 and "操作过于频繁" in locked.content.decode()
    assert client.get("/public/marriage/").status_code == 200  # reading is never limited
    other = client.post("/public/marriage/cancel/", {"code": "X", "id_number": "1"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_provisional_dates_are_counted_again_when_the_year_is_loaded(registry, registrar):
    """民法典 第二百零三条: T0 2026-12-02 → T0+30 is 2027-01-01, 元旦 once the 2027 schedule is loaded."""
    record = marry(registrar, registry, on=date(2020, 1, 1))
    app = receive_divorce(registrar, record, registry=registry, agreement=Agreement("无", "无", "无"),
                          on=date(2026, 12, 2))  # fmt: skip
    assert app.dates_provisional and app.withdrawal_end == date(2027, 1, 1)
    assert recompute_provisional_windows() == 0  # 2027 still unknown
    HolidayCalendarDay.objects.create(day=date(2027, 1, 1), kind=HolidayCalendarDay.HOLIDAY, note="元旦")
    call_command("marriage_daily", verbosity=0)
    app = DivorceApplication.objects.get(pk=app.pk)
    assert not app.dates_provisional
    assert app.withdrawal_end == date(2027, 1, 4)  # 1 Jan holiday, 2–3 Jan weekend
    assert recompute_provisional_windows() == 0  # idempotent
