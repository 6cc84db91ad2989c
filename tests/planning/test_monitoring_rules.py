"""Pure rules of monitoring: periods, formulas, projection, the status of progress, and 环比 as the forms
compute it."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.planning.indicator_rules import (
    FormulaError,
    StatusThresholds,
    check_formula,
    evaluate_formula,
    linear_projection,
    meets_target,
    progress_status,
)
from minzheng.planning.periods import InvalidPeriod, Period
from minzheng.planning.statform_rules import format_ratio, format_value, ring_ratio

RULE = StatusThresholds(Decimal("0.9"), Decimal("0.6"), use_projection=False, binding_escalates=True)


def status(
    actual, *, target="60", comparison="≥", baseline="40", year=2023, projected=None, binding=False, rule=RULE
):
    return progress_status(
        actual=None if actual is None else Decimal(actual), comparison=comparison, target=Decimal(target),
        direction="higher", baseline=Decimal(baseline), baseline_year=2020, target_year=2025, year=year,
        projected=projected, binding=binding, thresholds=rule,
    )  # fmt: skip


def test_periods_parse_and_step_back_across_years():
    assert Period.parse("2024q1").previous() == Period.parse("2023Q4")
    assert Period.parse("2024M01").previous().key == "2023M12"
    assert (Period.parse("2024Q2").start, Period.parse("2024Q2").end) == (date(2024, 4, 1), date(2024, 6, 30))
    assert Period.parse("2024M02").end == date(2024, 2, 29)
    with pytest.raises(InvalidPeriod):
        Period.parse("2024Q5")


def test_formulas_allow_arithmetic_over_references_only():
    assert check_formula("({a.x} + {a.y}) / {a.z} * 100") == ["a.x", "a.y", "a.z"]
    assert evaluate_formula("{a.x} / {a.y} * 100", {"a.x": Decimal(1), "a.y": Decimal(4)}) == 25
    assert evaluate_formula("{a.x} / {a.y}", {"a.x": Decimal(1), "a.y": Decimal(0)}) is None
    for bad in ("__import__('os')", "{a.x} ** 2", "1 + 1", "{a.x}.real"):
        with pytest.raises(FormulaError):
            check_formula(bad)


def test_a_bare_target_reads_in_the_indicator_s_direction():
    assert meets_target(Decimal("1.25"), "=", Decimal("1.3"), "lower")
    assert not meets_target(Decimal("1.25"), "=", Decimal("1.3"), "higher")
    assert not meets_target(Decimal(55), ">", Decimal(55), "higher")


def test_status_compares_completion_with_time_elapsed():
    assert status("60").status == "achieved"
    assert status("52", year=2023).status == "normal"  # 60% of the way at 60% of the time
    assert status("48", year=2023).status == "lagging"  # 40%: below 0.9 × 60%, above 0.6 × 60%
    assert status("44", year=2023).status == "warning"  # 20% < 0.6 × 60%
    assert status(None).status == "unknown"


def test_a_binding_indicator_that_lags_is_a_warning():
    assert status("48", binding=True).status == "warning"


def test_the_projection_can_count_as_normal_when_the_rule_says_so():
    lenient = StatusThresholds(Decimal("0.9"), Decimal("0.6"), use_projection=True)
    assert status("44", projected=Decimal(61), rule=lenient).status == "normal"
    assert status("44", projected=Decimal(61)).status == "warning"


def test_linear_projection_follows_the_least_squares_line():
    points = [(2020, Decimal(40)), (2021, Decimal(44)), (2022, Decimal(48))]
    assert linear_projection(points, 2025) == Decimal(60)
    assert linear_projection(points[:1], 2025) is None


@given(
    st.lists(
        st.tuples(st.integers(2000, 2030), st.decimals(-1000, 1000, places=2)),
        min_size=2,
        unique_by=lambda p: p[0],
    )
)
def test_projection_of_a_constant_series_is_the_constant(points):
    constant = [(year, Decimal(7)) for year, _ in points]
    assert linear_projection(constant, 2040) == Decimal(7)


def test_ring_ratio_is_computed_from_printed_values_with_two_decimals():
    assert ring_ratio(Decimal("1234.56"), Decimal("1000.04"), "万元") == Decimal("23.46")  # 1234.6 / 1000.0
    assert ring_ratio(Decimal(90), Decimal(100), "人") == Decimal("-10.00")
    assert ring_ratio(Decimal(100), Decimal(100), "人") is None  # a zero change prints blank
    assert ring_ratio(Decimal(100), Decimal(0), "人") is None
    assert ring_ratio(Decimal(100), None, "人") is None


def test_values_print_as_the_forms_print_them():
    assert format_value(Decimal("12345.67"), "万元") == "12,345.7"
    assert format_value(Decimal(1234), "人") == "1,234"
    assert format_value(Decimal(0), "个") == ""
    assert format_ratio(Decimal("12345.6")) == "12,345.60"
