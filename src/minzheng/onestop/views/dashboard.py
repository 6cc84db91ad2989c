"""总览, 事项清单 (staff view) and 差评跟进."""

from datetime import date

from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.web.kit.forms import act_then_redirect

from .. import forms as f
from ..rules.evaluations import BAD_REASONS, LEVELS
from ..selectors import applications as app_sel
from ..selectors.catalogue import public_matters
from ..selectors.dashboard import dashboard
from ..services import evaluations as svc
from .common import Cell, Section, can_supervise, crumbs, detail_page, due_cell, paginate, percent, table_page


def dashboard_page(request):
    board = dashboard(request.user, date.today())
    rows = [
        [r.name, r.received, r.handled, Cell(r.overdue, tag="red" if r.overdue else ""),
         "—" if r.average_days is None else f"{r.average_days:.1f}", r.limit_days]
        for r in board.rows
    ]  # fmt: skip
    return detail_page(
        request, title="全市通办总览", trail=crumbs(("总览", None)), testid="onestop-dashboard",
        fields=[
            ("受理办件", board.received), ("已办结", board.handled), ("超期办件", board.overdue),
            ("即办率", percent(board.instant_rate)), ("网办率", percent(board.online_rate)),
            ("满意率", percent(board.satisfaction)), ("在办工单", board.tickets_open), ("超期工单", board.tickets_overdue),
        ],
        sections=[Section("按事项", ["事项", "受理", "办结", "超期", "平均办理时长（工作日）", "承诺时限（工作日）"], rows)],
    )  # fmt: skip


def matter_list(request):
    page = paginate(request, public_matters())
    rows = [
        [Cell(m.name, reverse("onestop_public:guide", args=[m.code])), m.get_domain_display(), m.statutory_days,
         m.promised_days, m.fee, "是" if m.online else "否", "是" if m.cross_county else "否"]
        for m in page
    ]  # fmt: skip
    return table_page(
        request, title="事项清单", trail=crumbs(("事项清单", None)), page_obj=page,
        headers=["事项", "办理业务", "法定时限（工作日）", "承诺时限（工作日）", "收费", "网上申请", "跨县通办"], rows=rows,
        intro="事项清单由系统管理员统一装载；办事指南向公众公开。",
    )  # fmt: skip


def review_list(request):
    page = paginate(request, app_sel.bad_reviews(request.user).order_by("followed_up_on", "follow_up_due"))
    today = date.today()
    rows = [
        [Cell(e.application.number, reverse("onestop:review_detail", args=[e.pk])), e.application.matter.name,
         LEVELS[e.level], "、".join(BAD_REASONS.get(r, r) for r in e.reasons), e.rated_on,
         due_cell(e.follow_up_due, today, e.followed_up_on)]
        for e in page
    ]  # fmt: skip
    return table_page(
        request, title="差评跟进", trail=crumbs(("差评跟进", None)), page_obj=page,
        headers=["受理号", "事项", "评价", "差评原因", "评价日期", "整改反馈期限"], rows=rows,
    )  # fmt: skip


def review_detail(request, pk: int):
    e = app_sel.bad_reviews(request.user).filter(pk=pk).first()
    if e is None:
        from django.http import Http404

        raise Http404("记录不存在或不在您的管辖范围内")
    from .common import Action

    actions = []
    if can_supervise(request.user) and not e.followed_up_on:
        actions.append(
            Action("整改反馈", f.FollowUpForm(), reverse("onestop:review_follow_up", args=[pk]), "提交")
        )
    return detail_page(
        request, title=f"差评 {e.application.number}", trail=crumbs(("差评跟进", reverse("onestop:review_list")), (e.application.number, None)),
        fields=[("事项", e.application.matter.name), ("评价", LEVELS[e.level]),
                ("差评原因", "、".join(BAD_REASONS.get(r, r) for r in e.reasons)), ("评价内容", e.comment or "—"),
                ("整改反馈期限", e.follow_up_due), ("整改反馈", e.follow_up_note or "—")],
        actions=actions,
    )  # fmt: skip


@require_POST
def review_follow_up(request, pk: int):
    return act_then_redirect(
        request, f.FollowUpForm(request.POST), lambda d: svc.follow_up(request.user, pk, note=d["note"]), "已反馈",
        reverse("onestop:review_detail", args=[pk]),
    )  # fmt: skip
