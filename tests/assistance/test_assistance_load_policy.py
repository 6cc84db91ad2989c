"""load_assistance_policy: the programs, defaults and plan figures ship, once; the calendar comes from the table."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from minzheng.assistance.models import (
    AssistanceProgram,
    AssistanceStandard,
)
from minzheng.assistance.rules import (
    CalendarNotCoveredError,
    DibaoTimeLimits,
    add_working_days,
    dibao_confirmation_due,
)
from minzheng.assistance.services.in_force import derived_standards, standard_in_force
from minzheng.core.errors import PermissionDenied
from minzheng.policy.interface import parameter_in_force
from minzheng.policy.models import HolidayCalendarDay, PolicyParameter
from minzheng.policy.services.calendar import add_calendar_day, working_calendar

from .factories import approver

DANDONG, FUXIN, LIAONING, NATIONAL = "210600000000", "210900000000", "210000000000", "000000000000"


@pytest.fixture
def loaded(db):
    call_command("load_assistance_policy", verbosity=0)


def _standard(kind, area, division, effective_from):
    return AssistanceStandard.objects.get(
        kind=kind, area=area, division_code=division, effective_from=effective_from
    )


def test_the_plans_standards_ship_with_their_sources(loaded):
    expected = [
        ("dibao", "urban", DANDONG, date(2016, 1, 1), "500.00", "month"),
        ("dibao", "rural", DANDONG, date(2016, 1, 1), "3372.00", "year"),
        ("dibao", "urban", DANDONG, date(2020, 1, 1), "663.00", "month"),
        ("dibao", "rural", DANDONG, date(2020, 1, 1), "5052.00", "year"),
        ("dibao", "urban", FUXIN, date(2020, 1, 1), "624.00", "month"),
        ("dibao", "rural", FUXIN, date(2020, 1, 1), "5000.00", "year"),
        ("orphan_centralised", "all", DANDONG, date(2020, 1, 1), "1638.00", "month"),
        ("orphan_scattered", "all", DANDONG, date(2020, 1, 1), "1284.00", "month"),
    ]
    for kind, area, division, day, amount, period in expected:
        standard = _standard(kind, area, division, day)
        assert (str(standard.amount), standard.period) == (amount, period)
        assert "规划" in standard.source_note
    assert _standard("dibao", "urban", DANDONG, date(2016, 1, 1)).valid_to == date(2019, 12, 31)


def test_the_provincial_average_ships_as_a_reference_only(loaded):
    average = _standard("dibao", "urban", LIAONING, date(2020, 1, 1))
    assert (average.amount, average.is_reference_average) == (Decimal("672.00"), True)
    assert _standard("dibao", "rural", LIAONING, date(2020, 1, 1)).amount == Decimal("5558.00")


def test_every_program_of_issue_3_ships_enabled(loaded):
    programs = AssistanceProgram.objects.all()
    assert programs.count() == 15 and all(p.enabled for p in programs)
    assert {p.get_category_display() for p in programs} >= {
        "城市低保",
        "农村低保",
        "高龄津贴",
        "临时救助（急难型）",
    }


def test_national_defaults_and_liaoning_figures_are_in_force(loaded):
    on = date(2024, 6, 1)
    village = "210602002001"
    assert parameter_in_force("dibao_edge_multiplier", village, on).value == Decimal("1.5")
    assert parameter_in_force("tekun_multiplier_min", village, on).value == Decimal("1.3")
    assert parameter_in_force("tekun_minor_entry_age", village, on).value == 18  # 辽宁: 16 → 18
    assert parameter_in_force("tekun_minor_entry_age", "220102000000", on).value == 16  # 吉林: national
    assert parameter_in_force("township_reserve_per_resident", village, on).value == Decimal("2")
    assert parameter_in_force("publicity_day_kind", village, on).text_value == "自然日"
    assert parameter_in_force("dibao_procedure_working_days", village, on).value == 30
    assert parameter_in_force("standard_growth_min_percent", "210112000000", on).value == Decimal("7")


def test_dandong_2024_derived_standards(loaded):
    urban, rural = derived_standards("210602000000", date(2024, 1, 1))
    assert (urban.dibao.amount, urban.dibao_edge_line, urban.tekun_basic) == (
        Decimal("663.00"), Decimal("994.50"), Decimal("861.90"),
    )  # fmt: skip
    assert rural.dibao_edge_line == Decimal("631.50")
    assert standard_in_force("210602000000", "orphan_scattered", date(2024, 1, 1)).amount == Decimal(
        "1284.00"
    )


def test_the_command_is_idempotent(loaded):
    counts = (
        AssistanceProgram.objects.count(),
        PolicyParameter.objects.count(),
        AssistanceStandard.objects.count(),
        HolidayCalendarDay.objects.count(),
    )
    call_command("load_assistance_policy", verbosity=0)
    assert counts == (
        AssistanceProgram.objects.count(),
        PolicyParameter.objects.count(),
        AssistanceStandard.objects.count(),
        HolidayCalendarDay.objects.count(),
    )
    assert counts[3] > 200


def test_the_working_calendar_comes_from_the_table(loaded):
    calendar = working_calendar()
    assert not calendar.is_working_day(date(2024, 2, 12))  # 春节
    assert calendar.is_working_day(date(2024, 5, 11))  # Saturday worked (劳动节调休)
    assert calendar.is_working_day(date(2024, 2, 18))  # Sunday worked (春节调休)
    assert HolidayCalendarDay.objects.get(day=date(2024, 2, 12)).note == "春节"
    # Township opinion on Friday 9 Feb 2024: ten working days skip the Spring Festival week.
    limits = DibaoTimeLimits(10, 30, 20, 45)
    assert dibao_confirmation_due(date(2024, 2, 9), limits, calendar) == date(2024, 2, 29)
    with pytest.raises(CalendarNotCoveredError):
        add_working_days(date(2026, 12, 25), 10, calendar)


def test_an_administrator_extends_the_calendar_to_the_next_year(loaded, divisions):
    user = approver()
    add_calendar_day(user, day=date(2027, 1, 1), kind="holiday", note="元旦")
    calendar = working_calendar()
    assert not calendar.is_working_day(date(2027, 1, 1))
    assert calendar.is_working_day(date(2027, 1, 4))


def test_caseworkers_cannot_edit_the_calendar(loaded, county_caseworker):
    with pytest.raises(PermissionDenied):
        add_calendar_day(county_caseworker, day=date(2027, 1, 1), kind="holiday")


def test_an_empty_calendar_refuses_to_count(db):
    with pytest.raises(CalendarNotCoveredError):
        working_calendar().is_working_day(date(2024, 1, 2))
