"""儿童基本生活保障 pages: applications by status, one application with its clock, 查验, 确认, 终止."""

from django import forms
from django.urls import reverse

from minzheng.core.permissions import Capability
from minzheng.core.selectors.divisions import names_of

from .. import forms as f
from ..models import AllowanceKind, ApplicationStatus
from ..selectors import allowances as sel
from ..selectors import register as register_sel
from ..selectors.common import shown_name
from ..services import allowances as svc
from .common import Action, Cell, can, crumbs, detail_page, paginate, record_action, search, table_page

LIST = ("基本生活保障", "children:application_list")


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *ApplicationStatus.choices]
    )
    kind = forms.ChoiceField(label="保障类别", required=False, choices=[("", "全部"), *AllowanceKind.choices])
    division_code = forms.CharField(label="区划", required=False)


def application_list(request):
    ff, d = search(request, ApplicationFilterForm)
    qs = sel.application_list(
        request.user,
        status=d.get("status", ""),
        kind=d.get("kind", ""),
        division_code=d.get("division_code", ""),
    )
    page = paginate(request, qs)
    names = names_of({a.division_code for a in page})
    rows = [
        [
            Cell(
                shown_name(request.user, a.child.person.name),
                reverse("children:application_detail", args=[a.pk]),
            ),
            names.get(a.division_code, a.division_code),
            a.get_kind_display(),
            a.get_status_display(),
            a.received_on,
            a.check_due
            if a.status == ApplicationStatus.RECEIVED
            else (a.confirm_due if a.status == ApplicationStatus.CHECKED else ""),
            a.monthly_amount if a.monthly_amount is not None else "",
        ]
        for a in page
    ]
    return table_page(
        request,
        title="孤儿基本生活费 / 事实无人抚养儿童基本生活补贴",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["儿童", "区划", "保障类别", "状态", "受理日期", "本环节期限", "月发放金额（元）"],
        rows=rows,
        filter_form=ff,
        intro="在儿童档案中受理申请；乡镇15个工作日内查验，县级民政15个工作日内确认，确认次月起发放（民发〔2019〕62号）。",
    )


def application_detail(request, pk: int):
    a = sel.read_application(request.user, pk)
    user = request.user
    name = shown_name(user, a.child.person.name)
    fields = [
        ("儿童", Cell(name, reverse("children:child_detail", args=[a.child_id]))),
        ("保障类别", a.get_kind_display()),
        ("申请人", f"{shown_name(user, a.applicant_name)}（{a.applicant_relation}）"),
        ("乡镇受理日期", a.received_on),
        ("查验期限", a.check_due),
        ("查验", f"{a.checked_on} {a.check_note}" if a.checked_on else ""),
        ("确认期限", a.confirm_due or ""),
        ("确认", f"{a.decided_on} {a.decision_note}" if a.decided_on else ""),
        ("保障标准（元/月）", a.standard if a.standard is not None else ""),
        (
            "已领低保/特困/残疾人生活补贴（人均，元/月）",
            a.other_benefits if a.other_benefits is not None else "",
        ),
        ("月发放金额（元）", a.monthly_amount if a.monthly_amount is not None else ""),
        ("起始发放月份", f"{a.start_month:%Y-%m}" if a.start_month else ""),
        ("终止", f"{a.end_month:%Y-%m}（最后发放月） {a.end_reason}" if a.end_month else ""),
    ]
    actions = []
    if a.status == ApplicationStatus.RECEIVED and can(user, Capability.CHECK_CHILD_ALLOWANCE):
        actions.append(
            Action(
                "乡镇查验",
                f.CheckForm(),
                reverse("children:application_check", args=[pk]),
                "提交",
                testid="check-form",
            )
        )
    if a.status == ApplicationStatus.CHECKED and can(user, Capability.CONFIRM_CHILD_ALLOWANCE):
        actions.append(
            Action(
                "县级确认",
                f.ConfirmForm(),
                reverse("children:application_confirm", args=[pk]),
                "提交",
                testid="confirm-form",
            )
        )
    if a.status == ApplicationStatus.CONFIRMED and can(user, Capability.CONFIRM_CHILD_ALLOWANCE):
        actions.append(
            Action(
                "终止保障",
                f.EndAllowanceForm(),
                reverse("children:application_end", args=[pk]),
                "终止",
                "确定终止该儿童的基本生活保障？",
            )
        )
    colour = {"confirmed": "green", "refused": "red", "not_eligible": "red", "ended": "grey"}.get(
        a.status, "orange"
    )
    return detail_page(
        request,
        title=f"{a.get_kind_display()}：{name}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (name, None)),
        fields=fields,
        actions=actions,
        status=Cell(a.get_status_display(), tag=colour),
        testid="application-detail",
    )


def _back(application) -> str:
    return reverse("children:application_detail", args=[application.pk])


application_create = record_action(
    register_sel.child_for_action,
    f.ApplicationForm,
    lambda u, r, d: svc.receive_application(u, r, **d),
    lambda a: f"已受理，乡镇查验期限 {a.check_due}",
    lambda record: reverse("children:child_detail", args=[record.pk]),
)
application_check = record_action(
    sel.application_for_action,
    f.CheckForm,
    lambda u, a, d: svc.check_application(
        u, a, eligible=d["eligible"] == "yes", checked_on=d["checked_on"], note=d["note"]
    ),
    lambda a: f"查验完成：{a.get_status_display()}",
    _back,
)
application_confirm = record_action(
    sel.application_for_action,
    f.ConfirmForm,
    lambda u, a, d: svc.confirm_application(
        u, a, confirmed=d["confirmed"] == "yes", decided_on=d["decided_on"], note=d["note"]
    ),
    lambda a: (
        f"{a.get_status_display()}"
        + (f"，自{a.start_month:%Y年%m月}起每月{a.monthly_amount}元" if a.start_month else "")
    ),
    _back,
)
application_end = record_action(
    sel.application_for_action,
    f.EndAllowanceForm,
    lambda u, a, d: svc.end_allowance(u, a, last_month=d["last_month"], reason=d["reason"]),
    "已终止保障",
    _back,
)
