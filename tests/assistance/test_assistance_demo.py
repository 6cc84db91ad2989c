"""The demo caseload: enrolments with amounts computed by the rules, cases at every stage for the demo
users, and nothing twice when run again."""

from collections import Counter
from datetime import date

import pytest

from minzheng.assistance.demo import load_demo_assistance
from minzheng.assistance.models import AssistanceCase, Enrolment
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_caseload_is_computed_by_the_rules_and_loaded_once(divisions):
    load_demo(seed=7, households=600, password="Demo@Pass2026", today=date(2026, 11, 25))
    load_assistance_policy()
    result = load_demo_assistance(seed=7, today=date(2026, 11, 25))
    assert result["enrolled"] > 0 and result["workflow_cases"] >= 10
    statuses = Counter(
        AssistanceCase.objects.exclude(decision_reason__contains="演示数据").values_list("status", flat=True)
    )
    assert {
        "applied",
        "materials_pending",
        "investigating",
        "township_review",
        "approval",
        "approved",
        "rejected",
    } <= set(statuses)
    dibao = Enrolment.objects.filter(program__code="dibao_urban").select_related("case").first()
    if dibao is not None:
        amount = dibao.amounts.get()
        assert amount.monthly_amount > 0 and dibao.case.benefit_snapshot["steps"]
    reviews = Enrolment.objects.filter(next_review_on__isnull=False).values_list("next_review_on", flat=True)
    assert min(reviews) >= date(2026, 11, 10)  # reviews kept up to date: at most a fortnight overdue
    assert load_demo_assistance(seed=7, today=date(2026, 11, 25)) == {"skipped": True}
