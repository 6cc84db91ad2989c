"""县级抽查 (《特困人员认定办法》: 县级民政部门随机抽查核实, 抽查比例不得低于30%): the county draws a
sample of the 特困 files the townships sent in a period, the share read from ``tekun_county_spot_check_share``,
and the draw (seed, population, sample) is recorded and audited."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.errors import WorkflowRefused
from minzheng.assistance.models import AssistanceCase, TekunSpotCheck
from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.assistance.services.spot_checks import draw_tekun_spot_check
from minzheng.core.models import AuditEvent
from tests.core.factories import HouseholdFactory

from .casework import desks

pytestmark = pytest.mark.django_db


def _files_sent_to_the_county(caseworker, count: int):
    for _ in range(count):
        case = open_case(
            caseworker, household_id=HouseholdFactory(size=1).pk, program_code="tekun_dispersed",
            applied_on=date(2026, 3, 2),
        )  # fmt: skip
        AssistanceCase.objects.filter(pk=case.pk).update(status="approval", publicity_until=date(2026, 3, 20))


def test_tekun_county_spot_check_draws_at_least_30_percent_and_records_the_sample_art17(divisions):
    load_assistance_policy()
    caseworker, _, approver = desks()
    _files_sent_to_the_county(caseworker, 7)
    check = draw_tekun_spot_check(
        approver, county_code="210602000000", period_from=date(2026, 3, 1), period_to=date(2026, 3, 31)
    )
    assert check.population == 7 and len(check.sample_case_ids) == 3  # ⌈7 × 30 %⌉
    assert check.share == Decimal("0.30")
    assert TekunSpotCheck.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="tekun_spot_check", object_id=check.pk).exists()
    with pytest.raises(WorkflowRefused):  # one draw per county and period: no redrawing until it suits
        draw_tekun_spot_check(
            approver, county_code="210602000000", period_from=date(2026, 3, 1), period_to=date(2026, 3, 31)
        )


def test_tekun_spot_check_page_lists_draws_and_draws_a_new_one_art17(divisions, client):
    load_assistance_policy()
    caseworker, _, approver = desks()
    _files_sent_to_the_county(caseworker, 4)
    client.force_login(approver)
    client.post(
        "/assistance/spot-checks/",
        {"county_code": "210602000000", "period_from": "2026-03-01", "period_to": "2026-03-31"},
    )
    page = client.get("/assistance/spot-checks/").content.decode()
    assert "特困人员认定抽查" in page and "抽取 2 件" in page


def test_another_countys_approver_cannot_draw_this_countys_spot_check(divisions):
    from tests.core.factories import make_user

    load_assistance_policy()
    outsider = make_user("approver", "210603000000", username="zx_sp")
    with pytest.raises(WorkflowRefused, match="只能抽查本辖区"):
        draw_tekun_spot_check(
            outsider, county_code="210602000000", period_from=date(2026, 3, 1), period_to=date(2026, 3, 31)
        )
    assert not TekunSpotCheck.objects.exists()
