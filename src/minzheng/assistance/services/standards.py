"""Setting a 保障标准 from an effective date: a new version, the previous one closed, audited."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.money import AMOUNT_MAX, check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot
from minzheng.policy.interface import (
    insert_version,
    normalise_division_code,
    parse_decimal,
    require_in_jurisdiction,
)

from ..errors import InvalidPolicyValue
from ..models import Area, AssistanceStandard, StandardKind, StandardPeriod
from ..models.choices import DERIVED_KINDS

STANDARD_FIELDS = [
    "kind", "area", "division_code", "effective_from", "valid_to", "amount", "period", "is_override",
    "is_reference_average", "source_note",
]  # fmt: skip

MAX_AMOUNT = Decimal("1000000")


@transaction.atomic
def set_standard(
    user,
    *,
    kind: str,
    area: str,
    division_code: str,
    effective_from: date,
    amount: Decimal,
    period: str = StandardPeriod.PER_MONTH,
    is_override: bool = False,
    source_note: str = "",
) -> AssistanceStandard:
    """A new 保障标准 version in force from ``effective_from`` (提标 or a correction going forward)."""
    require(user, Capability.MANAGE_POLICY)
    amount = check_money(
        amount, field="amount", label="标准金额", maximum=AMOUNT_MAX, error=InvalidPolicyValue
    )
    if amount is None:
        raise InvalidPolicyValue("请填写标准金额", field="amount")
    division_code = normalise_division_code(division_code)
    require_in_jurisdiction(user, division_code)
    standard = _new_standard(
        kind=kind, area=area, division_code=division_code, effective_from=effective_from, amount=amount,
        period=period, is_override=is_override, source_note=source_note, created_by=user,
    )  # fmt: skip
    closed = insert_version(
        AssistanceStandard.objects.filter(kind=kind, area=area, division_code=division_code), standard
    )
    record_event(
        user,
        AuditEvent.CREATE,
        object_type="assistance_standard",
        object_id=standard.pk,
        division_code=division_code,
        summary=f"新增{standard.get_kind_display()}（{standard.get_area_display()}）{standard.amount}"
        f"{standard.get_period_display()}，{effective_from:%Y-%m-%d}起"
        + (f"；原版本 #{closed.pk} 截至 {closed.valid_to:%Y-%m-%d}" if closed else ""),
        after=snapshot(standard, STANDARD_FIELDS),
    )
    return standard


def _new_standard(*, kind, area, amount, period, is_override, **fields) -> AssistanceStandard:
    if kind not in StandardKind.values:
        raise InvalidPolicyValue("请选择标准种类", field="kind")
    if area not in Area.values:
        raise InvalidPolicyValue("请选择城乡类别", field="area")
    if period not in StandardPeriod.values:
        raise InvalidPolicyValue("请选择计量单位", field="period")
    amount = parse_decimal(amount, field="amount")
    if not Decimal("0") < amount < MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        raise InvalidPolicyValue("金额须大于0、小于100万元，最多两位小数", field="amount")
    amount = amount.quantize(Decimal("0.01"))
    if is_override and kind not in DERIVED_KINDS:
        raise InvalidPolicyValue("只有低保边缘和特困基本生活标准可以设为“地方自定”", field="is_override")
    return AssistanceStandard(
        kind=kind, area=area, amount=amount, period=period, is_override=is_override, **fields
    )
