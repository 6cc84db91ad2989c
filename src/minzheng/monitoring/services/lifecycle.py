"""预警处置: 核实 (visit with attachments) → 处置 (转入救助申请 / 已在保 / 不符合条件) → 关闭. Audited.

转入救助申请 opens the 社会救助 case through its one door (``assistance.services.cases.open_case``), with the
warning's reason, evidence and visit findings as the case's prefill and the warning number as its source.
"""

import hashlib
from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.assistance.interface import CaseSource, open_case
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

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
