"""界线界桩 pages: lines of either side with their 联检 clock, a line with its 界桩/rounds/disputes, a 界桩 with
its inspections and repairs."""

from datetime import date

from django.urls import reverse

from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import act_then_redirect

from .. import forms as f
from ..models import DisputeStatus
from ..rules.boundaries import MARKER_TYPES
from ..selectors import boundaries as sel
from ..services import boundaries as svc
from ..services.parameters import clocks
from .common import (
    Action,
    Cell,
    Section,
    can_approve,
    can_manage,
    crumbs,
    detail_page,
    due_cell,
    paginate,
    table_page,
)

LINES = ("界线界桩", "placenames:line_list")


def _years(line) -> int:
    return clocks(line.side_a_code, date.today()).joint_inspection_years


def line_list(request):
    today = date.today()
    page = paginate(request, sel.line_list(request.user))
    names = names_of({x.side_a_code for x in page} | {x.side_b_code for x in page})
    rows = []
    for x in page:
        last = sel.last_joint_inspection(x)
        rows.append(
            [
                Cell(x.name, reverse("placenames:line_detail", args=[x.pk])),
                x.code,
                f"{names.get(x.side_a_code, x.side_a_code)} — {names.get(x.side_b_code, x.side_b_code)}",
                x.agreement,
                x.markers.count(),
                f"第{last.round_number}轮（{last.inspected_on}）" if last else "尚未联检",
                due_cell(sel.joint_due(x, _years(x)), today),
            ]
        )
    return table_page(
        request,
        title="行政区域界线",
        trail=crumbs((LINES[0], None)),
        page_obj=page,
        headers=["界线", "界线代码", "两侧", "界线协议书", "界桩数", "最近联检", "下次联检（每5年）"],
        rows=rows,
        intro="《行政区域界线管理条例》第十二条：每5年联合检查一次；界桩编号按GB/T 17796为界线代码＋3位序号＋类型码。",
    )


def line_detail(request, pk: int):
    x = sel.line_detail(request.user, pk)
    today = date.today()
    names = names_of({x.side_a_code, x.side_b_code})
    fields = [
        ("界线代码", x.code),
        ("两侧", f"{names.get(x.side_a_code, x.side_a_code)} — {names.get(x.side_b_code, x.side_b_code)}"),
        ("界线协议书", x.agreement),
        ("协议签订日期", x.agreed_on),
        ("批准机关", x.approved_by),
        ("界线详图", x.map_version),
        ("长度（千米）", x.length_km or ""),
        ("下次联合检查", due_cell(sel.joint_due(x, _years(x)), today)),
    ]
    markers = [
        [
            Cell(m.number, reverse("placenames:marker_detail", args=[m.pk])),
            MARKER_TYPES.get(m.type_code, m.type_code),
            f"{m.longitude}, {m.latitude}",
            names.get(m.responsible_code, m.responsible_code),
            m.installed_on or "",
            Cell(m.get_condition_display(), tag="green" if m.condition == "good" else "red"),
        ]
        for m in x.markers.order_by("number")
    ]
    rounds = [
        [f"第{r.round_number}轮", r.inspected_on, r.participants, r.findings, r.filed_on or "未备案"]
        for r in x.joint_inspections.order_by("round_number")
    ]
    disputes = [
        [
            Cell(d.opened_on, reverse("placenames:dispute_detail", args=[d.pk])),
            d.description,
            d.emergency_measures,
            Cell(d.get_status_display(), tag="red" if d.status == DisputeStatus.OPEN else "grey"),
        ]
        for d in x.disputes.order_by("-opened_on")
    ]
    sections = [
        Section("界桩", ["编号", "类型", "经纬度", "维护方", "埋设日期", "现状"], markers),
        Section("联合检查", ["轮次", "日期", "参加单位", "检查结果", "备案"], rounds),
        Section("界线争议", ["发生日期", "争议情况", "应急处置", "状态"], disputes),
    ]
    actions = []
    if can_manage(request.user):
        sides = [
            (x.side_a_code, names.get(x.side_a_code, x.side_a_code)),
            (x.side_b_code, names.get(x.side_b_code, x.side_b_code)),
        ]
        actions += [
            Action(
                "登记界桩",
                f.MarkerForm(sides=sides),
                reverse("placenames:marker_add", args=[pk]),
                "登记",
                testid="marker-form",
            ),
            Action(
                "联合检查（第十二条）",
                f.JointInspectionForm(),
                reverse("placenames:joint_add", args=[pk]),
                "保存",
            ),
            Action(
                "界线争议（应急处置）", f.DisputeForm(), reverse("placenames:dispute_add", args=[pk]), "登记"
            ),
        ]
    return detail_page(
        request,
        title=x.name,
        trail=crumbs((LINES[0], reverse(LINES[1])), (x.name, None)),
        fields=fields,
        sections=sections,
        actions=actions,
        testid="line-detail",
    )


def marker_add(request, pk: int):
    x = sel.line_detail(request.user, pk)
    sides = [(x.side_a_code, x.side_a_code), (x.side_b_code, x.side_b_code)]
    return act_then_redirect(
        request,
        f.MarkerForm(request.POST, sides=sides),
        lambda d: svc.add_marker(request.user, x, **d),
        lambda m: f"已登记界桩{m.number}",
        reverse("placenames:line_detail", args=[pk]),
    )


def joint_add(request, pk: int):
    x = sel.line_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.JointInspectionForm(request.POST),
        lambda d: svc.record_joint_inspection(request.user, x, **d),
        lambda r: f"已记录第{r.round_number}轮联合检查",
        reverse("placenames:line_detail", args=[pk]),
    )


def dispute_add(request, pk: int):
    x = sel.line_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.DisputeForm(request.POST),
        lambda d: svc.open_dispute(request.user, x, **d),
        "已登记界线争议",
        reverse("placenames:line_detail", args=[pk]),
    )


def dispute_detail(request, pk: int):
    d = sel.dispute_detail(request.user, pk)
    fields = [
        ("界线", Cell(d.line.name, reverse("placenames:line_detail", args=[d.line_id]))),
        ("发生日期", d.opened_on),
        ("争议情况", d.description),
        ("应急处置措施", d.emergency_measures),
        ("解决日期", d.settled_on or ""),
        ("解决结果", d.settlement),
    ]
    actions = []
    if d.status == DisputeStatus.OPEN and can_approve(request.user):
        actions.append(
            Action("争议解决", f.SettleForm(), reverse("placenames:dispute_settle", args=[pk]), "保存")
        )
    return detail_page(
        request,
        title=f"界线争议：{d.line.name}",
        trail=crumbs(
            (LINES[0], reverse(LINES[1])),
            (d.line.name, reverse("placenames:line_detail", args=[d.line_id])),
            ("争议", None),
        ),
        fields=fields,
        actions=actions,
        status=Cell(d.get_status_display()),
    )


def dispute_settle(request, pk: int):
    d = sel.dispute_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.SettleForm(request.POST),
        lambda v: svc.settle_dispute(request.user, d, **v),
        "已记录解决结果",
        reverse("placenames:dispute_detail", args=[pk]),
    )


def marker_detail(request, pk: int):
    m = sel.marker_detail(request.user, pk)
    names = names_of({m.responsible_code})
    fields = [
        ("界桩编号", m.number),
        ("类型", MARKER_TYPES.get(m.type_code, m.type_code)),
        ("界线", Cell(m.line.name, reverse("placenames:line_detail", args=[m.line_id]))),
        ("经纬度", f"{m.longitude}, {m.latitude}"),
        ("材质", m.material),
        ("维护方", names.get(m.responsible_code, m.responsible_code)),
        ("埋设日期", m.installed_on or ""),
        ("现状", m.get_condition_display()),
    ]
    inspections = [
        [i.inspected_on, i.get_condition_display(), i.inspector, i.photo_reference, i.note]
        for i in m.inspections.order_by("-inspected_on")
    ]
    repairs = [
        [
            r.done_on,
            r.get_kind_display(),
            r.neighbour_people,
            r.agreement_reference,
            r.filing_reference,
            r.note,
        ]
        for r in m.repairs.order_by("-done_on")
    ]
    actions = []
    if can_manage(request.user):
        actions += [
            Action("界桩巡查", f.InspectionForm(), reverse("placenames:inspection_add", args=[pk]), "保存"),
            Action(
                "维修、移动、增设（第六条）",
                f.RepairForm(),
                reverse("placenames:repair_add", args=[pk]),
                "保存",
                testid="repair-form",
            ),
        ]
    return detail_page(
        request,
        title=f"界桩 {m.number}",
        trail=crumbs(
            (LINES[0], reverse(LINES[1])),
            (m.line.name, reverse("placenames:line_detail", args=[m.line_id])),
            (m.number, None),
        ),
        fields=fields,
        actions=actions,
        sections=[
            Section("巡查记录", ["日期", "现状", "巡查人", "照片编号", "说明"], inspections),
            Section(
                "维修、移动记录", ["日期", "类型", "相邻方在场人员", "协议文号", "备案文号", "说明"], repairs
            ),
        ],
    )


def inspection_add(request, pk: int):
    m = sel.marker_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.InspectionForm(request.POST),
        lambda d: svc.record_inspection(request.user, m, **d),
        "已记录巡查",
        reverse("placenames:marker_detail", args=[pk]),
    )


def repair_add(request, pk: int):
    m = sel.marker_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.RepairForm(request.POST),
        lambda d: svc.record_repair(
            request.user,
            m,
            kind=d["kind"],
            done_on=d["done_on"],
            neighbour_present=bool(d.get("neighbour_present")),
            neighbour_people=d["neighbour_people"],
            agreement_reference=d["agreement_reference"],
            filing_reference=d["filing_reference"],
            note=d["note"],
        ),
        "已记录",
        reverse("placenames:marker_detail", args=[pk]),
    )
