"""The policy book: which version is in force, and the derived standards on every date (pure, no database)."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.policy_book import ParameterVersion, PolicyBook, StandardVersion
from minzheng.assistance.rules import round_yuan
from minzheng.policy.rules import ancestor_division_codes, record_in_force

CITY, COUNTY, NATIONAL = "210600000000", "210602000000", "000000000000"


def dibao(division, day, amount, area="urban", period="month", **extra):
    return StandardVersion(0, "dibao", area, division, day, None, Decimal(amount), period, **extra)


def parameter(name, division, day, value, valid_to=None):
    return ParameterVersion(0, name, division, day, valid_to, Decimal(value))


MULTIPLIERS = [
    parameter("dibao_edge_multiplier", NATIONAL, date(2000, 1, 1), "1.5"),
    parameter("tekun_basic_multiplier", NATIONAL, date(2000, 1, 1), "1.3"),
    parameter("tekun_multiplier_min", NATIONAL, date(2000, 1, 1), "1.3"),
]


def test_ancestors_of_a_county_run_from_the_whole_country_down():
    assert ancestor_division_codes(COUNTY) == [NATIONAL, "210000000000", CITY, COUNTY]


def test_a_county_figure_beats_the_citys_and_the_day_before_uses_the_old_one():
    book = PolicyBook([dibao(CITY, date(2020, 1, 1), "663"), dibao(COUNTY, date(2023, 7, 1), "700")], [])
    assert book.standard("dibao", "urban", COUNTY, date(2023, 6, 30)).amount == Decimal("663")
    assert book.standard("dibao", "urban", COUNTY, date(2023, 7, 1)).amount == Decimal("700")
    assert book.standard("dibao", "urban", "210603000000", date(2024, 1, 1)).amount == Decimal("663")
    assert book.standard("dibao", "urban", COUNTY, date(2019, 12, 31)) is None


def test_a_provincial_average_is_never_used_to_pay():
    book = PolicyBook([dibao("210000000000", date(2020, 1, 1), "672", is_reference_average=True)], [])
    assert book.standard("dibao", "urban", COUNTY, date(2021, 1, 1)) is None


def test_a_rural_yearly_standard_is_derived_per_month():
    book = PolicyBook([dibao(CITY, date(2020, 1, 1), "5052", area="rural", period="year")], MULTIPLIERS)
    derived = book.derived(COUNTY, "rural", date(2021, 1, 1))
    assert derived.dibao.monthly_amount == Decimal("421.00")
    assert derived.dibao_edge_line == Decimal("631.50")
    assert derived.tekun_basic == Decimal("547.30")


def test_a_division_override_of_the_tekun_standard_is_taken_as_is():
    own = StandardVersion(
        0, "tekun_basic", "urban", COUNTY, date(2021, 1, 1), None, Decimal("800"), "month", True
    )
    book = PolicyBook([dibao(CITY, date(2020, 1, 1), "663"), own], MULTIPLIERS)
    derived = book.derived(COUNTY, "urban", date(2021, 6, 1))
    assert (derived.tekun_basic, derived.tekun_basis) == (Decimal("800.00"), "地方自定")
    assert book.derived(COUNTY, "urban", date(2020, 12, 31)).tekun_basic == Decimal("861.90")


def test_a_parameter_set_for_a_plan_period_ends_with_it():
    target = parameter(
        "standard_growth_min_percent", "210112000000", date(2021, 1, 1), "7", date(2025, 12, 31)
    )
    book = PolicyBook([], [target])
    assert book.parameter("standard_growth_min_percent", "210112000000", date(2025, 12, 31)) is not None
    assert book.parameter("standard_growth_min_percent", "210112000000", date(2026, 1, 1)) is None


_days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
_amounts = st.decimals(min_value=Decimal("100"), max_value=Decimal("3000"), places=2)
_multipliers = st.decimals(min_value=Decimal("1.0"), max_value=Decimal("2.0"), places=2)


@given(
    standards=st.lists(st.tuples(st.sampled_from([CITY, COUNTY]), _days, _amounts), min_size=1, max_size=6),
    edge_versions=st.lists(st.tuples(_days, _multipliers), min_size=1, max_size=4),
    on=_days,
)
def test_derived_standards_follow_the_standard_and_multiplier_in_force_on_every_date(
    standards, edge_versions, on
):
    versions = [dibao(division, day, amount) for division, day, amount in standards]
    multipliers = [parameter("dibao_edge_multiplier", NATIONAL, day, value) for day, value in edge_versions]
    book = PolicyBook(versions, [*multipliers, *MULTIPLIERS[1:]])
    derived = book.derived(COUNTY, "urban", on)
    in_force = record_in_force(versions, COUNTY, on)
    if in_force is None:
        assert derived is None
        return
    assert derived.dibao == in_force
    multiplier = record_in_force(multipliers, NATIONAL, on)
    if multiplier is None:
        assert derived.dibao_edge_line is None
    else:
        assert derived.dibao_edge_line == round_yuan(in_force.monthly_amount * multiplier.value)
    assert derived.tekun_basic == round_yuan(in_force.monthly_amount * Decimal("1.3"))
    assert derived.tekun_basic >= in_force.monthly_amount
    day_before = book.derived(COUNTY, "urban", in_force.effective_from - timedelta(days=1))
    assert day_before is None or day_before.dibao != in_force
