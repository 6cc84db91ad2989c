"""项目: late and under-executing flags, progress that never goes back, and the self-assessment with the
weights 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10 as data (财预〔2020〕10号)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.funds.errors import InvalidFundInput
from minzheng.funds.rules.projects import SELF_ASSESSMENT_WEIGHTS, grade, project_flags, self_assessment


def test_ningxia_2023_example_executes_95_percent_and_scores_by_the_weights():
    """财预〔2020〕10号 default weights: 执行率 95.36 % → 9.54 of 10; full outputs, effects, satisfaction → 99.54."""
    rate = Decimal("476800") / Decimal("500000")
    full = {"产出指标": [Decimal(1)], "效益指标": [Decimal(1)], "满意度指标": [Decimal(1)]}
    score = self_assessment(rate, full, SELF_ASSESSMENT_WEIGHTS)
    assert score == Decimal("99.54") and grade(score) == "优"
    assert grade(Decimal("79.99")) == "中" and grade(Decimal("59.99")) == "差"


@given(st.integers(0, 100), st.integers(0, 100), st.integers(0, 100))
def test_the_score_is_the_weighted_mean_of_completion(execution, outputs, effects):
    score = self_assessment(
        Decimal(execution) / 100,
        {"产出指标": [Decimal(outputs) / 100], "效益指标": [Decimal(effects) / 100]},
        SELF_ASSESSMENT_WEIGHTS,
    )
    oracle = (Decimal(execution) * 10 + Decimal(outputs) * 50 + Decimal(effects) * 30) / 100
    assert score == oracle.quantize(Decimal("0.01"))


def test_a_project_past_its_deadline_is_late_and_slow_spending_is_flagged():
    args = dict(
        starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31), budget=Decimal(1000), tolerance=Decimal("0.2")
    )
    assert project_flags(on=date(2026, 1, 5), percent=90, spent=Decimal(1000), **args).late
    assert not project_flags(on=date(2026, 1, 5), percent=100, spent=Decimal(1000), **args).late
    assert project_flags(on=date(2025, 10, 1), percent=50, spent=Decimal(400), **args).under_executing
    assert not project_flags(on=date(2025, 10, 1), percent=50, spent=Decimal(600), **args).under_executing


@pytest.mark.django_db
def test_progress_never_goes_back_and_never_exceeds_the_budget(city_fund_manager):
    from minzheng.funds.services.projects import create_lottery_project, record_progress

    p = create_lottery_project(
        city_fund_manager, name="社区养老服务中心建设", category="eldercare", division_code="210602",
        budget="500000.00", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31),
    )  # fmt: skip
    record_progress(city_fund_manager, p, month=date(2026, 3, 1), percent=40, spent="200000.00")
    with pytest.raises(InvalidFundInput):
        record_progress(city_fund_manager, p, month=date(2026, 4, 1), percent=30, spent="250000.00")
    with pytest.raises(InvalidFundInput) as refused:
        record_progress(city_fund_manager, p, month=date(2026, 4, 1), percent=60, spent="500000.01")
    assert "超出项目预算" in refused.value.message
