"""发放失败的后续处理: a failed payment is either reissued in a later roster (a 补发 line, once) or closed
with a reason (e.g. 已现金发放, 对象已死亡不再补发). Audited; the line's payment history is never rewritten."""

from django.db import transaction
from django.utils import timezone

from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import PayrollError
from ..models import FollowUp, PaymentStatus, PayrollLine

ACTIONS = {"reissue": FollowUp.REISSUE, "resolve": FollowUp.RESOLVED}


@transaction.atomic
def decide_follow_up(user, line: PayrollLine, *, action: str, note: str = "") -> PayrollLine:
    require(user, Capability.PREPARE_PAYROLL)
    if not covers(user.division_code, line.division_code):
        raise PayrollError("该发放明细不在您的管辖范围内")
    line = PayrollLine.objects.select_for_update().get(pk=line.pk)
    if action not in ACTIONS:
        raise PayrollError("处理方式只能是“下月补发”或“办结”", field="action")
    if line.payment_status != PaymentStatus.FAILED or line.follow_up != FollowUp.OPEN:
        raise PayrollError("只有待处理的发放失败明细可以处理")
    note = (note or "").strip()
    if action == "resolve" and not note:
        raise PayrollError("办结须填写原因（如已现金发放、对象已死亡不再补发）", field="note")
    line.follow_up = ACTIONS[action]
    line.follow_up_note = (note or "下月花名册补发")[:200]
    line.followed_up_by = user
    line.followed_up_at = timezone.now()
    line.save(update_fields=["follow_up", "follow_up_note", "followed_up_by", "followed_up_at"])
    record_event(
        user,
        AuditEvent.UPDATE,
        object_type="payroll_line",
        object_id=line.pk,
        division_code=line.division_code,
        summary=f"发放失败处理（{line.get_follow_up_display()}）：{line.household_number} {line.amount}元，{line.follow_up_note}",
    )
    return line
