"""登记 pages: organisations (with name history), applications (成立/变更/注销) and their decision."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..models import ApplicationKind, ApplicationStatus, OrgStatus
from ..selectors import registry as sel
from ..services import registration as svc
from .common import (
    Action,
    Cell,
    Section,
    can_decide,
    can_manage,
    crumbs,
    detail_page,
    due_cell,
    form_page,
    masked,
    money,
    paginate,
    search,
    table_page,
)

ORGS = ("社会组织", "socialorgs:organisation_list")
APPS = ("登记申请", "socialorgs:application_list")
PARTICULARS = [f for f in f.ParticularsForm.base_fields if f != "received_on"]


def _particulars(d: dict) -> svc.Particulars:
    return svc.Particulars(**{k: d.get(k) if d.get(k) is not None else 0 for k in PARTICULARS})


def organisation_list(request):
    ff, d = search(request, f.OrganisationFilter)
    page = paginate(
        request,
        sel.organisation_list(
            request.user, **{k: d.get(k) or "" for k in ("q", "kind", "status", "division_code")}
        ),
    )
    names = names_of({o.division_code for o in page})
    rows = [
        [
            Cell(o.name, reverse("socialorgs:organisation_detail", args=[o.pk])),
            o.uscc,
            f"{o.get_kind_display()}（{o.get_form_display()}）",
            names.get(o.division_code, ""),
            o.legal_rep_name,
            o.registered_on,
            Cell(o.get_status_display(), tag="green" if o.status == OrgStatus.REGISTERED else "grey"),
        ]
        for o in page
    ]
    toolbar = [("受理成立登记", reverse("socialorgs:application_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title="社会组织",
        trail=crumbs((ORGS[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=toolbar,
        headers=["名称", "统一社会信用代码", "类型", "登记管理机关", "法定代表人", "成立日期", "状态"],
        rows=rows,
        intro="可按现名称、曾用名称或统一社会信用代码查询。",
    )


def organisation_detail(request, pk: int):
    o = sel.organisation_detail(request.user, pk)
    registry = names_of({o.division_code}).get(o.division_code, "")
    fields = [
        ("统一社会信用代码", o.uscc),
        ("登记证书号", o.certificate_number),
        ("类型", f"{o.get_kind_display()}（{o.get_form_display()}）"),
        ("登记管理机关", registry),
        ("住所", o.address),
        ("宗旨", o.purpose),
        ("业务范围", o.business_scope),
        ("活动地域", o.activity_area),
        ("法定代表人（负责人）", f"{o.legal_rep_name}（{masked(o.legal_rep_id_number)}）"),
        ("注册资金", money(o.funds)),
        ("业务主管单位", o.supervisor),
        ("会员数", f"个人{o.individual_members}个，单位{o.unit_members}个"),
        ("专职工作人员", o.full_time_staff),
        ("成立登记日期", o.registered_on),
        ("注销/撤销日期", o.ended_on or ""),
        *_charity_fields(o),
    ]
    sections = [
        Section(
            "名称历史",
            ["名称", "启用日期", "停用日期"],
            [[n.name, n.valid_from, n.valid_to or "至今"] for n in sel.name_history(o)],
        ),
        Section(
            "登记申请",
            ["申请类别", "受理日期", "状态", "决定日期"],
            [
                [
                    Cell(a.get_kind_display(), reverse("socialorgs:application_detail", args=[a.pk])),
                    a.received_on,
                    a.get_status_display(),
                    a.decided_on or "",
                ]
                for a in sel.applications_of(o)
            ],
        ),
        *_more_sections(request, o),
    ]
    toolbar = []
    if o.status == OrgStatus.REGISTERED:
        toolbar = [("登记证书（PDF）", reverse("socialorgs:organisation_certificate", args=[pk]))]
    if can_manage(request.user) and o.status == OrgStatus.REGISTERED:
        toolbar += [
            ("受理变更登记", reverse("socialorgs:change_create", args=[pk])),
            ("受理注销登记", reverse("socialorgs:deregister_create", args=[pk])),
            ("报送年度报告", reverse("socialorgs:report_create", args=[pk])),
            ("受理等级评估", reverse("socialorgs:rating_apply", args=[pk])),
            ("提请列入信用名录", reverse("socialorgs:listing_propose", args=[pk])),
            ("受理慈善认定/公募资格申请", reverse("socialorgs:charity_apply", args=[pk])),
            ("行政处罚立案", reverse("socialorgs:case_create", args=[pk])),
        ]
        if o.fundraising_on:
            toolbar.append(("募捐方案备案", reverse("socialorgs:plan_create", args=[pk])))
    return detail_page(
        request,
        title=o.name,
        trail=crumbs((ORGS[0], reverse(ORGS[1])), (o.name, None)),
        fields=fields,
        sections=sections,
        toolbar=toolbar,
        status=Cell(o.get_status_display(), tag="green" if o.status == OrgStatus.REGISTERED else "grey"),
    )


def _more_sections(request, o) -> list:
    """年检 and 信用名录 of the organisation (their own modules build them)."""
    from .charity import charity_sections
    from .credit import listing_section
    from .enforcement import case_section
    from .ratings import rating_section
    from .reports import report_section

    return [report_section(o), rating_section(o), listing_section(o), case_section(o), *charity_sections(o)]


def _charity_fields(o) -> list:
    from .charity import charity_fields

    return charity_fields(o)


def application_list(request):
    ff, d = search(request, f.ApplicationFilter)
    page = paginate(
        request, sel.application_list(request.user, kind=d.get("kind") or "", status=d.get("status") or "")
    )
    today = date.today()
    rows = [
        [
            Cell(a.name, reverse("socialorgs:application_detail", args=[a.pk])),
            a.get_kind_display(),
            a.get_org_kind_display(),
            a.received_on,
            due_cell(a.due_on, today, done=a.status != ApplicationStatus.RECEIVED),
            Cell(a.get_status_display(), tag="orange" if a.status == ApplicationStatus.RECEIVED else "grey"),
            a.received_by.display_name,
        ]
        for a in page
    ]
    toolbar = [("受理成立登记", reverse("socialorgs:application_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title="登记申请",
        trail=crumbs((APPS[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=toolbar,
        headers=["名称", "申请类别", "组织类型", "受理日期", "决定期限", "状态", "受理人"],
        rows=rows,
        intro="登记管理机关自收到全部有效文件之日起60日内作出准予或者不准予登记的决定（期限为自然日，受理当日不计入）。",
    )


def application_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.EstablishForm, initial={"funds_in_cash": True})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        app = run_service(
            form,
            lambda: svc.receive_establishment(
                request.user,
                org_kind=d["org_kind"],
                org_form=d["org_form"],
                particulars=_particulars(d),
                received_on=d["received_on"],
            ),
        )
        if app:
            messages.success(request, f"已受理，决定期限 {app.due_on}")
            return redirect("socialorgs:application_detail", pk=app.pk)
    return form_page(
        request,
        title="受理成立登记申请",
        trail=crumbs((APPS[0], reverse(APPS[1])), ("受理成立登记", None)),
        form=form,
        cancel_url=reverse(APPS[1]),
        submit="受理",
        intro="社会团体：个人会员50个以上或单位会员30个以上、活动资金3万元以上；基金会：地方性公募原始基金400万元以上、非公募200万元以上；名称不得冠以“中国”“全国”“中华”。条件在决定时逐项核对。",
    )


def _change_initial(o) -> dict:
    shown = {k: getattr(o, k) for k in PARTICULARS if hasattr(o, k) and k != "legal_rep_id_number"}
    return shown | {"received_on": date.today(), "funds_in_cash": True}


def change_create(request, pk: int):
    o = sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.ChangeForm, initial=_change_initial(o))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        app = run_service(
            form,
            lambda: svc.receive_change(
                request.user,
                o,
                particulars=_particulars(
                    d | {"legal_rep_id_number": d["legal_rep_id_number"] or o.legal_rep_id_number}
                ),
                received_on=d["received_on"],
                reason=d["reason"],
            ),
        )
        if app:
            messages.success(request, f"已受理变更登记，决定期限 {app.due_on}")
            return redirect("socialorgs:application_detail", pk=app.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request,
        title=f"受理变更登记：{o.name}",
        trail=crumbs((ORGS[0], reverse(ORGS[1])), (o.name, back), ("变更登记", None)),
        form=form,
        cancel_url=back,
        submit="受理",
        intro="应自业务主管单位审查同意之日起30日内申请变更登记；逾期的照常受理并注明。",
    )


def deregister_create(request, pk: int):
    o = sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.DeregisterForm)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        app = run_service(form, lambda: svc.receive_deregistration(request.user, o, **d))
        if app:
            messages.success(request, f"已受理注销登记，决定期限 {app.due_on}")
            return redirect("socialorgs:application_detail", pk=app.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request,
        title=f"受理注销登记：{o.name}",
        trail=crumbs((ORGS[0], reverse(ORGS[1])), (o.name, back), ("注销登记", None)),
        form=form,
        cancel_url=back,
        submit="受理",
        intro="应自清算结束之日起15日内申请注销登记。",
    )


def application_detail(request, pk: int):
    a = sel.application_detail(request.user, pk)
    today = date.today()
    open_ = a.status == ApplicationStatus.RECEIVED
    fields = [
        ("申请类别", a.get_kind_display()),
        ("组织类型", f"{a.get_org_kind_display()}（{a.get_org_form_display()}）"),
        (
            "名称",
            Cell(a.name, reverse("socialorgs:organisation_detail", args=[a.organisation_id]))
            if a.organisation_id
            else a.name,
        ),
        ("住所", a.address),
        ("宗旨", a.purpose),
        ("业务范围", a.business_scope),
        ("活动地域", a.activity_area),
        ("法定代表人（负责人）", f"{a.legal_rep_name}（{masked(a.legal_rep_id_number)}）"),
        ("注册资金", money(a.funds)),
        ("业务主管单位", f"{a.supervisor}（{a.supervisor_approved_on or '未填同意日期'}同意）"),
        ("会员数", f"个人{a.individual_members}个，单位{a.unit_members}个"),
        ("专职工作人员", a.full_time_staff),
        ("申请事由", a.reason),
        ("清算结束日期", a.liquidated_on or ""),
        ("受理日期", a.received_on),
        ("决定期限", due_cell(a.due_on, today, done=not open_)),
        ("逾期申请说明", a.late_filing),
        ("受理人", a.received_by.display_name),
        ("决定人", a.decided_by.display_name if a.decided_by else ""),
        ("决定日期", a.decided_on or ""),
        ("决定意见", a.decision_note),
    ]
    sections = []
    if a.kind != ApplicationKind.DEREGISTER:
        problems = svc.shortfalls(a) + (svc.conflicts(a) if open_ else [])
        sections.append(
            Section(
                "登记条件核对",
                ["核对项", "结果"],
                [[p.message, Cell("不符合", tag="red")] for p in problems]
                or [["各项登记条件", Cell("符合", tag="green")]],
            )
        )
    actions = []
    if open_ and can_decide(request.user) and a.received_by_id != request.user.pk:
        actions.append(
            Action(
                "登记决定",
                f.DecideForm(),
                reverse("socialorgs:application_decide", args=[pk]),
                "提交决定",
                confirm="确认作出登记决定？",
                testid="decide-form",
            )
        )
    return detail_page(
        request,
        title=f"{a.get_kind_display()}：{a.name}",
        trail=crumbs((APPS[0], reverse(APPS[1])), (a.name, None)),
        fields=fields,
        sections=sections,
        actions=actions,
        status=Cell(a.get_status_display(), tag="orange" if open_ else "grey"),
    )


def application_decide(request, pk: int):
    a = sel.application_detail(request.user, pk)
    form = f.DecideForm(request.POST)

    def call(d):
        return svc.decide(
            request.user, a, approve=d["approve"] == "1", decided_on=d["decided_on"], note=d["note"]
        )

    def done(app):
        if app.status == ApplicationStatus.APPROVED and app.kind == ApplicationKind.ESTABLISH:
            return f"已准予登记，统一社会信用代码 {app.organisation.uscc}"
        return f"已决定：{app.get_status_display()}"

    return act_then_redirect(request, form, call, done, reverse("socialorgs:application_detail", args=[pk]))


def organisation_certificate(request, pk: int):
    """登记证书 (PDF) of a registered organisation; every download is audited."""
    from django.http import Http404, HttpResponse

    from minzheng.core.models import AuditEvent
    from minzheng.core.services.audit import record_event

    from ..documents import certificate_pdf

    o = sel.organisation_detail(request.user, pk)
    if o.status != OrgStatus.REGISTERED:
        raise Http404("该组织已注销或被撤销登记，证书已失效")
    content = certificate_pdf(o)
    record_event(
        request.user, AuditEvent.EXPORT, object_type="socialorgs.organisation", object_id=o.pk,
        division_code=o.division_code, summary=f"打印登记证书（{o.uscc}）",
    )  # fmt: skip
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename={o.uscc}.pdf"
    return response
