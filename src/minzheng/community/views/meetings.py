"""村（居）民会议 (decisions with their 第二十四条 category) and 村务公开 pages."""

from datetime import date

from django.urls import reverse

from minzheng.web.kit.forms import act_then_redirect

from .. import forms as f
from ..models.choices import FREQUENCY_LABELS
from ..rules.disclosure import disclosure_overdue
from ..selectors import committees as sel
from ..services import meetings as svc
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    due_cell,
    link,
    paginate,
    search,
    table_page,
    yes_no,
)

DISCLOSURES = ("村务公开", "community:disclosure_list")


def meeting_detail(request, pk: int):
    m = sel.meeting_detail(request.user, pk)
    fields = [
        ("村（居）委会", link(m.committee.name, "community:committee_detail", m.committee_id)),
        ("会议类型", m.get_kind_display()),
        ("议题", m.title),
        ("通知日期 / 召开日期", f"{m.notified_on} / {m.held_on}"),
        ("按时通知（提前十天，第二十一条）", Cell(yes_no(m.notice_in_time), tag="" if m.notice_in_time else "red")),
        ("应到 / 实到", f"{m.eligible} / {m.present}" + (f"，到会户代表{m.households_present}户（共{m.households}户）" if m.households_present else "")),
        ("达到法定人数", Cell(yes_no(m.quorum_met), tag="green" if m.quorum_met else "red")),
        ("会议记录", m.minutes or "—"),
    ]  # fmt: skip
    sections = [
        Section(
            "会议决定",
            ["事项类别（第二十四条）", "决定事项", "赞成人数", "结果"],
            [[d.get_category_display(), d.subject, d.yes_votes, Cell("通过", tag="green") if d.passed else Cell("未通过", tag="grey")]
             for d in m.decisions.all()],
        )
    ]  # fmt: skip
    actions = []
    if can_manage(request.user) and m.quorum_met:
        actions.append(
            Action("登记决定", f.DecisionForm(), reverse("community:decision_add", args=[pk]), "登记")
        )
    return detail_page(
        request, title=m.title, trail=crumbs(("村（居）委会", reverse("community:committee_list")), (m.title, None)),
        fields=fields, sections=sections, actions=actions,
    )  # fmt: skip


def decision_add(request, pk: int):
    m = sel.meeting_detail(request.user, pk)
    return act_then_redirect(
        request, f.DecisionForm(request.POST), lambda d: svc.add_decision(request.user, m, **d),
        lambda d: "决定已通过" if d.passed else "未获到会人员过半数同意，未通过",
        reverse("community:meeting_detail", args=[pk]),
    )  # fmt: skip


def _state(x, today: date) -> Cell:
    if x.published_on:
        late = disclosure_overdue(x.due_on, x.published_on, today)
        return Cell("逾期公开" if late else "按时公开", tag="orange" if late else "green")
    return (
        Cell("超期未公开", tag="red")
        if disclosure_overdue(x.due_on, None, today)
        else Cell("待公开", tag="grey")
    )


def disclosure_list(request):
    ff, d = search(request, f.DisclosureFilter)
    today = date.today()
    page = paginate(
        request,
        sel.disclosure_list(
            request.user, category=d.get("category") or "", state=d.get("state") or "",
            division_code=d.get("division_code") or "", today=today,
        ),
    )  # fmt: skip
    rows = [
        [
            link(x.committee.name, "community:disclosure_detail", x.pk),
            x.get_category_display(),
            FREQUENCY_LABELS.get(x.frequency, ""),
            x.period,
            due_cell(x.due_on, today, done=x.published_on is not None),
            x.published_on or "",
            _state(x, today),
        ]
        for x in page
    ]
    return table_page(
        request,
        title="村务公开",
        trail=crumbs((DISCLOSURES[0], None)),
        page_obj=page,
        filter_form=ff,
        headers=["村（居）委会", "类别", "频次", "期间或事项", "最迟公开日", "公开日期", "状态"],
        rows=rows,
        intro="一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；涉及村民利益的重大事项应当随时公布（村民委员会组织法第三十条）。期末后最迟公开天数按本地办法在政策参数中设定。",
    )


def disclosure_detail(request, pk: int):
    x = sel.disclosure_detail(request.user, pk)
    today = date.today()
    fields = [
        ("村（居）委会", link(x.committee.name, "community:committee_detail", x.committee_id)),
        ("类别", x.get_category_display()),
        ("频次", FREQUENCY_LABELS.get(x.frequency, "")),
        ("期间或事项", x.period),
        ("期末日或事项发生日", x.period_end),
        ("最迟公开日", due_cell(x.due_on, today, done=x.published_on is not None)),
        ("公开日期", x.published_on or "未公开"),
        ("公开方式", x.get_channel_display() if x.channel else ""),
        ("内容摘要", x.content),
        ("状态", _state(x, today)),
    ]
    actions = []
    if can_manage(request.user) and not x.published_on:
        actions.append(
            Action(
                "公开",
                f.DisclosurePublishForm(),
                reverse("community:disclosure_publish", args=[pk]),
                "登记公开",
            )
        )
    return detail_page(
        request, title=f"村务公开：{x.period}", trail=crumbs((DISCLOSURES[0], reverse(DISCLOSURES[1])), (x.period, None)),
        fields=fields, actions=actions,
    )  # fmt: skip


def disclosure_publish(request, pk: int):
    x = sel.disclosure_detail(request.user, pk)
    return act_then_redirect(
        request, f.DisclosurePublishForm(request.POST), lambda d: svc.publish_disclosure(request.user, x, **d),
        "已登记公开", reverse("community:disclosure_detail", args=[pk]),
    )  # fmt: skip
