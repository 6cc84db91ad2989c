"""低保标准 resolution and derived standards (边缘 line, 特困基本生活标准)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules import (
    AreaKind,
    AssistanceRuleError,
    MinimumLivingStandard,
    StandardNotFoundError,
    StandardPeriod,
    dibao_edge_income_line,
    monthly_dibao_standard,
    resolve_dibao_standard,
    tekun_basic_living_standard,
)
from minzheng.policy.rules import significant_division_prefix

URBAN, RURAL = AreaKind.URBAN, AreaKind.RURAL
DANDONG = "210600"
ZHENXING_DISTRICT_VILLAGE = "210603001001"

DANDONG_RECORDS = [
    MinimumLivingStandard(DANDONG, URBAN, date(2016, 7, 1), Decimal("500")),
    MinimumLivingStandard(DANDONG, URBAN, date(2020, 7, 1), Decimal("663")),
    MinimumLivingStandard(DANDONG, RURAL, date(2016, 7, 1), Decimal("3372"), StandardPeriod.PER_YEAR),
    MinimumLivingStandard(DANDONG, RURAL, date(2020, 7, 1), Decimal("5052"), StandardPeriod.PER_YEAR),
]


def test_city_standard_reaches_its_villages():
    assert monthly_dibao_standard(
        DANDONG_RECORDS, ZHENXING_DISTRICT_VILLAGE, URBAN, date(2021, 1, 1)
    ) == Decimal("663.00")


def test_the_standard_before_a_raise_applies_until_the_raise_takes_effect():
    assert monthly_dibao_standard(DANDONG_RECORDS, DANDONG, URBAN, date(2020, 6, 30)) == Decimal("500.00")
    assert monthly_dibao_standard(DANDONG_RECORDS, DANDONG, URBAN, date(2020, 7, 1)) == Decimal("663.00")


def test_rural_yearly_standard_is_paid_per_month():
    assert monthly_dibao_standard(DANDONG_RECORDS, DANDONG, RURAL, date(2021, 1, 1)) == Decimal("421.00")


def test_rural_yearly_standard_is_rounded_half_up_to_the_fen():
    liaoning = MinimumLivingStandard(
        "210000", RURAL, date(2020, 1, 1), Decimal("5558"), StandardPeriod.PER_YEAR
    )
    assert liaoning.monthly_amount == Decimal("463.17")


def test_county_standard_beats_its_citys_even_when_older():
    county = MinimumLivingStandard("210603", URBAN, date(2019, 1, 1), Decimal("700"))
    chosen = resolve_dibao_standard(
        [*DANDONG_RECORDS, county], ZHENXING_DISTRICT_VILLAGE, URBAN, date(2021, 1, 1)
    )
    assert chosen is county


def test_a_neighbouring_county_keeps_the_city_standard():
    county = MinimumLivingStandard("210603", URBAN, date(2019, 1, 1), Decimal("700"))
    assert monthly_dibao_standard([*DANDONG_RECORDS, county], "210604", URBAN, date(2021, 1, 1)) == Decimal(
        "663.00"
    )


def test_no_standard_before_the_first_record_is_an_error():
    with pytest.raises(StandardNotFoundError):
        resolve_dibao_standard(DANDONG_RECORDS, DANDONG, URBAN, date(2015, 12, 31))


def test_division_codes_reduce_to_their_significant_prefix():
    assert significant_division_prefix("210600") == "2106"
    assert significant_division_prefix("210600000000") == "2106"
    assert significant_division_prefix("210603001000") == "210603001"
    assert significant_division_prefix("210000") == "21"


def test_edge_line_is_one_and_a_half_times_the_standard():
    assert dibao_edge_income_line(Decimal("663"), Decimal("1.5")) == Decimal("994.50")


def test_tekun_standard_is_at_least_the_multiple_of_the_dibao_standard():
    kwargs = {"multiplier": Decimal("1.3"), "minimum_multiplier": Decimal("1.3")}
    assert tekun_basic_living_standard(Decimal("663"), **kwargs) == Decimal("861.90")
    assert tekun_basic_living_standard(Decimal("663"), published_amount=Decimal("900"), **kwargs) == Decimal(
        "900.00"
    )
    assert tekun_basic_living_standard(Decimal("663"), published_amount=Decimal("800"), **kwargs) == Decimal(
        "861.90"
    )


def test_tekun_multiplier_below_the_floor_is_refused():
    with pytest.raises(AssistanceRuleError):
        tekun_basic_living_standard(
            Decimal("663"), multiplier=Decimal("1.2"), minimum_multiplier=Decimal("1.3")
        )


def test_division_override_of_the_tekun_standard_is_taken_as_set():
    result = tekun_basic_living_standard(
        Decimal("663"),
        multiplier=Decimal("1.3"),
        minimum_multiplier=Decimal("1.3"),
        division_override=Decimal("850"),
    )
    assert result == Decimal("850.00")


amounts = st.decimals(min_value=Decimal("100"), max_value=Decimal("3000"), places=2)
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
dated_amounts = st.lists(st.tuples(days, amounts), max_size=6, unique_by=lambda record: record[0])


def _latest_in_force(series, on):
    in_force = [record for record in series if record[0] <= on]
    return max(in_force)[1] if in_force else None


@given(city_series=dated_amounts, county_series=dated_amounts, on=days)
def test_the_standard_in_force_is_the_countys_latest_else_the_citys_latest(city_series, county_series, on):
    records = [MinimumLivingStandard(DANDONG, URBAN, start, amount) for start, amount in city_series]
    records += [MinimumLivingStandard("210603", URBAN, start, amount) for start, amount in county_series]
    expected = _latest_in_force(county_series, on) or _latest_in_force(city_series, on)
    if expected is None:
        with pytest.raises(StandardNotFoundError):
            monthly_dibao_standard(records, ZHENXING_DISTRICT_VILLAGE, URBAN, on)
    else:
        assert monthly_dibao_standard(records, ZHENXING_DISTRICT_VILLAGE, URBAN, on) == expected


@given(
    city_series=dated_amounts.filter(bool), on=days, tekun_multiplier=st.sampled_from(["1.3", "1.4", "1.5"])
)
def test_derived_standards_are_correct_on_every_date(city_series, on, tekun_multiplier):
    records = [MinimumLivingStandard(DANDONG, URBAN, start, amount) for start, amount in city_series]
    standard = _latest_in_force(city_series, on)
    if standard is None:
        return
    assert monthly_dibao_standard(records, DANDONG, URBAN, on) == standard
    edge = dibao_edge_income_line(standard, Decimal("1.5"))
    assert edge == (standard * Decimal("1.5")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    tekun = tekun_basic_living_standard(
        standard, multiplier=Decimal(tekun_multiplier), minimum_multiplier=Decimal("1.3")
    )
    assert abs(tekun - standard * Decimal(tekun_multiplier)) <= Decimal("0.005")
    assert tekun >= (standard * Decimal("1.3")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
