"""地名信息库 pages: the register, a name (with 备案/公告/保护名录/标准地址/更名/废止), applications with the
第九条 check, the decision, the 备案公告 queue."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..models import ApplicationKind, ApplicationStatus, NameStatus
from ..rules import naming
from ..rules.pinyin import tone_marked
from ..selectors import names as sel
from ..services import naming as svc
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
    form_page,
    paginate,
    search,
    table_page,
)

NAMES = ("地名信息库", "placenames:name_list")
APPS = ("命名更名申请", "placenames:application_list")
_TAG = {
    "approved": "green",
    "renamed": "grey",
    "abolished": "grey",
    "submitted": "orange",
    "rejected": "grey",
}


def _status(row) -> Cell:
    return Cell(row.get_status_display(), tag=_TAG.get(row.status, ""))


def name_list(request):
    ff, d = search(request, f.NameFilter)
    page = paginate(
        request,
        sel.name_list(
            request.user,
            q=(d.get("q") or "").strip(),
            category=d.get("category") or "",
            status=d.get("status") or "",
            protected=bool(d.get("protected")),
        ),
    )
    names = sel.division_names(page)
    rows = [
        [
            Cell(p.full_name, reverse("placenames:name_detail", args=[p.pk])),
            p.roman,
            p.get_category_display(),
            names.get(p.division_code, p.division_code),
            p.approved_on or "",
            "是" if p.protected else "",
            _status(p),
        ]
        for p in page
    ]
    toolbar = [("命名申请", reverse("placenames:application_create"))] if can_manage(request.user) else []
    toolbar.append(("公开查询页", reverse("placenames_public:search")))
    return table_page(
        request,
        title="地名信息库",
        trail=crumbs((NAMES[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=toolbar,
        headers=["标准名称", "罗马字母拼写", "类别", "所属政区", "批准时间", "保护名录", "状态"],
        rows=rows,
        intro="标准地名由专名和通名构成（《地名管理条例》第九条）。更名不覆盖原地名：原地名标为已更名，新地名记录其更名前的名称。",
    )


def name_detail(request, pk: int):
    p = sel.name_detail(request.user, pk)
    today = date.today()
    c = clocks(p.division_code, p.approved_on or today)
    fields = [
        ("专名", p.specific),
        ("通名", p.generic),
        ("类别", p.get_category_display()),
        (
            "汉语拼音",
            " ".join(tone_marked(syllable) for syllable in p.pinyin.split()),
        ),  # yī wěi lù, never yi1
        ("罗马字母拼写", p.roman),
        ("所属政区", sel.division_names([p]).get(p.division_code, p.division_code)),
        ("所在建成区", p.built_up_area),
        ("位置描述", p.location_text),
        ("来历", p.origin),
        ("含义", p.meaning),
        ("历史沿革", p.history),
        ("批准机关", p.approved_by),
        ("批准时间", p.approved_on or ""),
        ("批准文号", p.approval_document),
        (
            "备案",
            due_cell(naming.filing_due(p.approved_on, c.filing_days), today, done=bool(p.filed_on))
            if p.approved_on and not p.filed_on
            else (p.filed_on or ""),
        ),
        (
            "公告",
            due_cell(naming.announcement_due(p.approved_on, c.announcement_days), today)
            if p.approved_on and not p.announced_on
            else (p.announced_on or ""),
        ),
        ("地名保护名录", f"已列入：{p.protection_note}" if p.protected else "未列入"),
        (
            "更名前",
            Cell(p.supersedes.full_name, reverse("placenames:name_detail", args=[p.supersedes_id]))
            if p.supersedes
            else "",
        ),
    ]
    for s in sel.successors_of(p):
        fields.append(("更名为", Cell(s.full_name, reverse("placenames:name_detail", args=[s.pk]))))
    if p.geometry:
        shape = {"Point": "点", "LineString": "线", "Polygon": "面", "MultiPolygon": "面"}
        fields.append(("位置", f"已标注（{shape.get(p.geometry.get('type'), '几何')}），见地图"))
    actions = []
    url = lambda name: reverse(f"placenames:{name}", args=[pk])  # noqa: E731
    if p.status == NameStatus.APPROVED and can_manage(request.user):
        if not p.filed_on:
            actions.append(
                Action("报送备案（第十三条）", f.DatedForm(), url("name_file"), "备案", testid="file-form")
            )
        if not p.announced_on:
            actions.append(
                Action(
                    "向社会公告（第十四条）",
                    f.DatedForm(),
                    url("name_announce"),
                    "公告",
                    testid="announce-form",
                )
            )
        if p.category in (naming.Category.STREET, naming.Category.ESTATE):
            actions.append(
                Action(
                    "编制标准地址（第二十一条）",
                    f.AddressForm(),
                    url("address_add"),
                    "添加",
                    testid="address-form",
                )
            )
    if p.status == NameStatus.APPROVED and can_approve(request.user):
        actions.append(Action("地名保护名录（第二十五条）", f.ProtectForm(), url("name_protect"), "保存"))
        actions.append(
            Action("废止地名", f.AbolishForm(), url("name_abolish"), "废止", confirm="确认废止该地名？")
        )
    toolbar = []
    if p.status == NameStatus.APPROVED and can_manage(request.user):
        toolbar.append(("申请更名", url("rename_create")))
    sections = [
        Section(
            "标准地址", ["标准地址"], [[a.full_text] for a in sel.addresses_of(p)], empty="尚未编制标准地址"
        )
    ]
    return detail_page(
        request,
        title=p.full_name,
        trail=crumbs((NAMES[0], reverse(NAMES[1])), (p.full_name, None)),
        fields=fields,
        sections=sections,
        actions=actions,
        status=_status(p),
        toolbar=toolbar,
        testid="name-detail",
    )


def _dated(request, pk: int, call, done: str):
    p = sel.name_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.DatedForm(request.POST),
        lambda d: call(request.user, p, d["on"]),
        done,
        reverse("placenames:name_detail", args=[pk]),
    )


def name_file(request, pk: int):
    return _dated(request, pk, svc.record_filing, "已记录备案")


def name_announce(request, pk: int):
    return _dated(request, pk, svc.record_announcement, "已公告，公开公告列表已列出该地名")


def name_protect(request, pk: int):
    p = sel.name_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.ProtectForm(request.POST),
        lambda d: svc.set_protected(request.user, p, protected=d["protected"] == "1", note=d["note"]),
        "已更新地名保护名录",
        reverse("placenames:name_detail", args=[pk]),
    )


def name_abolish(request, pk: int):
    p = sel.name_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.AbolishForm(request.POST),
        lambda d: svc.abolish(request.user, p, on=d["on"], reason=d["reason"]),
        "已废止",
        reverse("placenames:name_detail", args=[pk]),
    )


def address_add(request, pk: int):
    p = sel.name_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.AddressForm(request.POST),
        lambda d: svc.add_address(request.user, p, **d),
        lambda a: f"已编制标准地址：{a.full_text}",
        reverse("placenames:name_detail", args=[pk]),
    )


def application_list(request):
    ff, d = search(request, f.ApplicationFilter)
    page = paginate(request, sel.application_list(request.user, status=d.get("status") or ""))
    names = sel.division_names(page)
    rows = [
        [
            Cell(f"{a.specific}{a.generic}", reverse("placenames:application_detail", args=[a.pk])),
            a.get_kind_display(),
            a.get_category_display(),
            names.get(a.division_code, a.division_code),
            a.received_on,
            Cell("有提示", tag="orange") if a.findings else "无",
            _status(a),
        ]
        for a in page
    ]
    toolbar = [("命名申请", reverse("placenames:application_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title="命名更名申请",
        trail=crumbs((APPS[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=toolbar,
        headers=["拟用名称", "类型", "类别", "所属政区", "受理日期", "重名同音检查", "状态"],
        rows=rows,
    )


def _propose(request, form, *, target=None):
    def call():
        d = form.cleaned_data
        extra = {}
        if target is not None:
            extra = {
                "category": target.category,
                "division_code": target.division_code,
                "division_level": target.division_level,
                "built_up_area": target.built_up_area,
                "kind": ApplicationKind.RENAMING,
                "target": target,
            }
        else:
            extra = {
                "division_level": int(d["division_level"]),
                # 不选即本级, as the label says
                "division_code": d["division_code"] or request.user.division_code,
                "category": d["category"],
                "built_up_area": d.get("built_up_area") or "",
            }
        fields = {
            k: d[k]
            for k in (
                "specific",
                "generic",
                "location_text",
                "reasons",
                "meaning",
                "applicant",
                "assessment_report",
                "expert_report",
                "consultation_report",
                "received_on",
                "override_reason",
            )
        }
        return svc.propose(request.user, **fields, **extra)

    return run_service(form, call)


def application_create(request):
    require(request.user, Capability.MANAGE_PLACENAMES)
    form = submitted(request, f.ProposeForm, user=request.user)
    if request.method == "POST" and form.is_valid():
        application = _propose(request, form)
        if application:
            messages.success(
                request, "已受理" + ("（已记录检查提示和仍予申报的理由）" if application.findings else "")
            )
            return redirect("placenames:application_detail", pk=application.pk)
    back = reverse(APPS[1])
    return form_page(
        request,
        title="地名命名申请",
        trail=crumbs((APPS[0], back), ("命名申请", None)),
        form=form,
        cancel_url=back,
        submit="提交受理",
        intro="提交时按《地名管理条例》第九条在法定范围内检查重名、同音（区分声调）：县级以上行政区划全国范围，乡镇本省范围，"
        "村（居）委会所在地本县范围，街路巷和住宅区、楼宇同一建成区范围；并提示人名、外国地名、企业字号商标等禁用词。"
        "有提示时须修改名称或填写仍予申报的理由。",
    )


def rename_create(request, pk: int):
    target = sel.name_detail(request.user, pk)
    require(request.user, Capability.MANAGE_PLACENAMES)
    form = submitted(request, f.RenameForm, user=request.user)
    if request.method == "POST" and form.is_valid():
        application = _propose(request, form, target=target)
        if application:
            messages.success(request, "已受理更名申请")
            return redirect("placenames:application_detail", pk=application.pk)
    back = reverse("placenames:name_detail", args=[pk])
    return form_page(
        request,
        title=f"申请更名：{target.full_name}",
        trail=crumbs((NAMES[0], reverse(NAMES[1])), (target.full_name, back), ("申请更名", None)),
        form=form,
        cancel_url=back,
        submit="提交受理",
        intro="地名更名须有正当理由；具有重大历史文化价值的地名一般不得更名（第十条）。",
    )


def application_detail(request, pk: int):
    a = sel.application_detail(request.user, pk)
    fields = [
        ("申请类型", a.get_kind_display()),
        (
            "原地名",
            Cell(a.target.full_name, reverse("placenames:name_detail", args=[a.target_id]))
            if a.target
            else "",
        ),
        ("拟用专名", a.specific),
        ("拟用通名", a.generic),
        ("类别", a.get_category_display()),
        ("所属政区", sel.division_names([a]).get(a.division_code, a.division_code)),
        ("所在建成区", a.built_up_area),
        ("位置描述", a.location_text),
        ("申请理由", a.reasons),
        ("含义", a.meaning),
        ("申请人", a.applicant),
        ("批准机关（第十二条）", naming.approval_authority(naming.Category(a.category))),
        ("综合评估（风险评估）报告", a.assessment_report),
        ("专家论证报告", a.expert_report),
        ("征求意见报告", a.consultation_report),
        ("受理日期", a.received_on),
        ("重名同音和禁用词检查", Cell("；".join(a.findings), tag="orange") if a.findings else "未发现问题"),
        ("仍予申报的理由", a.override_reason),
        ("决定日期", a.decided_on or ""),
        ("批准机关", a.approved_by),
        ("批准文号", a.approval_document),
        ("审批意见", a.decision_note),
        (
            "批准的地名",
            Cell(a.result.full_name, reverse("placenames:name_detail", args=[a.result_id]))
            if a.result
            else "",
        ),
    ]
    actions = []
    if a.status == ApplicationStatus.SUBMITTED and can_approve(request.user):
        actions.append(
            Action(
                "审批",
                f.DecideForm(initial={"approved_by": naming.approval_authority(naming.Category(a.category))}),
                reverse("placenames:application_decide", args=[pk]),
                "提交决定",
                testid="decide-form",
            )
        )
    return detail_page(
        request,
        title=f"{a.get_kind_display()}申请：{a.specific}{a.generic}",
        trail=crumbs((APPS[0], reverse(APPS[1])), (f"{a.specific}{a.generic}", None)),
        fields=fields,
        actions=actions,
        status=_status(a),
        testid="application-detail",
    )


def application_decide(request, pk: int):
    a = sel.application_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.DecideForm(request.POST),
        lambda d: svc.decide(
            request.user,
            a,
            approve=d["approve"] == "1",
            decided_on=d["decided_on"],
            approved_by=d["approved_by"],
            approval_document=d["approval_document"],
            note=d["note"],
        ),
        lambda place: f"已批准：{place.full_name}，请在15日内备案和公告" if place else "已决定不予批准",
        reverse("placenames:application_detail", args=[pk]),
    )


def announcement_queue(request):
    today = date.today()
    page = paginate(request, sel.announcement_queue(request.user))
    names = sel.division_names(page)
    rows = []
    for p in page:
        c = clocks(p.division_code, p.approved_on)
        rows.append(
            [
                Cell(p.full_name, reverse("placenames:name_detail", args=[p.pk])),
                p.roman,
                names.get(p.division_code, p.division_code),
                p.approved_by,
                p.approved_on,
                p.filed_on or due_cell(naming.filing_due(p.approved_on, c.filing_days), today),
                p.announced_on
                or due_cell(naming.announcement_due(p.approved_on, c.announcement_days), today),
            ]
        )
    return table_page(
        request,
        title="备案公告",
        trail=crumbs(("备案公告", None)),
        page_obj=page,
        toolbar=[("公开公告列表", reverse("placenames_public:announcements"))],
        headers=[
            "标准名称",
            "罗马字母拼写",
            "所属政区",
            "批准机关",
            "批准时间",
            "备案（15日内）",
            "公告（15日内）",
        ],
        rows=rows,
        intro="批准地名之日起15日内报送备案（第十三条）、向社会公告（第十四条）。公告内容：标准名称、罗马字母拼写、所属政区、位置描述、批准机关、批准时间。",
    )
