"""Setting a 政策参数 from an effective date: a new version, the previous one closed, audited."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from minzheng.core.jurisdiction import covers, division_prefix, full_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot

from ..catalogue import ValueType, spec_for
from ..errors import InvalidPolicyValue
from ..models import PolicyParameter
from .versions import insert_version

PARAMETER_FIELDS = [
    "name", "division_code", "effective_from", "valid_to", "value", "text_value", "unit", "source_note",
]  # fmt: skip


def normalise_division_code(code: str) -> str:
    """Any spelling of a division (``2106``, ``210600``, ``210600000000``) as its 12-digit code."""
    code = (code or "").strip()
    if not code.isdigit() or len(code) > 12:
        raise InvalidPolicyValue("请选择有效的行政区划", field="division_code")
    return full_code(division_prefix(code))


def require_in_jurisdiction(user, division_code: str) -> None:
    """Policy is set for one's own division or below (a county cannot change its city's figures)."""
    if not covers(user.division_code, division_code):
        raise InvalidPolicyValue("只能为本辖区及下级区划设置标准和参数", field="division_code")


@transaction.atomic
def set_parameter(
    user,
    *,
    name: str,
    division_code: str,
    effective_from: date,
    value: Decimal | str | None = None,
    text_value: str = "",
    source_note: str = "",
    valid_to: date | None = None,
) -> PolicyParameter:
    """A new 政策参数 version (a multiplier, time limit, cycle…) in force from ``effective_from``."""
    require(user, Capability.MANAGE_POLICY)
    division_code = normalise_division_code(division_code)
    require_in_jurisdiction(user, division_code)
    parameter = new_parameter(
        name=name, division_code=division_code, effective_from=effective_from, value=value,
        text_value=text_value, source_note=source_note, valid_to=valid_to, created_by=user,
    )  # fmt: skip
    closed = insert_version(PolicyParameter.objects.filter(name=name, division_code=division_code), parameter)
    record_event(
        user,
        AuditEvent.CREATE,
        object_type="policy_parameter",
        object_id=parameter.pk,
        division_code=division_code,
        summary=f"设置参数 {name}={parameter.value if parameter.value is not None else parameter.text_value}，"
        f"{effective_from:%Y-%m-%d}起"
        + (f"；原版本 #{closed.pk} 截至 {closed.valid_to:%Y-%m-%d}" if closed else ""),
        after=snapshot(parameter, PARAMETER_FIELDS),
    )
    return parameter


def new_parameter(*, name: str, value, text_value: str, **fields) -> PolicyParameter:
    """An unsaved parameter version, checked against the catalogue (name, number type, choices)."""
    spec = spec_for(name)
    if spec is None:
        raise InvalidPolicyValue(f"未知的参数：{name}", field="name")
    if spec.value_type is ValueType.CHOICE:
        if text_value not in spec.choices:
            raise InvalidPolicyValue(f"取值须为：{'、'.join(spec.choices)}", field="text_value")
        number = None
    else:
        number = parse_decimal(value, field="value")
        if number < 0:
            raise InvalidPolicyValue("数值不能为负数", field="value")
        if spec.value_type is ValueType.INTEGER and number != number.to_integral_value():
            raise InvalidPolicyValue(f"{spec.label}须为整数", field="value")
        text_value = ""
    return PolicyParameter(name=name, value=number, text_value=text_value, unit=spec.unit, **fields)


def parse_decimal(value, *, field: str) -> Decimal:
    if isinstance(value, float):
        raise InvalidPolicyValue("金额和数值不能使用浮点数", field=field)
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, TypeError):
        raise InvalidPolicyValue("请输入有效的数值", field=field) from None
    if not number.is_finite():
        raise InvalidPolicyValue("请输入有效的数值", field=field)
    return number
