"""惠民殡葬结算 pages: the list, 制表, one settlement (orders, submit / approve / send back, export)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.views.common import xlsx_response
from minzheng.web.kit.forms import run_service

from ..forms import ApproveForm, SendBackForm, SettlementForm, SubmitForm
from ..selectors import homes as home_sel
from ..selectors import settlements as sel
from ..services import settlements as svc
from .common import (
    Cell,
    Section,
    crumbs,
    detail_page,
    form_page,
    list_status,
    maker_checker_actions,
    money,
    paginate,
    post_action,
    table_page,
)


def settlement_list(request):
    page = paginate(request, sel.settlement_list(request.user))
    rows = [
        [Cell(f"{s.month:%Y年%m月}", reverse("funeral:settlement_detail", args=[s.pk])), s.home.name, s.orders_count,
         money(s.total), s.prepared_by.display_name, s.approved_by.display_name if s.approved_by else "—",
         Cell(s.get_status_display(), tag={"approved": "green", "submitted": "orange"}.get(s.status, "grey"))]
        for s in page
    ]  # fmt: skip
    toolbar = (
        [("制作月度结算", reverse("funeral:settlement_create"))]
        if has_capability(request.user, Capability.PREPARE_PAYROLL)
        else []
    )
    return table_page(
        request, title="惠民殡葬结算", trail=crumbs(("惠民殡葬结算", None)), page_obj=page,
        headers=["月份", "殡仪馆", "订单数", "减免金额", "制表人", "审核人", "状态"], rows=rows, toolbar=toolbar,
        intro="按月汇总殡仪馆当月出账的惠民殡葬减免，经办人制表、审批人审核（制表人不能审核），审核后导出作为拨付依据。",
    )  # fmt: skip


def settlement_create(request):
    require(request.user, Capability.PREPARE_PAYROLL)
    homes = list(home_sel.home_list(request.user))
    form = SettlementForm(request.POST or None, homes=[(h.pk, h.name) for h in homes])
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        settlement = run_service(
            form,
            lambda: svc.prepare(
                request.user, home_sel.home_detail(request.user, d["home"]), month=d["month"]
            ),
        )
        if settlement:
            messages.success(request, f"已制表：{settlement.orders_count}单，{money(settlement.total)}")
            return redirect("funeral:settlement_detail", pk=settlement.pk)
    back = reverse("funeral:settlement_list")
    return form_page(
        request, title="制作惠民殡葬月度结算", trail=crumbs(("惠民殡葬结算", back), ("制表", None)), form=form,
        cancel_url=back, submit="制表", intro="同一殡仪馆同一月份只有一份结算；待提交或被退回的结算重新制表时按当前出账情况刷新。",
    )  # fmt: skip


def settlement_detail(request, pk: int):
    s = sel.settlement_detail(request.user, pk)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(svc.export(request.user, s), f"惠民殡葬结算_{s.month:%Y%m}")
    fields = [
        ("殡仪馆", s.home.name), ("结算月份", f"{s.month:%Y年%m月}"), ("订单数", s.orders_count),
        ("减免金额合计", money(s.total)), ("制表人", s.prepared_by.display_name),
        ("审核人", s.approved_by.display_name if s.approved_by else "—"), ("退回意见", s.return_note or "—"),
    ]  # fmt: skip
    orders = Section(
        "结算明细", ["订单编号", "逝者", "出账日期", "减免对象类别", "服务费合计", "减免金额"],
        [[Cell(o.number, reverse("funeral:order_detail", args=[o.pk])), o.death.display_name, o.billed_on,
          "、".join(o.category_labels()), money(o.total), money(o.waived)] for o in sel.settlement_orders(s)],
        empty="本月没有惠民殡葬减免",
    )  # fmt: skip
    actions = maker_checker_actions(
        request.user, s.status, submit=reverse("funeral:settlement_submit", args=[pk]),
        approve=reverse("funeral:settlement_approve", args=[pk]),
        send_back=reverse("funeral:settlement_return", args=[pk]), testid="settlement",
    )  # fmt: skip
    return detail_page(
        request, title=f"{s.home.name} {s.month:%Y年%m月}惠民殡葬结算",
        trail=crumbs(("惠民殡葬结算", reverse("funeral:settlement_list")), (f"{s.month:%Y年%m月}", None)),
        fields=fields, sections=[orders], actions=actions, toolbar=[("导出Excel", "?export=xlsx")],
        status=list_status(s),
        testid="settlement-detail",
    )  # fmt: skip


def _act(request, pk, form_class, call, success):
    s = sel.settlement_detail(request.user, pk)
    return post_action(
        request,
        form_class(request.POST),
        lambda d: call(s, d),
        success,
        reverse("funeral:settlement_detail", args=[pk]),
    )


def settlement_submit(request, pk: int):
    return _act(request, pk, SubmitForm, lambda s, d: svc.submit(request.user, s), "已提交审核")


def settlement_approve(request, pk: int):
    return _act(request, pk, ApproveForm, lambda s, d: svc.approve(request.user, s), "已审核通过")


def settlement_return(request, pk: int):
    return _act(
        request, pk, SendBackForm, lambda s, d: svc.send_back(request.user, s, reason=d["reason"]), "已退回"
    )
