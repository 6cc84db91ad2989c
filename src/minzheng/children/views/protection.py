"""未成年人保护案件 pages: cases visible to the user, 接报 (强制报告), a case with every step's form."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from minzheng.core.permissions import Capability
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import run_service

from .. import forms as f
from ..models import ReporterKind
from ..rules import protection as rules
from ..selectors import protection as sel
from ..selectors.common import person_by_pk, shown_name
from ..services import protection as svc
from .common import (
    Action,
    Cell,
    Section,
    can,
    crumbs,
    detail_page,
    form_page,
    paginate,
    record_action,
    search,
    table_page,
)

LIST = ("未保案件", "children:case_list")
_TAGS = {
    rules.RECEIVED: "orange",
    rules.ASSESSED: "orange",
    rules.HELPING: "green",
    rules.INTERVENING: "red",
    rules.CLOSED: "grey",
}


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *rules.STATUS_LABELS.items()]
    )


def _child_text(user, case) -> str:
    return shown_name(user, case.child.name) if case.child else case.child_description[:20]


def case_list(request):
    ff, d = search(request, CaseFilterForm)
    page = paginate(request, sel.visible_cases(request.user, status=d.get("status", "")))
    names = names_of({c.division_code for c in page})
    rows = [
        [
            Cell(c.number, reverse("children:case_detail", args=[c.pk])),
            _child_text(request.user, c),
            names.get(c.division_code, c.division_code),
            c.get_situation_display(),
            timezone.localtime(c.received_at).strftime("%Y-%m-%d %H:%M"),
            Cell(c.get_status_display(), tag=_TAGS.get(c.status, "")),
        ]
        for c in page
    ]
    can_report = can(request.user, Capability.MANAGE_CHILDREN) or can(
        request.user, Capability.SUPERVISE_CHILD_CASES
    )
    return table_page(
        request,
        title="未成年人保护案件（强制报告）",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["案件编号", "儿童", "区划", "情形", "接报时间", "状态"],
        rows=rows,
        filter_form=ff,
        toolbar=[("接报登记", reverse("children:case_create"))] if can_report else [],
        intro="案件仅对承办人及其督导人员（儿童督导员、县级民政）可见。",
    )


def case_create(request):
    form = f.ReportForm(
        request.POST or None, user=request.user, initial={"division_code": request.user.division_code}
    )
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        chosen = d.pop("child")
        child = person_by_pk(request.user, chosen.pk) if chosen else None
        case = run_service(form, lambda: svc.receive_report(request.user, child=child, **d))
        if case:
            received = timezone.localtime(case.received_at).strftime("%Y-%m-%d %H:%M")
            messages.success(
                request, f"已接报，案件编号 {case.number}（{received}），调查评估期限 {case.assessment_due}"
            )
            return redirect("children:case_detail", pk=case.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="接报登记（强制报告）",
        trail=crumbs((LIST[0], back), ("接报", None)),
        form=form,
        cancel_url=back,
    )


def case_detail(request, pk: int):
    case = sel.read_case(request.user, pk)
    user = request.user
    anonymous = case.reporter_kind == ReporterKind.ANONYMOUS
    fields = [
        ("案件编号", case.number),
        ("儿童", _child_text(user, case)),
        ("儿童情况", case.child_description),
        ("情形", case.get_situation_display()),
        ("报告内容", case.description),
        ("报告渠道", case.get_channel_display()),
        ("报告人", "匿名" if anonymous else f"{case.reporter_name} {case.reporter_contact}"),
        ("接报", f"{timezone.localtime(case.received_at):%Y-%m-%d %H:%M} {case.received_by.display_name}"),
        ("承办人", "、".join(sel.handler_names(case))),
        (
            "移送公安",
            f"{case.police_referred_on} {case.police_unit}" if case.police_referred_on else "未移送",
        ),
        (
            "调查评估",
            f"{case.assessed_on} {case.get_risk_level_display()}（{case.assessment_participants}）"
            if case.assessed_on
            else f"期限 {case.assessment_due}",
        ),
        (
            "安全 / 监护 / 健康",
            f"{case.safety} / {case.guardianship} / {case.health}" if case.assessed_on else "",
        ),
        (
            "帮扶计划",
            f"{case.planned_on} {'、'.join(case.plan_labels())}：{case.plan_note}"
            if case.planned_on
            else (f"期限 {case.plan_due}" if case.plan_due else ""),
        ),
        ("结案", f"{case.closed_on} {case.closure_note}" if case.closed_on else ""),
        (
            "告知报告人",
            f"{case.reporter_informed_on} {case.reporter_result}" if case.reporter_informed_on else "",
        ),
        (
            "结案复核",
            f"{case.reviewed_on} {case.review_note}"
            if case.reviewed_on
            else (f"期限 {case.review_due}" if case.review_due else ""),
        ),
    ]
    episodes = Section(
        "民政监护（临时监护 / 长期监护）",
        ["类型", "法定情形", "安置方式", "机构（家庭）", "开始", "结束"],
        [
            [
                e.get_kind_display(),
                e.ground_label(),
                e.get_placement_display(),
                e.institution_name,
                e.started_on,
                f"{e.ended_on} {e.end_note}" if e.ended_on else "在监护",
            ]
            for e in sel.episodes_of(case)
        ],
    )
    interventions = Section(
        "监护干预",
        ["日期", "措施", "情况"],
        [[i.taken_on, i.get_kind_display(), i.note] for i in sel.interventions_of(case)],
    )
    actions = _actions(user, case)
    return detail_page(
        request,
        title=f"未保案件 {case.number}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (case.number, None)),
        fields=fields,
        sections=[episodes, interventions],
        actions=actions,
        status=Cell(case.get_status_display(), tag=_TAGS.get(case.status, "")),
        testid="case-detail",
    )


def _actions(user, case) -> list[Action]:
    handling = can(user, Capability.MANAGE_CHILDREN) or can(user, Capability.SUPERVISE_CHILD_CASES)
    deciding = can(user, Capability.DECIDE_CHILD_GUARDIANSHIP)
    supervising = can(user, Capability.SUPERVISE_CHILD_CASES)
    url = lambda name, pk=case.pk: reverse(f"children:{name}", args=[pk])  # noqa: E731
    actions = []
    open_ = case.status != rules.CLOSED
    if open_ and handling and not case.police_referred_on:
        actions.append(Action("移送公安", f.PoliceForm(), url("case_police"), "移送", testid="police-form"))
    if case.status == rules.RECEIVED and handling:
        actions.append(
            Action("调查评估", f.AssessForm(), url("case_assess"), "保存评估", testid="assess-form")
        )
    if case.status == rules.ASSESSED and handling:
        actions.append(Action("制定帮扶计划", f.PlanForm(), url("case_plan"), "保存计划", testid="plan-form"))
    if open_ and deciding:
        actions.append(
            Action("民政监护安置", f.PlacementForm(), url("case_place"), "决定", testid="place-form")
        )
        for e in sel.episodes_of(case):
            if e.ended_on is None:
                actions.append(
                    Action(
                        f"结束{e.get_kind_display()}",
                        f.EndPlacementForm(),
                        url("placement_end", e.pk),
                        "结束",
                        testid="end-placement-form",
                    )
                )
    if case.status in (rules.HELPING, rules.INTERVENING) and supervising:
        actions.append(
            Action("监护干预", f.InterventionForm(), url("case_intervene"), "登记", testid="intervene-form")
        )
    if open_ and deciding:
        actions.append(
            Action("结案", f.CloseForm(), url("case_close"), "结案", "确定结案？", testid="close-form")
        )
    if (
        case.status == rules.CLOSED
        and case.reviewed_on is None
        and supervising
        and case.closed_by_id != user.pk
    ):
        actions.append(Action("结案复核", f.ReviewForm(), url("case_review"), "复核", testid="review-form"))
    if open_ and supervising:
        actions.append(
            Action(
                "增加承办人", f.HandlerForm(people=sel.handler_candidates(case)), url("case_handler"), "增加"
            )
        )
    return actions


def _back(case) -> str:
    return reverse("children:case_detail", args=[case.pk])


case_police = record_action(
    sel.case_for_action, f.PoliceForm, lambda u, c, d: svc.refer_to_police(u, c, **d), "已移送公安", _back
)
case_assess = record_action(
    sel.case_for_action,
    f.AssessForm,
    lambda u, c, d: svc.assess(u, c, **d),
    lambda c: f"已完成调查评估，帮扶计划期限 {c.plan_due}",
    _back,
)
case_plan = record_action(
    sel.case_for_action, f.PlanForm, lambda u, c, d: svc.make_plan(u, c, **d), "已制定帮扶计划", _back
)
case_place = record_action(
    sel.case_for_action, f.PlacementForm, lambda u, c, d: svc.place_child(u, c, **d),
    lambda e: f"已决定{e.get_kind_display()}：{e.get_placement_display()}（{e.institution_name}）", _back,
)  # fmt: skip
placement_end = record_action(
    sel.episode_for_action, f.EndPlacementForm, lambda u, e, d: svc.end_placement(u, e, **d), "监护已结束",
    lambda e: _back(e.case),
)  # fmt: skip
case_intervene = record_action(
    sel.case_for_action, f.InterventionForm, lambda u, c, d: svc.intervene(u, c, **d), "已登记监护干预", _back
)
case_close = record_action(
    sel.case_for_action, f.CloseForm, lambda u, c, d: svc.close_case(u, c, **d), "已结案", _back
)
case_review = record_action(
    sel.case_for_action, f.ReviewForm, lambda u, c, d: svc.review_closure(u, c, **d), "已复核", _back
)


def case_handler(request, pk: int):
    case = sel.case_for_action(request.user, pk)
    people = sel.handler_candidates(case)
    form = f.HandlerForm(request.POST, people=people)
    from .common import post_action

    return post_action(
        request, form,
        lambda d: svc.add_handler(request.user, case, next(u for u in people if u.pk == d["handler"])),
        "已增加承办人", _back(case),
    )  # fmt: skip
