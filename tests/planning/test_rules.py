"""Reading printed targets and plan periods (pure rules)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.planning.rules import ParsedTarget, parse_target, plan_period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("≥60", ParsedTarget("≥", Decimal("60"))),
        (">30", ParsedTarget(">", Decimal("30"))),
        ("1.3", ParsedTarget("=", Decimal("1.3"))),
        ("不低于55%", ParsedTarget("≥", Decimal("55"), "%")),
        ("80%以上", ParsedTarget("≥", Decimal("80"), "%")),
        ("超过55%", ParsedTarget(">", Decimal("55"), "%")),
        ("不高于70%", ParsedTarget("≤", Decimal("70"), "%")),
        ("10个左右", ParsedTarget("≈", Decimal("10"), "个")),
        ("不少于0.1平方米", ParsedTarget("≥", Decimal("0.1"), "平方米")),
        ("不低于省定指标要求", ParsedTarget()),
        ("全覆盖", ParsedTarget()),
        ("1至2所", ParsedTarget()),
        ("2022年底", ParsedTarget()),
    ],
)
def test_printed_targets_are_read_as_comparison_and_number(text, expected):
    assert parse_target(text) == expected


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_any_plain_number_reads_as_reaching_that_number(value):
    assert parse_target(str(value)) == ParsedTarget("=", value)


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("辽宁省民政事业发展第十四个五年规划", (2021, 2025)),
        ("浑南区民政事业发展“十四五”规划", (2021, 2025)),
        ("某市民政事业发展第十三个五年规划", (2016, 2020)),
        ("某市民政事业发展“十五五”规划", (2026, 2030)),
        ("某市养老服务体系建设规划", (2021, 2025)),
    ],
)
def test_the_period_comes_from_the_plan_number_in_the_title(title, period):
    assert plan_period(title) == period
