"""执法 pages: 双随机抽查 rounds and their results, 行政处罚 cases (立案 by a caseworker, decision by a reviewer)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..errors import SocialOrgConflict
from ..models import PenaltyStatus
from ..selectors import enforcement as sel
from ..selectors import registry as reg_sel
from ..services import enforcement as svc
from .common import (
    Action,
    Cell,
    Section,
    can_decide,
    can_manage,
    crumbs,
    detail_page,
    form_page,
    money,
    paginate,
    table_page,
)

CASES = ("执法", "socialorgs:case_list")
ROUNDS = ("双随机抽查", "socialorgs:round_list")
_TAG = {"proposed": "orange", "decided": "red", "dropped": "grey"}


def _amount(c) -> str:
    if c.amount is not None:
        return money(c.amount)
    return f"至{c.stop_until}" if c.stop_until else ""


def case_section(o) -> Section:
    rows = [
        [Cell(c.get_kind_display(), reverse("socialorgs:case_detail", args=[c.pk])), _amount(c), c.opened_on,
         Cell(c.get_status_display(), tag=_TAG[c.status]), c.decided_on or ""]
        for c in sel.cases_of(o)
    ]  # fmt: skip
    return Section("行政处罚", ["处罚种类", "金额/期限", "立案日期", "状态", "决定日期"], rows)


def case_list(request):
    page = paginate(request, sel.case_list(request.user))
    rows = [
        [Cell(c.organisation.name, reverse("socialorgs:case_detail", args=[c.pk])), c.get_kind_display(), _amount(c),
         c.opened_on, Cell(c.get_status_display(), tag=_TAG[c.status]), c.decision_number]
        for c in page
    ]  # fmt: skip
    return table_page(
        request, title="行政处罚案件", trail=crumbs((CASES[0], None)), page_obj=page,
        toolbar=[(ROUNDS[0], reverse(ROUNDS[1]))],
        headers=["社会组织", "处罚种类", "金额/期限", "立案日期", "状态", "决定书文号"], rows=rows,
        intro="警告、罚款、限期停止活动由经办人立案、审核人决定。作出处罚决定后自动提请列入信用名录：警告或不满5万元罚款列入活动异常名录，5万元以上罚款或限期停止活动列入严重违法失信名单（民政部令第60号）。在社会组织详情页立案。",
    )  # fmt: skip


def case_create(request, pk: int):
    o = reg_sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.PenaltyForm)
    if request.method == "POST" and form.is_valid():
        case = run_service(form, lambda: svc.open_case(request.user, o, **form.cleaned_data))
        if case:
            messages.success(request, "已立案")
            return redirect("socialorgs:case_detail", pk=case.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request, title=f"行政处罚立案：{o.name}", trail=crumbs((CASES[0], reverse(CASES[1])), (o.name, back), ("立案", None)),
        form=form, cancel_url=back, submit="立案",
    )  # fmt: skip


def case_detail(request, pk: int):
    c = sel.case_detail(request.user, pk)
    fields = [
        (
            "社会组织",
            Cell(c.organisation.name, reverse("socialorgs:organisation_detail", args=[c.organisation_id])),
        ),
        ("处罚种类", c.get_kind_display()),
        ("罚款金额/停止活动期限", _amount(c)),
        ("违法事实", c.facts),
        ("处罚依据", c.basis),
        ("立案日期", c.opened_on),
        ("处罚决定书文号", c.decision_number),
        ("决定", f"{c.decided_on}：{c.get_status_display()}" if c.decided_on else ""),
        ("决定意见", c.decision_note),
    ]
    actions = []
    if c.status == PenaltyStatus.PROPOSED and can_decide(request.user) and c.entered_by_id != request.user.pk:
        actions.append(
            Action(
                "作出决定",
                f.PenaltyDecideForm(),
                reverse("socialorgs:case_decide", args=[pk]),
                "提交",
                confirm="处罚决定将提请列入信用名录，确认提交？",
                testid="case-decide-form",
            )
        )
    return detail_page(
        request, title=f"行政处罚：{c.organisation.name}", trail=crumbs((CASES[0], reverse(CASES[1])), (c.organisation.name, None)),
        fields=fields, actions=actions, status=Cell(c.get_status_display(), tag=_TAG[c.status]),
    )  # fmt: skip


def case_decide(request, pk: int):
    c = sel.case_detail(request.user, pk)
    return act_then_redirect(
        request, f.PenaltyDecideForm(request.POST),
        lambda d: svc.decide_case(request.user, c, penalise=d["penalise"] == "1", decided_on=d["decided_on"],
                                  decision_number=d["decision_number"], note=d["note"]),
        lambda case: case.get_status_display(), reverse("socialorgs:case_detail", args=[pk]),
    )  # fmt: skip


def round_list(request):
    page = paginate(request, sel.round_list(request.user))
    rows = [
        [Cell(r.title, reverse("socialorgs:round_detail", args=[r.pk])), r.drawn_on, f"{r.share_percent}%",
         len(r.candidate_ids), r.seed]
        for r in page
    ]  # fmt: skip
    toolbar = [("新建抽查", reverse("socialorgs:round_create"))] if can_manage(request.user) else []
    return table_page(
        request, title=ROUNDS[0], trail=crumbs((CASES[0], reverse(CASES[1])), (ROUNDS[0], None)), page_obj=page,
        toolbar=toolbar, headers=["抽查名称", "抽取日期", "抽查比例", "检查对象数", "随机种子"], rows=rows,
        intro="双随机、一公开（国办发〔2015〕58号）：从辖区登记在册的社会组织中随机抽取检查对象，从本机关执法人员中随机选派检查人员；种子公开，可复核。",
    )  # fmt: skip


def round_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.DrawForm)
    if request.method == "POST" and form.is_valid():
        r = run_service(form, lambda: svc.draw_round(request.user, **form.cleaned_data))
        if r:
            messages.success(request, "已抽取")
            return redirect("socialorgs:round_detail", pk=r.pk)
    back = reverse(ROUNDS[1])
    return form_page(
        request, title="新建双随机抽查", trail=crumbs((ROUNDS[0], back), ("新建", None)), form=form,
        cancel_url=back, submit="抽取",
    )  # fmt: skip


def round_detail(request, pk: int):
    r = sel.round_detail(request.user, pk)
    inspections = sel.inspections_in(r, request.user)
    rows = [
        [Cell(i.organisation.name, reverse("socialorgs:organisation_detail", args=[i.organisation_id])),
         "、".join(u.get_full_name() or u.username for u in i.inspectors.all()), i.inspected_on or "待检查",
         Cell("发现问题", tag="red") if i.problems else ("未发现问题" if i.inspected_on else ""), i.findings]
        for i in inspections
    ]  # fmt: skip
    actions = [
        Action(f"登记检查结果：{i.organisation.name}", f.InspectionResultForm(initial={"inspection": i.pk}),
               reverse("socialorgs:round_result", args=[pk]), "登记", testid="inspection-form")
        for i in inspections
        if not i.inspected_on and any(u.pk == request.user.pk for u in i.inspectors.all())
    ]  # fmt: skip
    fields = [("抽取日期", r.drawn_on), ("抽查比例", f"{r.share_percent}%"), ("检查对象数", len(r.candidate_ids)),
              ("每组检查人员数", r.team_size), ("随机种子", r.seed)]  # fmt: skip
    return detail_page(
        request, title=f"双随机抽查：{r.title}", trail=crumbs((ROUNDS[0], reverse(ROUNDS[1])), (r.title, None)),
        fields=fields, sections=[Section("抽查对象", ["社会组织", "检查人员", "检查日期", "结果", "检查情况"], rows)],
        actions=actions,
    )  # fmt: skip


def round_result(request, pk: int):
    r = sel.round_detail(request.user, pk)

    def call(d):
        inspection = sel.inspection_detail(request.user, d.pop("inspection"))
        if inspection.round_id != r.pk:
            raise SocialOrgConflict("该检查不属于本次抽查")
        return svc.record_inspection(request.user, inspection, **d)

    return act_then_redirect(
        request,
        f.InspectionResultForm(request.POST),
        call,
        "已登记",
        reverse("socialorgs:round_detail", args=[pk]),
    )
