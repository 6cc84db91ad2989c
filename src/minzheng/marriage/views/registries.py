"""婚姻登记机关 pages: list, 设立, one registry with its 登记员 (add, 离岗/恢复在岗)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..selectors import registries as sel
from ..selectors.appointments import slots_of
from ..selectors.counselling import rooms_of
from ..selectors.registries import registries_served_by
from ..services import registries as svc
from .common import (
    Action,
    Cell,
    Section,
    can_manage_registries,
    crumbs,
    detail_page,
    form_page,
    paginate,
    table_page,
)

LIST = ("登记机关", "marriage:registry_list")


def registry_list(request):
    page = paginate(request, sel.registry_list(request.user))
    rows = [
        [
            Cell(r.name, reverse("marriage:registry_detail", args=[r.pk])),
            r.get_level_display(),
            r.certificate_code,
            r.registrar_count,
            r.address,
            Cell("在用" if r.active else "停用", tag="green" if r.active else "grey"),
        ]
        for r in page
    ]
    toolbar = (
        [("设立登记机关", reverse("marriage:registry_create"))] if can_manage_registries(request.user) else []
    )
    return table_page(
        request,
        title="婚姻登记机关",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["名称", "类别", "证书区划代码", "在岗登记员", "地址", "状态"],
        rows=rows,
        toolbar=toolbar,
        intro="《婚姻登记条例》第二条：内地居民办理婚姻登记的机关是县级人民政府民政部门或者省级人民政府按照便民原则确定的乡（镇）人民政府；自2025年5月10日起可在任一婚姻登记机关办理（全国通办）。",
    )


def registry_create(request):
    require(request.user, Capability.MANAGE_MARRIAGE_REGISTRIES)
    form = submitted(request, f.RegistryForm)
    if request.method == "POST" and form.is_valid():
        row = run_service(form, lambda: svc.create_registry(request.user, **form.cleaned_data))
        if row:
            messages.success(request, f"已设立{row.name}")
            return redirect("marriage:registry_detail", pk=row.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="设立婚姻登记机关",
        trail=crumbs((LIST[0], back), ("设立", None)),
        form=form,
        cancel_url=back,
    )


def registry_detail(request, pk: int):
    registry = sel.registry_detail(request.user, pk)
    manage = can_manage_registries(request.user)
    registrars = Section(
        "登记员",
        ["姓名", "用户名", "资格证号", "状态", ""],
        [
            [
                r.user.full_name,
                r.user.username,
                r.qualification_number,
                Cell("在岗" if r.active else "离岗", tag="green" if r.active else "grey"),
                Cell(
                    "设为离岗" if r.active else "恢复在岗", reverse("marriage:registrar_detail", args=[r.pk])
                )
                if manage
                else "",
            ]
            for r in sel.registrars_of(registry)
        ],
    )
    today = timezone.localdate()
    slots = Section(
        "近14日预约号源",
        ["日期", "时段", "可预约", "已预约", "剩余"],
        [
            [s.day, s.get_period_display(), s.capacity, s.booked, s.free]
            for s in slots_of(request.user, registry, today)
        ],
        empty="尚未开放号源",
    )
    rooms = Section(
        "婚姻家庭辅导室",
        ["名称", "启用日期", "状态"],
        [[r.name, r.opened_on, "在用" if r.active else "停用"] for r in rooms_of(registry)],
        empty="尚未设立辅导室",
    )
    actions = []
    if registries_served_by(request.user).filter(pk=registry.pk).exists():
        actions.append(
            Action("开放预约号源（法定节假日和周末自动跳过）", f.OpenSlotsForm(initial={"start": today, "end": today}),
                   reverse("marriage:slots_open", args=[pk]), submit="开放", testid="open-slots")
        )  # fmt: skip
    if manage:
        form = f.RegistrarForm(candidates=sel.registrar_candidates(request.user, registry))
        actions.append(
            Action(
                "添加登记员",
                form,
                reverse("marriage:registrar_add", args=[pk]),
                submit="添加",
                testid="add-registrar",
            )
        )
    return detail_page(
        request,
        title=registry.name,
        trail=crumbs((LIST[0], reverse(LIST[1])), (registry.name, None)),
        fields=[
            ("类别", registry.get_level_display()),
            ("所在区划代码", registry.division_code),
            ("证书区划代码", registry.certificate_code),
            ("地址", registry.address),
            ("联系电话", registry.phone),
        ],
        status=Cell("在用" if registry.active else "停用", tag="green" if registry.active else "grey"),
        sections=[registrars, slots, rooms],
        actions=actions,
    )


@require_POST
def registrar_add(request, pk: int):
    registry = sel.registry_detail(request.user, pk)
    candidates = sel.registrar_candidates(request.user, registry)
    form = f.RegistrarForm(request.POST, candidates=candidates)

    def call(d):
        user = candidates.filter(pk=int(d["user"])).first()
        return svc.add_registrar(
            request.user, registry, user=user, qualification_number=d["qualification_number"]
        )

    return act_then_redirect(
        request, form, call, lambda r: f"已添加登记员{r.user.full_name or r.user.username}",
        reverse("marriage:registry_detail", args=[pk]),
    )  # fmt: skip


def registrar_detail(request, pk: int):
    """One 登记员: 离岗/恢复在岗 (the form posts back here)."""
    registrar = sel.registrar_detail(request.user, pk)
    back = reverse("marriage:registry_detail", args=[registrar.registry_id])
    if request.method == "POST":
        form = f.RegistrarActiveForm(request.POST)
        return act_then_redirect(
            request, form, lambda d: svc.set_registrar_active(request.user, registrar, active=d["active"]),
            "已更新登记员状态", back,
        )  # fmt: skip
    require(request.user, Capability.MANAGE_MARRIAGE_REGISTRIES)
    form = f.RegistrarActiveForm(initial={"active": "0" if registrar.active else "1"})
    return detail_page(
        request,
        title=f"登记员：{registrar.user.full_name or registrar.user.username}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (registrar.registry.name, back), ("登记员", None)),
        fields=[
            ("登记机关", registrar.registry.name),
            ("资格证号", registrar.qualification_number),
            ("状态", "在岗" if registrar.active else "离岗"),
        ],
        actions=[
            Action(
                "设为离岗" if registrar.active else "恢复在岗",
                form,
                reverse("marriage:registrar_detail", args=[pk]),
                submit="确认",
            )
        ],
    )
