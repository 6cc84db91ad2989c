"""村（居）委会 pages: the list, setting one up, and its detail with members, groups, the 村务监督委员会,
民主评议, facilities, workers, grids, meetings, 村务公开 and 换届, each with its action form."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..models import Committee, CommitteeKind
from ..models.choices import FREQUENCY_LABELS
from ..rules.facilities import area_per_100_households
from ..selectors import committees as sel
from ..services import committees as svc
from ..services import elections as esvc
from ..services import facilities as fsvc
from ..services import meetings as msvc
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    due_cell,
    form_page,
    link,
    paginate,
    search,
    table_page,
    yes_no,
)

LIST = ("村（居）委会", "community:committee_list")


def committee_list(request):
    ff, d = search(request, f.CommitteeFilter)
    page = paginate(
        request,
        sel.committee_list(
            request.user,
            kind=d.get("kind") or "",
            q=d.get("q") or "",
            division_code=d.get("division_code") or "",
        ),
    )
    rows = [
        [
            link(c.name, "community:committee_detail", c.pk),
            c.get_kind_display(),
            c.households,
            c.population,
            c.sitting,
            Cell(c.women, tag="red") if c.kind == CommitteeKind.VILLAGE and not c.women else c.women,
            f"第{c.term_number}届" + (f"（{c.term_end}届满）" if c.term_end else ""),
        ]
        for c in page
    ]
    toolbar = (
        [("新增村（居）委会", reverse("community:committee_create"))] if can_manage(request.user) else []
    )
    return table_page(
        request,
        title="村（居）民委员会",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=toolbar,
        headers=["名称", "类型", "户数", "人口数", "在任成员", "女性成员", "届次"],
        rows=rows,
        intro="村民委员会由主任、副主任和委员共三至七人组成，应当有妇女成员（村民委员会组织法第六条）；居民委员会五至九人，一般在一百户至七百户的范围内设立（城市居民委员会组织法第六、七条）。",
    )


def committee_create(request):
    require(request.user, Capability.MANAGE_COMMUNITY)
    form = submitted(request, f.CommitteeForm)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        committee = run_service(
            form,
            lambda: svc.create_committee(
                request.user, division_code=d["division_code"], kind=d["kind"], households=d["households"],
                population=d["population"], adults=d["adults"], representatives=d["representatives"] or 0,
                term_number=d["term_number"], term_start=d["term_start"],
            ),
        )  # fmt: skip
        if committee:
            messages.success(request, f"已建立{committee.name}")
            return redirect("community:committee_detail", pk=committee.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="新增村（居）民委员会",
        trail=crumbs((LIST[0], back), ("新增", None)),
        form=form,
        cancel_url=back,
    )


def _member_rows(members) -> list:
    return [
        [
            m.name,
            m.get_sex_display(),
            m.get_role_display(),
            yes_no(m.party_member),
            yes_no(m.party_secretary),
            m.term_start,
            Cell(f"{m.ended_on}（{m.end_reason}）", tag="grey") if m.ended_on else Cell("在任", tag="green"),
            "；".join(f"{a.year}年{a.get_result_display()}" for a in m.appraisals.all()),
        ]
        for m in members
    ]


def committee_detail(request, pk: int):
    c = sel.committee_detail(request.user, pk)
    today = date.today()
    members = list(c.members.prefetch_related("appraisals").order_by("ended_on", "role", "pk"))
    sitting = [m for m in members if m.ended_on is None]
    problems = svc.composition_problems(c, today)
    warning = svc.size_warning(c, today)
    centres = list(c.centres.filter(closed_on__isnull=True))
    area = sum((x.area_m2 for x in centres), 0)
    fields = [
        ("类型", c.get_kind_display()),
        ("区划代码", c.division_code),
        ("户数 / 人口数 / 十八周岁以上", f"{c.households} / {c.population} / {c.adults}"),
        ("村（居）民代表", c.representatives),
        ("届次", f"第{c.term_number}届，{c.term_start or '—'}至{c.term_end or '—'}"),
        ("成员构成", Cell("；".join(problems), tag="red") if problems else Cell("符合规定", tag="green")),
    ]
    if warning:
        fields.append(("规模提示", Cell(warning, tag="orange")))
    per_100 = area_per_100_households(area, c.households)
    fields.append(("每百户服务设施面积", f"{per_100}平方米" if per_100 is not None else "—"))
    sections = [
        Section("委员会成员", ["姓名", "性别", "职务", "中共党员", "一肩挑", "任职起始", "状态", "民主评议"], _member_rows(members)),
        Section("村民小组", ["名称", "组长", "户数"], [[g.name, g.leader, g.households] for g in c.groups.all()]),
        Section(
            "村务监督委员会",
            ["姓名", "性别", "主任", "财会、管理知识", "推选日期"],
            [[s.name, s.get_sex_display(), yes_no(s.chair), yes_no(s.accounting_skills), s.appointed_on]
             for s in c.supervisors.filter(ended_on__isnull=True)],
        ),
        Section(
            "换届选举",
            ["届次", "选举日", "选民名单最迟公布日", "状态"],
            [[link(f"第{r.term_number}届", "community:round_detail", r.pk), r.election_on, r.publish_by,
              r.get_status_display()] for r in c.rounds.order_by("-term_number")],
        ),
        Section(
            "罢免",
            ["被罢免成员", "提出日期", "联名", "表决结果"],
            [[link(x.member.name, "community:recall_detail", x.pk), x.proposed_on, f"{x.signatures}/{x.base}",
              "待表决" if x.passed is None else ("罢免通过" if x.passed else "未通过")]
             for x in sel.recalls_of(c)],
        ),
        Section(
            "村（居）民会议",
            ["议题", "类型", "召开日期", "按时通知", "达到法定人数"],
            [[link(m.title, "community:meeting_detail", m.pk), m.get_kind_display(), m.held_on,
              Cell(yes_no(m.notice_in_time), tag="" if m.notice_in_time else "red"),
              Cell(yes_no(m.quorum_met), tag="" if m.quorum_met else "red")] for m in c.meetings.all()[:20]],
        ),
        Section(
            "村务公开",
            ["期间或事项", "类别", "频次", "最迟公开日", "公开日期"],
            [[link(x.period, "community:disclosure_detail", x.pk), x.get_category_display(),
              FREQUENCY_LABELS.get(x.frequency, ""), due_cell(x.due_on, today, done=x.published_on is not None),
              x.published_on or ""] for x in c.disclosures.order_by("-due_on")[:20]],
        ),
        Section(
            "综合服务设施",
            ["名称", "建筑面积（平方米）", "功能用房", "志愿服务站点", "投入使用"],
            [[x.name, x.area_m2, x.rooms, yes_no(x.volunteer_station), x.opened_on] for x in centres],
        ),
        Section(
            "社区工作者",
            ["姓名", "岗位", "岗位等级", "月薪酬", "社工资格"],
            [[w.name, w.get_post_display(), w.grade, f"¥{w.monthly_pay:,.2f}", w.get_certificate_display() or "无"]
             for w in c.workers.filter(left_on__isnull=True)],
        ),
        Section(
            "网格",
            ["编号", "名称", "村民小组"],
            [[link(g.number, "community:grid_detail", g.pk), g.name, g.group.name if g.group else ""]
             for g in c.grids.select_related("group")],
        ),
    ]  # fmt: skip
    actions = []
    if can_manage(request.user):
        u = lambda name: reverse(f"community:{name}", args=[pk])  # noqa: E731
        actions = [
            Action("开启换届选举", f.RoundForm(), u("round_open"), "开启", testid="round-open-form"),
            Action("增加成员", f.MemberForm(), u("member_add"), "增加"),
            Action("增加村民小组", f.GroupForm(), u("group_add"), "增加"),
            Action("推选村务监督委员会成员", f.SupervisorForm(members=sitting), u("supervisor_add"), "增加"),
            Action("民主评议", f.AppraisalForm(members=sitting), u("appraisal_add"), "登记")
            if sitting
            else None,
            Action("提出罢免", f.RecallForm(members=sitting), u("recall_add"), "提出") if sitting else None,
            Action("登记会议", f.MeetingForm(), u("meeting_add"), "登记"),
            Action("村务公开事项", f.DisclosurePlanForm(), u("disclosure_add"), "增加"),
            Action("增加服务设施", f.CentreForm(), u("centre_add"), "增加"),
            Action("增加社区工作者", f.WorkerForm(), u("worker_add"), "增加"),
            Action("增加网格", f.GridForm(groups=list(c.groups.all())), u("grid_add"), "增加"),
        ]
    return detail_page(
        request,
        title=c.name,
        trail=crumbs((LIST[0], reverse(LIST[1])), (c.name, None)),
        fields=fields,
        sections=sections,
        actions=actions,
        testid="committee-detail",
    )


def _act(request, pk: int, form, call, success):
    c = sel.committee_detail(request.user, pk)
    return act_then_redirect(
        request, form, lambda d: call(c, d), success, reverse("community:committee_detail", args=[pk])
    )


def _member_of(c: Committee, value: str):
    return c.members.filter(pk=int(value) if str(value).isdigit() else 0, ended_on__isnull=True).first()


def _required_member(c: Committee, value: str):
    from ..errors import InvalidCommunityInput

    member = _member_of(c, value)
    if member is None:
        raise InvalidCommunityInput("请选择在任成员", field="member")
    return member


def round_open(request, pk: int):
    c = sel.committee_detail(request.user, pk)
    form = f.RoundForm(request.POST)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        round_ = run_service(
            form,
            lambda: esvc.open_round(
                request.user, c, round_year=d["round_year"], election_on=d["election_on"], today=date.today()
            ),
        )
        if round_:
            messages.success(
                request, f"已开启第{round_.term_number}届换届选举，选民名单最迟{round_.publish_by}公布"
            )
            return redirect("community:round_detail", pk=round_.pk)
    from minzheng.web.kit.forms import flash_errors

    flash_errors(request, form)
    return redirect("community:committee_detail", pk=pk)


def member_add(request, pk: int):
    return _act(
        request,
        pk,
        f.MemberForm(request.POST),
        lambda c, d: svc.add_member(request.user, c, **d),
        "已增加成员",
    )


def group_add(request, pk: int):
    return _act(request, pk, f.GroupForm(request.POST), lambda c, d: svc.add_group(
        request.user, c, name=d["name"], leader=d["leader"], households=d["households"] or 0), "已增加村民小组")  # fmt: skip


def supervisor_add(request, pk: int):
    c = sel.committee_detail(request.user, pk)
    form = f.SupervisorForm(request.POST, members=list(c.members.filter(ended_on__isnull=True)))

    def call(c, d):
        related = _member_of(c, d["related_member"]) if d["related_member"] else None
        return svc.add_supervisor(
            request.user, c, name=d["name"], sex=d["sex"], appointed_on=d["appointed_on"], chair=d["chair"],
            accounting_skills=d["accounting_skills"], related_member=related, relation=d["relation"],
            id_number=d["id_number"],
        )  # fmt: skip

    return _act(request, pk, form, call, "已推选村务监督委员会成员")


def appraisal_add(request, pk: int):
    c = sel.committee_detail(request.user, pk)
    form = f.AppraisalForm(request.POST, members=list(c.members.filter(ended_on__isnull=True)))
    return _act(request, pk, form, lambda c, d: svc.record_appraisal(
        request.user, _required_member(c, d["member"]), year=d["year"], result=d["result"],
        appraised_on=d["appraised_on"]), "已登记民主评议")  # fmt: skip


def recall_add(request, pk: int):
    c = sel.committee_detail(request.user, pk)
    form = f.RecallForm(request.POST, members=list(c.members.filter(ended_on__isnull=True)))
    return _act(request, pk, form, lambda c, d: esvc.propose_recall(
        request.user, _required_member(c, d["member"]), by_representatives=d["by_representatives"] == "1",
        signatures=d["signatures"], base=d["base"], proposed_on=d["proposed_on"], reason=d["reason"]),
        "已登记罢免要求")  # fmt: skip


def meeting_add(request, pk: int):
    return _act(request, pk, f.MeetingForm(request.POST), lambda c, d: msvc.record_meeting(
        request.user, c, kind=d["kind"], title=d["title"], notified_on=d["notified_on"], held_on=d["held_on"],
        eligible=d["eligible"], present=d["present"], households_present=d["households_present"] or 0,
        minutes=d["minutes"]), lambda m: "已登记会议" + ("" if m.quorum_met else "（未达到法定人数）"))  # fmt: skip


def disclosure_add(request, pk: int):
    return _act(request, pk, f.DisclosurePlanForm(request.POST), lambda c, d: msvc.plan_disclosure(
        request.user, c, **d), lambda x: f"已增加，最迟{x.due_on}公开")  # fmt: skip


def centre_add(request, pk: int):
    return _act(
        request,
        pk,
        f.CentreForm(request.POST),
        lambda c, d: fsvc.add_centre(request.user, c, **d),
        "已增加服务设施",
    )


def worker_add(request, pk: int):
    return _act(
        request,
        pk,
        f.WorkerForm(request.POST),
        lambda c, d: fsvc.add_worker(request.user, c, **d),
        "已增加社区工作者",
    )


def grid_add(request, pk: int):
    c = sel.committee_detail(request.user, pk)
    form = f.GridForm(request.POST, groups=list(c.groups.all()))

    def call(c, d):
        group = c.groups.filter(pk=int(d["group"])).first() if d["group"].isdigit() else None
        return fsvc.add_grid(request.user, c, number=d["number"], name=d["name"], group=group)

    return _act(request, pk, form, call, "已增加网格")
