"""Issue 17: reports awaiting sign-off are on the desks of those who sign them off, inside their jurisdiction
only — 指标填报 waiting for 审核 on a leader's (never one's own entry), 民政统计报表 generated and not yet 上报
on the 审核人's and 审批人's (a leader reads the forms only: no 上报 button, so no item it cannot act on)."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.planning import services
from minzheng.planning.models import IndicatorDefinition
from minzheng.planning.work_items import entries_to_review, find_report, reports_to_submit
from tests.core.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
YUANBAO, ZHENXING = "210602000000", "210603000000"


@pytest.fixture
def awaiting(monitored_plans, city_leader):
    services.load_stat_forms()
    clerk = make_user("caseworker", YUANBAO)
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    returns = IndicatorDefinition.objects.get(code="planning.vagrant_return_rate")
    entry = services.submit_entry(clerk, returns, division_code=YUANBAO, period_key="2024", value=None,
                                  numerator=Decimal(9), denominator=Decimal(10), comment="")  # fmt: skip
    own = services.submit_entry(city_leader, returns, division_code=ZHENXING, period_key="2024", value=None,
                                numerator=Decimal(8), denominator=Decimal(10), comment="")  # fmt: skip
    return report, entry, own


def test_reports_and_entries_awaiting_sign_off_are_on_the_signers_desks(awaiting, city_leader):
    report, entry, own = awaiting
    today = date(2024, 7, 1)
    assert reports_to_submit(city_leader, today) == []  # read-only for leaders
    reports = {i.key: i for i in reports_to_submit(make_user("reviewer", YUANBAO), today)}
    item = reports[str(report.pk)]  # (its 上期, generated with it and not 上报 either, is listed too)
    assert item.source == "planning.statreport" and "待上报" in item.matter and "2024Q2" in item.matter
    assert item.url == f"/planning/statforms/reports/{report.pk}/"
    keys = {i.key for i in entries_to_review(city_leader, today)}
    assert str(entry.pk) in keys and str(own.pk) not in keys  # maker-checker: not one's own entry


def test_another_countys_signers_neither_see_nor_find_them(awaiting):
    report, entry, _ = awaiting
    other, other_reviewer = make_user("leader", ZHENXING), make_user("reviewer", ZHENXING)
    assert reports_to_submit(other_reviewer, date(2024, 7, 1)) == []
    assert str(entry.pk) not in {i.key for i in entries_to_review(other, date(2024, 7, 1))}
    from django.http import Http404

    with pytest.raises(Http404):
        find_report(other_reviewer, str(report.pk), date(2024, 7, 1))


def test_the_home_page_todo_counts_them(awaiting, client, city_leader):
    client.post("/login/", {"username": city_leader.username, "password": PASSWORD})
    body = client.get("/").content.decode()
    summary = body[body.index('data-testid="todo-summary"') :]
    assert "规划监测" in summary
