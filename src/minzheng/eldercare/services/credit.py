"""Ratings, credit and incidents: 服务质量等级评定 (GB/T 37276), 信用记录 and the 失信 list (养老服务+信用),
安全事件报告 and their handling. Writes by inspectors (``INSPECT_ELDERCARE``), incidents also by caseworkers."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import has_capability

from ..errors import EldercareConflict, InvalidEldercareInput
from ..models import (
    CreditKind,
    CreditRecord,
    Hazard,
    Incident,
    IncidentKind,
    IncidentStatus,
    Institution,
    QualityRating,
)
from ..rules.dates import add_months
from .common import Capability, audit, check_in_jurisdiction, require, require_text


@transaction.atomic
def rate_quality(
    actor,
    institution: Institution,
    *,
    grade: int,
    rated_on: date,
    valid_until: date,
    rated_by: str,
    score: Decimal | None = None,
    certificate_number: str = "",
) -> QualityRating:
    """登记服务质量等级评定结果 (GB/T 37276-2018; the committee's decision is entered, not computed)."""
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, institution.division_code)
    if grade not in range(1, 6):
        raise InvalidEldercareInput("等级须为1–5级", field="grade")
    if valid_until <= rated_on:
        raise InvalidEldercareInput("有效期须晚于评定日期", field="valid_until")
    rating = QualityRating.objects.create(
        institution=institution,
        division_code=institution.division_code,
        grade=grade,
        score=score,
        rated_on=rated_on,
        valid_until=valid_until,
        certificate_number=certificate_number.strip()[:50],
        rated_by=require_text(rated_by, "rated_by", "评定机构", 100),
        recorded_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        rating,
        f"{institution.name}评定为{grade}级",
        ["grade", "rated_on", "valid_until"],
    )
    return rating


@transaction.atomic
def record_credit(
    actor,
    institution: Institution,
    *,
    kind: str,
    reason: str,
    basis: str,
    recorded_on: date,
    blacklist_months: int = 0,
    hazard: Hazard | None = None,
) -> CreditRecord:
    """信用记录; a bad record with ``blacklist_months`` puts the institution on the 失信 list until then."""
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, institution.division_code)
    if kind not in CreditKind.values:
        raise InvalidEldercareInput("请选择信息类型", field="kind")
    if blacklist_months and kind != CreditKind.BAD:
        raise InvalidEldercareInput("只有失信信息可以列入失信名单", field="blacklist_months")
    if not 0 <= blacklist_months <= 60:
        raise InvalidEldercareInput("失信名单期限须为0–60个月", field="blacklist_months")
    if hazard is not None and hazard.institution_id != institution.pk:
        raise InvalidEldercareInput("关联隐患不属于该机构", field="hazard")
    until = None
    if blacklist_months:
        until = add_months(recorded_on, blacklist_months)
    record = CreditRecord.objects.create(
        institution=institution,
        division_code=institution.division_code,
        kind=kind,
        reason=require_text(reason, "reason", "事由", 300),
        basis=require_text(basis, "basis", "依据", 200),
        recorded_on=recorded_on,
        hazard=hazard,
        blacklisted=bool(blacklist_months),
        blacklist_until=until,
        recorded_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        record,
        f"{institution.name}：{record.get_kind_display()}",
        ["kind", "reason", "blacklisted", "blacklist_until"],
    )
    return record


@transaction.atomic
def remove_from_blacklist(actor, record: CreditRecord, *, removed_on: date, reason: str) -> CreditRecord:
    """信用修复: moved off the 失信 list before its term ends (the record itself stays)."""
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, record.division_code)
    if not record.blacklisted or record.removed_on is not None:
        raise EldercareConflict("该记录不在失信名单中")
    record.removed_on = removed_on
    record.removal_reason = require_text(reason, "reason", "移出理由", 300)
    record.save(update_fields=["removed_on", "removal_reason"])
    audit(
        actor,
        AuditEvent.UPDATE,
        record,
        f"{record.institution.name}移出失信名单",
        ["removed_on", "removal_reason"],
    )
    return record


@transaction.atomic
def report_incident(
    actor,
    institution: Institution,
    *,
    kind: str,
    occurred_on: date,
    description: str,
    persons_affected: int = 0,
    deaths: int = 0,
    evidence: str = "",
) -> Incident:
    """安全事件报告 (recorded by staff of the jurisdiction, for the institution or from a complaint)."""
    if not (
        has_capability(actor, Capability.MANAGE_ELDERCARE)
        or has_capability(actor, Capability.INSPECT_ELDERCARE)
    ):
        require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, institution.division_code)
    if kind not in IncidentKind.values:
        raise InvalidEldercareInput("请选择事件类型", field="kind")
    if occurred_on > date.today() or occurred_on < date.today() - timedelta(days=3650):
        raise InvalidEldercareInput("发生日期不正确", field="occurred_on")
    if deaths > persons_affected:
        raise InvalidEldercareInput("死亡人数不能多于涉及人数", field="deaths")
    incident = Incident.objects.create(
        institution=institution,
        division_code=institution.division_code,
        kind=kind,
        occurred_on=occurred_on,
        persons_affected=persons_affected,
        deaths=deaths,
        description=require_text(description, "description", "事件经过", 1000),
        evidence=evidence.strip()[:300],
        reported_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        incident,
        f"{institution.name}：{incident.get_kind_display()}事件报告",
        ["kind", "occurred_on", "persons_affected", "deaths"],
    )
    return incident


@transaction.atomic
def handle_incident(actor, incident: Incident, *, handling: str, close: bool, on: date) -> Incident:
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, incident.division_code)
    if incident.status == IncidentStatus.CLOSED:
        raise EldercareConflict("该事件已办结")
    incident.handling = require_text(handling, "handling", "处置情况", 1000)
    incident.status = IncidentStatus.CLOSED if close else IncidentStatus.HANDLING
    incident.closed_on = on if close else None
    incident.save(update_fields=["handling", "status", "closed_on"])
    audit(
        actor,
        AuditEvent.UPDATE,
        incident,
        f"{incident.institution.name}事件{incident.get_status_display()}",
        ["status", "closed_on"],
    )
    return incident
