"""12345/12349 工单: intake (12345 platform via the API, or by phone), 派单 with 主办/协办, 转办/退回 with
reasons (退回 reviewed), answers and 办结, 回访 with satisfaction, 督办, duplicate merge, 不予受理."""

from datetime import date

from django.db import transaction
from django.db.models import Max

from minzheng.core.jurisdiction import parse_division_code
from minzheng.core.models import AuditEvent, Division
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import parameter_value, working_day_deadline

from ..errors import InvalidOnestopInput, OnestopConflict
from ..models import Ticket, TicketEvent
from ..policy_parameters import ticket_days_name
from ..rules.tickets import CALLBACK_RESULTS, CATEGORIES, NOT_ACCEPTED_REASONS, RETURN_REASONS, ticket_next
from ..selectors.tickets import ticket_in_jurisdiction


def _division(code: str, field: str) -> str:
    try:
        parsed = parse_division_code(code)
    except Exception:
        parsed = ""
    if not parsed or not Division.objects.filter(code=parsed).exists():
        raise InvalidOnestopInput("请选择有效的行政区划", field=field)
    return parsed


def ticket_due(category: str, division_code: str, received_on: date) -> date:
    days = int(parameter_value(ticket_days_name(category), division_code, received_on, default=5))
    return working_day_deadline(received_on, days)[0]


def _step(user, ticket: Ticket, move: str, label: str, reason: str = "", unit: str = "") -> None:
    target = ticket_next(ticket.status, move)
    if target is None:
        raise OnestopConflict(f"工单当前为“{ticket.get_status_display()}”，不能{label}")
    ticket.status = target
    ticket.save()
    TicketEvent.objects.create(
        ticket=ticket, action=move, label=label, reason=reason, unit_code=unit, actor=user
    )
    record_event(
        user, AuditEvent.UPDATE, object_type="onestop_ticket", object_id=ticket.pk,
        division_code=ticket.division_code, summary=f"{label} {ticket.number}",
    )  # fmt: skip


@transaction.atomic
def create_ticket(
    user,
    *,
    channel: str,
    category: str,
    division_code: str,
    content: str,
    address: str = "",
    anonymous: bool = False,
    caller_name: str = "",
    caller_phone: str = "",
    external_id: str = "",
    wants_reply: bool = True,
    instant_answer: bool = False,
    received_on: date | None = None,
) -> Ticket:
    """受理登记. An anonymous caller leaves no name or number; a 12345 number already held is refused."""
    require(user, Capability.HANDLE_ONESTOP)
    if category not in CATEGORIES:
        raise InvalidOnestopInput("请选择派单目录中的类别", field="category")
    if not content.strip():
        raise InvalidOnestopInput("请填写诉求内容", field="content")
    division_code = _division(division_code, "division_code")
    if external_id and Ticket.objects.filter(external_id=external_id).exists():
        raise OnestopConflict(f"12345平台工单 {external_id} 已接收")
    received_on = received_on or date.today()
    ticket = Ticket.objects.create(
        number=f"tmp-{Ticket.objects.aggregate(m=Max('pk'))['m'] or 0}-{received_on:%Y%m%d}",
        external_id=external_id, channel=channel, category=category, division_code=division_code, address=address,
        anonymous=anonymous, caller_name="" if anonymous else caller_name,
        caller_phone="" if anonymous else caller_phone, wants_reply=wants_reply and not anonymous, content=content,
        received_on=received_on, due_on=ticket_due(category, division_code, received_on),
        instant_answer=instant_answer, created_by=user,
    )  # fmt: skip
    ticket.number = f"GD{received_on:%Y%m%d}{ticket.pk:06d}"
    if instant_answer:
        ticket.status, ticket.completed_on, ticket.reply = "completed", received_on, "即时解答"
    ticket.save()
    TicketEvent.objects.create(ticket=ticket, action="receive", label="受理登记", actor=user)
    record_event(
        user, AuditEvent.CREATE, object_type="onestop_ticket", object_id=ticket.pk, division_code=division_code,
        summary=f"受理工单 {ticket.number}",
    )  # fmt: skip
    return ticket


def _lock(user, pk: int) -> Ticket:
    ticket_in_jurisdiction(user, pk)
    return Ticket.objects.select_for_update().get(pk=pk)


@transaction.atomic
def assign(user, pk: int, *, lead_unit_code: str, assisting_codes: list[str] | None = None) -> Ticket:
    """派单: one 主办 unit (首接负责) and any 协办 units."""
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    ticket.lead_unit_code = _division(lead_unit_code, "lead_unit_code")
    ticket.assisting_unit_codes = [_division(c, "assisting_codes") for c in assisting_codes or [] if c]
    _step(user, ticket, "assign", "派单", unit=ticket.lead_unit_code)
    return ticket


@transaction.atomic
def transfer(user, pk: int, *, to_code: str, reason: str) -> Ticket:
    """转办 to another unit, with the reason; the clock keeps running from receipt."""
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    if not reason.strip():
        raise InvalidOnestopInput("请填写转办理由", field="reason")
    to_code = _division(to_code, "to_code")
    if to_code == ticket.lead_unit_code:
        raise InvalidOnestopInput("转办单位与当前主办单位相同", field="to_code")
    ticket.lead_unit_code = to_code
    _step(user, ticket, "transfer", "转办", reason, unit=to_code)
    return ticket


@transaction.atomic
def return_ticket(user, pk: int, *, reason_code: str, note: str = "") -> Ticket:
    """退回 (潍坊条例 Art 22): only for a listed reason; reviewed by the hotline desk."""
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    if reason_code not in RETURN_REASONS:
        raise InvalidOnestopInput("请选择退回原因", field="reason_code")
    if ticket.events.filter(action="refuse_return").exists():
        raise OnestopConflict("退回已被审核不同意：按指定单位办理，不得再次退回")
    _step(
        user,
        ticket,
        "return",
        "退回",
        f"{RETURN_REASONS[reason_code]}。{note}".strip("。"),
        unit=ticket.lead_unit_code,
    )
    return ticket


@transaction.atomic
def review_return(user, pk: int, *, agree: bool, to_code: str = "", reason: str = "") -> Ticket:
    """退回审核: agreed → 派单 again to ``to_code``; refused → back to the same unit, which may not return it again."""
    require(user, Capability.SUPERVISE_ONESTOP)
    ticket = _lock(user, pk)
    if ticket.status != "returned":
        raise OnestopConflict("该工单没有待审核的退回")
    if agree:
        ticket.lead_unit_code = _division(to_code, "to_code")
        _step(user, ticket, "assign", "退回审核同意，重新派单", reason, unit=ticket.lead_unit_code)
    else:
        if not reason.strip():
            raise InvalidOnestopInput("请填写不同意退回的理由", field="reason")
        _step(user, ticket, "refuse_return", "退回审核不同意", reason, unit=ticket.lead_unit_code)
    return ticket


@transaction.atomic
def not_accept(user, pk: int, *, reason_code: str) -> Ticket:
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    if reason_code not in NOT_ACCEPTED_REASONS:
        raise InvalidOnestopInput("请选择不予受理原因", field="reason_code")
    ticket.not_accepted_reason = reason_code
    _step(user, ticket, "not_accept", "不予受理", NOT_ACCEPTED_REASONS[reason_code])
    return ticket


@transaction.atomic
def reply(user, pk: int, *, text: str, on: date | None = None) -> Ticket:
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    if not text.strip():
        raise InvalidOnestopInput("请填写答复内容", field="text")
    ticket.reply, ticket.replied_on = text, on or date.today()
    _step(user, ticket, "reply", "答复来电人", text)
    return ticket


@transaction.atomic
def complete(user, pk: int, *, on: date | None = None) -> Ticket:
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    if not ticket.reply and ticket.wants_reply:
        raise OnestopConflict("请先答复来电人再办结")
    ticket.completed_on = on or date.today()
    _step(user, ticket, "complete", "办结")
    return ticket


@transaction.atomic
def callback(user, pk: int, *, result: str, note: str = "", on: date | None = None) -> Ticket:
    """回访 (潍坊条例 Art 25); 不满意 puts the ticket under 督办 (Art 26: unresolved)."""
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    if result not in CALLBACK_RESULTS:
        raise InvalidOnestopInput("请选择回访结果", field="result")
    if ticket.anonymous:
        raise OnestopConflict("匿名来电无法回访")
    ticket.callback_result, ticket.callback_note, ticket.callback_on = result, note, on or date.today()
    if result == "unsatisfied":
        ticket.supervision_level += 1
    _step(user, ticket, "callback", f"回访：{CALLBACK_RESULTS[result]}", note)
    return ticket


@transaction.atomic
def supervise(user, pk: int, *, reason: str) -> Ticket:
    """督办: the level rises by one each time (超期、推诿、未解决)."""
    require(user, Capability.SUPERVISE_ONESTOP)
    ticket = _lock(user, pk)
    if not reason.strip():
        raise InvalidOnestopInput("请填写督办事由", field="reason")
    ticket.supervision_level += 1
    _step(user, ticket, "supervise", f"督办（第{ticket.supervision_level}次）", reason)
    return ticket


@transaction.atomic
def merge(user, pk: int, *, into_number: str) -> Ticket:
    """合并重复工单: this one follows the other (its caller is answered with it)."""
    require(user, Capability.HANDLE_ONESTOP)
    ticket = _lock(user, pk)
    target = Ticket.objects.filter(number=into_number.strip()).exclude(pk=pk).first()
    if target is None or target.status in ("merged", "not_accepted"):
        raise InvalidOnestopInput("请填写要合并到的有效工单编号", field="into_number")
    ticket_in_jurisdiction(user, target.pk)
    ticket.merged_into = target
    _step(user, ticket, "merge", f"合并至工单 {target.number}")
    return ticket


def supervise_overdue(today: date) -> int:
    """Nightly: every open ticket past its limit and not yet under 督办 goes to level 1 (Art 26: overdue)."""
    count = 0
    for ticket in Ticket.objects.filter(
        status__in=["assigned", "returned"], due_on__lt=today, supervision_level=0, replied_on__isnull=True
    ):
        with transaction.atomic():
            ticket.supervision_level = 1
            ticket.save(update_fields=["supervision_level"])
            TicketEvent.objects.create(
                ticket=ticket,
                action="supervise",
                label="超期自动督办",
                reason=f"办理期限 {ticket.due_on:%Y-%m-%d} 已过",
            )
        count += 1
    return count
