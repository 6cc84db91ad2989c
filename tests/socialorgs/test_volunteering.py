"""志愿服务 through the real services and pages: self-registration, the 10-working-day record clock, corrections,
the free certificate and its public check, stations and their coverage; another county gets 404."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.core.work_items import collect_work_sources
from minzheng.socialorgs.errors import InvalidSocialOrgInput, SocialOrgConflict
from minzheng.socialorgs.models import ServiceRecord, Volunteer
from minzheng.socialorgs.services import volunteering as svc
from tests.core.factories import PASSWORD, valid_id

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()
YB = "210602000000"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def person(**over):
    values = {
        "name": "刘小红",
        "gender": "2",
        "id_number": valid_id(),
        "phone": "13800001234",
        "skills": "急救",
    }
    return {**values, **over}


@pytest.fixture
def activity(county_caseworker):
    return svc.create_activity(
        county_caseworker, organiser="元宝区志愿者协会", name="敬老院陪伴", starts_on=TODAY - timedelta(days=3),
        ends_on=TODAY - timedelta(days=2), place="元宝区敬老院", content="陪伴老人", person_in_charge="王某",
    )  # fmt: skip


def test_public_self_registration_says_the_same_for_a_known_number(client, divisions):
    data = person(division_code=YB)
    body = client.post("/public/socialorgs/volunteers/register/", data).content.decode()
    assert "已收到您的注册信息" in body and Volunteer.objects.get().registered_via == "self"
    again = client.post("/public/socialorgs/volunteers/register/", data).content.decode()
    assert "已收到您的注册信息" in again and Volunteer.objects.count() == 1
    bad = client.post("/public/socialorgs/volunteers/register/", person(id_number="123", division_code=YB))
    assert "公民身份号码" in bad.content.decode() and Volunteer.objects.count() == 1


def test_record_within_10_working_days_article_11(county_caseworker, activity):
    # 10 working days after any day reach across two weekends: 12 calendar days at the least
    assert activity.record_due_on >= activity.ends_on + timedelta(days=12)
    volunteer = svc.register(county_caseworker, division_code=YB, **person())
    record = svc.record_service(
        county_caseworker, activity, id_number=volunteer.id_number, hours=Decimal("6.5"), recorded_on=TODAY
    )
    assert not record.late
    with pytest.raises(SocialOrgConflict, match="已有服务记录"):
        svc.record_service(
            county_caseworker, activity, id_number=volunteer.id_number, hours=Decimal(1), recorded_on=TODAY
        )
    other = svc.register(county_caseworker, division_code=YB, **person(name="赵大"))
    with pytest.raises(InvalidSocialOrgInput, match="48小时"):
        svc.record_service(
            county_caseworker, activity, id_number=other.id_number, hours=Decimal(49), recorded_on=TODAY
        )
    with pytest.raises(InvalidSocialOrgInput, match="未找到"):
        svc.record_service(
            county_caseworker, activity, id_number=valid_id(), hours=Decimal(1), recorded_on=TODAY
        )


def test_a_record_after_the_deadline_is_flagged_late(county_caseworker):
    old = svc.create_activity(
        county_caseworker, organiser="协会", name="旧活动", starts_on=TODAY - timedelta(days=40),
        ends_on=TODAY - timedelta(days=40), place="某地", content="服务", person_in_charge="王某",
    )  # fmt: skip
    volunteer = svc.register(county_caseworker, division_code=YB, **person())
    assert svc.record_service(
        county_caseworker, old, id_number=volunteer.id_number, hours=Decimal(2), recorded_on=TODAY
    ).late


def test_correction_asked_by_the_volunteer_changes_the_hours_article_13(county_caseworker, activity):
    volunteer = svc.register(county_caseworker, division_code=YB, **person())
    record = svc.record_service(
        county_caseworker, activity, id_number=volunteer.id_number, hours=Decimal(4), recorded_on=TODAY
    )
    c = svc.request_correction(
        county_caseworker, record, requested_on=TODAY, requested_hours=Decimal(8), reason="两天各4小时"
    )
    with pytest.raises(SocialOrgConflict, match="待处理"):
        svc.request_correction(
            county_caseworker, record, requested_on=TODAY, requested_hours=Decimal(8), reason="x"
        )
    with pytest.raises(InvalidSocialOrgInput, match="说明理由"):
        svc.answer_correction(county_caseworker, c, accept=False, answered_on=TODAY)
    svc.answer_correction(county_caseworker, c, accept=True, answered_on=TODAY)
    assert ServiceRecord.objects.get(pk=record.pk).hours == Decimal(8)


def test_certificate_is_checkable_on_the_public_page_article_17(
    client, county_caseworker, outsider, activity
):
    volunteer = svc.register(county_caseworker, division_code=YB, **person())
    with pytest.raises(SocialOrgConflict, match="没有该志愿者的服务记录"):
        svc.issue_certificate(county_caseworker, volunteer, issued_on=TODAY)
    svc.record_service(
        county_caseworker, activity, id_number=volunteer.id_number, hours=Decimal("6.5"), recorded_on=TODAY
    )
    cert = svc.issue_certificate(county_caseworker, volunteer, issued_on=TODAY)
    assert cert.total_hours == Decimal("6.5") and cert.record_count == 1
    with pytest.raises(SocialOrgConflict):
        svc.issue_certificate(outsider, volunteer, issued_on=TODAY)  # 振兴区 holds none of the records
    body = client.get(
        "/public/socialorgs/volunteers/certificate/", {"code": cert.code.lower()}
    ).content.decode()
    assert "证明有效" in body and "刘*红" in body and "6.5小时" in body and "元宝区民政局" in body
    assert volunteer.id_number not in body and volunteer.phone not in body
    wrong = cert.code[:-1] + ("0" if cert.code[-1] != "0" else "1")
    assert (
        "未查到" in client.get("/public/socialorgs/volunteers/certificate/", {"code": wrong}).content.decode()
    )


def test_stations_cover_communities_and_the_indicator_reads_them(county_caseworker):
    svc.open_station(county_caseworker, division_code="210602002001", name="城隍庙一社区志愿服务站",
                     facility="城隍庙一社区党群服务中心", opened_on=TODAY - timedelta(days=1))  # fmt: skip
    with pytest.raises(SocialOrgConflict, match="已有"):
        svc.open_station(
            county_caseworker, division_code="210602002001", name="重复", facility="x", opened_on=TODAY
        )
    with pytest.raises(InvalidSocialOrgInput, match="行政区划"):
        svc.open_station(
            county_caseworker, division_code="210602002000", name="街道", facility="x", opened_on=TODAY
        )
    source = collect_indicator_sources()["socialorgs.volunteer_station_coverage"]
    value = source.compute(YB, date(TODAY.year, 1, 1), TODAY)
    assert (value.numerator, value.denominator, value.value) == (1, 3, Decimal("33.33"))
    assert source.compute_divisions(["210602000000", "210603000000"], TODAY, TODAY)[1].value == Decimal(0)
    [last_year, this_year] = source.compute_series(YB, [(TODAY, TODAY - timedelta(days=2)), (TODAY, TODAY)])
    assert last_year.numerator == 0 and this_year.numerator == 1


def test_activity_without_records_is_in_the_worklist(county_caseworker, outsider, activity):
    source = collect_work_sources()["socialorgs.volunteer_records"]
    [item] = source.open_items(county_caseworker, TODAY)
    assert item.key == str(activity.pk) and item.due_on == activity.record_due_on
    assert source.open_items(outsider, TODAY) == []
    volunteer = svc.register(county_caseworker, division_code=YB, **person())
    svc.record_service(
        county_caseworker, activity, id_number=volunteer.id_number, hours=Decimal(2), recorded_on=TODAY
    )
    assert source.open_items(county_caseworker, TODAY) == []


def test_pages_render_in_chinese_and_another_county_gets_404(client, county_caseworker, outsider, activity):
    volunteer = svc.register(county_caseworker, division_code=YB, **person())
    svc.record_service(
        county_caseworker, activity, id_number=volunteer.id_number, hours=Decimal(3), recorded_on=TODAY
    )
    svc.issue_certificate(county_caseworker, volunteer, issued_on=TODAY)
    records = [f"/socialorgs/volunteers/{volunteer.pk}/", f"/socialorgs/activities/{activity.pk}/"]
    lists = ["/socialorgs/volunteers/", "/socialorgs/volunteers/new/", "/socialorgs/activities/",
             "/socialorgs/activities/new/", "/socialorgs/stations/", "/socialorgs/stations/new/"]  # fmt: skip
    login(client, county_caseworker)
    for url in records + lists:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert ">self<" not in body and ">organisation<" not in body, url
        assert volunteer.id_number not in body, url
    login(client, outsider)
    for url in records:
        assert client.get(url).status_code == 404, url
    for url in (
        f"/socialorgs/volunteers/{volunteer.pk}/certificate/",
        f"/socialorgs/activities/{activity.pk}/record/",
    ):
        assert client.post(url).status_code == 404, url
    assert "刘小红" not in client.get("/socialorgs/volunteers/").content.decode()


def test_public_self_registration_is_rate_limited_per_address(client, divisions, settings):
    """A page without login must not let one address fill the register with invented people."""
    settings.PUBLIC_MAX_POSTS = 2
    answers = [
        client.post("/public/socialorgs/volunteers/register/", person(division_code=YB)).status_code
        for _ in range(3)
    ]
    assert answers == [200, 200, 429] and Volunteer.objects.count() == 2
    refused = client.post(
        "/public/socialorgs/volunteers/register/", person(division_code=YB)
    ).content.decode()
    assert "操作过于频繁" in refused and Volunteer.objects.count() == 2
    assert (
        client.get("/public/socialorgs/volunteers/register/").status_code == 200
    )  # reading is never limited
    other = client.post(
        "/public/socialorgs/volunteers/register/", person(division_code=YB), REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 200 and Volunteer.objects.count() == 3
