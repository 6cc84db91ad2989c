"""Monitoring pages walked as a user of another region: another plan, division, entry or report is a 404;
lists show nothing of it."""

from decimal import Decimal

import pytest

from minzheng.planning import services
from minzheng.planning.models import IndicatorDefinition
from tests.core.factories import make_user

from .conftest import row_of

pytestmark = pytest.mark.django_db


def test_another_region_s_monitoring_pages_are_404(monitored_plans, login, outsider):
    fuxin = monitored_plans["阜新市"]
    row = fuxin.indicators.filter(binding__isnull=False).first()
    project = fuxin.projects.first()
    client = login(make_user("leader", "210600000000"))
    for url in (
        f"/planning/plans/{fuxin.pk}/cockpit/",
        f"/planning/plan-indicators/{row.pk}/",
        f"/planning/plan-indicators/{row.pk}/binding/",
        f"/planning/projects/{project.pk}/progress/",
    ):
        assert client.get(url).status_code == 404, url
    report = client.post(f"/planning/plans/{fuxin.pk}/report/", {"kind": "annual", "format": "xlsx"})
    assert report.status_code == 404
    dandong = monitored_plans["丹东市"]
    assert (
        client.get(f"/planning/plans/{dandong.pk}/cockpit/", {"division": "210900000000"}).status_code == 404
    )


def test_entries_and_reports_of_another_county_are_404_and_absent_from_lists(
    monitored_plans, login, outsider, county_caseworker
):
    outlets = IndicatorDefinition.objects.get(code="planning.lottery_outlets")
    entry = services.submit_entry(
        county_caseworker, outlets, division_code="210602000000", period_key="2023", value=Decimal(77)
    )
    services.load_stat_forms()
    report = services.generate_report(county_caseworker, "quarter", "210602000000", "2024Q1")
    client = login(outsider)
    assert client.get(f"/planning/entries/{entry.pk}/").status_code == 404
    assert client.post(f"/planning/entries/{entry.pk}/", {"decision": "approve"}).status_code == 404
    assert client.get(f"/planning/statforms/reports/{report.pk}/").status_code == 404
    assert "没有符合条件的填报" in client.get("/planning/entries/").content.decode()
    assert "尚未编制报表" in client.get("/planning/statforms/").content.decode()


def test_a_county_user_reads_the_city_cockpit_but_cannot_pick_another_county(
    monitored_plans, login, county_caseworker
):
    dandong = monitored_plans["丹东市"]
    client = login(county_caseworker)
    body = client.get(f"/planning/plans/{dandong.pk}/cockpit/").content.decode()
    assert "养老机构护理型床位占比" in body and "振兴区" not in body
    assert (
        client.get(f"/planning/plans/{dandong.pk}/cockpit/", {"division": "210603000000"}).status_code == 404
    )
    row = row_of(dandong, "养老机构护理型床位占比")
    assert client.get(f"/planning/plan-indicators/{row.pk}/binding/").status_code in (403, 404)


def test_the_progress_api_answers_for_visible_plans_only(monitored_plans, client, county_caseworker):
    from minzheng.core.services.accounts import issue_api_token

    headers = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    dandong, fuxin = monitored_plans["丹东市"], monitored_plans["阜新市"]
    body = client.get(f"/api/planning/plans/{dandong.pk}/progress", {"year": 2023}, headers=headers).json()
    returns = next(item for item in body if item["name"] == "查明身份信息流浪乞讨受助人员接送返回率")
    assert (returns["definition_code"], returns["target_value"], returns["attribute"]) == (
        "rescue.identified_return_rate",  # computed by 救助管理 from its station records
        "100.0000",
        "约束性",
    )
    assert client.get(f"/api/planning/plans/{fuxin.pk}/progress", headers=headers).status_code == 404
    other = client.get(
        f"/api/planning/plans/{dandong.pk}/progress", {"division": "210603000000"}, headers=headers
    )
    assert other.status_code == 404
