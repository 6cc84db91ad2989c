"""年检年报 pages: the reports (finance summary, ratios, result, 整改) and the 撤销登记 proposals."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..models import ReportStatus, RevocationStatus
from ..selectors import registry as reg_sel
from ..selectors import reports as sel
from ..services import reports as svc
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
    money,
    paginate,
    percent,
    search,
    table_page,
)

REPORTS = ("年检年报", "socialorgs:report_list")
REVOCATIONS = ("撤销登记建议", "socialorgs:revocation_list")
_RESULT_TAG = {"qualified": "green", "basic": "orange", "unqualified": "red"}


def _result_cell(r) -> Cell:
    if not r.result:
        return Cell("待审查", tag="orange")
    return Cell(r.get_result_display(), tag=_RESULT_TAG[r.result])


def report_section(o) -> Section:
    rows = [
        [
            Cell(f"{r.year}年度", reverse("socialorgs:report_detail", args=[r.pk])),
            r.registry_submitted_on,
            "逾期" if r.late else "按期",
            _result_cell(r),
            r.rectification_due_on or "",
        ]
        for r in sel.reports_of(o)
    ]
    return Section("年检年报", ["年度", "报送登记管理机关", "是否按期", "年检结论", "整改期限"], rows)


def report_list(request):
    ff, d = search(request, f.ReportFilter)
    page = paginate(request, sel.report_list(request.user, year=d.get("year"), result=d.get("result") or ""))
    rows = []
    for r in page:
        ratio = svc.ratios(r)
        rows.append(
            [
                Cell(r.organisation.name, reverse("socialorgs:report_detail", args=[r.pk])),
                r.year,
                r.registry_submitted_on,
                Cell("逾期", tag="red") if r.late else "按期",
                money(r.total_income),
                Cell(percent(ratio.management_fee_ratio), tag="red" if ratio.fees_over else ""),
                _result_cell(r),
            ]
        )
    return table_page(
        request,
        title="年检年报",
        trail=crumbs((REPORTS[0], None)),
        page_obj=page,
        filter_form=ff,
        headers=["社会组织", "年度", "报送日期", "是否按期", "总收入", "管理费用占比", "年检结论"],
        rows=rows,
        intro="年度工作报告于3月31日前报送业务主管单位、5月31日前报送登记管理机关；在社会组织详情页登记报送。管理费用占当年总支出超过10%、慈善活动支出低于上年总收入70%的标红（《慈善法》第六十一条）。",
    )


def report_create(request, pk: int):
    o = reg_sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(
        request, f.ReportForm, initial={"year": date.today().year - 1, "full_time_staff": o.full_time_staff}
    )
    if request.method == "POST" and form.is_valid():
        report = run_service(form, lambda: svc.submit(request.user, o, **form.cleaned_data))
        if report:
            messages.success(
                request, f"已登记{report.year}年度报告" + ("（逾期报送）" if report.late else "")
            )
            return redirect("socialorgs:report_detail", pk=report.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request,
        title=f"登记年度报告：{o.name}",
        trail=crumbs((REPORTS[0], reverse(REPORTS[1])), (o.name, back), ("年度报告", None)),
        form=form,
        cancel_url=back,
        submit="登记",
    )


def report_detail(request, pk: int):
    r = sel.report_detail(request.user, pk)
    ratio = svc.ratios(r)
    supervisor_due, registry_due = svc.deadlines_for(r.organisation, r.year)
    today = date.today()
    fields = [
        (
            "社会组织",
            Cell(r.organisation.name, reverse("socialorgs:organisation_detail", args=[r.organisation_id])),
        ),
        ("年度", r.year),
        ("报送业务主管单位", f"{r.supervisor_submitted_on or '未填写'}（截止{supervisor_due}）"),
        ("报送登记管理机关", f"{r.registry_submitted_on}（截止{registry_due}）"),
        ("是否按期", Cell("逾期", tag="red") if r.late else "按期"),
        ("本年总收入", money(r.total_income)),
        ("上年总收入", money(r.previous_year_income)),
        ("公益事业/慈善活动支出", money(r.charitable_spending)),
        ("管理费用", money(r.management_fees)),
        ("本年总支出", money(r.total_spending)),
        ("年末净资产", money(r.net_assets)),
        (
            "慈善活动支出占上年总收入",
            Cell(
                percent(ratio.charitable_spending_ratio) + ("（低于70%）" if ratio.spending_short else ""),
                tag="red" if ratio.spending_short else "",
            ),
        ),
        (
            "管理费用占当年总支出",
            Cell(
                percent(ratio.management_fee_ratio) + ("（超过10%）" if ratio.fees_over else ""),
                tag="red" if ratio.fees_over else "",
            ),
        ),
        ("专职工作人员", r.full_time_staff),
        ("年检结论", _result_cell(r)),
        ("结论意见", r.result_note),
        (
            "整改期限",
            due_cell(r.rectification_due_on, today, done=bool(r.rectified_on))
            if r.rectification_due_on
            else "",
        ),
        ("整改完成日期", r.rectified_on or ""),
        ("登记人", r.entered_by.display_name),
        ("审查人", r.decided_by.display_name if r.decided_by else ""),
    ]
    actions = []
    if r.status == ReportStatus.SUBMITTED and can_decide(request.user) and r.entered_by_id != request.user.pk:
        actions.append(
            Action(
                "年检结论",
                f.ReportResultForm(),
                reverse("socialorgs:report_decide", args=[pk]),
                "提交结论",
                testid="result-form",
            )
        )
    if r.rectification_due_on and not r.rectified_on and can_manage(request.user):
        actions.append(
            Action(
                "整改完成",
                f.RectifiedForm(),
                reverse("socialorgs:report_rectified", args=[pk]),
                "登记整改完成",
                testid="rectified-form",
            )
        )
    if can_manage(request.user) and (ratio.fees_over or ratio.spending_short):
        actions.append(
            ("提请列入活动异常名录", reverse("socialorgs:listing_propose", args=[r.organisation_id]))
        )
    toolbar = [a for a in actions if isinstance(a, tuple)]
    return detail_page(
        request,
        title=f"{r.year}年度报告：{r.organisation.name}",
        trail=crumbs((REPORTS[0], reverse(REPORTS[1])), (r.organisation.name, None)),
        fields=fields,
        actions=[a for a in actions if not isinstance(a, tuple)],
        toolbar=toolbar,
        status=_result_cell(r),
    )


def report_decide(request, pk: int):
    r = sel.report_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.ReportResultForm(request.POST),
        lambda d: svc.decide(request.user, r, result=d["result"], decided_on=d["decided_on"], note=d["note"]),
        lambda rep: (
            f"年检结论：{rep.get_result_display()}"
            + (f"，整改期限 {rep.rectification_due_on}" if rep.rectification_due_on else "")
        ),
        reverse("socialorgs:report_detail", args=[pk]),
    )


def report_rectified(request, pk: int):
    r = sel.report_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.RectifiedForm(request.POST),
        lambda d: svc.record_rectified(request.user, r, rectified_on=d["rectified_on"]),
        "已登记整改完成",
        reverse("socialorgs:report_detail", args=[pk]),
    )


def revocation_list(request):
    page = paginate(request, sel.revocation_list(request.user))
    today = date.today()
    rows = [
        [
            Cell(p.organisation.name, reverse("socialorgs:revocation_detail", args=[p.pk])),
            p.grounds,
            p.proposed_on,
            due_cell(p.due_on, today, done=p.status != RevocationStatus.OPEN),
            p.get_status_display(),
        ]
        for p in page
    ]
    return table_page(
        request,
        title="撤销登记建议",
        trail=crumbs((REVOCATIONS[0], None)),
        page_obj=page,
        headers=["社会组织", "事由", "提出日期", "办理期限", "状态"],
        rows=rows,
        intro="连续2年未参加年度检查或连续2年年度检查不合格的，由系统提出撤销登记建议，审核人员决定。",
    )


def revocation_detail(request, pk: int):
    p = sel.revocation_detail(request.user, pk)
    fields = [
        (
            "社会组织",
            Cell(p.organisation.name, reverse("socialorgs:organisation_detail", args=[p.organisation_id])),
        ),
        ("事由", p.grounds),
        ("提出日期", p.proposed_on),
        ("办理期限", due_cell(p.due_on, date.today(), done=p.status != RevocationStatus.OPEN)),
        ("状态", p.get_status_display()),
        ("决定人", p.decided_by.display_name if p.decided_by else ""),
        ("决定日期", p.decided_on or ""),
        ("决定意见", p.decision_note),
    ]
    actions = []
    if p.status == RevocationStatus.OPEN and can_decide(request.user):
        actions.append(
            Action(
                "决定",
                f.RevocationDecisionForm(),
                reverse("socialorgs:revocation_decide", args=[pk]),
                "提交决定",
                confirm="撤销登记后该组织列入严重违法失信名单，确认提交？",
            )
        )
    return detail_page(
        request,
        title=f"撤销登记建议：{p.organisation.name}",
        trail=crumbs((REVOCATIONS[0], reverse(REVOCATIONS[1])), (p.organisation.name, None)),
        fields=fields,
        actions=actions,
        sections=[report_section(p.organisation)],
    )


def revocation_decide(request, pk: int):
    p = sel.revocation_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.RevocationDecisionForm(request.POST),
        lambda d: svc.decide_revocation(
            request.user, p, revoke=d["revoke"] == "1", decided_on=d["decided_on"], note=d["note"]
        ),
        lambda prop: f"已决定：{prop.get_status_display()}",
        reverse("socialorgs:revocation_detail", args=[pk]),
    )
