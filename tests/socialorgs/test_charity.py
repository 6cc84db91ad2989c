"""慈善 through the real services and pages: 认定, 公开募捐资格 with the 年报 ratios, 募捐方案 and 募捐情况公开 in the
待办, 慈善信托备案, the public lists; another county's records are 404."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.core.work_items import collect_work_sources
from minzheng.socialorgs.errors import InvalidSocialOrgInput, SocialOrgConflict
from minzheng.socialorgs.models import AnnualReport, Organisation, Rating, RatingStatus
from minzheng.socialorgs.services import charity, reports
from tests.core.factories import PASSWORD

from .factories import registered

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()
PLAN = {
    "title": "春蕾助学", "purpose": "资助困难家庭学生", "area": "丹东市元宝区", "person_in_charge": "李某",
    "bank_account": "6222000011112222", "beneficiaries": "元宝区困难家庭在校学生", "use": "助学金",
}  # fmt: skip


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def org(county_caseworker, reviewer):
    """Registered in 2022, last year's report compliant (spending 80 %, fees 5 %), a 3A rating in force."""
    org = registered(county_caseworker, reviewer, received_on=date(2022, 1, 3), name="丹东市元宝区助学促进会")
    report = reports.submit(
        county_caseworker, org, year=TODAY.year - 1, registry_submitted_on=TODAY - timedelta(days=40),
        total_income=Decimal(100000), previous_year_income=Decimal(100000), charitable_spending=Decimal(80000),
        management_fees=Decimal(5000), total_spending=Decimal(100000),
    )  # fmt: skip
    reports.decide(reviewer, report, result="qualified", decided_on=TODAY - timedelta(days=30))
    Rating.objects.create(
        organisation=org, division_code=org.division_code, applied_on=date(2024, 1, 1), applied_by=county_caseworker,
        status=RatingStatus.CONFIRMED, score=750, level=3, confirmed_on=date(2024, 3, 1), valid_to=TODAY + timedelta(days=400),
    )  # fmt: skip
    return org


def recognised(cw, reviewer, org, since=None):
    app = charity.receive(cw, org, matter="recognition", received_on=TODAY - timedelta(days=3))
    charity.decide(reviewer, app, approve=True, decided_on=TODAY, note="")
    if since:
        Organisation.objects.filter(pk=org.pk).update(charity_on=since)
    org.refresh_from_db()
    return org


def qualified(cw, reviewer, org):
    recognised(cw, reviewer, org, since=TODAY - timedelta(days=800))
    app = charity.receive(cw, org, matter="fundraising", received_on=TODAY - timedelta(days=2))
    charity.decide(reviewer, app, approve=True, decided_on=TODAY, note="")
    org.refresh_from_db()
    return org


def test_recognition_within_20_days_article_10_maker_checker(county_caseworker, reviewer, org):
    app = charity.receive(county_caseworker, org, matter="recognition", received_on=TODAY - timedelta(days=3))
    assert app.due_on == TODAY + timedelta(days=17)
    with pytest.raises(SocialOrgConflict, match="待决定"):
        charity.receive(county_caseworker, org, matter="recognition", received_on=TODAY)
    with pytest.raises(InvalidSocialOrgInput, match="说明理由"):
        charity.decide(reviewer, app, approve=False, decided_on=TODAY, note="")
    charity.decide(reviewer, app, approve=True, decided_on=TODAY, note="")
    org.refresh_from_db()
    assert org.charity_on == TODAY
    with pytest.raises(SocialOrgConflict, match="已是慈善组织"):
        charity.receive(county_caseworker, org, matter="recognition", received_on=TODAY)


def test_fundraising_needs_a_charity_of_one_year_article_22(county_caseworker, reviewer, org):
    with pytest.raises(SocialOrgConflict, match="尚未登记或认定为慈善组织"):
        charity.receive(county_caseworker, org, matter="fundraising", received_on=TODAY)
    recognised(county_caseworker, reviewer, org)
    app = charity.receive(county_caseworker, org, matter="fundraising", received_on=TODAY)
    assert app.due_on == TODAY + timedelta(days=20)
    with pytest.raises(InvalidSocialOrgInput, match="未满1年"):
        charity.decide(reviewer, app, approve=True, decided_on=TODAY, note="")


def test_fundraising_reads_the_fee_ratio_of_last_years_report_measures_article_5(
    county_caseworker, reviewer, org
):
    recognised(county_caseworker, reviewer, org, since=TODAY - timedelta(days=800))
    AnnualReport.objects.filter(organisation=org).update(management_fees=Decimal(10001))  # 10.001 % > 10 %
    app = charity.receive(county_caseworker, org, matter="fundraising", received_on=TODAY)
    with pytest.raises(InvalidSocialOrgInput, match="支出或管理费用不符合规定"):
        charity.decide(reviewer, app, approve=True, decided_on=TODAY, note="")
    AnnualReport.objects.filter(organisation=org).update(
        management_fees=Decimal(10000)
    )  # exactly 10 % is allowed
    app = charity.decide(reviewer, app, approve=True, decided_on=TODAY, note="")
    org.refresh_from_db()
    assert org.fundraising_on == TODAY and app.certificate_number.startswith("210602")


def test_a_plan_needs_the_qualification_and_late_filing_is_recorded(county_caseworker, reviewer, org):
    with pytest.raises(SocialOrgConflict, match="没有公开募捐资格"):
        charity.file_plan(county_caseworker, org, starts_on=TODAY, ends_on=TODAY, filed_on=TODAY,
                          expected_amount=Decimal(1), **PLAN)  # fmt: skip
    qualified(county_caseworker, reviewer, org)
    on_time = charity.file_plan(
        county_caseworker, org, starts_on=TODAY + timedelta(days=10), ends_on=TODAY + timedelta(days=40),
        filed_on=TODAY, expected_amount=Decimal(50000), **PLAN,
    )  # fmt: skip
    assert not on_time.late and on_time.disclosure_due_on is None  # ≤ 6 months: no periodic clock
    late = charity.file_plan(
        county_caseworker, org, starts_on=TODAY + timedelta(days=9), ends_on=TODAY + timedelta(days=40),
        filed_on=TODAY, expected_amount=Decimal(50000), **PLAN,
    )  # fmt: skip
    emergency = charity.file_plan(
        county_caseworker, org, starts_on=TODAY - timedelta(days=10), ends_on=TODAY + timedelta(days=40),
        filed_on=TODAY, expected_amount=Decimal(50000), emergency=True, **PLAN,
    )  # fmt: skip
    assert late.late and not emergency.late
    with pytest.raises(InvalidSocialOrgInput, match="结束日期"):
        charity.file_plan(county_caseworker, org, starts_on=TODAY, ends_on=TODAY - timedelta(days=1),
                          filed_on=TODAY, expected_amount=Decimal(1), **PLAN)  # fmt: skip


def test_long_campaign_disclosure_is_in_the_worklist_article_79(county_caseworker, reviewer, outsider, org):
    qualified(county_caseworker, reviewer, org)
    starts = TODAY - timedelta(days=100)
    plan = charity.file_plan(
        county_caseworker, org, starts_on=starts, ends_on=starts + timedelta(days=365),
        filed_on=starts - timedelta(days=15), expected_amount=Decimal(500000), **PLAN,
    )  # fmt: skip
    source = collect_work_sources()["socialorgs.disclosure"]
    [item] = source.open_items(county_caseworker, TODAY)
    assert item.due_on < TODAY and "待定期公开" in item.matter  # three months after the start: overdue
    assert source.open_items(outsider, TODAY) == []
    with pytest.raises(Http404):
        source.find(outsider, str(plan.pk), TODAY)
    charity.record_disclosure(
        county_caseworker, plan, disclosed_on=TODAY, summary="累计募得20万元", amount_raised=Decimal(200000)
    )
    plan.refresh_from_db()
    assert plan.disclosure_due_on > TODAY + timedelta(days=80)
    assert source.open_items(county_caseworker, TODAY) == []


def test_charity_decisions_are_in_the_reviewers_worklist(county_caseworker, reviewer, outsider_reviewer, org):
    app = charity.receive(county_caseworker, org, matter="recognition", received_on=TODAY - timedelta(days=5))
    source = collect_work_sources()["socialorgs.charity"]
    [item] = source.open_items(reviewer, TODAY)
    assert item.key == str(app.pk) and item.due_on == TODAY + timedelta(days=15)
    assert source.open_items(county_caseworker, TODAY) == []
    assert source.open_items(outsider_reviewer, TODAY) == []


def test_trust_filed_after_seven_days_is_late_article_45(county_caseworker):
    row = charity.file_trust(
        county_caseworker, kind="establish", trust_name="元宝区助老慈善信托", trustee="某信托公司", settlor="张某",
        purpose="扶老", property_amount=Decimal(1000000), signed_on=TODAY - timedelta(days=8), filed_on=TODAY,
    )  # fmt: skip
    assert row.late and row.division_code == county_caseworker.division_code
    with pytest.raises(InvalidSocialOrgInput, match="委托人"):
        charity.file_trust(county_caseworker, kind="establish", trust_name="x", trustee="y", settlor="", purpose="p",
                           property_amount=Decimal(1), signed_on=TODAY, filed_on=TODAY)  # fmt: skip


def test_pages_render_in_chinese_and_another_county_gets_404(
    client, county_caseworker, reviewer, outsider, org
):
    qualified(county_caseworker, reviewer, org)
    app = org.charity_applications.first()
    plan = charity.file_plan(
        county_caseworker, org, starts_on=TODAY + timedelta(days=12), ends_on=TODAY + timedelta(days=400),
        filed_on=TODAY, expected_amount=Decimal(500000), **PLAN,
    )  # fmt: skip
    trust = charity.file_trust(
        county_caseworker, kind="establish", trust_name="元宝区助老慈善信托", trustee="某信托公司", settlor="张某",
        purpose="扶老", property_amount=Decimal(1000000), signed_on=TODAY - timedelta(days=2), filed_on=TODAY,
    )  # fmt: skip
    records = [f"/socialorgs/charity/{app.pk}/", f"/socialorgs/plans/{plan.pk}/", f"/socialorgs/trusts/{trust.pk}/",
               f"/socialorgs/organisations/{org.pk}/charity/", f"/socialorgs/organisations/{org.pk}/plan/"]  # fmt: skip
    lists = ["/socialorgs/charity/", "/socialorgs/plans/", "/socialorgs/trusts/", "/socialorgs/trusts/new/"]
    login(client, county_caseworker)
    for url in records + lists + [f"/socialorgs/organisations/{org.pk}/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for english in ("recognition", "fundraising", "establish", "received", "approved"):
            assert f">{english}<" not in body, (url, english)
    assert "春蕾助学" in client.get(f"/socialorgs/organisations/{org.pk}/").content.decode()
    login(client, outsider)
    for url in records:
        assert client.get(url).status_code == 404, url
    for url in (f"/socialorgs/charity/{app.pk}/decide/", f"/socialorgs/plans/{plan.pk}/disclose/"):
        assert client.post(url).status_code == 404, url
    for url in lists[:3]:
        assert "助学" not in client.get(url).content.decode()


def test_plan_through_the_form_with_bad_input_names_the_field(client, county_caseworker, reviewer, org):
    qualified(county_caseworker, reviewer, org)
    login(client, county_caseworker)
    response = client.post(f"/socialorgs/organisations/{org.pk}/plan/", {**PLAN, "starts_on": "2026-02-30",
                           "ends_on": TODAY.isoformat(), "expected_amount": "abc", "filed_on": TODAY.isoformat()})  # fmt: skip
    assert response.status_code == 200 and "开始日期" in response.content.decode()
    data = {**PLAN, "starts_on": (TODAY + timedelta(days=5)).isoformat(), "ends_on": (TODAY + timedelta(days=30)).isoformat(),
            "expected_amount": "10000", "filed_on": TODAY.isoformat()}  # fmt: skip
    response = client.post(f"/socialorgs/organisations/{org.pk}/plan/", data, follow=True)
    assert "已备案（逾期备案）" in response.content.decode()


def test_public_lists_show_charities_trusts_and_plans_not_accounts(client, county_caseworker, reviewer, org):
    qualified(county_caseworker, reviewer, org)
    charity.file_plan(
        county_caseworker, org, starts_on=TODAY + timedelta(days=12), ends_on=TODAY + timedelta(days=40),
        filed_on=TODAY, expected_amount=Decimal(500000), **PLAN,
    )  # fmt: skip
    charity.file_trust(
        county_caseworker, kind="establish", trust_name="元宝区助老慈善信托", trustee="某信托公司", settlor="张某",
        purpose="扶老", property_amount=Decimal(1000000), signed_on=TODAY - timedelta(days=2), filed_on=TODAY,
    )  # fmt: skip
    body = client.get("/public/socialorgs/charity/").content.decode()
    assert org.name in body and org.uscc in body and "元宝区助老慈善信托" in body and "春蕾助学" in body
    assert "有（" in body and "元宝区民政局" in body
    assert PLAN["bank_account"] not in body and "张某" not in body and org.legal_rep_name not in body
    assert org.name not in client.get("/public/socialorgs/charity/", {"q": "不存在"}).content.decode()
