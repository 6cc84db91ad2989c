"""资金台账: allocations sum to at most the budget, spending to at most the allocation (预算法第十三条), a payment
is booked to one fund only, and the execution per month."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.funds.errors import FundsConflict, InvalidFundInput
from minzheng.funds.selectors.funds import fund_execution, fund_totals, township_totals
from minzheng.funds.services.ledger import allocate, book_payments, create_fund

from .conftest import MONTH

pytestmark = pytest.mark.django_db


def test_allocations_over_the_budget_are_refused_in_chinese(fund, city_fund_manager):
    """预算法第十三条: no spending outside the approved budget — allocations never exceed it."""
    allocate(
        city_fund_manager, fund, division_code="210602", amount="60000.00", allocated_on=date(2026, 1, 10)
    )
    with pytest.raises(InvalidFundInput) as refused:
        allocate(
            city_fund_manager, fund, division_code="210603", amount="40000.01", allocated_on=date(2026, 1, 10)
        )
    assert "超出预算" in refused.value.message and refused.value.field == "amount"
    allocate(
        city_fund_manager, fund, division_code="210603", amount="40000.00", allocated_on=date(2026, 1, 10)
    )
    assert fund_totals(fund)["allocated"] == fund.budget


def test_a_fund_cannot_be_allocated_outside_its_area(fund, city_fund_manager):
    with pytest.raises(InvalidFundInput):
        allocate(
            city_fund_manager, fund, division_code="210700", amount="1.00", allocated_on=date(2026, 1, 10)
        )


def test_booking_traces_the_approved_roster_lines_and_the_monthly_execution(
    approved_roster, fund, city_fund_manager
):
    allocation = allocate(
        city_fund_manager, fund, division_code="210602", amount="10000.00", allocated_on=date(2026, 1, 10)
    )
    booked = book_payments(
        city_fund_manager, allocation, month_from=date(2026, 1, 1), month_to=date(2026, 12, 1)
    )
    assert booked == 4  # the four 元宝区 households; 振兴区's is not in this allocation's area
    totals = fund_totals(fund)
    assert totals["spent"] == Decimal("2783.50") and totals["rate"] == Decimal("0.2784")
    [june] = fund_execution(fund)
    assert (
        june.month == MONTH and june.cumulative == Decimal("2783.50") and june.balance == Decimal("7216.50")
    )
    assert sum(t["lines"] for t in township_totals(fund)) == 4
    # again: nothing new to book
    assert (
        book_payments(city_fund_manager, allocation, month_from=date(2026, 1, 1), month_to=date(2026, 12, 1))
        == 0
    )


def test_a_payment_is_never_counted_in_two_funds(approved_roster, fund, city_fund_manager):
    other = create_fund(
        city_fund_manager, name="中央困难群众救助补助资金", year=2026, level="central", kind="general",
        division_code="210600000000", budget="50000.00", program_codes="dibao_urban",
    )  # fmt: skip
    first = allocate(
        city_fund_manager, fund, division_code="210602", amount="10000.00", allocated_on=date(2026, 1, 10)
    )
    second = allocate(
        city_fund_manager, other, division_code="210602", amount="10000.00", allocated_on=date(2026, 1, 10)
    )
    assert (
        book_payments(city_fund_manager, first, month_from=date(2026, 6, 1), month_to=date(2026, 6, 1)) == 4
    )
    assert (
        book_payments(city_fund_manager, second, month_from=date(2026, 6, 1), month_to=date(2026, 6, 1)) == 0
    )
    assert fund_totals(other)["spent"] == 0


def test_spending_over_the_allocation_is_refused_and_nothing_is_booked(
    approved_roster, fund, city_fund_manager
):
    allocation = allocate(
        city_fund_manager, fund, division_code="210602", amount="2000.00", allocated_on=date(2026, 1, 10)
    )
    with pytest.raises(InvalidFundInput) as refused:
        book_payments(city_fund_manager, allocation, month_from=date(2026, 6, 1), month_to=date(2026, 6, 1))
    assert "超出下达额度" in refused.value.message
    assert fund_totals(fund)["spent"] == 0


def test_booking_months_must_lie_in_the_funds_year(fund, city_fund_manager):
    allocation = allocate(
        city_fund_manager, fund, division_code="210602", amount="2000.00", allocated_on=date(2026, 1, 10)
    )
    with pytest.raises(InvalidFundInput):
        book_payments(city_fund_manager, allocation, month_from=date(2025, 12, 1), month_to=date(2026, 1, 1))


def test_only_the_approving_level_keeps_the_ledger(fund, county_caseworker):
    from minzheng.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        allocate(
            county_caseworker, fund, division_code="210602", amount="1.00", allocated_on=date(2026, 1, 10)
        )


def test_the_unique_line_guard_holds_even_without_the_service(approved_roster, fund, city_fund_manager):
    from django.db import IntegrityError, transaction

    from minzheng.funds.models import Disbursement

    allocation = allocate(
        city_fund_manager, fund, division_code="210602", amount="10000.00", allocated_on=date(2026, 1, 10)
    )
    book_payments(city_fund_manager, allocation, month_from=date(2026, 6, 1), month_to=date(2026, 6, 1))
    line = Disbursement.objects.first()
    line.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()
    assert FundsConflict  # the service's answer to a concurrent booking
