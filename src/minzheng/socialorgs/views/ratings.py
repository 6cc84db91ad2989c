"""等级评估 pages: applications, score and 公示, objections, confirmation, downgrade/cancel, plaque return."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..models import RatingStatus
from ..rules.rating import LEVEL_LABELS
from ..selectors import ratings as sel
from ..selectors import registry as reg_sel
from ..services import ratings as svc
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
    paginate,
    search,
    table_page,
)

RATINGS = ("等级评估", "socialorgs:rating_list")


def _level(r) -> str:
    return LEVEL_LABELS.get(r.level, "未达到等级") if r.score is not None else ""


def rating_section(o) -> Section:
    rows = [
        [
            Cell(r.applied_on, reverse("socialorgs:rating_detail", args=[r.pk])),
            r.score if r.score is not None else "",
            _level(r),
            r.get_status_display(),
            r.valid_to or "",
        ]
        for r in sel.ratings_of(o)
    ]
    return Section("等级评估", ["申请日期", "得分", "等级", "状态", "有效期至"], rows)


def rating_list(request):
    ff, d = search(request, f.RatingFilter)
    page = paginate(request, sel.rating_list(request.user, status=d.get("status") or ""))
    rows = [
        [
            Cell(r.organisation.name, reverse("socialorgs:rating_detail", args=[r.pk])),
            r.applied_on,
            r.score if r.score is not None else "",
            _level(r),
            r.get_status_display(),
            r.valid_to or "",
        ]
        for r in page
    ]
    return table_page(
        request,
        title="等级评估",
        trail=crumbs((RATINGS[0], None)),
        page_obj=page,
        filter_form=ff,
        headers=["社会组织", "申请日期", "得分", "等级", "状态", "有效期至"],
        rows=rows,
        intro="取得登记证书满两个年度、上年度年检合格、未列入信用名录、上年度未受行政处罚的可申请评估；结果公示，异议15日内答复；等级有效期5年；降级后2年、取消后3年内不得申请，15日内退回牌匾证书。等级得分线按本地标准设置（政策参数）。在社会组织详情页受理申请。",
    )


def rating_apply(request, pk: int):
    o = reg_sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.RatingApplyForm)
    if request.method == "POST" and form.is_valid():
        rating = run_service(form, lambda: svc.apply(request.user, o, **form.cleaned_data))
        if rating:
            messages.success(request, "已受理等级评估申请")
            return redirect("socialorgs:rating_detail", pk=rating.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request,
        title=f"受理等级评估申请：{o.name}",
        trail=crumbs((RATINGS[0], reverse(RATINGS[1])), (o.name, back), ("申请评估", None)),
        form=form,
        cancel_url=back,
        submit="受理",
    )


def rating_detail(request, pk: int):
    r = sel.rating_detail(request.user, pk)
    today = date.today()
    fields = [
        (
            "社会组织",
            Cell(r.organisation.name, reverse("socialorgs:organisation_detail", args=[r.organisation_id])),
        ),
        ("申请日期", r.applied_on),
        ("评估得分", r.score if r.score is not None else ""),
        ("评估等级", _level(r)),
        ("公示截止", r.publicity_until or ""),
        ("异议", f"{r.objected_on}：{r.objection}" if r.objected_on else ""),
        (
            "复核答复期限",
            due_cell(r.objection_due_on, today, done=bool(r.answered_on)) if r.objection_due_on else "",
        ),
        ("复核意见", f"{r.answered_on}：{r.objection_answer}" if r.answered_on else ""),
        ("确认日期", r.confirmed_on or ""),
        ("有效期至", r.valid_to or ""),
        ("降级/取消", f"{r.changed_on}：{r.change_reason}" if r.changed_on else ""),
        (
            "牌匾证书退回期限",
            due_cell(r.plaque_due_on, today, done=bool(r.plaque_returned_on)) if r.plaque_due_on else "",
        ),
        ("牌匾证书退回日期", r.plaque_returned_on or ""),
    ]
    url = lambda name: reverse(f"socialorgs:{name}", args=[pk])  # noqa: E731
    actions = []
    if can_decide(request.user):
        if r.status == RatingStatus.APPLIED and r.applied_by_id != request.user.pk:
            actions.append(
                Action("录入评估得分", f.RatingScoreForm(), url("rating_score"), "提交", testid="score-form")
            )
        if r.objected_on and not r.answered_on:
            actions.append(
                Action("答复异议", f.RatingAnswerForm(), url("rating_answer"), "答复", testid="answer-form")
            )
        if (
            r.status == RatingStatus.PUBLICISED
            and today > r.publicity_until
            and not (r.objected_on and not r.answered_on)
        ):
            actions.append(
                Action(
                    "确认等级", f.RatingConfirmForm(), url("rating_confirm"), "确认", testid="confirm-form"
                )
            )
        if r.status == RatingStatus.CONFIRMED:
            actions.append(
                Action(
                    "降低或取消等级",
                    f.RatingChangeForm(),
                    url("rating_change"),
                    "提交",
                    confirm="确认降低或取消评估等级？",
                    testid="change-form",
                )
            )
    if can_manage(request.user):
        if r.status == RatingStatus.PUBLICISED and not r.objected_on:
            actions.append(
                Action(
                    "登记异议", f.RatingObjectionForm(), url("rating_object"), "登记", testid="objection-form"
                )
            )
        if r.plaque_due_on and not r.plaque_returned_on:
            actions.append(
                Action("牌匾证书已退回", f.PlaqueForm(), url("rating_plaque"), "登记", testid="plaque-form")
            )
    return detail_page(
        request,
        title=f"等级评估：{r.organisation.name}",
        trail=crumbs((RATINGS[0], reverse(RATINGS[1])), (r.organisation.name, None)),
        fields=fields,
        actions=actions,
        status=Cell(r.get_status_display(), tag="green" if r.status == RatingStatus.CONFIRMED else "orange"),
    )


def _act(form_class, call, success):
    def view(request, pk: int):
        r = sel.rating_detail(request.user, pk)
        return act_then_redirect(
            request,
            form_class(request.POST),
            lambda d: call(request.user, r, d),
            success,
            reverse("socialorgs:rating_detail", args=[pk]),
        )

    return view


rating_score = _act(
    f.RatingScoreForm, lambda u, r, d: svc.score(u, r, **d), lambda r: f"已录入，公示至 {r.publicity_until}"
)
rating_object = _act(
    f.RatingObjectionForm,
    lambda u, r, d: svc.object_to(u, r, **d),
    lambda r: f"已登记异议，应于 {r.objection_due_on} 前答复",
)
rating_answer = _act(f.RatingAnswerForm, lambda u, r, d: svc.answer(u, r, **d), "已答复异议")
rating_confirm = _act(
    f.RatingConfirmForm, lambda u, r, d: svc.confirm(u, r, **d), lambda r: f"已确认：{_level(r)}"
)
rating_change = _act(
    f.RatingChangeForm,
    lambda u, r, d: svc.change(
        u, r, new_level=int(d["new_level"]) or None, changed_on=d["changed_on"], reason=d["reason"]
    ),
    lambda r: f"{r.get_status_display()}，应于 {r.plaque_due_on} 前退回牌匾证书",
)
rating_plaque = _act(f.PlaqueForm, lambda u, r, d: svc.plaque_returned(u, r, **d), "已登记退回")
