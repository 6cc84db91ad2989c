"""收养登记 pages: the county's adoptions, 受理, one adoption with its clocks and the step forms."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import run_service

from .. import forms as f
from ..models import AdoptionStatus
from ..rules import adoption as rules
from ..selectors import adoption as sel
from ..selectors.common import person_by_pk, shown_name
from ..services import adoption as svc
from .common import (
    Action,
    Cell,
    can,
    crumbs,
    detail_page,
    form_page,
    paginate,
    record_action,
    search,
    table_page,
)

LIST = ("收养登记", "children:adoption_list")


class AdoptionFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *AdoptionStatus.choices])


def _due(a) -> str:
    if a.status == AdoptionStatus.EVALUATING:
        return f"评估 {a.evaluation_due}"
    if a.status == AdoptionStatus.NOTICE:
        return f"公告期满 {a.notice_ends_on}"
    if a.status in (AdoptionStatus.RECEIVED, AdoptionStatus.REVIEWING):
        return f"审查 {a.review_due}"
    return ""


def adoption_list(request):
    ff, d = search(request, AdoptionFilterForm)
    page = paginate(request, sel.adoption_list(request.user, status=d.get("status", "")))
    user = request.user
    rows = [
        [
            Cell(shown_name(user, a.child.name), reverse("children:adoption_detail", args=[a.pk])),
            shown_name(user, a.adopter.name),
            a.get_case_type_display(),
            a.get_status_display(),
            a.received_on,
            _due(a),
            a.certificate_number,
        ]
        for a in page
    ]
    return table_page(
        request,
        title="收养登记",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["被收养人", "收养人", "收养类型", "状态", "受理日期", "期限", "收养登记证字号"],
        rows=rows,
        filter_form=ff,
        intro=(
            "县级民政部门办理（中国公民收养子女登记办法第二条）：自受理次日起30日内审查；收养评估（2名以上评估人员，"
            "30日，可延至60日）和查找不到生父母的弃婴、儿童的60日公告不计入审查期限。"
        ),
        toolbar=[("受理收养登记", reverse("children:adoption_create"))]
        if can(user, Capability.MANAGE_CHILDREN)
        else [],
    )


def _person(request, form, name):
    chosen = form.cleaned_data.get(name)
    if not chosen:
        return None
    person = person_by_pk(request.user, chosen.pk)
    if person is None:
        form.add_error(name, "未找到该人员，或不在您的管辖范围内（请先在人口家庭中登记）")
    return person


def adoption_create(request):
    require(request.user, Capability.MANAGE_CHILDREN)
    form = f.AdoptionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        child, adopter = _person(request, form, "child"), _person(request, form, "adopter")
        spouse = _person(request, form, "adopter_spouse")
        if child and adopter and not form.errors:
            d = form.cleaned_data
            consent = {"yes": True, "no": False}.get(d["child_consents"])
            adoption = run_service(
                form,
                lambda: svc.receive(
                    request.user, case_type=d["case_type"], child=child, adopter=adopter, adopter_spouse=spouse,
                    adopter_married=d["adopter_married"], adopter_children=d["adopter_children"], giver=d["giver"],
                    child_consents=consent, documents=d["documents"], received_on=d["received_on"],
                ),
            )  # fmt: skip
            if adoption:
                messages.success(request, f"已受理，审查期限 {adoption.review_due}")
                return redirect("children:adoption_detail", pk=adoption.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="受理收养登记",
        trail=crumbs((LIST[0], back), ("受理", None)),
        form=form,
        cancel_url=back,
    )


def adoption_detail(request, pk: int):
    a = sel.read_adoption(request.user, pk)
    user = request.user
    name = shown_name(user, a.child.name)
    adopters = shown_name(user, a.adopter.name) + (
        f"、{shown_name(user, a.adopter_spouse.name)}" if a.adopter_spouse else ""
    )
    missing = [d for d in rules.DOCUMENTS[a.case_type] if d not in a.documents]
    fields = [
        ("收养类型", a.get_case_type_display()),
        ("登记机关（管辖）", rules.REGISTERED_AT[a.case_type]),
        ("被收养人", name),
        ("收养人", adopters),
        ("收养人已有子女", f"{a.adopter_children} 名"),
        ("送养人", shown_name(user, a.giver)),
        ("被收养人意见", {True: "同意", False: "不同意", None: "不满八周岁"}[a.child_consents]),
        ("已交材料", "、".join(a.documents)),
        ("缺少材料", "、".join(missing) or "无"),
        ("受理日期", a.received_on),
        ("审查期限（不含评估、公告期间）", a.review_due),
        (
            "收养评估",
            (
                f"{a.evaluators}；{a.evaluation_started_on} 起，期限 {a.evaluation_due}"
                + ("（已延期）" if a.evaluation_extended else "")
                + (
                    f"；{a.evaluated_on} 完成，{a.evaluation_score if a.evaluation_score is not None else '—'} 分，"
                    f"{'合格' if a.evaluation_passed else '不合格'}：{a.evaluation_note}"
                    if a.evaluated_on
                    else ""
                )
            )
            if a.evaluation_started_on
            else ("不适用（继子女）" if not rules.needs_evaluation(a.case_type) else "未开始"),
        ),
        (
            "公告",
            f"{a.notice_started_on} 至 {a.notice_ends_on}" + ("，已认领" if a.notice_claimed else "")
            if a.notice_started_on
            else ("需公告60日" if rules.needs_notice(a.case_type) else "不适用"),
        ),
        ("审查结果", f"{a.decided_on} {a.decision_note}" if a.decided_on else ""),
        ("收养登记证字号", a.certificate_number),
        ("解除", f"{a.dissolved_on} {a.dissolution_reason} {a.dissolution_number}" if a.dissolved_on else ""),
    ]
    actions = []
    manage, register = can(user, Capability.MANAGE_CHILDREN), can(user, Capability.REGISTER_ADOPTION)

    def add(title, form, name, label="提交", testid=""):
        actions.append(Action(title, form, reverse(f"children:{name}", args=[pk]), label, testid=testid))

    needs_eval = rules.needs_evaluation(a.case_type)
    if manage and a.status == AdoptionStatus.RECEIVED and needs_eval:
        add("开始收养评估", f.EvaluationStartForm(), "adoption_evaluation_start", testid="evaluation-start")
    if manage and a.status == AdoptionStatus.EVALUATING:
        add("评估结论", f.EvaluationForm(), "adoption_evaluation", testid="evaluation-form")
        if not a.evaluation_extended:
            add("评估延期（最长60日）", f.EvaluationExtendForm(), "adoption_evaluation_extend")
    if (
        manage
        and a.status == AdoptionStatus.REVIEWING
        and rules.needs_notice(a.case_type)
        and not a.notice_started_on
    ):
        add("公告查找生父母（60日）", f.NoticeForm(), "adoption_notice", testid="notice-form")
    if manage and a.status == AdoptionStatus.NOTICE:
        add("公告期满", f.NoticeEndForm(), "adoption_notice_end")
    ready = a.status == AdoptionStatus.REVIEWING or (a.status == AdoptionStatus.RECEIVED and not needs_eval)
    if register and ready:
        add("登记审查", f.AdoptionDecisionForm(), "adoption_decide", testid="decide-form")
    if register and a.status == AdoptionStatus.REGISTERED:
        add("解除收养关系登记", f.DissolveForm(), "adoption_dissolve", "解除")
    colour = {"registered": "green", "refused": "red", "dissolved": "grey"}.get(a.status, "orange")
    return detail_page(
        request,
        title=f"收养登记：{name}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (name, None)),
        fields=fields,
        actions=actions,
        status=Cell(a.get_status_display(), tag=colour),
        testid="adoption-detail",
    )


def _back(a) -> str:
    return reverse("children:adoption_detail", args=[a.pk])


def _split(text: str) -> list[str]:
    return [p for p in text.replace("，", "、").replace(",", "、").split("、") if p.strip()]


adoption_evaluation_start = record_action(
    sel.adoption_for_action,
    f.EvaluationStartForm,
    lambda u, a, d: svc.start_evaluation(
        u, a, evaluators=_split(d["evaluators"]), started_on=d["started_on"]
    ),
    lambda a: f"收养评估开始，期限 {a.evaluation_due}",
    _back,
)
adoption_evaluation_extend = record_action(
    sel.adoption_for_action,
    f.EvaluationExtendForm,
    lambda u, a, d: svc.extend_evaluation(u, a, reason=d["reason"]),
    lambda a: f"评估期限延至 {a.evaluation_due}",
    _back,
)
adoption_evaluation = record_action(
    sel.adoption_for_action,
    f.EvaluationForm,
    lambda u, a, d: svc.complete_evaluation(
        u, a, evaluated_on=d["evaluated_on"], score=d["score"], passed=d["passed"] == "yes", note=d["note"]
    ),
    "评估结论已登记",
    _back,
)
adoption_notice = record_action(
    sel.adoption_for_action,
    f.NoticeForm,
    lambda u, a, d: svc.start_notice(u, a, started_on=d["started_on"]),
    lambda a: f"已公告，{a.notice_ends_on} 期满",
    _back,
)
adoption_notice_end = record_action(
    sel.adoption_for_action,
    f.NoticeEndForm,
    lambda u, a, d: svc.end_notice(u, a, claimed=d["claimed"] == "yes", on=d["on"]),
    lambda a: a.get_status_display(),
    _back,
)
adoption_decide = record_action(
    sel.adoption_for_action,
    f.AdoptionDecisionForm,
    lambda u, a, d: svc.decide(
        u, a, register=d["register"] == "yes", decided_on=d["decided_on"], note=d["note"]
    ),
    lambda a: (
        f"已登记，收养登记证 {a.certificate_number}" if a.certificate_number else a.get_status_display()
    ),
    _back,
)
adoption_dissolve = record_action(
    sel.adoption_for_action,
    f.DissolveForm,
    lambda u, a, d: svc.dissolve(u, a, dissolved_on=d["dissolved_on"], reason=d["reason"]),
    lambda a: f"已解除，解除收养关系证明 {a.dissolution_number}",
    _back,
)
