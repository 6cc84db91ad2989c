"""殡葬监管 pages: inspections (双随机 draw, 四不两直 record with the charges checked), violations (fine, 整改) and
facility licences."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability, require
from minzheng.web.kit.forms import run_service

from .. import forms as f
from ..selectors import cemeteries as cemetery_sel
from ..selectors import homes as home_sel
from ..selectors import supervision as sel
from ..services import supervision as svc
from .common import Cell, can_set_policy, crumbs, form_page, money, paginate, table_page

ROOT = ("殡葬监管", "funeral:inspection_list")


def _trail(*tail):
    return crumbs((ROOT[0], reverse(ROOT[1])), *tail)


def _inspector(user) -> bool:
    return has_capability(user, Capability.INSPECT_FUNERAL)


def inspection_list(request):
    page = paginate(request, sel.inspections(request.user))
    names = sel.inspector_names(page)
    rows = []
    for x in page:
        action = (
            Cell("登记检查结果", reverse("funeral:inspection_record", args=[x.pk]))
            if x.status == "planned" and _inspector(request.user)
            else (x.findings or "—")
        )
        rows.append([
            x.facility_name, x.get_facility_kind_display(), x.round.title if x.round else "专项检查", x.planned_on,
            "、".join(names.get(i, "—") for i in x.inspector_ids) or "—", x.inspected_on or "—",
            "是" if x.unannounced else "否", x.get_status_display(), action,
        ])  # fmt: skip
    toolbar = [
        ("违法违规问题", reverse("funeral:violation_list")),
        ("设施许可", reverse("funeral:licence_list")),
    ]
    if _inspector(request.user):
        toolbar.insert(0, ("双随机抽查", reverse("funeral:round_create")))
    return table_page(
        request, title="殡葬设施监督检查", trail=crumbs((ROOT[0], None)), page_obj=page, toolbar=toolbar,
        headers=["设施", "类型", "批次", "计划日期", "检查人员", "检查日期", "四不两直", "状态", "检查情况"], rows=rows,
        intro="随机抽取检查对象、随机选派检查人员（种子公开，可复核），按“四不两直”直奔现场；收费与服务清单不符的自动列为问题。",
    )  # fmt: skip


def round_create(request):
    require(request.user, Capability.INSPECT_FUNERAL)
    form = f.DrawRoundForm(request.POST or None, initial={"share_percent": 20, "team_size": 2})
    if request.method == "POST" and form.is_valid():
        drawn = run_service(form, lambda: svc.draw_round(request.user, **form.cleaned_data))
        if drawn:
            messages.success(request, f"已抽取{drawn.inspections.count()}家设施")
            return redirect("funeral:inspection_list")
    back = reverse("funeral:inspection_list")
    return form_page(
        request, title="殡葬设施双随机抽查", trail=_trail(("双随机抽查", None)), form=form, cancel_url=back, submit="抽取",
        intro="检查对象为辖区内的殡仪馆和公墓，检查人员为本单位的审核人、审批人；同一种子和名录可重复得到同一结果。",
    )  # fmt: skip


def inspection_record(request, pk: int):
    require(request.user, Capability.INSPECT_FUNERAL)
    inspection = sel.inspection_for_action(request.user, pk)
    form = f.InspectionRecordForm(request.POST or None, initial={"unannounced": True})
    if request.method == "POST" and form.is_valid():
        found = run_service(
            form, lambda: svc.record_inspection(request.user, inspection, **form.cleaned_data)
        )
        if found is not None:
            messages.success(request, f"已登记检查结果，发现收费问题{len(found)}项")
            return redirect("funeral:inspection_list")
    back = reverse("funeral:inspection_list")
    return form_page(
        request, title=f"检查结果：{inspection.facility_name}", trail=_trail(("检查结果", None)), form=form,
        cancel_url=back, submit="保存",
    )  # fmt: skip


def violation_list(request):
    page = paginate(request, sel.violations(request.user))
    rows = []
    for v in page:
        links = []
        if _inspector(request.user):
            if not v.fine_decided_on:
                links.append(Cell("处罚", reverse("funeral:violation_fine", args=[v.pk])))
            if v.status == "open":
                links.append(Cell("整改完成", reverse("funeral:violation_rectified", args=[v.pk])))
        rows.append([
            v.facility_name, v.found_on, v.description, v.basis, v.rectify_by, v.get_status_display(),
            f"{money(v.fine)}（{v.fine_document}）" if v.fine_decided_on else "—", *(links or ["—"]),
        ])  # fmt: skip
        rows[-1] += [""] * (9 - len(rows[-1]))
    return table_page(
        request, title="殡葬违法违规问题", trail=_trail(("违法违规问题", None)), page_obj=page,
        headers=["设施", "发现日期", "问题", "依据", "整改期限", "状态", "罚款", "操作", ""], rows=rows,
    )  # fmt: skip


def violation_fine(request, pk: int):
    require(request.user, Capability.INSPECT_FUNERAL)
    violation = sel.violation_for_action(request.user, pk)
    form = f.FineForm(request.POST or None)
    posted = request.method == "POST" and form.is_valid()
    if posted and run_service(form, lambda: svc.decide_fine(request.user, violation, **form.cleaned_data)):
        messages.success(request, "已登记处罚决定")
        return redirect("funeral:violation_list")
    back = reverse("funeral:violation_list")
    return form_page(
        request, title=f"处罚决定：{violation.facility_name}", trail=_trail(("违法违规问题", back), ("处罚", None)),
        form=form, cancel_url=back, submit="保存",
    )  # fmt: skip


def violation_rectified(request, pk: int):
    require(request.user, Capability.INSPECT_FUNERAL)
    violation = sel.violation_for_action(request.user, pk)
    form = f.RectifiedForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form, lambda: svc.confirm_rectified(request.user, violation, on=form.cleaned_data["on"])
        )
    ):
        messages.success(request, "已确认整改完成")
        return redirect("funeral:violation_list")
    back = reverse("funeral:violation_list")
    return form_page(
        request, title=f"整改完成：{violation.facility_name}", trail=_trail(("违法违规问题", back), ("整改", None)),
        form=form, cancel_url=back, submit="确认",
    )  # fmt: skip


def licence_list(request):
    page = paginate(request, sel.licences(request.user))
    rows = [
        [x.facility_name, x.get_facility_kind_display(), x.title, x.document, x.issued_by, x.issued_on, x.valid_to or "长期"]
        for x in page
    ]  # fmt: skip
    toolbar = [("新增许可", reverse("funeral:licence_create"))] if can_set_policy(request.user) else []
    return table_page(
        request, title="殡葬设施许可", trail=_trail(("设施许可", None)), page_obj=page, toolbar=toolbar,
        headers=["设施", "类型", "许可事项", "文号", "发证机关", "发证日期", "有效期至"], rows=rows,
    )  # fmt: skip


def licence_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    facilities = [(f"home:{h.pk}", h.name) for h in home_sel.home_list(request.user)] + [
        (f"cemetery:{c.pk}", c.name) for c in cemetery_sel.cemetery_list(request.user)
    ]
    form = f.LicenceForm(request.POST or None, facilities=facilities)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        kind, _, pk = d.pop("facility").partition(":")
        licence = run_service(
            form, lambda: svc.record_licence(request.user, facility_kind=kind, facility_id=int(pk), **d)
        )
        if licence:
            messages.success(request, f"已登记许可：{licence}")
            return redirect("funeral:licence_list")
    back = reverse("funeral:licence_list")
    return form_page(
        request, title="登记殡葬设施许可", trail=_trail(("设施许可", back), ("新增", None)), form=form, cancel_url=back,
    )  # fmt: skip
