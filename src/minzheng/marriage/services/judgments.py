"""Court judgments on a marriage, entered from the effective judgment and annotated on the record
(婚姻登记条例 2025: nullity/annulment judgments are annotated in the archive).

- 宣告无效 / 撤销 (民法典 第一千零五十一、一千零五十二、一千零五十三条): 第一千零五十四条 — 自始没有法律约束力, so
  the record becomes ``VOID`` and the marriage counts as never having existed (``rules.status``);
- 判决离婚 / 调解离婚 (第一千零七十九条): the marriage ends on the day the judgment took effect (第一千零八十条).
An open divorce application on the marriage is closed with it.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import (
    CourtJudgment,
    DivorceApplication,
    DivorceStatus,
    JudgmentKind,
    MarriageRecord,
    MarriageStatus,
)
from .common import audit, check_in_jurisdiction
from .life_events import marriage_ended

_VOIDING = {JudgmentKind.NULLITY, JudgmentKind.ANNULMENT}


@transaction.atomic
def record_judgment(
    actor, marriage: MarriageRecord, *, kind: str, court: str, case_number: str, effective_on: date
) -> CourtJudgment:
    require(actor, Capability.REGISTER_MARRIAGE)
    check_in_jurisdiction(actor, marriage.division_code)
    if kind not in JudgmentKind.values:
        raise InvalidMarriageInput("请选择裁判类型", field="kind")
    court, case_number = (court or "").strip(), (case_number or "").strip()
    if not court:
        raise InvalidMarriageInput("请填写作出裁判的人民法院", field="court")
    if not case_number:
        raise InvalidMarriageInput("请填写案号", field="case_number")
    if CourtJudgment.objects.filter(case_number=case_number).exists():
        raise MarriageConflict(f"案号 {case_number} 已录入", field="case_number")
    marriage = MarriageRecord.objects.select_for_update().get(pk=marriage.pk)
    if not marriage.registered_on <= effective_on <= timezone.localdate():
        raise InvalidMarriageInput("生效日期应在结婚登记日期与今天之间", field="effective_on")
    if marriage.status == MarriageStatus.VOID:
        raise MarriageConflict("该婚姻已被宣告无效或撤销")
    if kind not in _VOIDING and marriage.status != MarriageStatus.IN_FORCE:
        raise MarriageConflict(f"该婚姻已终止（{marriage.get_status_display()}），不能再录入离婚裁判")
    judgment = CourtJudgment.objects.create(
        marriage=marriage, division_code=marriage.division_code, kind=kind, court=court[:100],
        case_number=case_number[:60], effective_on=effective_on, recorded_by=actor,
    )  # fmt: skip
    before = {"status": marriage.status}
    label = JudgmentKind(kind).label
    if kind in _VOIDING:
        marriage.status, marriage.ended_on = MarriageStatus.VOID, marriage.registered_on
    else:
        marriage.status, marriage.ended_on = MarriageStatus.DIVORCED, effective_on
    marriage.end_note = f"{court}{case_number}{label}，{effective_on:%Y-%m-%d}生效"[:200]
    marriage.save(update_fields=["status", "ended_on", "end_note"])
    DivorceApplication.objects.filter(marriage=marriage, status=DivorceStatus.COOLING_OFF).update(
        status=DivorceStatus.TERMINATED, closed_on=effective_on
    )
    audit(
        actor,
        AuditEvent.CREATE,
        judgment,
        f"录入法院裁判：{label}（{case_number}）",
        ["kind", "court", "case_number", "effective_on"],
    )
    audit(
        actor,
        AuditEvent.UPDATE,
        marriage,
        f"婚姻登记档案批注：{marriage.end_note}",
        ["status", "ended_on", "end_note"],
        before,
    )
    marriage_ended(actor, marriage, on=effective_on, cause=f"{court}{case_number}{label}")
    return judgment
