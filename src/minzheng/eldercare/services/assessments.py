"""老年人能力评估: recording an assessment (scored by ``rules.assessment``) and the interface other domains use.

Interface for other domains (社会救助's 高龄津贴 / 经济困难老年人补贴, care grades)::

    from minzheng.eldercare.services.assessments import latest_capability_level
    latest_capability_level(person_id, on=None) -> CapabilityResult | None
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from minzheng.core.models import AuditEvent

from ..errors import InvalidEldercareInput
from ..models import AssessmentReason, CapabilityAssessment
from ..rules.assessment import (
    CapabilityLevel,
    EldercareRuleError,
    next_assessment_due,
    score_assessment,
    validate_scores,
)
from .common import Capability, audit, check_in_jurisdiction, require
from .parameters import reassessment_months

_FIELDS = ["assessed_on", "reason", "total_score", "level", "level_by_coma", "next_due_on"]


@dataclass(frozen=True)
class CapabilityResult:
    """The capability level in force for a person: the latest assessment on or before the day asked."""

    person_id: int
    assessment_id: int
    assessed_on: date
    total_score: int
    level: CapabilityLevel
    level_label: str
    next_due_on: date
    overdue: bool  # the routine reassessment date has passed: the level may be stale


def latest_capability_level(person_id: int, on: date | None = None) -> CapabilityResult | None:
    """The latest 老年人能力评估 result for a person on ``on`` (default today), or ``None`` if never assessed.

    No jurisdiction here: this is a service for other domains' casework, which has already checked that
    its user may see the person; it returns a level, not the assessment's details.
    """
    on = on or date.today()
    row = (
        CapabilityAssessment.objects.filter(person_id=person_id, assessed_on__lte=on)
        .order_by("-assessed_on", "-id")
        .first()
    )
    if row is None:
        return None
    level = CapabilityLevel(row.level)
    return CapabilityResult(
        person_id=person_id,
        assessment_id=row.pk,
        assessed_on=row.assessed_on,
        total_score=row.total_score,
        level=level,
        level_label=level.label,
        next_due_on=row.next_due_on,
        overdue=row.next_due_on < on,
    )


@transaction.atomic
def record_assessment(
    actor,
    *,
    person,
    assessed_on: date,
    reason: str,
    assessors: str,
    scores: dict[str, int],
    agency: str = "",
    coma: bool = False,
    diagnosis_codes: list[str] = (),
    care_risk_events_30d: int = 0,
) -> CapabilityAssessment:
    """Record an assessment: every one of the 26 items must be scored; the level is computed, never typed —
    from the total (表2), then GB/T 42195-2022 附录C C.4: ``coma`` (A.5.11), dementia / psychiatric diagnoses
    (ICD-10 codes) and care-risk events in the last 30 days."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, person.residence_division_code)
    if reason not in AssessmentReason.values:
        raise InvalidEldercareInput("请选择评估原因", field="reason")
    names = [name for name in assessors.replace("，", ",").replace("、", ",").split(",") if name.strip()]
    if len(names) < 2:
        raise InvalidEldercareInput("评估应由至少2名评估员共同进行，请填写两名评估员姓名", field="assessors")
    if assessed_on > date.today():
        raise InvalidEldercareInput("评估日期不能晚于今天", field="assessed_on")
    problems = validate_scores(scores)
    if problems:
        raise InvalidEldercareInput(
            problems[0][1], field=problems[0][0], errors=[{"field": f, "message": m} for f, m in problems]
        )
    if care_risk_events_30d < 0:
        raise InvalidEldercareInput("照护风险事件次数不能为负数", field="care_risk_events_30d")
    codes = [code.strip().upper() for code in diagnosis_codes if code.strip()]
    try:
        result = score_assessment(
            scores, coma=coma, diagnoses=codes, care_risk_events_30d=care_risk_events_30d
        )
    except EldercareRuleError as error:  # validated above; kept for safety of the message
        raise InvalidEldercareInput(str(error), field="scores") from None
    months = reassessment_months(person.residence_division_code, assessed_on)
    row = CapabilityAssessment.objects.create(
        person=person,
        division_code=person.residence_division_code,
        assessed_on=assessed_on,
        reason=reason,
        assessors="、".join(name.strip() for name in names)[:100],
        agency=agency.strip()[:100],
        scores={code: int(score) for code, score in scores.items()},
        self_care_score=result.part_scores["self_care"],
        motor_score=result.part_scores["motor"],
        mental_score=result.part_scores["mental"],
        perception_score=result.part_scores["perception"],
        total_score=result.total,
        level=int(result.level),
        level_by_coma=result.by_coma,
        coma=coma,
        diagnosis_codes=codes,
        care_risk_events_30d=care_risk_events_30d,
        base_level=int(result.base_level) if result.base_level is not None else None,
        upgrade_reasons=[reason.value for reason in result.upgrade_reasons],
        next_due_on=next_assessment_due(assessed_on, months),
        recorded_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        row,
        f"{person.name}能力评估：{result.total}分，{result.level.label}",
        _FIELDS,
    )
    return row
