"""综合监管 pages: 双随机 rounds, inspections, 隐患 (record → rectify → re-check), credit, incidents."""

from datetime import date

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.views.common import xlsx_response

from .. import forms as f
from ..models import HazardSeverity, HazardStatus
from ..selectors import supervision as sel
from ..services import supervision as svc
from ..services.exports import export_rows
from .common import (
    Action,
    Cell,
    Section,
    can_inspect,
    can_manage,
    crumbs,
    detail_page,
    export_button,
    form_page,
    paginate,
    record_action,
    run_service,
    search,
    status_tag,
    table_page,
)

INSPECTION = "eldercare:inspection_detail"
HAZARD_COLOURS = {"open": "red", "rectified": "orange", "closed": "green"}


def hazard_tag(hazard) -> Cell:
    """待整改 / 已整改待复查 / 已销号, and 逾期未整改 once the deadline has passed without a report."""
    if hazard.status == HazardStatus.OPEN and hazard.deadline < date.today():
        return status_tag(f"逾期未整改（{(date.today() - hazard.deadline).days}天）", "red")
    return status_tag(hazard.get_status_display(), HAZARD_COLOURS[hazard.status])


def round_list(request):
    page = paginate(request, sel.round_list(request.user))
    rows = [
        [
            Cell(r.title, reverse("eldercare:round_detail", args=[r.pk])),
            r.planned_on,
            len(r.candidate_ids),
            r.share_percent,
            r.seed,
            r.created_by.display_name,
        ]
        for r in page
    ]
    toolbar = [("新建双随机抽查", reverse("eldercare:round_create"))] if can_inspect(request.user) else []
    return table_page(
        request,
        title="双随机抽查",
        trail=crumbs(("双随机抽查", None)),
        page_obj=page,
        toolbar=toolbar,
        headers=["抽查名称", "抽取日期", "检查对象数", "抽查比例（%）", "随机种子", "组织人"],
        rows=rows,
        intro="随机抽取检查对象、随机选派检查人员；随机种子与名录一并留存并公开，任何人可复现抽取结果。",
    )


def round_create(request):
    require(request.user, Capability.INSPECT_ELDERCARE)
    form = f.RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        round_ = run_service(form, lambda: svc.draw_round(request.user, **form.cleaned_data))
        if round_:
            messages.success(request, "已完成随机抽取")
            return redirect("eldercare:round_detail", pk=round_.pk)
    back = reverse("eldercare:round_list")
    return form_page(
        request,
        title="新建双随机抽查",
        trail=crumbs(("双随机抽查", back), ("新建", None)),
        form=form,
        cancel_url=back,
        submit="随机抽取",
        intro="检查对象：辖区内运营中的养老机构；检查人员：辖区内的审核人、审批人。",
    )


def round_detail(request, pk: int):
    r = sel.round_detail(request.user, pk)
    fields = [
        ("抽取日期", r.planned_on),
        ("随机种子", r.seed),
        ("检查对象数", len(r.candidate_ids)),
        ("抽查比例", f"{r.share_percent}%"),
        ("每组人数", r.team_size),
        ("执法人员数", len(r.inspector_pool_ids)),
    ]
    rows = [
        [
            Cell(i.institution.name, reverse("eldercare:inspection_detail", args=[i.pk])),
            "、".join(u.display_name for u in i.inspectors.all()),
            i.get_status_display(),
            i.inspected_on or "",
            i.conclusion,
        ]
        for i in sel.round_inspections(r)
    ]
    return detail_page(
        request,
        title=r.title,
        trail=crumbs(("双随机抽查", reverse("eldercare:round_list")), (r.title, None)),
        fields=fields,
        sections=[Section("抽取结果", ["机构", "检查人员", "状态", "检查日期", "结论"], rows)],
    )


def inspection_detail(request, pk: int):
    i = sel.inspection_detail(request.user, pk)
    fields = [
        ("机构", Cell(i.institution.name, reverse("eldercare:institution_detail", args=[i.institution_id]))),
        ("检查人员", "、".join(u.display_name for u in i.inspectors.all())),
        ("计划日期", i.planned_on),
        ("检查日期", i.inspected_on or ""),
        ("结论", i.conclusion),
        ("来源", i.round.title if i.round else "专项检查"),
    ]
    hazards = Section(
        "发现的隐患",
        ["类别", "等级", "描述", "整改期限", "状态", ""],
        [
            [
                h.get_category_display(),
                h.get_severity_display(),
                h.description,
                h.deadline,
                hazard_tag(h),
                Cell("查看", reverse("eldercare:hazard_detail", args=[h.pk])),
            ]
            for h in i.hazards.order_by("id")
        ],
    )
    actions = []
    if can_inspect(request.user):
        actions = [
            Action(
                "登记隐患",
                f.HazardForm(),
                reverse("eldercare:hazard_create", args=[pk]),
                "登记隐患",
                testid="hazard-form",
            ),
            Action(
                "完成检查",
                f.CompleteInspectionForm(),
                reverse("eldercare:inspection_complete", args=[pk]),
                "完成检查",
            ),
        ]
    return detail_page(
        request,
        title=f"检查：{i.institution.name}",
        trail=crumbs(("双随机抽查", reverse("eldercare:round_list")), ("检查", None)),
        fields=fields,
        sections=[hazards],
        actions=actions,
        status=Cell(i.get_status_display(), tag="green" if i.status == "done" else "orange"),
    )


inspection_complete = record_action(
    sel.inspection_detail,
    f.CompleteInspectionForm,
    lambda u, i, d: svc.complete_inspection(u, i, **d),
    "检查已完成",
    INSPECTION,
)


hazard_create = record_action(
    sel.inspection_detail,
    f.HazardForm,
    lambda u, i, d: svc.record_hazard(u, i, **d),
    "已登记隐患",
    INSPECTION,
)


class HazardFilterForm(forms.Form):
    division_code = forms.CharField(label="区划", required=False)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *HazardStatus.choices])
    severity = forms.ChoiceField(
        label="等级", required=False, choices=[("", "全部"), *HazardSeverity.choices]
    )
    overdue_only = forms.BooleanField(label="仅逾期", required=False)


def hazard_list(request):
    ff, d = search(request, HazardFilterForm)
    qs = sel.hazard_list(
        request.user,
        sel.HazardFilter(
            division_code=d.get("division_code", ""),
            status=d.get("status", ""),
            severity=d.get("severity", ""),
            overdue_only=bool(d.get("overdue_only")),
        ),
    )
    headers = ["机构", "类别", "等级", "描述", "发现日期", "整改期限", "状态"]
    if request.GET.get("export") == "xlsx":
        rows = (
            [
                h.institution.name,
                h.get_category_display(),
                h.get_severity_display(),
                h.description,
                h.found_on,
                h.deadline,
                h.get_status_display(),
            ]
            for h in qs
        )
        return xlsx_response(
            export_rows(
                request.user, name="隐患台账", headers=headers, rows=rows, object_type="eldercare.hazard"
            ),
            "隐患台账",
        )
    page = paginate(request, qs)
    rows = [
        [
            Cell(h.institution.name, reverse("eldercare:hazard_detail", args=[h.pk])),
            h.get_category_display(),
            h.get_severity_display(),
            h.description[:40],
            h.found_on,
            h.deadline,
            hazard_tag(h),
        ]
        for h in page
    ]
    return table_page(
        request,
        title="隐患排查治理台账",
        trail=crumbs(("隐患治理", None)),
        page_obj=page,
        headers=headers,
        rows=rows,
        filter_form=ff,
        toolbar=[export_button(request)],
        intro="整改期限按工作日计算（法定节假日、调休以节假日表为准）；录入整改情况的人员不能复查销号同一隐患。",
    )


def hazard_detail(request, pk: int):
    h = sel.hazard_detail(request.user, pk)
    fields = [
        ("机构", Cell(h.institution.name, reverse("eldercare:institution_detail", args=[h.institution_id]))),
        ("类别", h.get_category_display()),
        ("等级", h.get_severity_display()),
        ("描述", h.description),
        ("检查证据", h.evidence),
        ("发现日期", h.found_on),
        ("发现人", h.found_by.display_name),
        ("整改期限", f"{h.deadline}（{h.rectification_working_days}个工作日）"),
        ("整改情况", h.rectification_note),
        ("整改证明", h.rectification_evidence),
        ("整改完成日期", h.rectified_on or ""),
        ("复查次数", h.rechecks),
        ("复查意见", h.recheck_note),
        ("销号", f"{h.closed_on} {h.closed_by.display_name}" if h.closed_on else ""),
    ]
    actions = []
    if h.status == HazardStatus.OPEN and can_manage(request.user):
        actions.append(
            Action(
                "报告整改完成（代机构录入）",
                f.RectifyForm(),
                reverse("eldercare:hazard_rectify", args=[pk]),
                "提交整改",
                testid="rectify-form",
            )
        )
    if h.status == HazardStatus.RECTIFIED and can_inspect(request.user):
        actions.append(
            Action(
                "复查",
                f.RecheckForm(),
                reverse("eldercare:hazard_recheck", args=[pk]),
                "提交复查",
                testid="recheck-form",
            )
        )
    return detail_page(
        request,
        title=f"隐患：{h.institution.name}",
        trail=crumbs(("隐患治理", reverse("eldercare:hazard_list")), ("隐患", None)),
        fields=fields,
        actions=actions,
        status=hazard_tag(h),
    )


hazard_rectify = record_action(
    sel.hazard_detail,
    f.RectifyForm,
    lambda u, h, d: svc.report_rectification(u, h, **d),
    "已报告整改完成，待复查",
    "eldercare:hazard_detail",
)


hazard_recheck = record_action(
    sel.hazard_detail,
    f.RecheckForm,
    lambda u, h, d: svc.recheck_hazard(u, h, **d),
    "已复查",
    "eldercare:hazard_detail",
)
