"""惠民殡葬 rules as dated per-division data: set by the bureau (approver/administrator) for its division or
below; a new version of an item closes the previous one. The shipped Liaoning rule is seeded here."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import insert_version, normalise_division_code, require_in_jurisdiction

from ..errors import InvalidFuneralInput
from ..models import BasicService, WaiverCategory, WaiverRule
from .common import audit

LIAONING = "210000000000"
LIAONING_SOURCE = (
    "《辽宁省“十四五”民政事业发展规划》第六节：以减免或补贴方式提供遗体接运、纸棺、暂存、火化、骨灰盒、骨灰存放等"
    "基本殡葬服务（对象：城乡困难群众，按低保、特困计；无名尸体据民发〔2012〕211号）；规划未规定数量上限"
)


@transaction.atomic
def set_waiver_rule(
    actor, *, division_code: str, basic_service: str, categories: list[str], effective_from: date,
    cap_quantity=None, cap_unit: str = "", source_note: str = "",
) -> WaiverRule:  # fmt: skip
    require(actor, Capability.MANAGE_POLICY)
    code = normalise_division_code(division_code)
    require_in_jurisdiction(actor, code)
    return _insert(
        actor, code=code, basic_service=basic_service, categories=categories, effective_from=effective_from,
        cap_quantity=cap_quantity, cap_unit=cap_unit, source_note=source_note,
    )  # fmt: skip


def _insert(actor, *, code, basic_service, categories, effective_from, cap_quantity, cap_unit, source_note):
    if basic_service not in BasicService.values:
        raise InvalidFuneralInput("请选择减免项目", field="basic_service")
    categories = sorted(set(categories or []))
    if not categories or any(c not in WaiverCategory.values for c in categories):
        raise InvalidFuneralInput("请选择适用对象", field="categories")
    if effective_from is None:
        raise InvalidFuneralInput("请填写生效日期", field="effective_from")
    cap = None
    if cap_quantity not in (None, ""):
        try:
            cap = Decimal(str(cap_quantity))
        except InvalidOperation:
            raise InvalidFuneralInput("减免上限应为数字", field="cap_quantity") from None
        if not cap.is_finite() or cap <= 0 or cap > Decimal("999999"):
            raise InvalidFuneralInput("减免上限应为大于0的数字", field="cap_quantity")
        if not cap_unit.strip():
            raise InvalidFuneralInput("请填写上限单位（如 公里、天、年）", field="cap_unit")
    rule = WaiverRule(
        division_code=code, basic_service=basic_service, categories=categories, effective_from=effective_from,
        cap_quantity=cap, cap_unit=cap_unit.strip()[:10], source_note=(source_note or "").strip()[:300],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    insert_version(WaiverRule.objects.filter(division_code=code, basic_service=basic_service), rule)
    audit(
        actor,
        AuditEvent.CREATE,
        rule,
        f"惠民殡葬减免规则：{rule}",
        ["basic_service", "categories", "cap_quantity"],
    )
    return rule


@transaction.atomic
def load_funeral_policy() -> int:
    """Ship the Liaoning waiver rule and the national plot-area limits (idempotent)."""
    from .cemeteries import load_plot_limits

    added = load_plot_limits()
    for service in BasicService.values:
        if WaiverRule.objects.filter(
            division_code=LIAONING, basic_service=service, effective_from=date(2021, 1, 1)
        ).exists():
            continue
        _insert(
            None, code=LIAONING, basic_service=service, categories=["dibao", "tekun", "unidentified"],
            effective_from=date(2021, 1, 1), cap_quantity=None, cap_unit="", source_note=LIAONING_SOURCE,
        )  # fmt: skip
        added += 1
    return added
