"""慈善 pages: 认定 and 公开募捐资格 applications, 募捐方案备案 with 募捐情况公开, 慈善信托备案; and the public lists
(no login) of 《慈善法》第七十六条."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..models import CharityStatus
from ..selectors import charity as sel
from ..selectors import registry as reg_sel
from ..services import charity as svc
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
    search,
    table_page,
)

APPS = ("慈善认定与公募资格", "socialorgs:charity_list")
PLANS = ("募捐方案备案", "socialorgs:plan_list")
TRUSTS = ("慈善信托备案", "socialorgs:trust_list")
_TAG = {"received": "orange", "approved": "green", "rejected": "grey"}


def _status(a) -> Cell:
    return Cell(a.get_status_display(), tag=_TAG[a.status])


def _disclosure_cell(plan, today: date, none: str = "—") -> Cell:
    if plan.disclosure_due_on is None:
        return Cell(none)
    cell = due_cell(plan.disclosure_due_on, today)
    return Cell(f"{'结束后全面公开' if plan.disclosure_final else '定期公开'}：{cell.text}", tag=cell.tag)


def charity_sections(o) -> list[Section]:
    today = date.today()
    apps = [
        [
            Cell(a.get_matter_display(), reverse("socialorgs:charity_detail", args=[a.pk])),
            a.received_on,
            _status(a),
            a.decided_on or "",
        ]
        for a in sel.charity_applications_of(o)
    ]
    plans = [
        [
            Cell(p.title, reverse("socialorgs:plan_detail", args=[p.pk])),
            f"{p.starts_on} 至 {p.ends_on}",
            Cell("逾期备案", tag="red") if p.late else "按期",
            _disclosure_cell(p, today),
        ]
        for p in sel.plans_of(o)
    ]
    return [
        Section("慈善组织认定、公开募捐资格", ["申请事项", "受理日期", "状态", "决定日期"], apps),
        Section("募捐方案备案", ["活动名称", "起止日期", "备案", "募捐情况公开"], plans),
    ]


def charity_fields(o) -> list:
    return [
        ("慈善组织", f"是（{o.charity_on}登记或认定）" if o.charity_on else "否"),
        ("公开募捐资格", f"有（{o.fundraising_on}取得）" if o.fundraising_on else "无"),
    ]


def charity_list(request):
    ff, d = search(request, f.CharityFilter)
    page = paginate(
        request,
        sel.application_list(request.user, matter=d.get("matter") or "", status=d.get("status") or ""),
    )
    today = date.today()
    rows = [
        [
            Cell(a.organisation.name, reverse("socialorgs:charity_detail", args=[a.pk])),
            a.get_matter_display(),
            a.received_on,
            due_cell(a.due_on, today, done=a.status != CharityStatus.RECEIVED),
            _status(a),
        ]
        for a in page
    ]
    return table_page(
        request,
        title=APPS[0],
        trail=crumbs((APPS[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=[(PLANS[0], reverse(PLANS[1])), (TRUSTS[0], reverse(TRUSTS[1]))],
        headers=["社会组织", "申请事项", "受理日期", "决定期限", "状态"],
        rows=rows,
        intro="《慈善法》第十条：认定为慈善组织自受理之日起20日内决定（设立登记为30日）；第二十二条及《慈善组织公开募捐管理办法》第五条：登记或认定为慈善组织满1年、评估3A以上（成立不满2年的除外）、未列入信用名录、上一年度支出和管理费用符合规定、前一年未受行政处罚的，可申请公开募捐资格，20日内决定。在社会组织详情页受理申请。",
    )


def charity_apply(request, pk: int):
    o = reg_sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.CharityApplyForm)
    if request.method == "POST" and form.is_valid():
        app = run_service(form, lambda: svc.receive(request.user, o, **form.cleaned_data))
        if app:
            messages.success(request, f"已受理，应于 {app.due_on} 前作出决定")
            return redirect("socialorgs:charity_detail", pk=app.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request,
        title=f"受理慈善组织认定或公开募捐资格申请：{o.name}",
        trail=crumbs((APPS[0], reverse(APPS[1])), (o.name, back), ("受理申请", None)),
        form=form,
        cancel_url=back,
        submit="受理",
    )


def charity_detail(request, pk: int):
    a = sel.application_detail(request.user, pk)
    today = date.today()
    open_ = a.status == CharityStatus.RECEIVED
    checks = svc.problems(a.organisation, svc.rules.CharityMatter(a.matter), today) if open_ else []
    fields = [
        (
            "社会组织",
            Cell(a.organisation.name, reverse("socialorgs:organisation_detail", args=[a.organisation_id])),
        ),
        ("申请事项", a.get_matter_display()),
        ("受理日期", a.received_on),
        ("决定期限", due_cell(a.due_on, today, done=not open_)),
        ("决定", f"{a.decided_on}：{a.get_status_display()}" if a.decided_on else ""),
        ("决定意见", a.decision_note),
        ("公开募捐资格证书编号", a.certificate_number),
    ]
    if open_:
        fields.append(
            (
                "条件核对",
                Cell("；".join(checks), tag="red") if checks else Cell("登记记录所载条件均符合", tag="green"),
            )
        )
    actions = []
    if open_ and can_decide(request.user) and a.received_by_id != request.user.pk:
        actions.append(
            Action(
                "作出决定",
                f.CharityDecideForm(),
                reverse("socialorgs:charity_decide", args=[pk]),
                "提交",
                testid="charity-decide-form",
            )
        )
    return detail_page(
        request,
        title=f"{a.get_matter_display()}：{a.organisation.name}",
        trail=crumbs((APPS[0], reverse(APPS[1])), (a.organisation.name, None)),
        fields=fields,
        actions=actions,
        status=_status(a),
    )


def charity_decide(request, pk: int):
    a = sel.application_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.CharityDecideForm(request.POST),
        lambda d: svc.decide(
            request.user, a, approve=d["approve"] == "1", decided_on=d["decided_on"], note=d["note"]
        ),
        lambda app: f"已决定：{app.get_status_display()}",
        reverse("socialorgs:charity_detail", args=[pk]),
    )


def plan_list(request):
    ff, d = search(request, f.PlanFilter)
    page = paginate(request, sel.plan_list(request.user, q=d.get("q") or ""))
    today = date.today()
    rows = [
        [
            Cell(p.title, reverse("socialorgs:plan_detail", args=[p.pk])),
            p.organisation.name,
            f"{p.starts_on} 至 {p.ends_on}",
            p.filed_on,
            Cell("逾期备案", tag="red") if p.late else "按期",
            _disclosure_cell(p, today),
        ]
        for p in page
    ]
    return table_page(
        request,
        title=PLANS[0],
        trail=crumbs((PLANS[0], None)),
        page_obj=page,
        filter_form=ff,
        headers=["活动名称", "社会组织", "起止日期", "备案日期", "备案", "募捐情况公开"],
        rows=rows,
        intro="《慈善组织公开募捐管理办法》第十一条：开展公开募捐活动十日前备案；第十三条：应对重大突发事件的，活动开始后十日内补办。《慈善法》第七十九条：募捐周期超过六个月的，至少每三个月公开一次募捐情况，结束后三个月内全面公开。在社会组织详情页备案。",
    )


def plan_create(request, pk: int):
    o = reg_sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.PlanForm)
    if request.method == "POST" and form.is_valid():
        plan = run_service(form, lambda: svc.file_plan(request.user, o, **form.cleaned_data))
        if plan:
            messages.success(request, "已备案" + ("（逾期备案）" if plan.late else ""))
            return redirect("socialorgs:plan_detail", pk=plan.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request,
        title=f"募捐方案备案：{o.name}",
        trail=crumbs((PLANS[0], reverse(PLANS[1])), (o.name, back), ("备案", None)),
        form=form,
        cancel_url=back,
        submit="备案",
    )


def plan_detail(request, pk: int):
    p = sel.plan_detail(request.user, pk)
    today = date.today()
    disclosures = sel.disclosures_of(p)
    fields = [
        (
            "社会组织",
            Cell(p.organisation.name, reverse("socialorgs:organisation_detail", args=[p.organisation_id])),
        ),
        ("募捐目的", p.purpose),
        ("募捐地域", p.area),
        ("活动负责人", p.person_in_charge),
        ("银行账户", p.bank_account),
        ("预期募集款物", money(p.expected_amount)),
        ("受益人范围", p.beneficiaries),
        ("募得款物用途", p.use),
        ("起止日期", f"{p.starts_on} 至 {p.ends_on}"),
        ("为应对重大突发事件", "是" if p.emergency else "否"),
        ("备案日期", p.filed_on),
        ("应备案日期", Cell(f"{p.filing_deadline}（逾期备案）", tag="red") if p.late else p.filing_deadline),
        ("下一次募捐情况公开", _disclosure_cell(p, today, "无（募捐周期不超过六个月，或已全面公开）")),
    ]
    sections = [
        Section(
            "募捐情况公开",
            ["公开日期", "类别", "累计募得款物", "摘要"],
            [
                [
                    d.disclosed_on,
                    "结束后全面公开" if d.final else "定期公开",
                    money(d.amount_raised),
                    d.summary,
                ]
                for d in disclosures
            ],
        )
    ]
    actions = []
    if can_manage(request.user):
        actions.append(
            Action(
                "登记募捐情况公开",
                f.DisclosureForm(),
                reverse("socialorgs:plan_disclose", args=[pk]),
                "登记",
                testid="disclosure-form",
            )
        )
    return detail_page(
        request,
        title=f"募捐方案：{p.title}",
        trail=crumbs((PLANS[0], reverse(PLANS[1])), (p.title, None)),
        fields=fields,
        sections=sections,
        actions=actions,
    )


def plan_disclose(request, pk: int):
    p = sel.plan_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.DisclosureForm(request.POST),
        lambda d: svc.record_disclosure(request.user, p, **d),
        "已登记",
        reverse("socialorgs:plan_detail", args=[pk]),
    )


def trust_list(request):
    page = paginate(request, sel.trust_list(request.user))
    rows = [
        [
            Cell(t.trust_name, reverse("socialorgs:trust_detail", args=[t.pk])),
            t.get_kind_display(),
            t.trustee,
            money(t.property_amount),
            t.signed_on,
            t.filed_on,
            Cell("逾期（不享受税收优惠）", tag="red") if t.late else "按期",
        ]
        for t in page
    ]
    toolbar = [("新增备案", reverse("socialorgs:trust_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title=TRUSTS[0],
        trail=crumbs((TRUSTS[0], None)),
        page_obj=page,
        toolbar=toolbar,
        headers=["慈善信托名称", "备案类别", "受托人", "信托财产", "签订日期", "备案日期", "是否按期"],
        rows=rows,
        intro="《慈善法》第四十五条：受托人应当在慈善信托文件签订之日起七日内向受托人所在地民政部门备案，未按规定备案的不享受税收优惠；第四十八条：变更受托人的，自变更之日起七日内重新备案。",
    )


def trust_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.TrustForm)
    if request.method == "POST" and form.is_valid():
        row = run_service(form, lambda: svc.file_trust(request.user, **form.cleaned_data))
        if row:
            messages.success(request, "已备案" + ("（逾期，不享受税收优惠）" if row.late else ""))
            return redirect("socialorgs:trust_detail", pk=row.pk)
    back = reverse(TRUSTS[1])
    return form_page(
        request,
        title="慈善信托备案",
        trail=crumbs((TRUSTS[0], back), ("新增备案", None)),
        form=form,
        cancel_url=back,
        submit="备案",
    )


def trust_detail(request, pk: int):
    t = sel.trust_detail(request.user, pk)
    fields = [
        ("备案类别", t.get_kind_display()),
        ("受托人", t.trustee),
        ("委托人", t.settlor),
        ("信托监察人", t.supervisor),
        ("信托目的", t.purpose),
        ("信托财产", money(t.property_amount)),
        ("签订（变更）日期", t.signed_on),
        ("应备案日期", t.filing_deadline),
        ("备案日期", Cell(f"{t.filed_on}（逾期，不享受税收优惠）", tag="red") if t.late else t.filed_on),
    ]
    return detail_page(
        request,
        title=f"慈善信托：{t.trust_name}",
        trail=crumbs((TRUSTS[0], reverse(TRUSTS[1])), (t.trust_name, None)),
        fields=fields,
    )


def public_charity(request):
    """慈善信息公开 (no login): 慈善组织名单, 具有公开募捐资格的慈善组织名单, 慈善信托备案, 募捐方案备案."""
    form, d = search(request, f.CharityPublicForm)
    q = d.get("q") or ""
    today = date.today()
    return render(
        request,
        "socialorgs/public_charity.html",
        {
            "form": form,
            "charities": sel.public_charities(q),
            "trusts": sel.public_trusts(),
            "plans": sel.public_plans(today, q),
            "today": today,
        },
    )
