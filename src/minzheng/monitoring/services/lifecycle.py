"""预警处置: 分派/改派 → 核实 (visit with attachments) → 处置 (转入救助申请 / 已在保 / 不符合条件) → 关闭. Audited.

转入救助申请 opens the 社会救助 case through its one door (``assistance.services.cases.open_case``), with the
warning's reason, evidence and visit findings as the case's prefill and the warning number as its source.
"""

import hashlib
from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.assistance.interface import CaseSource, open_case
from minzheng.core.errors import MinzhengError, PermissionDenied
from minzheng.core.jurisdiction import covers, division_level, parse_division_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.services.audit import record_event
from minzheng.worklist.interface import assign_owner, owner_of, release_owner

from .. import rules
from ..errors import InvalidTransition, MonitoringError
from ..models import RiskWarning, VisitAttachment, WarningStep, WarningVisit

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = (".jpg", ".jpeg", ".png", ".pdf", ".docx", ".xlsx")


def _step(user, warning: RiskWarning, action: str, note: str, audit_action: str = AuditEvent.UPDATE) -> None:
    WarningStep.objects.create(warning=warning, action=action, note=note[:500], actor=user)
    record_event(
        user,
        audit_action,
        object_type="monitoring_warning",
        object_id=warning.pk,
        division_code=warning.division_code,
        summary=f"预警 {warning.number}：{note}"[:300],
    )


def _check(action: str, warning: RiskWarning, label: str) -> None:
    if not rules.can(action, warning.status):
        raise InvalidTransition(f"预警当前状态为“{warning.get_status_display()}”，不能{label}")


WORK_SOURCE = "monitoring.warning"  # the warning's key in the 待办 (monitoring/work_items.py)


def _require_county_dispatcher(user) -> None:
    if not (
        has_capability(user, Capability.HANDLE_WARNINGS) or has_capability(user, Capability.MANAGE_MONITORING)
    ):
        raise PermissionDenied("只有经办人、审批人或系统管理员可以分派预警")
    if division_level(user.division_code) > 3:
        raise PermissionDenied("只有县级及以上民政部门可以分派或改派预警")


def _township(user, warning: RiskWarning, division_code: str) -> tuple[str, str]:
    """(code, name) of the township (乡镇/街道) chosen: inside the warning's county and the user's jurisdiction."""
    code = parse_division_code(division_code, field="division_code", label="分派至")
    if not code:
        raise MonitoringError("请选择分派至的乡镇（街道）", field="division_code")
    county = rules.county_of(warning.division_code)
    name = names_of({code}).get(code) if division_level(code) == 4 else None
    if name is None or not covers(county, code) or not covers(user.division_code, code):
        raise MonitoringError(
            "分派至应为该预警所在县（区）内、您管辖范围内的乡镇（街道）", field="division_code"
        )
    return code, name


@transaction.atomic
def assign(user, warning: RiskWarning, *, division_code: str, owner_id: int | None = None) -> RiskWarning:
    """分派 / 改派 by a county user: the warning goes to a township of its county (and/or a person there, its
    责任人 in the 待办 — who must handle warnings and whose jurisdiction covers that township). A step on the
    timeline and the audit log; a previous 责任人 outside the new township is released."""
    _require_county_dispatcher(user)
    _check("assign", warning, "分派")
    code, name = _township(user, warning, division_code)
    warning = RiskWarning.objects.select_for_update().get(pk=warning.pk)
    previous = warning.assigned_division_code
    moved = code != previous
    # 改派 moves it from one township to another; sending one the county held (known there only) is 分派.
    reassigning = bool(previous) and division_level(previous) == 4
    key = str(warning.pk)
    current = owner_of(WORK_SOURCE, key)
    if not moved and (not owner_id or (current and current[0] == owner_id)):
        raise MonitoringError("该预警已分派至所选乡镇（街道）和责任人，无需改派", field="division_code")
    if moved:
        warning.assigned_division_code = code
        warning.assigned_at = timezone.now()
        if warning.status == rules.NEW:
            warning.status = rules.ASSIGNED
        warning.save(update_fields=["assigned_division_code", "assigned_at", "status"])
    person = ""
    if owner_id:
        assign_owner(user, WORK_SOURCE, key, owner_id)  # refuses a person outside the township, in Chinese
        person = f"，责任人{owner_of(WORK_SOURCE, key)[1]}"
    elif current:
        release_owner(user, WORK_SOURCE, key)  # the old township's person no longer holds it
        person = f"（原责任人{current[1]}已退回）"
    if moved:
        note = f"{'改派' if reassigning else '分派'}至{name}{person}"
    else:
        note = f"指派{name}{person.lstrip('，')}"
    _step(user, warning, "reassigned" if reassigning else "assigned", note)
    return warning


@transaction.atomic
def assign_many(user, warnings, *, division_code: str, owner_id: int | None = None) -> int:
    """批量分派: every warning as ``assign`` would, all or none (the first refusal names its warning)."""
    done = 0
    for warning in warnings:
        try:
            assign(user, warning, division_code=division_code, owner_id=owner_id)
        except MinzhengError as error:
            raise type(error)(f"预警 {warning.number}：{error.message}", field=error.field) from None
        done += 1
    if not done:
        raise MonitoringError("请勾选要分派的预警", field="warnings")
    return done


@transaction.atomic
def record_visit(
    user, warning: RiskWarning, *, visited_on: date | None, findings: str, files=()
) -> WarningVisit:
    """核实: a visit record; attachments (photos, statements) up to 10 MB each."""
    require(user, Capability.HANDLE_WARNINGS)
    _check("visit", warning, "登记核实")
    if visited_on is None:
        raise MonitoringError("请填写核实日期", field="visited_on")
    if visited_on > timezone.localdate() or visited_on < warning.created_at.date():
        raise MonitoringError("核实日期应在预警之后、今天之前", field="visited_on")
    if len(findings.strip()) < 5:
        raise MonitoringError("请填写核实情况（至少5个字）", field="findings")
    visit = WarningVisit.objects.create(
        warning=warning, visited_on=visited_on, findings=findings.strip(), visitor=user
    )
    for upload in files:
        name = upload.name or "附件"
        if not name.lower().endswith(ATTACHMENT_TYPES):
            raise MonitoringError(f"附件“{name}”类型不支持（可上传照片、PDF、Word、Excel）", field="files")
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise MonitoringError(f"附件“{name}”超过10MB", field="files")
        content = upload.read()
        upload.seek(0)
        VisitAttachment.objects.create(
            visit=visit,
            file=upload,
            original_name=name[:200],
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )
    warning.status = rules.VERIFIED
    warning.save(update_fields=["status"])
    _step(user, warning, "visit", f"入户核实（{visited_on:%Y-%m-%d}）：{findings.strip()[:200]}")
    return visit


def _prefill(warning: RiskWarning) -> dict:
    visits = [
        {"visited_on": v.visited_on.isoformat(), "findings": v.findings, "visitor": v.visitor.display_name}
        for v in warning.visits.select_related("visitor")
    ]
    return {
        "warning_number": warning.number,
        "rule": warning.get_rule_code_display(),
        "severity": warning.get_severity_display(),
        "event_date": warning.event_date.isoformat(),
        "reason": warning.reason,
        "evidence": warning.evidence,
        "visits": visits,
    }


@transaction.atomic
def dispose(
    user, warning: RiskWarning, *, disposal: str, note: str = "", program_code: str = ""
) -> RiskWarning:
    """处置. 转入救助申请 opens a pre-filled 社会救助 case for the household (the caseworker's jurisdiction and
    capability are checked by ``open_case`` as for any application)."""
    require(user, Capability.HANDLE_WARNINGS)
    _check("dispose", warning, "处置")
    problem = rules.disposal_problem(disposal, note, program_code)
    if problem:
        raise MonitoringError(problem, field="disposal")
    if disposal == rules.TRANSFER:
        if warning.household_id is None:
            raise MonitoringError(
                "该预警对象尚未在人口家庭库登记，请先登记家庭再转入救助申请", field="disposal"
            )
        case = open_case(
            user,
            household_id=warning.household_id,
            program_code=program_code,
            source=CaseSource.MONITORING,
            reason=f"动态监测预警转入：{warning.reason}",
            prefill=_prefill(warning),
            source_reference=warning.number,
        )
        warning.case_number = case.number
    warning.disposal = disposal
    warning.disposal_note = note.strip()[:500]
    warning.disposed_at = timezone.now()
    warning.status = rules.DISPOSED
    warning.save(update_fields=["disposal", "disposal_note", "disposed_at", "status", "case_number"])
    label = dict(rules.DISPOSALS)[disposal]
    detail = f"，救助案件 {warning.case_number}" if warning.case_number else ""
    _step(
        user,
        warning,
        "disposed",
        f"处置：{label}{detail}{'（' + note.strip() + '）' if note.strip() else ''}",
    )
    return warning


@transaction.atomic
def close(user, warning: RiskWarning, *, note: str = "") -> RiskWarning:
    """关闭 a disposed warning."""
    require(user, Capability.HANDLE_WARNINGS)
    _check("close", warning, "关闭")
    warning.status = rules.CLOSED
    warning.closed_at = timezone.now()
    warning.save(update_fields=["status", "closed_at"])
    _step(user, warning, "closed", f"关闭{('：' + note.strip()) if note.strip() else ''}")
    return warning
