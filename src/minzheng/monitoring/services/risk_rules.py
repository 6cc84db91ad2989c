"""预警规则 as data: versions per division with validity dates, switched on or off, seeded with defaults.

A new version closes the open version of the same rule and division the day before it starts; history is
never overwritten (a warning keeps pointing at the version that raised it). Every write is audited.
"""

from datetime import date, timedelta

from django.db import transaction

from minzheng.core.jurisdiction import covers, full_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidRule
from ..models import RiskRule
from ..rule_catalogue import RULE_KINDS, SEVERITIES, checked_parameters

NATIONAL = full_code("")
SEED_FROM = date(2021, 1, 1)


def seed_default_rules() -> int:
    """The national default version of every rule (idempotent; in ``make db``)."""
    created = 0
    for kind in RULE_KINDS.values():
        _, made = RiskRule.objects.get_or_create(
            code=kind.code,
            division_code=NATIONAL,
            valid_from=SEED_FROM,
            defaults={
                "severity": kind.severity,
                "parameters": dict(kind.defaults),
                "verify_days": kind.verify_days,
                "note": kind.basis,
            },
        )
        created += made
    return created


@transaction.atomic
def save_rule_version(
    user,
    *,
    code: str,
    division_code: str,
    valid_from: date,
    enabled: bool,
    severity: str,
    parameters: dict,
    verify_days: int,
    note: str = "",
) -> RiskRule:
    """A new version of a rule for a division (the user's or below), effective from ``valid_from``."""
    require(user, Capability.MANAGE_MONITORING)
    if code not in RULE_KINDS:
        raise InvalidRule("请选择预警规则", field="code")
    division_code = (division_code or "").strip() or NATIONAL
    if len(division_code) != 12 or not division_code.isdigit():
        raise InvalidRule("适用区划应为12位区划代码", field="division_code")
    if not covers(user.division_code, division_code):
        raise InvalidRule("适用区划不在您的管辖范围内", field="division_code")
    if severity not in dict(SEVERITIES):
        raise InvalidRule("请选择预警等级", field="severity")
    if valid_from is None:
        raise InvalidRule("请填写生效日期", field="valid_from")
    if not 1 <= int(verify_days or 0) <= 60:
        raise InvalidRule("核实时限应为1至60个工作日", field="verify_days")
    try:
        values = checked_parameters(code, parameters)
    except ValueError as exc:
        raise InvalidRule(str(exc), field="parameters") from None
    versions = RiskRule.objects.select_for_update().filter(code=code, division_code=division_code)
    if versions.filter(valid_from=valid_from).exists():
        raise InvalidRule(
            f"该规则在{valid_from:%Y-%m-%d}已有一个版本，请选择其他生效日期", field="valid_from"
        )
    later = versions.filter(valid_from__gt=valid_from).order_by("valid_from").first()
    earlier = versions.filter(valid_from__lt=valid_from).order_by("-valid_from").first()
    if earlier is not None and (earlier.valid_to is None or earlier.valid_to >= valid_from):
        earlier.valid_to = valid_from - timedelta(days=1)
        earlier.save(update_fields=["valid_to"])
    rule = RiskRule.objects.create(
        code=code,
        division_code=division_code,
        valid_from=valid_from,
        valid_to=later.valid_from - timedelta(days=1) if later else None,
        enabled=enabled,
        severity=severity,
        parameters=values,
        verify_days=int(verify_days),
        note=note.strip()[:300],
        created_by=user,
    )
    state = "启用" if enabled else "停用"
    record_event(
        user,
        AuditEvent.CREATE,
        object_type="monitoring_rule",
        object_id=rule.pk,
        division_code=division_code,
        summary=f"预警规则新版本：{rule.get_code_display()}（{state}，自{valid_from:%Y-%m-%d}）",
        after={
            "parameters": values,
            "severity": severity,
            "enabled": enabled,
            "verify_days": rule.verify_days,
        },
    )
    return rule


def switch_rule(user, rule: RiskRule, *, enabled: bool, on: date) -> RiskRule:
    """启用/停用: a new version from ``on`` with the same parameters (the user's division, or the rule's)."""
    division = rule.division_code if covers(user.division_code, rule.division_code) else user.division_code
    return save_rule_version(
        user,
        code=rule.code,
        division_code=division,
        valid_from=on,
        enabled=enabled,
        severity=rule.severity,
        parameters=rule.parameters,
        verify_days=rule.verify_days,
        note=f"{'启用' if enabled else '停用'}（基于版本 {rule.pk}）",
    )
