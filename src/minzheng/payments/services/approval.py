"""Maker-checker (经办与审核分离): the caseworker submits, an approver approves (which locks the roster) or
returns it with a reason. The person who generated a roster can never approve it, whatever their roles."""

from django.db import transaction
from django.utils import timezone

from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import MakerChecker, PayrollError, RosterLocked
from ..models import FollowUp, LineKind, PayrollLine, PayrollRoster, RosterStatus


def _locked(user, roster: PayrollRoster, expected: str) -> PayrollRoster:
    if not covers(user.division_code, roster.division_code):
        raise PayrollError("花名册不在您的管辖范围内")
    roster = PayrollRoster.objects.select_for_update().get(pk=roster.pk)
    if roster.status != expected:
        raise RosterLocked(f"花名册当前状态为“{roster.get_status_display()}”，不能执行此操作")
    return roster


def _audit(user, roster: PayrollRoster, summary: str) -> None:
    record_event(
        user,
        AuditEvent.UPDATE,
        object_type="payroll_roster",
        object_id=roster.pk,
        division_code=roster.division_code,
        summary=summary,
        after={"status": roster.status},
    )


@transaction.atomic
def submit_roster(user, roster: PayrollRoster) -> PayrollRoster:
    """经办人提交审核."""
    require(user, Capability.PREPARE_PAYROLL)
    roster = _locked(user, roster, RosterStatus.DRAFT)
    if roster.generation == 0:
        raise PayrollError("花名册尚未生成")
    if roster.line_count == 0:
        raise PayrollError("花名册没有发放明细，无需提交审核")
    roster.status = RosterStatus.SUBMITTED
    roster.submitted_at = timezone.now()
    roster.save(update_fields=["status", "submitted_at"])
    _audit(user, roster, f"提交审核：{roster}（{roster.line_count}条，{roster.total_amount}元）")
    return roster


@transaction.atomic
def approve_roster(user, roster: PayrollRoster) -> PayrollRoster:
    """审核通过: locks the roster (no regeneration, lines final) and settles the reissues it carries."""
    require(user, Capability.APPROVE_PAYROLL)
    roster = _locked(user, roster, RosterStatus.SUBMITTED)
    if roster.generated_by_id == user.pk:
        raise MakerChecker("花名册的制表人不能审核自己生成的花名册")
    roster.status = RosterStatus.APPROVED
    roster.approved_by = user
    roster.approved_at = timezone.now()
    roster.save(update_fields=["status", "approved_by", "approved_at"])
    reissued = PayrollLine.objects.filter(
        pk__in=roster.lines.filter(kind=LineKind.REISSUE).values("adjusts_line")
    ).update(follow_up=FollowUp.REISSUED, follow_up_note=f"已在{roster}中补发")
    _audit(
        user,
        roster,
        f"审核通过并锁定：{roster}（{roster.line_count}条，{roster.total_amount}元；补发{reissued}笔）",
    )
    return roster


@transaction.atomic
def return_roster(user, roster: PayrollRoster, reason: str) -> PayrollRoster:
    """退回: back to 草稿 for the caseworker to correct and regenerate."""
    require(user, Capability.APPROVE_PAYROLL)
    if not (reason or "").strip():
        raise PayrollError("请填写退回原因", field="reason")
    roster = _locked(user, roster, RosterStatus.SUBMITTED)
    roster.status = RosterStatus.DRAFT
    roster.returned_reason = reason.strip()[:200]
    roster.save(update_fields=["status", "returned_reason"])
    _audit(user, roster, f"退回：{roster}（{roster.returned_reason}）")
    return roster
