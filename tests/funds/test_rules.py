"""The ledger's and the lottery's pure rules against small oracles written from the rule text."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minzheng.funds.rules.ledger import (
    allocation_problem,
    disbursement_problem,
    execution_rate,
    monthly_execution,
    recovery_problem,
)
from minzheng.funds.rules.lottery import eldercare_share, eldercare_share_met, welfare_fund_raised

cents = st.integers(0, 10**10).map(lambda c: Decimal(c) / 100)


@given(cents, cents, cents)
def test_allocations_never_exceed_the_budget_yusuanfa_art13(budget, allocated, amount):
    """预算法第十三条: 支出必须以经批准的预算为依据 — the sum of allocations stays within the budget."""
    refused = allocation_problem(budget, allocated, amount) is not None
    assert refused == (amount <= 0 or allocated + amount > budget)


@given(cents, cents, cents)
def test_spending_never_exceeds_the_allocation(allocated, spent, amount):
    assert (disbursement_problem(allocated, spent, amount) is None) == (spent + amount <= allocated)


def test_execution_rate_is_spent_over_allocated_to_a_hundredth_of_a_percent():
    assert execution_rate(Decimal("500000"), Decimal("476800")) == Decimal("0.9536")
    assert execution_rate(Decimal("0"), Decimal("1")) is None


@given(st.lists(cents, min_size=1, max_size=12), cents)
def test_monthly_execution_accumulates_and_balances(amounts, allocated):
    months = {date(2026, i + 1, 1): a for i, a in enumerate(amounts)}
    rows = monthly_execution(allocated, months)
    assert [r.month for r in rows] == sorted(months)
    assert rows[-1].cumulative == sum(amounts)
    assert all(r.balance == allocated - r.cumulative for r in rows)


def test_a_confirmed_finding_recovers_at_most_the_payment():
    assert recovery_problem(True, Decimal("500.00"), Decimal("500.00")) is None
    assert recovery_problem(True, Decimal("500.01"), Decimal("500.00"))
    assert recovery_problem(True, None, Decimal("500.00"))
    assert recovery_problem(False, Decimal("1"), Decimal("500.00"))


def test_welfare_fund_by_extraction_rate_2_yuan_ticket_gives_0_72():
    """财政部 2021: 乐透数字型 36 % — a 2-元 双色球 ticket gives 0.72 元 公益金."""
    assert welfare_fund_raised(Decimal("2.00"), Decimal("0.36")) == Decimal("0.72")


@given(cents, cents)
def test_eldercare_share_floor_guobanfa_2019_5(eldercare, total):
    """国办发〔2019〕5号: ≥ 55 % of welfare-lottery 公益金 for social welfare to eldercare."""
    floor = Decimal("0.55")
    assert eldercare_share_met(eldercare, total, floor) == (total > 0 and eldercare * 100 >= 55 * total)
    if total > 0:
        assert eldercare_share(eldercare, total) is not None
