"""指标填报: validation rules, maker-checker approval, roll-up of entered values up the division tree, and
formulas over other indicators."""

from decimal import Decimal

import pytest

from minzheng.core.errors import PermissionDenied
from minzheng.planning import services
from minzheng.planning.errors import InvalidIndicator, MakerCheckerViolation
from minzheng.planning.figures import figure
from minzheng.planning.models import EntryStatus, IndicatorDefinition
from minzheng.planning.periods import Period
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def definitions(monitored_plans):
    return {d.code: d for d in IndicatorDefinition.objects.all()}


@pytest.fixture
def people(divisions):
    return {
        "yb": make_user("caseworker", "210602000000"),
        "zx": make_user("caseworker", "210603000000"),
        "dd": make_user("caseworker", "210600000000"),
        "checker": make_user("reviewer", "210600000000"),
    }


def enter(user, definition, division, period, **values):
    return services.submit_entry(user, definition, division_code=division, period_key=period, **values)


def approved(entry, checker):
    return services.review_entry(checker, entry, approve=True)


def test_a_ratio_is_entered_as_numerator_and_denominator(definitions, people):
    entry = enter(people["yb"], definitions["planning.nursing_bed_ratio"], "210602000000", "2023",
                  value=None, numerator=Decimal(120), denominator=Decimal(200))  # fmt: skip
    assert entry.value == Decimal("60.0000") and entry.status == EntryStatus.SUBMITTED


def test_out_of_range_and_wrong_type_values_are_refused_naming_the_field(definitions, people):
    with pytest.raises(InvalidIndicator) as error:
        enter(people["yb"], definitions["planning.nursing_bed_ratio"], "210602000000", "2023",
              value=None, numerator=Decimal(300), denominator=Decimal(200))  # fmt: skip
    assert "不能大于 100" in error.value.message
    with pytest.raises(InvalidIndicator) as error:
        enter(
            people["yb"],
            definitions["planning.lottery_outlets"],
            "210602000000",
            "2023",
            value=Decimal("12.5"),
        )
    assert error.value.field == "value" and "整数" in error.value.message
    with pytest.raises(InvalidIndicator) as error:
        enter(
            people["yb"], definitions["planning.lottery_outlets"], "210602000000", "2023Q1", value=Decimal(12)
        )
    assert error.value.field == "period"


def test_a_large_change_needs_a_comment(definitions, people):
    outlets = definitions["planning.lottery_outlets"]
    approved(enter(people["yb"], outlets, "210602000000", "2022", value=Decimal(100)), people["checker"])
    with pytest.raises(InvalidIndicator) as error:
        enter(people["yb"], outlets, "210602000000", "2023", value=Decimal(150))
    assert error.value.field == "comment" and "50.00%" in error.value.message
    assert (
        enter(people["yb"], outlets, "210602000000", "2023", value=Decimal(150), comment="新增社区网点").value
        == 150
    )


def test_the_person_who_entered_cannot_approve(definitions, people):
    leader = make_user("leader", "210600000000")
    entry = enter(leader, definitions["planning.lottery_outlets"], "210602000000", "2023", value=Decimal(10))
    with pytest.raises(MakerCheckerViolation):
        services.review_entry(leader, entry, approve=True)
    assert approved(entry, people["checker"]).status == EntryStatus.APPROVED


def test_only_approved_values_count_and_a_return_needs_a_reason(definitions, people):
    outlets = definitions["planning.lottery_outlets"]
    entry = enter(people["yb"], outlets, "210602000000", "2023", value=Decimal(10))
    assert figure(outlets, "210602000000", Period(2023)).value is None
    with pytest.raises(InvalidIndicator):
        services.review_entry(people["checker"], entry, approve=False)
    services.review_entry(people["checker"], entry, approve=False, note="与台账不符")
    assert figure(outlets, "210602000000", Period(2023)).value is None


def test_entry_and_approval_stay_inside_the_jurisdiction(definitions, people):
    outlets = definitions["planning.lottery_outlets"]
    with pytest.raises(PermissionDenied):
        enter(people["yb"], outlets, "210603000000", "2023", value=Decimal(10))
    entry = enter(people["zx"], outlets, "210603000000", "2023", value=Decimal(10))
    with pytest.raises(PermissionDenied):
        services.review_entry(make_user("reviewer", "210602000000"), entry, approve=True)


def test_ratios_roll_up_from_summed_numerators_and_denominators(definitions, people):
    beds = definitions["planning.nursing_bed_ratio"]
    for user, code, nursing, total in (("yb", "210602000000", 90, 100), ("zx", "210603000000", 30, 300)):
        entry = enter(
            people[user],
            beds,
            code,
            "2023",
            value=None,
            numerator=Decimal(nursing),
            denominator=Decimal(total),
        )
        approved(entry, people["checker"])
    city = figure(beds, "210600000000", Period(2023))
    assert city.value == Decimal(120) / Decimal(400) * 100  # 30%, not the mean of 90% and 10%
    assert (city.numerator, city.denominator) == (Decimal(120), Decimal(400))
    assert "2个下级区划" in city.note and "definition=" in city.drilldown_url


def test_a_division_s_own_approved_figure_wins_over_the_sum_of_its_parts(definitions, people):
    outlets = definitions["planning.lottery_outlets"]
    approved(enter(people["yb"], outlets, "210602000000", "2023", value=Decimal(10)), people["checker"])
    approved(enter(people["zx"], outlets, "210603000000", "2023", value=Decimal(5)), people["checker"])
    assert figure(outlets, "210600000000", Period(2023)).value == 15
    approved(enter(people["dd"], outlets, "210600000000", "2023", value=Decimal(18)), people["checker"])
    assert figure(outlets, "210600000000", Period(2023)).value == 18


def test_a_formula_combines_other_indicators(definitions, people):
    leader = make_user("leader", "210600000000")
    doubled = services.save_definition(leader, services.DefinitionInput(
        code="planning.outlets_doubled", name="网点数×2", unit="个", period_type="year", source_kind="formula",
        expression="{planning.lottery_outlets} * 2",
    ))  # fmt: skip
    assert figure(doubled, "210602000000", Period(2023)).value is None
    approved(
        enter(
            people["yb"], definitions["planning.lottery_outlets"], "210602000000", "2023", value=Decimal(21)
        ),
        people["checker"],
    )
    assert figure(doubled, "210602000000", Period(2023)).value == 42
