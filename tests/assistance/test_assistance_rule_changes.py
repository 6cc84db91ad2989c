"""规则修订影响清单: the in-force enrolments the corrected rules would judge differently, listed for the
caseworker's 复核 — never changed by the report itself (history is not rewritten)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from minzheng.assistance.models import AssistanceCase, EnrolmentAmount
from minzheng.assistance.services.rule_changes import rule_change_impacts
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.models import Person
from tests.core.factories import HouseholdFactory
from tests.monitoring.helpers import enrol

from .casework import desks

pytestmark = pytest.mark.django_db


def test_living_allowance_outside_a_dibao_household_and_tekun_over_the_line_are_listed_guofa_2015_52_art6(
    divisions, capsys
):
    load_assistance_policy()
    caseworker, _, approver = desks()
    disabled = HouseholdFactory(size=1)
    Person.objects.filter(pk=disabled.head_id).update(disability_category="肢体", disability_grade=2)
    living = enrol(caseworker, disabled, "disability_living", date(2025, 1, 1))
    tekun = enrol(caseworker, HouseholdFactory(size=1), "tekun_dispersed", date(2025, 1, 1))
    AssistanceCase.objects.filter(pk=tekun.case_id).update(per_capita_income=Decimal("700"))
    amounts_before = list(EnrolmentAmount.objects.values_list("pk", "monthly_amount"))

    impacts = rule_change_impacts(approver, date(2026, 3, 10))
    changes = {e: " ".join(r.change for r in impacts if r.enrolment_id == e) for e in (living.pk, tekun.pk)}
    assert "低保家庭" in changes[living.pk]
    assert (
        "家庭人均月收入" in changes[tekun.pk]
        and "663" in changes[tekun.pk]
        and "无劳动能力" in changes[tekun.pk]
    )
    assert list(EnrolmentAmount.objects.values_list("pk", "monthly_amount")) == amounts_before

    call_command("rule_change_report", "--on", "2026-03-10")
    assert "低保家庭" in capsys.readouterr().out


def test_rule_change_page_lists_the_impacts_in_chinese(divisions, client):
    load_assistance_policy()
    caseworker, _, approver = desks()
    disabled = HouseholdFactory(size=1)
    Person.objects.filter(pk=disabled.head_id).update(disability_category="肢体", disability_grade=2)
    enrol(caseworker, disabled, "disability_living", date(2025, 1, 1))
    client.force_login(approver)
    body = client.get("/assistance/rule-changes/?on=2026-03-10").content.decode()
    assert "规则修订影响清单" in body and "困难残疾人生活补贴" in body


def test_a_city_picks_a_county_before_the_list_is_judged(divisions, client):
    """Re-judging a whole city's enrolments takes seconds (issue 16: every page under 500 ms): the city
    chooses a county, and a county outside its jurisdiction falls back to its own choice list."""
    from tests.core.factories import make_user

    load_assistance_policy()
    caseworker, _, _ = desks()
    disabled = HouseholdFactory(size=1)
    Person.objects.filter(pk=disabled.head_id).update(disability_category="肢体", disability_grade=2)
    enrol(caseworker, disabled, "disability_living", date(2025, 1, 1))
    client.force_login(make_user("leader", "210600000000", username="dd_ld"))
    body = client.get("/assistance/rule-changes/?on=2026-03-10").content.decode()
    assert (
        'data-testid="rule-change-choices"' in body and "元宝区" in body and "困难残疾人生活补贴" not in body
    )
    body = client.get("/assistance/rule-changes/?on=2026-03-10&division=210602").content.decode()
    assert "困难残疾人生活补贴" in body
    outside = client.get("/assistance/rule-changes/?division=220100").content.decode()
    assert 'data-testid="rule-change-choices"' in outside
