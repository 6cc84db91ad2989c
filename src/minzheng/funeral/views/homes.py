"""殡仪馆 and 服务清单 pages, 惠民殡葬 rules."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import run_service

from ..forms import FurnaceForm, HomeForm, ItemForm, WaiverRuleForm
from ..selectors import homes as sel
from ..services import homes as svc
from ..services import waivers
from .common import (
    Action,
    Cell,
    Section,
    can_set_policy,
    crumbs,
    detail_page,
    form_page,
    money,
    paginate,
    post_action,
    table_page,
)


def home_list(request):
    page = paginate(request, sel.home_list(request.user))
    names = names_of({h.division_code for h in page})
    rows = [
        [Cell(h.name, reverse("funeral:home_detail", args=[h.pk])), h.get_kind_display(),
         names.get(h.division_code, h.division_code), h.address, h.furnace_count, h.approval_document]
        for h in page
    ]  # fmt: skip
    toolbar = [("登记殡仪馆", reverse("funeral:home_create"))] if can_set_policy(request.user) else []
    return table_page(
        request, title="殡仪馆与服务清单", trail=crumbs(("殡仪馆", None)), page_obj=page,
        headers=["名称", "类型", "区划", "地址", "火化炉", "批准文件"], rows=rows, toolbar=toolbar,
        intro="服务清单中的基本殡葬服务实行政府定价；清单外项目不得收费（《殡葬管理条例》2026年修订）。",
    )  # fmt: skip


def home_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    form = HomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        home = run_service(form, lambda: svc.register_home(request.user, **form.cleaned_data))
        if home:
            messages.success(request, f"已登记 {home.name}")
            return redirect("funeral:home_detail", pk=home.pk)
    back = reverse("funeral:home_list")
    return form_page(
        request,
        title="登记殡仪馆",
        trail=crumbs(("殡仪馆", back), ("登记", None)),
        form=form,
        cancel_url=back,
    )


def home_detail(request, pk: int):
    home = sel.home_detail(request.user, pk)
    today = date.today()
    fields = [
        ("类型", home.get_kind_display()),
        ("区划", names_of({home.division_code}).get(home.division_code, home.division_code)),
        ("地址", home.address),
        ("批准文件", f"{home.approval_document} {home.approved_on or ''}".strip()),
    ]
    items = Section(
        f"服务清单（{today:%Y-%m-%d}有效）",
        ["编码", "项目", "类别", "对应基本服务", "价格管理", "单价", "单位", "生效日期"],
        [[i.code, i.name, i.get_category_display(), i.get_basic_service_display() or "—", i.get_price_kind_display(),
          money(i.unit_price), i.unit, i.effective_from] for i in sel.price_list(home, today)],
        empty="尚未设置服务清单",
    )  # fmt: skip
    history = Section(
        "价格历史",
        ["编码", "项目", "单价", "生效日期", "失效日期", "依据"],
        [[i.code, i.name, money(i.unit_price), i.effective_from, i.valid_to or "—", i.source_note]
         for i in sel.price_history(home)],
    )  # fmt: skip
    furnaces = Section(
        "火化炉", ["炉号", "炉型", "状态"],
        [[f.code, f.model_name, "在用" if f.in_service else "停用"] for f in sel.furnaces(home)],
    )  # fmt: skip
    actions = []
    if can_set_policy(request.user):
        actions = [
            Action("设置服务项目及价格", ItemForm(), reverse("funeral:item_set", args=[pk]), "保存"),
            Action("登记火化炉", FurnaceForm(), reverse("funeral:furnace_add", args=[pk]), "登记"),
        ]
    return detail_page(
        request, title=home.name, trail=crumbs(("殡仪馆", reverse("funeral:home_list")), (home.name, None)),
        fields=fields, sections=[items, furnaces, history], actions=actions, testid="home-detail",
    )  # fmt: skip


def item_set(request, pk: int):
    home = sel.home_detail(request.user, pk)
    form = ItemForm(request.POST)
    return post_action(
        request, form, lambda d: svc.set_item(request.user, home, **d), "已更新服务清单",
        reverse("funeral:home_detail", args=[pk]),
    )  # fmt: skip


def furnace_add(request, pk: int):
    home = sel.home_detail(request.user, pk)
    form = FurnaceForm(request.POST)
    return post_action(
        request, form, lambda d: svc.add_furnace(request.user, home, **d), "已登记火化炉",
        reverse("funeral:home_detail", args=[pk]),
    )  # fmt: skip


def waiver_list(request):
    page = paginate(request, sel.waiver_rules(request.user))
    names = names_of({r.division_code for r in page})
    rows = [
        [r.get_basic_service_display(), names.get(r.division_code, r.division_code), "、".join(r.category_labels()),
         f"{r.cap_quantity.normalize():f} {r.cap_unit}" if r.cap_quantity else "不限", r.effective_from,
         r.valid_to or "—", r.source_note]
        for r in page
    ]  # fmt: skip
    toolbar = [("新增减免规则", reverse("funeral:waiver_create"))] if can_set_policy(request.user) else []
    return table_page(
        request, title="惠民殡葬减免规则", trail=crumbs(("惠民殡葬政策", None)), page_obj=page,
        headers=["减免项目", "适用区划", "适用对象", "减免上限", "生效日期", "失效日期", "依据"], rows=rows,
        toolbar=toolbar,
        intro="按逝者死亡之日的身份（社会救助在保的低保、特困等）和居住地最具体区划的有效规则减免基本殡葬服务费用。",
    )  # fmt: skip


def waiver_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    form = WaiverRuleForm(request.POST or None, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        rule = run_service(form, lambda: waivers.set_waiver_rule(request.user, **form.cleaned_data))
        if rule:
            messages.success(request, f"已新增减免规则：{rule}")
            return redirect("funeral:waiver_list")
    back = reverse("funeral:waiver_list")
    return form_page(
        request, title="新增惠民殡葬减免规则", trail=crumbs(("惠民殡葬政策", back), ("新增", None)), form=form,
        cancel_url=back,
    )  # fmt: skip
