"""Test data for the 社会救助 domain: standard and parameter versions, users who may set policy."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.assistance.models import Area, AssistanceStandard, StandardKind, StandardPeriod
from minzheng.policy.interface import insert_version
from minzheng.policy.models import PolicyParameter
from minzheng.policy.services.parameters import new_parameter
from tests.core.factories import make_user

NATIONAL = "000000000000"


def add_standard(
    division_code: str,
    effective_from: date,
    amount: str,
    *,
    kind: str = StandardKind.DIBAO,
    area: str = Area.URBAN,
    period: str = StandardPeriod.PER_MONTH,
    is_override: bool = False,
    is_reference_average: bool = False,
) -> AssistanceStandard:
    standard = AssistanceStandard(
        kind=kind, area=area, division_code=division_code, effective_from=effective_from, amount=Decimal(amount),
        period=period, is_override=is_override, is_reference_average=is_reference_average,
    )  # fmt: skip
    with transaction.atomic():
        insert_version(
            AssistanceStandard.objects.filter(kind=kind, area=area, division_code=division_code), standard
        )
    return standard


def add_parameter(
    name: str, division_code: str, effective_from: date, value: str, *, valid_to: date | None = None
) -> PolicyParameter:
    parameter = new_parameter(
        name=name, division_code=division_code, effective_from=effective_from, value=value, text_value="",
        valid_to=valid_to,
    )  # fmt: skip
    with transaction.atomic():  # as the policy services do: the versions are locked while one is inserted
        insert_version(PolicyParameter.objects.filter(name=name, division_code=division_code), parameter)
    return parameter


def national_multipliers(effective_from: date = date(2000, 1, 1)) -> None:
    add_parameter("dibao_edge_multiplier", NATIONAL, effective_from, "1.5")
    add_parameter("tekun_basic_multiplier", NATIONAL, effective_from, "1.3")
    add_parameter("tekun_multiplier_min", NATIONAL, effective_from, "1.3")


def approver(division_code: str = "210602000000", username: str = "yb_sp"):
    return make_user("approver", division_code, username=username)
