"""殡葬服务订单 pages: the list, 受理 (open), the order with its bill (add/remove items, 出账)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import run_service

from ..forms import BillForm, LineForm, OrderFilterForm, OrderForm, RemoveLineForm
from ..models import OrderStatus
from ..selectors import deaths as death_sel
from ..selectors import homes as home_sel
from ..selectors import orders as sel
from ..services import orders as svc
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    form_page,
    money,
    paginate,
    post_action,
    search,
    table_page,
)


def order_list(request):
    ff, d = search(request, OrderFilterForm)
    filters = sel.OrderFilter(
        q=d.get("q") or "", division_code=d.get("division_code") or "", status=d.get("status") or "",
        waived_only=bool(d.get("waived_only")),
    )  # fmt: skip
    page = paginate(request, sel.order_list(request.user, filters))
    names = names_of({o.division_code for o in page})
    rows = [
        [Cell(o.number, reverse("funeral:order_detail", args=[o.pk])), o.death.display_name, o.home.name,
         names.get(o.division_code, o.division_code), o.ordered_on, o.get_ash_handling_display(), money(o.total),
         money(o.waived), money(o.payable), Cell(o.get_status_display(), tag="green" if o.status == "billed" else "orange")]
        for o in page
    ]  # fmt: skip
    toolbar = [("受理殡葬服务", reverse("funeral:order_create"))] if can_manage(request.user) else []
    return table_page(
        request, title="殡葬服务订单", trail=crumbs(("服务订单", None)), page_obj=page, filter_form=ff,
        headers=["订单编号", "逝者", "殡仪馆", "区划", "受理日期", "骨灰去向", "合计", "惠民减免", "家属应付", "状态"],
        rows=rows, toolbar=toolbar,
    )  # fmt: skip


def _order_form(request, data=None, initial=None):
    user = request.user
    deaths = [
        (x.pk, f"{x.display_name}（{x.death_date:%Y-%m-%d}）")
        for x in death_sel.deaths_without_order(user)[:300]
    ]
    homes = list(home_sel.home_list(user))
    all_furnaces = home_sel.furnaces_of(homes)
    furnaces = [(f.pk, f"{f.home.name} {f.code}") for f in all_furnaces if f.in_service]
    return OrderForm(
        data, initial=initial, deaths=deaths, homes=[(h.pk, h.name) for h in homes], furnaces=furnaces
    ), {f.pk: f for f in all_furnaces}


def order_create(request):
    require(request.user, Capability.MANAGE_FUNERAL)
    initial = {"ordered_on": timezone.localdate(), "ash_handling": "undecided"}
    if request.GET.get("death", "").isdigit():
        initial["death"] = int(request.GET["death"])
    form, furnaces = _order_form(request, request.POST or None, initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def call():
            death = death_sel.death_for_action(request.user, d["death"])
            home = home_sel.home_detail(request.user, d["home"])
            return svc.open_order(
                request.user, death,
                svc.OrderInput(
                    home=home, ordered_on=d["ordered_on"], contact_name=d["contact_name"],
                    contact_phone=d["contact_phone"], pickup_at=d["pickup_at"], pickup_address=d["pickup_address"],
                    pickup_distance_km=d["pickup_distance_km"] or 0, storage_days=d["storage_days"] or 0,
                    cremation_at=d["cremation_at"], furnace=furnaces.get(d["furnace"]) if d["furnace"] else None,
                    ash_handling=d["ash_handling"],
                ),
            )  # fmt: skip

        order = run_service(form, call)
        if order:
            messages.success(request, f"已受理：{order.number}")
            return redirect("funeral:order_detail", pk=order.pk)
    back = reverse("funeral:order_list")
    return form_page(
        request, title="受理殡葬服务", trail=crumbs(("服务订单", back), ("受理", None)), form=form, cancel_url=back,
        submit="受理", intro="火化须凭《居民死亡医学证明》或公安机关证明文书；惠民殡葬对象类别按逝者死亡之日的社会救助在保情况确定。",
    )  # fmt: skip


def order_detail(request, pk: int):
    order = sel.read_order(request.user, pk)
    lines = list(sel.order_lines(order))
    fields = [
        ("逝者", Cell(order.death.display_name, reverse("funeral:death_detail", args=[order.death_id]))),
        ("死亡日期", order.death.death_date),
        ("殡仪馆", order.home.name),
        ("受理日期", order.ordered_on),
        ("丧事承办人", f"{order.contact_name} {order.contact_phone}".strip()),
        (
            "接运",
            f"{_moment(order.pickup_at)} {order.pickup_address} {order.pickup_distance_km} 公里".strip(),
        ),
        ("暂存天数", order.storage_days),
        (
            "火化",
            f"{_moment(order.cremation_at)} {order.furnace.code if order.furnace else ''}".strip() or "—",
        ),
        ("骨灰去向", order.get_ash_handling_display()),
        ("惠民殡葬对象", "、".join(order.category_labels()) or "不属于减免对象"),
        ("合计", money(order.total)),
        ("惠民减免", money(order.waived)),
        ("家属应付", money(order.payable)),
        ("出账日期", order.billed_on or "—"),
    ]
    bill = Section(
        "账单明细",
        ["项目", "类别", "单价", "数量", "金额", "减免数量", "减免金额", "减免依据"],
        [[line.item.name, line.item.get_category_display(), f"{money(line.unit_price)}/{line.item.unit}",
          line.quantity, money(line.amount), line.waived_quantity or "—", money(line.waived_amount),
          line.waiver_rule.source_note[:40] if line.waiver_rule else "—"] for line in lines],
        empty="尚未添加服务项目",
    )  # fmt: skip
    actions = []
    if can_manage(request.user) and order.status == OrderStatus.OPEN:
        items = [
            (i.code, f"{i.name}（{money(i.unit_price)}/{i.unit}，{i.get_category_display()}）")
            for i in svc.items_in_force(order.home, order.ordered_on)
        ]
        actions = [
            Action("添加服务项目（仅限本馆服务清单）", LineForm(items=items), reverse("funeral:line_add", args=[pk]), "添加", testid="line-add"),
            Action("删除账单项目", RemoveLineForm(lines=[(x.pk, x.item.name) for x in lines]), reverse("funeral:line_remove", args=[pk]), "删除", "确定删除该项目？"),
            Action("出具账单", BillForm(initial={"billed_on": timezone.localdate()}), reverse("funeral:order_bill", args=[pk]), "出账", "出账后订单不能再修改，确定出账？", testid="order-bill"),
        ]  # fmt: skip
    return detail_page(
        request, title=f"殡葬服务订单 {order.number}",
        trail=crumbs(("服务订单", reverse("funeral:order_list")), (order.number, None)), fields=fields,
        sections=[bill], actions=actions, testid="order-detail",
        status=Cell(order.get_status_display(), tag="green" if order.status == OrderStatus.BILLED else "orange"),
    )  # fmt: skip


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _items(request, order):
    return [(i.code, i.name) for i in svc.items_in_force(order.home, order.ordered_on)]


def line_add(request, pk: int):
    order = sel.order_for_action(request.user, pk)
    form = LineForm(request.POST, items=_items(request, order))
    return post_action(
        request, form, lambda d: svc.add_line(request.user, order, **d), "已添加服务项目",
        reverse("funeral:order_detail", args=[pk]),
    )  # fmt: skip


def line_remove(request, pk: int):
    order = sel.order_for_action(request.user, pk)
    form = RemoveLineForm(request.POST, lines=[(x.pk, x.pk) for x in order.lines.all()])
    return post_action(
        request, form, lambda d: svc.remove_line(request.user, order, d["line"]) or order, "已删除",
        reverse("funeral:order_detail", args=[pk]),
    )  # fmt: skip


def order_bill(request, pk: int):
    order = sel.order_for_action(request.user, pk)
    form = BillForm(request.POST)
    return post_action(
        request, form, lambda d: svc.issue_bill(request.user, order, on=d["billed_on"]), "已出具账单",
        reverse("funeral:order_detail", args=[pk]),
    )  # fmt: skip
