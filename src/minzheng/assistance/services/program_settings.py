"""项目设置: a division's configuration of a program from a date, and new local programs — configuration,
not code. Versions are never edited: a new one closes the previous (``versions.insert_version``)."""

import json
from datetime import date

from django.db import IntegrityError, transaction

from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import insert_version, normalise_division_code

from ..errors import InvalidPolicyValue
from ..models import (
    AssistanceProgram,
    BenefitFormula,
    DecidingLevel,
    ProgramCategory,
    ProgramSetting,
    StandardKind,
)
from ..rules.eligibility import validate_criteria
from ..rules.errors import AssistanceRuleError


def parse_criteria(text: str) -> dict:
    """认定条件 as the form enters them (JSON), checked against the names the rules read."""
    if not text.strip():
        return {}
    try:
        criteria = json.loads(text)
    except json.JSONDecodeError:
        raise InvalidPolicyValue('认定条件须为 JSON，如 {"min_age": 80}', field="criteria") from None
    if not isinstance(criteria, dict):
        raise InvalidPolicyValue("认定条件须为 JSON 对象", field="criteria")
    try:
        validate_criteria(criteria)
    except AssistanceRuleError as exc:
        raise InvalidPolicyValue(str(exc), field="criteria") from None
    return criteria


@transaction.atomic
def set_program_setting(
    user,
    *,
    program_code: str,
    division_code: str,
    effective_from: date,
    enabled: bool = True,
    deciding_level: str = "",
    criteria: dict | None = None,
    materials: list[str] | None = None,
    source_note: str = "",
) -> ProgramSetting:
    require(user, Capability.MANAGE_POLICY)
    division_code = normalise_division_code(division_code)
    if not covers(user.division_code, division_code):
        raise InvalidPolicyValue("只能为本辖区及下级区划设置项目", field="division_code")
    program = AssistanceProgram.objects.filter(code=program_code).first()
    if program is None:
        raise InvalidPolicyValue("请选择救助项目", field="program_code")
    if deciding_level and deciding_level not in DecidingLevel.values:
        raise InvalidPolicyValue("审核确认层级无效", field="deciding_level")
    criteria = criteria or {}
    try:
        validate_criteria(criteria)
    except AssistanceRuleError as exc:
        raise InvalidPolicyValue(str(exc), field="criteria") from None
    setting = ProgramSetting(
        program=program, division_code=division_code, effective_from=effective_from, enabled=enabled,
        deciding_level=deciding_level, criteria=criteria, materials=[m.strip() for m in materials or [] if m.strip()],
        source_note=source_note.strip(), created_by=user,
    )  # fmt: skip
    insert_version(ProgramSetting.objects.filter(program=program, division_code=division_code), setting)
    record_event(
        user, AuditEvent.CREATE, object_type="assistance_program_setting", object_id=setting.pk,
        division_code=division_code,
        summary=f"{program.name} 地方设置自 {effective_from:%Y-%m-%d} 起：{'启用' if enabled else '停用'}，{setting.get_deciding_level_display() or '按缺省层级'}",
        after={"criteria": criteria, "materials": setting.materials},
    )  # fmt: skip
    return setting


@transaction.atomic
def create_local_program(
    user,
    *,
    code: str,
    name: str,
    category: str,
    benefit_formula: str,
    base_standard: str,
    division_code: str,
    area: str = "all",
    review_cycle_months: int | None = None,
    deciding_level: str = DecidingLevel.COUNTY,
    policy_basis: str = "",
) -> AssistanceProgram:
    """A program of the division's own (e.g. a county's 困难群众取暖补贴), built from the shipped categories,
    formulas and standard kinds; its amounts are standards, its conditions a ``ProgramSetting``."""
    require(user, Capability.MANAGE_POLICY)
    division_code = normalise_division_code(division_code)
    if not covers(user.division_code, division_code):
        raise InvalidPolicyValue("只能为本辖区设置地方项目", field="division_code")
    for value, choices, field in (
        (category, ProgramCategory.values, "category"),
        (benefit_formula, BenefitFormula.values, "benefit_formula"),
        (base_standard, StandardKind.values, "base_standard"),
        (deciding_level, DecidingLevel.values, "deciding_level"),
    ):
        if value not in choices:
            raise InvalidPolicyValue("请从列表中选择", field=field)
    if not name.strip():
        raise InvalidPolicyValue("请填写项目名称", field="name")
    try:
        program = AssistanceProgram.objects.create(
            code=code.strip(), name=name.strip(), category=category, benefit_formula=benefit_formula,
            base_standard=base_standard, area=area, division_code=division_code,
            review_cycle_months=review_cycle_months, deciding_level=deciding_level, policy_basis=policy_basis.strip(),
            sort_order=100,
        )  # fmt: skip
    except IntegrityError:
        raise InvalidPolicyValue(f"项目代码 {code} 已存在", field="code") from None
    record_event(
        user, AuditEvent.CREATE, object_type="assistance_program", object_id=program.pk, division_code=division_code,
        summary=f"新增地方救助项目 {program.name}（{program.code}）",
    )  # fmt: skip
    return program
