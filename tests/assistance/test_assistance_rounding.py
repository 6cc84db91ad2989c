"""One rounding rule (docs/glossary.md 取整规则): the household's gap is computed from totals first and
rounded once, half-up to 分 — in benefits, the 提标 preview and payroll files."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules import dibao_monthly_benefit, dibao_top_up
from minzheng.assistance.rules.benefits import MemberCategory, ShareOfStandardIncrement
from minzheng.payments.rules.bank_files import format_amount, yuan_to_fen
from minzheng.payments.rules.money import rmb_upper

CENT = Decimal("0.01")


def test_household_gap_from_totals_is_989_00_not_989_01_rounding_rule():
    # 663 × 3 − 1000 = 989.00; rounding the per-capita income first, (663 − 333.33) × 3 = 989.01.
    assert dibao_top_up(Decimal("663"), Decimal("333.33"), 3, household_income=Decimal("1000")) == Decimal(
        "989.00"
    )


@given(
    standard=st.decimals(300, 1500, places=2),
    income=st.decimals(0, 6000, places=2),
    members=st.integers(1, 8),
    persons=st.integers(1, 8),
)
def test_household_gap_is_rounded_once_half_up_from_totals_rounding_rule(standard, income, members, persons):
    persons = min(persons, members)
    exact = (standard * members - income) * persons / members  # the oracle: totals first, no rounding
    expected = (
        max(exact, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
        if income < standard * members
        else Decimal("0.00")
    )
    got = dibao_top_up(standard, income / members, persons, household_income=income, income_members=members)
    assert got == expected


@given(
    standard=st.decimals(300, 1500, places=2),
    income=st.decimals(0, 299, places=2),
    share=st.decimals(0, 1, places=3),
)
def test_benefit_total_is_rounded_once_over_top_up_and_increments_rounding_rule(standard, income, share):
    increments = {MemberCategory.ELDERLY: ShareOfStandardIncrement(share)}
    categories = [frozenset({MemberCategory.ELDERLY})] * 3
    benefit = dibao_monthly_benefit(standard, income, 3, member_categories=categories, increments=increments)
    exact = (standard - income) * 3 + standard * share * 3
    assert benefit.total == exact.quantize(CENT, rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(
    ("amount", "fen", "text"), [("0.125", 13, "0.13"), ("2.345", 235, "2.35"), ("10.005", 1001, "10.01")]
)
def test_payroll_bank_files_round_half_up_to_fen_rounding_rule(amount, fen, text):
    assert yuan_to_fen(Decimal(amount)) == fen
    assert format_amount(Decimal(amount), "yuan") == text
    assert format_amount(Decimal(amount), "fen") == str(fen)


def test_amount_in_words_rounds_half_up_rounding_rule():
    assert rmb_upper(Decimal("0.125")) == rmb_upper(Decimal("0.13"))


@pytest.mark.django_db
def test_case_with_household_income_items_pays_the_gap_from_totals_rounding_rule(household):
    from minzheng.assistance.services import workflow
    from minzheng.assistance.services.case_benefits import compute_case_benefit
    from minzheng.assistance.services.seed import load_assistance_policy

    from .casework import desks, dibao_case

    load_assistance_policy()
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="accepted")
    workflow.start_verification(caseworker, case.pk, on=date(2026, 3, 4))
    workflow.record_verification_by_hand(
        caseworker,
        case.pk,
        per_capita_assets=Decimal(0),
        note="工资条",
        income_items=[("工资性收入", Decimal("1000"))],
    )
    case.refresh_from_db()
    assert case.per_capita_income == Decimal("333.33") and case.household_monthly_income == Decimal("1000")
    assert compute_case_benefit(case, date(2026, 3, 10)).amount == Decimal("989.00")
