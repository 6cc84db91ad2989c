"""12345/12349 工单 pages: intake, 派单, 转办/退回 (reviewed), 答复, 办结, 回访, 督办, 合并, 不予受理."""

from datetime import date

from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..rules.tickets import CALLBACK_RESULTS, CATEGORIES, NOT_ACCEPTED_REASONS
from ..selectors import tickets as sel
from ..services import tickets as svc
from .common import (
    Action,
    Cell,
    Section,
    can_handle,
    can_supervise,
    crumbs,
    detail_page,
    due_cell,
    form_page,
    paginate,
    search,
    status_cell,
    table_page,
)

TICKETS = ("12345工单", "onestop:ticket_list")


def ticket_list(request):
    ff, d = search(request, f.TicketFilter)
    page = paginate(request, sel.ticket_list(request.user, status=d.get("status") or "", q=d.get("q") or ""))
    today = date.today()
    names = names_of({t.lead_unit_code for t in page if t.lead_unit_code})
    rows = [
        [
            Cell(t.number, reverse("onestop:ticket_detail", args=[t.pk])),
            t.get_channel_display(), CATEGORIES.get(t.category, t.category), t.received_on,
            names.get(t.lead_unit_code, "—"), due_cell(t.due_on, today, t.replied_on or t.completed_on),
            f"{t.supervision_level}级" if t.supervision_level else "—", status_cell(t),
        ]
        for t in page
    ]  # fmt: skip
    toolbar = [("登记工单", reverse("onestop:ticket_new"))] if can_handle(request.user) else []
    return table_page(
        request, title="12345工单", trail=crumbs((TICKETS[0], None)), page_obj=page, filter_form=ff, toolbar=toolbar,
        headers=["工单编号", "来源", "派单目录", "受理日期", "主办单位", "办理期限", "督办", "状态"], rows=rows,
    )  # fmt: skip


def ticket_new(request):
    form = submitted(request, f.TicketForm)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ticket = run_service(
            form, lambda: svc.create_ticket(request.user, **{k: v for k, v in d.items() if v is not None})
        )
        if ticket is not None:
            return redirect("onestop:ticket_detail", pk=ticket.pk)
    return form_page(
        request, title="登记工单", trail=crumbs(TICKETS, ("登记工单", None)), form=form,
        cancel_url=reverse("onestop:ticket_list"), submit="受理登记",
        intro="12345平台派单或电话受理；匿名来电不记录姓名和号码。办理期限按派单目录和发生地的政策参数计算（缺省5个工作日）。",
    )  # fmt: skip


def ticket_detail(request, pk: int):
    t = sel.ticket_in_jurisdiction(request.user, pk)
    today = date.today()
    names = names_of({t.division_code, t.lead_unit_code, *t.assisting_unit_codes} - {""})
    url = lambda name: reverse(name, args=[t.pk])  # noqa: E731
    actions = []
    if can_handle(request.user):
        if t.status in ("received",):
            actions += [
                Action("派单", f.AssignForm(), url("onestop:ticket_assign"), "派单", testid="assign-form"),
                Action("不予受理", f.NotAcceptForm(), url("onestop:ticket_not_accept"), "不予受理"),
            ]
        if t.status == "assigned":
            actions += [
                Action(
                    "转办", f.TransferForm(), url("onestop:ticket_transfer"), "转办", testid="transfer-form"
                ),
                Action("退回", f.ReturnForm(), url("onestop:ticket_return"), "退回"),
                Action("答复来电人", f.ReplyForm(), url("onestop:ticket_reply"), "答复", testid="reply-form"),
            ]
        if t.status in ("assigned", "replied"):
            actions.append(
                Action("办结", f.EmptyForm(), url("onestop:ticket_complete"), "办结", testid="complete-form")
            )
        if t.status in ("received", "assigned"):
            actions.append(Action("合并重复工单", f.MergeForm(), url("onestop:ticket_merge"), "合并"))
        if t.status == "completed" and not t.anonymous:
            actions.append(
                Action(
                    "回访",
                    f.CallbackForm(),
                    url("onestop:ticket_callback"),
                    "记录回访",
                    testid="callback-form",
                )
            )
    if can_supervise(request.user):
        if t.status == "returned":
            actions.append(
                Action("退回审核", f.ReviewReturnForm(), url("onestop:ticket_review_return"), "提交审核")
            )
        if t.status in ("received", "assigned", "returned", "replied"):
            actions.append(Action("督办", f.ReasonForm(), url("onestop:ticket_supervise"), "督办"))
    return detail_page(
        request, title=f"工单 {t.number}", trail=crumbs(TICKETS, (t.number, None)), status=status_cell(t), testid="ticket",
        fields=[
            ("工单编号", t.number), ("12345平台编号", t.external_id or "—"), ("来源", t.get_channel_display()),
            ("派单目录", CATEGORIES.get(t.category, t.category)), ("发生地", names.get(t.division_code, t.division_code)),
            ("详细地点", t.address or "—"), ("来电人", "匿名" if t.anonymous else (t.caller_name[:1] + "**" if t.caller_name else "—")),
            ("诉求内容", t.content), ("受理日期", t.received_on),
            ("办理期限", due_cell(t.due_on, today, t.replied_on or t.completed_on)),
            ("主办单位", names.get(t.lead_unit_code, "—")), ("协办单位", "、".join(names.get(c, c) for c in t.assisting_unit_codes) or "—"),
            ("不予受理原因", NOT_ACCEPTED_REASONS.get(t.not_accepted_reason, "—")), ("答复", t.reply or "—"),
            ("回访结果", CALLBACK_RESULTS.get(t.callback_result, "—")),
            ("督办", f"{t.supervision_level}级" if t.supervision_level else "—"),
            ("合并至", t.merged_into.number if t.merged_into else "—"),
        ],
        sections=[Section("流转记录", ["时间", "环节", "理由", "单位"], [[e.at.strftime("%Y-%m-%d %H:%M"), e.label, e.reason, names.get(e.unit_code, e.unit_code)] for e in t.events.all()])],
        actions=actions,
    )  # fmt: skip


def _act(request, pk, form_class, call, success):
    sel.ticket_in_jurisdiction(request.user, pk)
    return act_then_redirect(
        request, form_class(request.POST), call, success, reverse("onestop:ticket_detail", args=[pk])
    )


@require_POST
def ticket_assign(request, pk):
    return _act(
        request,
        pk,
        f.AssignForm,
        lambda d: svc.assign(
            request.user,
            pk,
            lead_unit_code=d["lead_unit_code"],
            assisting_codes=[c.strip() for c in (d["assisting_codes"] or "").replace("，", ",").split(",")],
        ),
        "已派单",
    )


@require_POST
def ticket_transfer(request, pk):
    return _act(
        request,
        pk,
        f.TransferForm,
        lambda d: svc.transfer(request.user, pk, to_code=d["to_code"], reason=d["reason"]),
        "已转办",
    )


@require_POST
def ticket_return(request, pk):
    return _act(
        request,
        pk,
        f.ReturnForm,
        lambda d: svc.return_ticket(request.user, pk, reason_code=d["reason_code"], note=d["note"]),
        "已退回，待审核",
    )


@require_POST
def ticket_review_return(request, pk):
    return _act(
        request,
        pk,
        f.ReviewReturnForm,
        lambda d: svc.review_return(
            request.user, pk, agree=d["agree"], to_code=d["to_code"], reason=d["reason"]
        ),
        "已审核退回",
    )


@require_POST
def ticket_not_accept(request, pk):
    return _act(
        request,
        pk,
        f.NotAcceptForm,
        lambda d: svc.not_accept(request.user, pk, reason_code=d["reason_code"]),
        "已不予受理",
    )


@require_POST
def ticket_reply(request, pk):
    return _act(request, pk, f.ReplyForm, lambda d: svc.reply(request.user, pk, text=d["text"]), "已答复")


@require_POST
def ticket_complete(request, pk):
    return _act(request, pk, f.EmptyForm, lambda d: svc.complete(request.user, pk), "已办结")


@require_POST
def ticket_callback(request, pk):
    return _act(
        request,
        pk,
        f.CallbackForm,
        lambda d: svc.callback(request.user, pk, result=d["result"], note=d["note"]),
        "已记录回访",
    )


@require_POST
def ticket_supervise(request, pk):
    return _act(
        request, pk, f.ReasonForm, lambda d: svc.supervise(request.user, pk, reason=d["reason"]), "已督办"
    )


@require_POST
def ticket_merge(request, pk):
    return _act(
        request,
        pk,
        f.MergeForm,
        lambda d: svc.merge(request.user, pk, into_number=d["into_number"]),
        "已合并",
    )
