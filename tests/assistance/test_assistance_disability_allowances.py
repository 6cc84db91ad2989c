"""残疾人两项补贴 (国务院《关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》国发〔2015〕52号):
生活补贴 for disabled persons of 低保 households (低保边缘 where the province extends it, a dated parameter);
护理补贴 for grades 1–2 (3–4 intellectual/psychiatric where adopted — 辽宁规划)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules.disability import (
    disability_care_allowance_eligible,
    disability_living_allowance_eligible,
)
from minzheng.assistance.services.case_benefits import compute_case_benefit
from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.models import Person
from tests.core.factories import HouseholdFactory
from tests.monitoring.helpers import enrol

from .casework import desks

CATEGORIES = ["", "视力", "听力", "言语", "肢体", "智力", "精神", "多重"]


@given(
    grade=st.one_of(st.none(), st.integers(1, 4)),
    dibao=st.booleans(),
    edge=st.booleans(),
    extended=st.booleans(),
)
def test_living_allowance_needs_a_certificate_and_a_dibao_household_guofa_2015_52(
    grade, dibao, edge, extended
):
    expected = grade is not None and (dibao or (extended and edge))
    assert (
        disability_living_allowance_eligible(
            grade, household_in_dibao=dibao, household_in_dibao_edge=edge, includes_dibao_edge=extended
        )
        is expected
    )


@given(
    category=st.sampled_from(CATEGORIES), grade=st.one_of(st.none(), st.integers(1, 4)), mental=st.booleans()
)
def test_care_allowance_is_grades_1_2_or_3_4_mental_where_adopted_guofa_2015_52(category, grade, mental):
    expected = grade is not None and (grade <= 2 or (mental and category in ("智力", "精神")))
    assert disability_care_allowance_eligible(category, grade, mental_grades_3_4=mental) is expected


def _line(benefit, prefix):
    return next(r for r in benefit.eligibility if r.label.startswith(prefix))


@pytest.mark.django_db
def test_living_allowance_case_outside_a_dibao_household_is_ineligible_guofa_2015_52(divisions):
    load_assistance_policy()
    caseworker, _, _ = desks()
    household = HouseholdFactory(size=2)
    Person.objects.filter(pk=household.head_id).update(disability_category="肢体", disability_grade=3)
    case = open_case(
        caseworker, household_id=household.pk, program_code="disability_living", applied_on=date(2026, 3, 2)
    )
    benefit = compute_case_benefit(case, date(2026, 3, 10))
    assert _line(benefit, "低保家庭").met is False and benefit.eligible is False
    enrol(caseworker, household, "dibao_urban", date(2026, 1, 1))
    assert _line(compute_case_benefit(case, date(2026, 3, 10)), "低保家庭").met is True


@pytest.mark.django_db
def test_care_allowance_for_grade_3_intellectual_reads_the_liaoning_adoption_guofa_2015_52(divisions):
    load_assistance_policy()
    caseworker, _, _ = desks()
    household = HouseholdFactory(size=1)
    Person.objects.filter(pk=household.head_id).update(disability_category="智力", disability_grade=3)
    case = open_case(
        caseworker, household_id=household.pk, program_code="disability_care", applied_on=date(2026, 3, 2)
    )
    assert _line(compute_case_benefit(case, date(2026, 3, 10)), "重度残疾人").met is True  # 辽宁: adopted
    Person.objects.filter(pk=household.head_id).update(disability_category="肢体")
    assert _line(compute_case_benefit(case, date(2026, 3, 10)), "重度残疾人").met is False
