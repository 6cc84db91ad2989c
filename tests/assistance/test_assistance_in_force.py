"""The service interface other domains call: standards and parameters in force, derived standards, history."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.errors import InvalidPolicyValue, ParameterNotSet, StandardNotFound, VersionConflict
from minzheng.assistance.models import AssistanceStandard
from minzheng.assistance.services import standards as policy
from minzheng.assistance.services.in_force import (
    derived_standards,
    standard_in_force,
    standards_in_force,
)
from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.policy.interface import parameter_in_force, parameter_value
from minzheng.policy.models import PolicyParameter
from minzheng.policy.services import parameters as parameter_services

from .factories import add_parameter, add_standard, approver, national_multipliers

CITY, COUNTY, OTHER_COUNTY = "210600000000", "210602000000", "210603000000"
VILLAGE = "210602002001"


@pytest.fixture
def dandong(db):
    national_multipliers()
    add_standard(CITY, date(2016, 1, 1), "500")
    add_standard(CITY, date(2020, 1, 1), "663")
    add_standard(CITY, date(2020, 1, 1), "5052", area="rural", period="year")


def test_a_village_gets_its_citys_standard(dandong):
    found = standard_in_force(VILLAGE, "dibao", date(2021, 3, 1), area="urban")
    assert (found.amount, found.division_code, found.derived) == (Decimal("663"), CITY, False)


def test_the_day_before_an_effective_date_uses_the_old_standard(dandong):
    assert standard_in_force(COUNTY, "dibao", date(2019, 12, 31), area="urban").amount == Decimal("500")
    assert standard_in_force(COUNTY, "dibao", date(2020, 1, 1), area="urban").amount == Decimal("663")


def test_a_county_override_beats_the_citys_standard_only_in_that_county(dandong):
    add_standard(COUNTY, date(2022, 7, 1), "720")
    assert standard_in_force(VILLAGE, "dibao", date(2022, 7, 1), area="urban").amount == Decimal("720")
    assert standard_in_force(VILLAGE, "dibao", date(2022, 6, 30), area="urban").amount == Decimal("663")
    assert standard_in_force(OTHER_COUNTY, "dibao", date(2022, 7, 1), area="urban").amount == Decimal("663")


def test_no_standard_before_the_first_version_is_a_typed_error(dandong):
    with pytest.raises(StandardNotFound):
        standard_in_force(COUNTY, "dibao", date(2015, 12, 31), area="urban")


def test_derived_standards_use_the_multipliers_and_the_monthly_standard(dandong):
    urban, rural = derived_standards(COUNTY, date(2021, 1, 1))
    assert (urban.dibao_edge_line, urban.tekun_basic) == (Decimal("994.50"), Decimal("861.90"))
    assert (rural.dibao.monthly_amount, rural.dibao_edge_line, rural.tekun_basic) == (
        Decimal("421.00"), Decimal("631.50"), Decimal("547.30"),
    )  # fmt: skip


def test_a_program_resolves_to_its_standard_and_derived_programs_to_the_derived_figure(db, dandong):
    from django.core.management import call_command

    call_command("load_assistance_policy", verbosity=0)
    assert standard_in_force(COUNTY, "dibao_rural", date(2021, 1, 1)).monthly_amount == Decimal("421.00")
    tekun = standard_in_force(COUNTY, "tekun_dispersed", date(2021, 1, 1), area="urban")
    assert (tekun.amount, tekun.derived) == (Decimal("861.90"), True)
    edge = standard_in_force(COUNTY, "dibao_edge", date(2021, 1, 1), area="urban")
    assert edge.amount == Decimal("994.50")
    with pytest.raises(InvalidPolicyValue):
        standard_in_force(COUNTY, "tekun_dispersed", date(2021, 1, 1))  # 特困 standard differs by area


def test_a_county_multiplier_changes_only_its_own_line(dandong):
    add_parameter("dibao_edge_multiplier", COUNTY, date(2023, 1, 1), "2")
    assert derived_standards(COUNTY, date(2023, 1, 1))[0].dibao_edge_line == Decimal("1326.00")
    assert derived_standards(OTHER_COUNTY, date(2023, 1, 1))[0].dibao_edge_line == Decimal("994.50")
    assert parameter_value("dibao_edge_multiplier", VILLAGE, date(2022, 12, 31)) == Decimal("1.5")


def test_parameter_not_set_is_a_typed_error_unless_a_default_is_given(divisions):
    with pytest.raises(ParameterNotSet, match=r"在元宝区于 2024-01-01 未设置.*系统管理 › 政策参数"):
        parameter_in_force("temporary_assistance_cap", COUNTY, date(2024, 1, 1))
    assert parameter_value("dibao_minimum_per_person", COUNTY, date(2024, 1, 1), default=Decimal("0")) == 0


def test_a_new_version_closes_the_previous_one_and_keeps_history(dandong, divisions):
    user = approver(CITY, "dd_sp")
    new = policy.set_standard(
        user, kind="dibao", area="urban", division_code=CITY, effective_from=date(2024, 1, 1), amount="750"
    )
    versions = list(AssistanceStandard.objects.filter(kind="dibao", area="urban", division_code=CITY))
    assert [(v.effective_from, v.valid_to, v.amount) for v in versions] == [
        (date(2024, 1, 1), None, Decimal("750.00")),
        (date(2020, 1, 1), date(2023, 12, 31), Decimal("663.00")),
        (date(2016, 1, 1), date(2019, 12, 31), Decimal("500.00")),
    ]
    event = AuditEvent.objects.get(object_type="assistance_standard", object_id=str(new.pk))
    assert "2023-12-31" in event.summary and event.after["amount"] == "750.00"
    assert standards_in_force(CITY, date(2023, 12, 31))[0].amount == Decimal("663")


def test_a_back_dated_version_is_closed_before_the_next_one(dandong, divisions):
    policy.set_standard(
        approver(CITY, "dd_sp"), kind="dibao", area="urban", division_code=CITY, effective_from=date(2018, 7, 1),
        amount="560",
    )  # fmt: skip
    got = AssistanceStandard.objects.get(division_code=CITY, area="urban", effective_from=date(2018, 7, 1))
    assert got.valid_to == date(2019, 12, 31)
    assert AssistanceStandard.objects.get(area="urban", effective_from=date(2016, 1, 1)).valid_to == date(
        2018, 6, 30
    )


def test_a_second_version_on_the_same_day_is_refused(dandong, divisions):
    with pytest.raises(VersionConflict):
        policy.set_standard(
            approver(CITY, "dd_sp"), kind="dibao", area="urban", division_code=CITY,
            effective_from=date(2020, 1, 1), amount="999",
        )  # fmt: skip
    assert AssistanceStandard.objects.get(area="urban", effective_from=date(2020, 1, 1)).amount == Decimal(
        "663"
    )


def test_only_approvers_and_administrators_set_policy_and_only_inside_their_jurisdiction(
    dandong, county_caseworker
):
    with pytest.raises(PermissionDenied):
        parameter_services.set_parameter(
            county_caseworker, name="gradual_exit_months", division_code=COUNTY, effective_from=date(2024, 1, 1),
            value="3",
        )  # fmt: skip
    with pytest.raises(InvalidPolicyValue) as refused:
        policy.set_standard(
            approver(COUNTY), kind="dibao", area="urban", division_code=CITY, effective_from=date(2024, 1, 1),
            amount="800",
        )  # fmt: skip
    assert refused.value.field == "division_code"


@pytest.mark.parametrize(
    ("name", "value", "text_value", "field"),
    [
        ("no_such_parameter", "1", "", "name"),
        ("gradual_exit_months", "2.5", "", "value"),
        ("gradual_exit_months", "-1", "", "value"),
        ("publicity_day_kind", None, "星期", "text_value"),
    ],
)
def test_parameter_values_are_checked_against_the_catalogue(divisions, name, value, text_value, field):
    with pytest.raises(InvalidPolicyValue) as refused:
        parameter_services.set_parameter(
            approver(), name=name, division_code=COUNTY, effective_from=date(2024, 1, 1), value=value,
            text_value=text_value,
        )  # fmt: skip
    assert refused.value.field == field
    assert not PolicyParameter.objects.exists()


def test_money_never_comes_in_as_float(divisions):
    with pytest.raises(InvalidPolicyValue):
        policy.set_standard(
            approver(), kind="dibao", area="urban", division_code=COUNTY, effective_from=date(2024, 1, 1),
            amount=700.5,
        )  # fmt: skip
