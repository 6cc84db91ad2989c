"""特困人员认定 (民政部《特困人员认定办法》, 民发〔2021〕43号): the income test against the 低保标准 (第六条),
无劳动能力 (第五条), 无法定义务人 or 义务人无履行义务能力, continuation while in school."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.services import workflow
from minzheng.assistance.services.case_benefits import compute_case_benefit
from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.seed import load_assistance_policy
from tests.core.factories import HouseholdFactory

from .casework import desks

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    load_assistance_policy()


def _tekun_case(household, income: str):
    caseworker, _, _ = desks()
    case = open_case(
        caseworker, household_id=household.pk, program_code="tekun_dispersed", applied_on=date(2026, 3, 2)
    )
    workflow.accept(caseworker, case.pk, on=date(2026, 3, 3))
    workflow.start_verification(caseworker, case.pk, on=date(2026, 3, 4))
    workflow.record_verification_by_hand(
        caseworker, case.pk, per_capita_income=Decimal(income), per_capita_assets=Decimal(0), note="入户核实"
    )
    case.refresh_from_db()
    return case


def _income_line(benefit):
    return next(r for r in benefit.eligibility if r.label.startswith("家庭人均月收入"))


def test_tekun_income_above_dibao_standard_fails_art6(policy, divisions):
    # 丹东 城市低保标准 663 元: 700 元 is under 1.3 × 663 (the 基本生活标准 floor) but not under the 低保标准.
    case = _tekun_case(HouseholdFactory(size=1), "700")
    benefit = compute_case_benefit(case, date(2026, 3, 10))
    assert _income_line(benefit).met is False
    assert "663" in _income_line(benefit).detail
    assert benefit.eligible is False


def test_tekun_income_below_dibao_standard_passes_the_income_test_art6(policy, divisions):
    case = _tekun_case(HouseholdFactory(size=1), "662.99")
    assert _income_line(compute_case_benefit(case, date(2026, 3, 10))).met is True


def _person_household(birth: date, **extra):
    from minzheng.core.models import Household, HouseholdMembership
    from tests.core.factories import PersonFactory

    person = PersonFactory(name="李独居", birth=birth, **extra)
    household = Household.objects.create(
        number=f"T{person.pk:08d}", residence_division_code="210602002001", address="测试路2号",
        area_type=Household.URBAN, head=person, established_on=date(2020, 1, 1),
    )  # fmt: skip
    HouseholdMembership.objects.create(
        household=household, person=person, relation="01", valid_from=date(2020, 1, 1)
    )
    return household


def _line(benefit, prefix):
    return next(r for r in benefit.eligibility if r.label.startswith(prefix))


def test_tekun_17_year_old_in_liaoning_is_unable_to_work_by_the_seeded_entry_age_art5(policy, divisions):
    case = _tekun_case(_person_household(date(2009, 1, 10)), "0")
    assert _line(compute_case_benefit(case, date(2026, 3, 10)), "无劳动能力").met is True


def test_tekun_working_age_applicant_without_listed_disability_fails_art5(policy, divisions):
    case = _tekun_case(
        _person_household(date(1980, 1, 10), disability_category="肢体", disability_grade=3), "0"
    )
    benefit = compute_case_benefit(case, date(2026, 3, 10))
    assert _line(benefit, "无劳动能力").met is False and benefit.eligible is False


def test_tekun_obligor_test_is_unknown_until_recorded_then_decided_by_the_listed_reasons_art4(
    policy, divisions
):
    from minzheng.assistance.services.eligibility_facts import record_tekun_obligors

    case = _tekun_case(_person_household(date(1950, 1, 10)), "0")
    assert _line(compute_case_benefit(case, date(2026, 3, 10)), "无法定赡养").met is None
    caseworker = case.created_by
    record_tekun_obligors(
        caseworker, case.pk, obligors=[{"name": "李子", "relation": "子女", "inability": ""}]
    )
    case.refresh_from_db()
    assert _line(compute_case_benefit(case, date(2026, 3, 10)), "无法定赡养").met is False
    record_tekun_obligors(
        caseworker, case.pk, obligors=[{"name": "李子", "relation": "子女", "inability": "本人是特困人员"}]
    )
    case.refresh_from_db()
    assert _line(compute_case_benefit(case, date(2026, 3, 10)), "无法定赡养").met is True
    assert case.events.filter(action="record_tekun_obligors").count() == 2


def test_tekun_facts_form_on_the_case_page_records_obligors_and_school_art4(policy, divisions, client):
    case = _tekun_case(_person_household(date(1950, 1, 10)), "0")
    client.force_login(case.created_by)
    page = client.get(f"/assistance/cases/{case.pk}/")
    assert "特困认定事实" in page.content.decode()
    client.post(
        f"/assistance/cases/{case.pk}/act/",
        {"action": "record_tekun_facts", "obligor_name": ["李子"], "obligor_relation": ["子女"],
         "obligor_inability": ["本人是特困人员"]},
    )  # fmt: skip
    case.refresh_from_db()
    assert case.eligibility_facts["obligors"][0]["inability"] == "本人是特困人员"
