"""社会工作 through the real services, pages and plan figures: 乡镇（街道）社工站 built to the “六有” standard
(丹东市民政事业发展第十四个五年规划: 有场地、有设备、有人员、有服务功能、有工作流程、有规章制度), their coverage of the
乡镇（街道）, and 社会工作专业人才总量 from the 社会工作者 register; another county gets 404."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.http import Http404
from hypothesis import given
from hypothesis import strategies as st

from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.core.models import AuditEvent
from minzheng.socialorgs.errors import InvalidSocialOrgInput, SocialOrgConflict
from minzheng.socialorgs.models import SocialWorker, SocialWorkStation, StationCheck
from minzheng.socialorgs.rules import socialwork as rules
from minzheng.socialorgs.services import socialwork as svc
from tests.core.factories import PASSWORD, valid_id

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()
YB, QIDAO, GUANGJI = "210602000000", "210602002000", "210602003000"
ALL_SIX = {field: True for field, _ in rules.SIX_STANDARDS}


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def station(actor, township=QIDAO, opened_on=TODAY - timedelta(days=400)):
    return svc.open_station(
        actor, division_code=township, name="七道街道社工站", operator="阳光社工服务中心", opened_on=opened_on
    )


# --- the “六有” rule against an oracle written from the plan's sentence ---------------------------------------
def six_have_oracle(opened, closed, checks, day) -> bool:
    """Built to standard on ``day``: running that day, and the last check made by then found all six “有”."""
    running = opened <= day and (closed is None or day < closed)
    made = sorted((c for c in checks if c[0] <= day), key=lambda c: c[0])
    return running and bool(made) and all(made[-1][1])


days = st.dates(min_value=date(2021, 1, 1), max_value=date(2025, 12, 31))


@given(
    opened=days,
    closed=st.none() | days,
    checks=st.lists(st.tuples(days, st.tuples(*[st.booleans()] * 6)), max_size=4, unique_by=lambda c: c[0]),
    day=days,
)
def test_a_station_meets_the_six_have_standard_exactly_as_the_plan_says(opened, closed, checks, day):
    state = rules.StationState(
        "210602002000", opened, closed, tuple((on, all(found)) for on, found in checks)
    )
    assert rules.meets_standard_on(state, day) == six_have_oracle(opened, closed, checks, day)


def test_missing_items_are_named_in_the_plans_words():
    found = {**ALL_SIX, "has_staff": False, "has_rules": False}
    assert rules.missing_standards(found) == ["有人员", "有规章制度"]


# --- coverage through the store and the indicator source ----------------------------------------------------
def test_coverage_counts_only_townships_whose_station_met_all_six_by_then(county_caseworker):
    source = collect_indicator_sources()["socialorgs.social_work_station_coverage"]
    # Before any station is recorded the register is not in use: no figure, never a false 0 %.
    assert source.compute(YB, date(TODAY.year, 1, 1), TODAY).value is None
    qidao = station(county_caseworker)
    opened = qidao.opened_on
    svc.record_check(
        county_caseworker, qidao, checked_on=opened, note="缺人员", **{**ALL_SIX, "has_staff": False}
    )
    svc.record_check(county_caseworker, qidao, checked_on=opened + timedelta(days=200), **ALL_SIX)
    before_fix, after_fix = opened + timedelta(days=10), opened + timedelta(days=250)
    series = source.compute_series(YB, [(before_fix, before_fix), (after_fix, after_fix)])
    # 元宝区 has two 街道 (七道, 广济): 0 of 2 before the fix, 1 of 2 after it.
    assert [(v.numerator, v.denominator, v.value) for v in series] == [
        (0, 2, Decimal("0.00")),
        (1, 2, Decimal("50.00")),
    ]
    by_county = source.compute_divisions([YB, "210603000000"], TODAY, TODAY)
    assert [v.value for v in by_county] == [Decimal("50.00"), Decimal("0.00")]
    svc.close_station(county_caseworker, qidao, closed_on=TODAY)
    assert source.compute(YB, TODAY, TODAY).numerator == 0  # closed that day: no longer counted
    assert source.compute(YB, TODAY, TODAY - timedelta(days=1)).numerator == 1


def test_one_open_station_per_township_and_only_a_township(county_caseworker, outsider):
    station(county_caseworker)
    with pytest.raises(SocialOrgConflict, match="已有社工站"):
        station(county_caseworker)
    with pytest.raises(InvalidSocialOrgInput, match="行政区划") as error:
        station(county_caseworker, township="210602002001")  # a 社区, not a 乡镇（街道）
    assert error.value.field == "division_code"
    with pytest.raises(Http404):
        station(outsider, township=GUANGJI)  # 振兴区's caseworker, 元宝区's 街道


def test_a_check_with_gaps_must_say_why_and_every_write_is_audited(county_caseworker):
    qidao = station(county_caseworker)
    with pytest.raises(InvalidSocialOrgInput, match="核查说明") as error:
        svc.record_check(county_caseworker, qidao, checked_on=TODAY, **{**ALL_SIX, "has_site": False})
    assert error.value.field == "note" and not StationCheck.objects.exists()
    svc.record_check(county_caseworker, qidao, checked_on=TODAY, **ALL_SIX)
    summaries = list(
        AuditEvent.objects.filter(object_type__startswith="socialorgs.").values_list("summary", flat=True)
    )
    assert "设立社工站：七道街道社工站" in summaries
    assert "社工站“六有”核查：七道街道社工站，达到“六有”标准" in summaries


# --- 社会工作专业人才总量 -----------------------------------------------------------------------------------
def worker(actor, **over):
    values = dict(
        division_code=QIDAO, name="王晓燕", id_number=valid_id(), level="intermediate", certificate_no="2019S0001",
        certified_on=date(2019, 6, 30), employer="阳光社工服务中心", joined_on=date(2020, 3, 1),
    )  # fmt: skip
    return svc.register_worker(actor, **{**values, **over})


def test_headcount_counts_certified_workers_in_post_in_ten_thousands(county_caseworker):
    source = collect_indicator_sources()["socialorgs.social_workers"]
    assert source.compute(YB, TODAY, TODAY).value is None  # nobody registered: the register is not in use
    a = worker(county_caseworker)
    worker(county_caseworker, certified_on=date(2024, 6, 30), joined_on=date(2023, 1, 1))
    worker(county_caseworker, division_code=GUANGJI, joined_on=date(2021, 1, 1))
    svc.worker_left(county_caseworker, a, left_on=date(2024, 1, 1))
    at = {year: source.compute(YB, date(year, 1, 1), date(year, 12, 31)) for year in (2019, 2020, 2023, 2024)}
    assert [at[y].numerator for y in (2019, 2020, 2023, 2024)] == [0, 1, 2, 2]
    assert at[2023].value == Decimal("0.0002")  # 2 persons = 0.0002 万人
    assert source.compute("210602002000", TODAY, TODAY).numerator == 1  # 七道街道 only: a left, b remains


def test_a_worker_needs_a_valid_id_and_a_level(county_caseworker):
    with pytest.raises(InvalidSocialOrgInput) as error:
        worker(county_caseworker, id_number="21060219900101123")
    assert error.value.field == "id_number"
    with pytest.raises(InvalidSocialOrgInput, match="职业水平"):
        worker(county_caseworker, level="expert")
    number = valid_id()
    worker(county_caseworker, id_number=number)
    with pytest.raises(SocialOrgConflict, match="已登记"):
        worker(county_caseworker, id_number=number)
    assert SocialWorker.objects.count() == 1


# --- pages ------------------------------------------------------------------------------------------------
def test_pages_create_check_and_show_in_chinese_and_another_county_gets_404(
    client, county_caseworker, outsider
):
    login(client, county_caseworker)
    created = client.post(
        "/socialorgs/social-work/new/",
        {
            "division_code": QIDAO,
            "name": "七道街道社工站",
            "operator": "阳光社工服务中心",
            "opened_on": "2024-03-01",
        },
    )
    qidao = SocialWorkStation.objects.get()
    assert created.status_code == 302 and created.url == f"/socialorgs/social-work/{qidao.pk}/"
    checked = client.post(
        f"/socialorgs/social-work/{qidao.pk}/check/",
        {"checked_on": "2024-03-02", "has_site": "1", "has_equipment": "1", "has_services": "1",
         "has_workflow": "1", "has_rules": "1", "note": "专职社工未到岗"},
    )  # fmt: skip
    assert checked.status_code == 302
    page = client.get(f"/socialorgs/social-work/{qidao.pk}/").content.decode()
    assert "缺人员" in page and "专职社工未到岗" in page
    bad = client.post(
        f"/socialorgs/social-work/{qidao.pk}/service/", {"served_on": "2024-03-05", "kind": "x"}, follow=True
    )
    assert "服务类型" in bad.content.decode()
    number = valid_id()
    client.post(
        "/socialorgs/social-workers/new/",
        {"division_code": QIDAO, "name": "王晓燕", "id_number": number, "level": "senior", "certificate_no": "G1",
         "certified_on": "2020-01-01", "employer": "阳光社工服务中心", "joined_on": "2020-02-01",
         "station": str(qidao.pk)},
    )  # fmt: skip
    w = SocialWorker.objects.get()
    urls = [f"/socialorgs/social-work/{qidao.pk}/", f"/socialorgs/social-workers/{w.pk}/"]
    for url in [*urls, "/socialorgs/social-work/", "/socialorgs/social-workers/", "/socialorgs/social-work/new/",
                "/socialorgs/social-workers/new/", "/socialorgs/social-workers/?level=senior&q=%FF"]:  # fmt: skip
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert number not in body and ">senior<" not in body and ">intermediate<" not in body, url
    assert "高级社会工作师" in client.get("/socialorgs/social-workers/").content.decode()
    login(client, outsider)
    for url in urls:
        assert client.get(url).status_code == 404, url
    writes = ["check", "service", "close"]
    for url in [
        *(f"/socialorgs/social-work/{qidao.pk}/{action}/" for action in writes),
        f"/socialorgs/social-workers/{w.pk}/left/",
    ]:
        assert client.post(url, {"checked_on": "2024-04-01", "left_on": "2024-04-01"}).status_code == 404, url
    assert "王晓燕" not in client.get("/socialorgs/social-workers/").content.decode()
