"""The monitoring job's rules at their thresholds, incremental windows, and DuckDB ≡ Spark on the edge cases.

Pure engine tests (no database): each rule is exercised just below, at and just above its line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from minzheng.batch.errors import JobInputError
from minzheng.batch.monitoring import RuleVersion, late_events_since

from .monitoring_world import RUN_DAY, World, months

D = dt.date
DAY_BEFORE = D(2026, 2, 28)


def keys(result) -> set[str]:
    return set(result.warnings["warning_key"].to_pylist())


def by_rule(result, rule: str) -> list[dict]:
    return [row for row in result.rows() if row["rule_code"] == rule]


# --- 医疗支出 (支出型困难) ---------------------------------------------------------------------------


def test_medical_self_pay_above_20000_in_12_months_warns_exactly_at_the_crossing():
    world = World()
    (at,) = world.household("at-line")
    world.bill(at, D(2025, 5, 1), "15000.00")
    world.bill(at, D(2026, 2, 20), "5000.00")  # 20,000.00: not above
    (over,) = world.household("over")
    world.bill(over, D(2025, 5, 1), "15000.00")
    world.bill(over, D(2026, 2, 20), "5000.01")
    (old,) = world.household("bill-out-of-window")
    world.bill(old, D(2025, 3, 1), "15000.00")  # 12 months before 2026-03-01 is not inside the window
    world.bill(old, D(2026, 2, 20), "5000.01")
    warnings = by_rule(world.run(), "medical_expense")
    assert [w["household_id"] for w in warnings] == ["H-over"]
    assert warnings[0]["reason"] == "近12个月家庭医疗自付费用20000.01元，超过20000.00元，存在支出型困难风险"
    assert {e["dataset"] for e in warnings[0]["evidence"]} == {"medical_bills", "household_income"}


def test_medical_self_pay_above_half_the_household_income_warns():
    world = World()
    a, b = world.household("ratio", members=2)
    world.wage(a, months("2025-03", 12), "1000.00")  # 12,000 a year for the household
    world.bill(b, D(2026, 2, 2), "6000.01")
    (half,) = world.household("half")
    world.wage(half, months("2025-03", 12), "1000.00")
    world.bill(half, D(2026, 2, 2), "6000.00")  # exactly 50%: not above
    warnings = by_rule(world.run(), "medical_expense")
    assert [w["household_id"] for w in warnings] == ["H-ratio"]
    assert "占同期家庭收入12000.00元的50%（超过50%）" in warnings[0]["reason"]


def test_medical_household_already_over_the_line_is_not_warned_again_for_each_bill():
    world = World()
    (a,) = world.household("over")
    world.bill(a, D(2025, 12, 1), "25000.00")
    world.bill(a, D(2026, 2, 27), "300.00")
    (b,) = world.household("over-half-the-income")
    world.wage(b, months("2025-03", 12), "100.00")
    world.bill(b, D(2025, 12, 1), "700.00")
    world.bill(b, D(2026, 2, 27), "10.00")
    assert by_rule(world.run(since=DAY_BEFORE - dt.timedelta(days=3)), "medical_expense") == []
    assert len(by_rule(world.run(), "medical_expense")) == 2  # the full run sees the crossings themselves


# --- 残疾证, 死亡, 失业, 灾害 -----------------------------------------------------------------------


def test_new_first_or_second_grade_disability_certificate_warns_but_a_renewal_or_grade_3_does_not():
    world = World()
    (first,) = world.household("first")
    world.add("disability_cert", id_number=first, category="肢体", grade=2, issued_date=D(2026, 2, 10))
    (renewal,) = world.household("renewal")
    world.add("disability_cert", id_number=renewal, category="视力", grade=1, issued_date=D(2019, 4, 1))
    world.add("disability_cert", id_number=renewal, category="视力", grade=1, issued_date=D(2026, 2, 10))
    (grade3,) = world.household("grade3")
    world.add("disability_cert", id_number=grade3, category="听力", grade=3, issued_date=D(2026, 2, 10))
    (worse,) = world.household("worse")  # grade 3 before, now grade 1: new severe disability
    world.add("disability_cert", id_number=worse, category="肢体", grade=3, issued_date=D(2020, 1, 1))
    world.add("disability_cert", id_number=worse, category="肢体", grade=1, issued_date=D(2026, 2, 11))
    warnings = by_rule(world.run(since=D(2026, 1, 31)), "severe_disability")
    assert sorted(w["household_id"] for w in warnings) == ["H-first", "H-worse"]
    assert (
        "新取得二级肢体残疾证" in by_rule(world.run(since=D(2026, 1, 31)), "severe_disability")[0]["reason"]
    )


def test_death_of_a_member_of_working_age_warns_at_16_and_59_but_not_at_60():
    world = World()
    death = D(2026, 2, 20)
    cases = {
        "age16": D(2010, 2, 20),
        "age59": D(1966, 2, 21),
        "age60": D(1966, 2, 20),
        "age15": D(2010, 2, 21),
    }
    for name, birth in cases.items():
        (member,) = world.household(name, births=(birth,))
        world.add("deaths", id_number=member, death_date=death)
    warnings = by_rule(world.run(since=D(2026, 2, 1)), "working_age_death")
    assert sorted(w["household_id"] for w in warnings) == ["H-age16", "H-age59"]


def test_new_unemployment_registration_warns_once_for_all_its_benefit_months():
    world = World()
    (member,) = world.household("jobless")
    for month in ("2026-02", "2026-03", "2026-04"):
        world.add(
            "unemployment",
            id_number=member,
            registered_date=D(2026, 2, 15),
            benefit_month=month,
            benefit_amount=Decimal("1500.00"),
        )
    (earlier,) = world.household("earlier")
    world.add(
        "unemployment",
        id_number=earlier,
        registered_date=D(2025, 6, 1),
        benefit_month="2026-02",
        benefit_amount=Decimal("1500.00"),
    )
    warnings = by_rule(world.run(since=D(2026, 2, 1)), "unemployment")
    assert [w["household_id"] for w in warnings] == ["H-jobless"]
    assert warnings[0]["evidence"][0]["values"] == {"benefit_months": "3", "benefit_total": "4500.00"}


def test_disaster_loss_above_the_threshold_summed_over_the_household():
    world = World()
    a, b = world.household("flood", members=2)
    world.add(
        "disaster_loss", id_number=a, event_date=D(2026, 2, 5), loss_amount=Decimal("6000.00"), kind="洪涝"
    )
    world.add(
        "disaster_loss", id_number=b, event_date=D(2026, 2, 5), loss_amount=Decimal("4000.01"), kind="洪涝"
    )
    (at,) = world.household("at-threshold")
    world.add(
        "disaster_loss", id_number=at, event_date=D(2026, 2, 5), loss_amount=Decimal("10000.00"), kind="风雹"
    )
    warnings = by_rule(world.run(since=D(2026, 2, 1)), "disaster_loss")
    assert [w["household_id"] for w in warnings] == ["H-flood"]
    assert "损失10000.01元，超过10000.00元" in warnings[0]["reason"]
    assert len(warnings[0]["evidence"]) == 2


# --- 收入 (低保线) ---------------------------------------------------------------------------------


def test_income_newly_at_the_line_warns_a_non_dibao_household_and_rounding_is_half_up():
    world = World()
    (at,) = world.household("at-line")
    world.wage(at, months("2025-10", 3), "700.00")
    world.wage(at, ["2026-01"], "700.00")
    world.add("tax_income", id_number=at, month="2026-02", category="wage", amount=Decimal("589.00"))
    # Dec–Feb: 700 + 700 + 589 = 1989 / 3 = 663.00 → at the line: newly below-or-at
    (just_above,) = world.household("just-above")
    world.wage(just_above, months("2025-10", 4), "700.00")
    world.add("tax_income", id_number=just_above, month="2026-02", category="wage", amount=Decimal("589.02"))
    # 1989.02 / 3 = 663.0067 → 663.01: above
    (dibao,) = world.household("in-dibao", in_dibao=True)  # already 低保: the other rule applies
    world.wage(dibao, months("2025-10", 4), "700.00")
    (no_line,) = world.household("no-standard", line=None)
    world.wage(no_line, months("2025-10", 4), "700.00")
    warnings = by_rule(world.run(), "income_below_line")
    assert [w["household_id"] for w in warnings] == ["H-at-line"]
    assert warnings[0]["event_date"] == D(2026, 2, 1)
    assert "由700.00元降至663.00元" in warnings[0]["reason"]


def test_dibao_household_whose_income_rose_above_the_line_is_flagged_for_exit():
    world = World()
    a, b = world.household("rose", members=2, in_dibao=True)
    world.wage(a, months("2025-12", 3), "600.00")
    world.wage(b, ["2026-02"], "2400.00")  # (1800 + 2400) / 6 = 700.00 > 663; before: 1200 / 6 = 200
    (stays,) = world.household("stays", in_dibao=True)
    world.wage(stays, months("2025-11", 4), "663.00")
    warnings = by_rule(world.run(), "income_above_line")
    assert [w["household_id"] for w in warnings] == ["H-rose"]
    assert "应退尽退" in warnings[0]["reason"]
    # the evidence lists each month's household income once, however many members the household has
    income = [e["key"]["month"] for e in warnings[0]["evidence"] if e["dataset"] == "household_income"]
    assert income == ["2025-12", "2026-01", "2026-02"]


def test_income_month_is_evaluated_only_by_the_run_that_crosses_into_the_next_month():
    world = World()
    (a,) = world.household("drop")
    world.wage(a, months("2025-10", 4), "900.00")
    assert by_rule(world.run(until=D(2026, 3, 1), since=D(2026, 2, 28)), "income_below_line")
    assert by_rule(world.run(until=D(2026, 3, 2), since=D(2026, 3, 1)), "income_below_line") == []


# --- rules as data, windows, keys -----------------------------------------------------------------


def test_a_county_version_overrides_the_national_rule_and_can_switch_it_off():
    world = World()
    (a,) = world.household("flood")
    world.add(
        "disaster_loss", id_number=a, event_date=D(2026, 2, 5), loss_amount=Decimal("6000.00"), kind="洪涝"
    )
    (b,) = world.household("other-county", division="210603001001")
    world.add(
        "disaster_loss", id_number=b, event_date=D(2026, 2, 5), loss_amount=Decimal("6000.00"), kind="洪涝"
    )
    world.rules.append(
        RuleVersion(50, "disaster_loss", "high", division_prefix="210602", amount=Decimal("5000"))
    )
    assert [w["household_id"] for w in by_rule(world.run(), "disaster_loss")] == ["H-flood"]
    world.rules.append(
        RuleVersion(
            51, "disaster_loss", "high", division_prefix="210602", valid_from=D(2026, 1, 1), enabled=False
        )
    )
    assert by_rule(world.run(), "disaster_loss") == []


def test_a_rule_version_not_yet_valid_on_the_run_date_is_not_used():
    world = World()
    (a,) = world.household("flood")
    world.add(
        "disaster_loss", id_number=a, event_date=D(2026, 2, 5), loss_amount=Decimal("6000.00"), kind="洪涝"
    )
    world.rules.append(
        RuleVersion(
            50,
            "disaster_loss",
            "high",
            division_prefix="21",
            amount=Decimal("5000"),
            valid_from=D(2026, 4, 1),
        )
    )
    assert by_rule(world.run(), "disaster_loss") == []


def test_events_outside_the_window_are_not_evaluated_and_the_same_window_gives_the_same_keys():
    world = _edge_world()
    full = world.run()
    day = world.run(since=DAY_BEFORE)
    assert keys(day) < keys(full)
    assert world.run(since=DAY_BEFORE).warnings.equals(day.warnings)
    yesterday = world.run(until=DAY_BEFORE, since=D(2026, 2, 27))
    assert not keys(yesterday) & keys(day)


@pytest.mark.parametrize(
    ("ids", "distinct"),
    [
        (["110", "120", "130"], True),  # in ID order: one pass of comparisons
        (["130", "110", "120"], True),  # any other order: hashed
        (["110", "120", "120", "130"], False),
        (["120", "110", "120"], False),
        (["110", None, "120"], False),
        ([], True),
    ],
)
def test_population_id_numbers_are_checked_distinct_in_any_order(ids, distinct):
    import pyarrow as pa

    from minzheng.batch.monitoring.job import _distinct

    assert _distinct(pa.chunked_array([pa.array(ids, pa.string())])) is distinct


def test_bad_inputs_are_refused_in_chinese():
    world = World()
    world.household("a")
    world.population.append(dict(world.population[0]))
    with pytest.raises(JobInputError, match="同一公民身份号码"):
        world.run()
    world.population.pop()
    world.rules.append(dataclasses.replace(world.rules[0], rule_code="no_such_rule"))
    with pytest.raises(JobInputError, match="未知的预警规则"):
        world.run()
    with pytest.raises(JobInputError, match="监测区间无效"):
        World().run(since=RUN_DAY)


# --- the same job on Spark ------------------------------------------------------------------------


def _edge_world() -> World:
    """One household per edge case of every rule, events on the last day of the window and before it."""
    world = World()
    (m,) = world.household("med")
    world.bill(m, D(2025, 5, 1), "15000.00")
    world.bill(m, DAY_BEFORE, "5000.01")
    (r,) = world.household("ratio")
    world.wage(r, months("2025-03", 12), "1000.00")
    world.bill(r, DAY_BEFORE, "6000.01")
    (d,) = world.household("dis")
    world.add("disability_cert", id_number=d, category='肢体"引号\\', grade=1, issued_date=DAY_BEFORE)
    world.add("disability_cert", id_number=d, category="言语", grade=2, issued_date=DAY_BEFORE)
    (x,) = world.household("death", births=(D(1966, 2, 21),))
    world.add("deaths", id_number=x, death_date=D(2026, 2, 20))
    world.add("deaths", id_number=x, death_date=D(2026, 2, 20))
    (u,) = world.household("jobless")
    world.add(
        "unemployment",
        id_number=u,
        registered_date=DAY_BEFORE,
        benefit_month="2026-02",
        benefit_amount=Decimal("1.00"),
    )
    (f,) = world.household("flood")
    world.add(
        "disaster_loss", id_number=f, event_date=DAY_BEFORE, loss_amount=Decimal("10000.01"), kind="洪涝"
    )
    (below,) = world.household("below")
    world.wage(below, months("2025-10", 3), "700.00")
    world.add("tax_income", id_number=below, month="2026-01", category="wage", amount=Decimal("700.00"))
    world.add("tax_income", id_number=below, month="2026-02", category="wage", amount=Decimal("589.00"))
    a, b = world.household("above", members=2, in_dibao=True)
    world.wage(a, months("2025-12", 3), "600.00")
    world.wage(b, ["2026-02"], "2400.00")
    world.add("pension", id_number=b, month="2026-02", amount=Decimal("-0.01"))
    return world


@pytest.mark.spark
def test_duckdb_and_spark_give_identical_warnings(spark):
    from minzheng.batch.backends.spark_backend import SparkBackend

    world = _edge_world()
    for since in (None, DAY_BEFORE - dt.timedelta(days=1)):
        duck = world.run(since=since)
        with SparkBackend(spark) as backend:
            sparked = world.run(since=since, backend=backend)
        assert duck.warnings.num_rows >= 6
        assert sparked.warnings.to_pylist() == duck.warnings.to_pylist()


def test_narrowing_to_touched_households_does_not_change_the_warnings():
    from minzheng.batch.monitoring import job as monitoring

    world = _edge_world()
    narrowed = world.run(since=D(2026, 2, 1))
    limit, monitoring.INCREMENTAL_MAX_DAYS = monitoring.INCREMENTAL_MAX_DAYS, 0
    try:
        assert world.run(since=D(2026, 2, 1)).warnings.equals(narrowed.warnings)
    finally:
        monitoring.INCREMENTAL_MAX_DAYS = limit


def _late_events(backend=None) -> tuple:
    """Two snapshots of the same sources: what a run saw, and the next extracts with rows added."""
    world = World()
    a, b = world.household("a", 2)
    world.bill(a, dt.date(2025, 5, 10), "5000")
    world.wage(a, ["2025-01"], "1000")
    seen = world.snapshot()
    unchanged = late_events_since(seen, world.snapshot(), dt.date(2025, 6, 1), backend=backend)
    world.bill(b, dt.date(2025, 5, 3), "100")  # dated before the watermark: late
    world.wage(b, ["2025-02"], "900")  # a late income month
    world.bill(a, dt.date(2025, 6, 20), "10")  # after the watermark: the incremental run sees it anyway
    late = late_events_since(seen, world.snapshot(), dt.date(2025, 6, 1), backend=backend)
    only_recent = late_events_since(seen, world.snapshot(), dt.date(2025, 1, 15), backend=backend)
    return unchanged, late, only_recent


def test_late_events_are_found_by_comparing_rows_of_whole_extracts():
    assert _late_events() == (None, dt.date(2025, 2, 1), None)


@pytest.mark.spark
def test_late_events_are_the_same_on_spark(spark):
    from minzheng.batch.backends.spark_backend import SparkBackend

    with SparkBackend(spark) as backend:
        assert _late_events(backend) == _late_events()
