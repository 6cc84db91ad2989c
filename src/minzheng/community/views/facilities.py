"""Facilities (每百户面积 against the standard in force, coverage), 社区工作者 (per 万 urban residents), grids
with their workers, households and events (主动发现 into 社会救助)."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.assistance import interface as assistance
from minzheng.core.identity import mask_name
from minzheng.web.kit.forms import act_then_redirect, flash_errors

from .. import forms as f
from ..errors import InvalidCommunityInput
from ..models import CommitteeKind, EventStatus
from ..rules.facilities import (
    area_per_100_households,
    facility_problems,
    grid_size_warning,
    percentage,
    workers_per_10k,
)
from ..selectors import committees as sel
from ..selectors import facilities as fsel
from ..services import facilities as svc
from ..services import parameters
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    link,
    paginate,
    search,
    table_page,
    yes_no,
)


def facility_list(request):
    ff, d = search(request, f.AreaFilter)
    division = d.get("division_code") or ""
    page = paginate(request, fsel.facility_rows(request.user, division_code=division))
    today = date.today()
    standards: dict[str, tuple] = {}
    rows = []
    for c in page:
        county = c.division_code[:6] + "000000"  # the standards are set for counties and above
        if county not in standards:
            standards[county] = (
                parameters.value("centre_m2_per_100_households", county, today),
                parameters.value("centre_min_area", county, today),
            )
        per_100_min, total_min = standards[county]
        total_min = total_min if c.kind == CommitteeKind.RESIDENTS else 0
        problems = (
            facility_problems(c.area, c.households, per_100_min, total_min)
            if c.centre_count
            else ["无综合服务设施"]
        )
        per_100 = area_per_100_households(c.area, c.households)
        rows.append([
            link(c.name, "community:committee_detail", c.pk), c.get_kind_display(), c.households, c.centre_count,
            c.area, per_100 if per_100 is not None else "—", f"≥{per_100_min}" + (f"，总面积≥{total_min}" if total_min else ""),
            Cell("；".join(problems), tag="red") if problems else Cell("达标", tag="green"),
            yes_no(c.with_volunteers),
        ])  # fmt: skip
    cover = fsel.coverage(request.user, division)
    above = []
    for kind, label in ((CommitteeKind.RESIDENTS, "城市社区"), (CommitteeKind.VILLAGE, "农村社区（村）")):
        covered, n = cover.get(kind, (0, 0))
        pct = percentage(covered, n)
        above.append(f"{label}综合服务设施覆盖率：{covered}/{n}（{pct if pct is not None else '—'}%）")
    return table_page(
        request, title="社区综合服务设施", trail=crumbs(("服务设施", None)), page_obj=page, filter_form=ff,
        headers=["村（居）委会", "类型", "户数", "设施数", "建筑面积（平方米）", "每百户面积", "标准", "达标情况", "志愿服务站点"],
        rows=rows, above=above,
        intro="每百户居民拥有综合服务设施面积不低于30平方米（2017年城乡社区治理意见）；各地标准按区划和生效日期在政策参数中设定（浑南区城市社区每百户不少于40平方米、总面积不少于600平方米）。",
    )  # fmt: skip


def worker_list(request):
    ff, d = search(request, f.AreaFilter)
    division = d.get("division_code") or ""
    page = paginate(request, fsel.worker_list(request.user, division_code=division))
    workers, residents = fsel.worker_totals(request.user, division)
    ratio = workers_per_10k(workers, residents)
    target = parameters.value("workers_per_10k", request.user.division_code or "000000000000", date.today())
    rows = [
        [w.name, link(w.committee.name, "community:committee_detail", w.committee_id), w.get_post_display(), w.grade,
         f"¥{w.monthly_pay:,.2f}", w.get_certificate_display() or "无", w.started_on]
        for w in page
    ]  # fmt: skip
    above = [
        f"在岗社区工作者{workers}人，居民委员会常住人口{residents}人，每万名城镇常住人口拥有社区工作者"
        f"{ratio if ratio is not None else '—'}人（目标{target}人）"
    ]
    return table_page(
        request, title="社区工作者", trail=crumbs(("社区工作者", None)), page_obj=page, filter_form=ff,
        headers=["姓名", "村（居）委会", "岗位", "岗位等级", "月薪酬", "社工资格", "入职日期"], rows=rows, above=above,
    )  # fmt: skip


def grid_detail(request, pk: int):
    g = sel.grid_detail(request.user, pk)
    today = date.today()
    workers = list(g.workers.all())
    households = fsel.grid_households(g)
    n = households.count()
    fields = [
        ("村（居）委会", link(g.committee.name, "community:committee_detail", g.committee_id)),
        ("网格编号 / 名称", f"{g.number} / {g.name}"),
        ("纳入住户", f"{n}户"),
    ]
    if g.committee.kind == CommitteeKind.RESIDENTS:
        low = parameters.integer("urban_grid_min_households", g.division_code, today)
        high = parameters.integer("urban_grid_max_households", g.division_code, today)
        warning = grid_size_warning(n, low, high)
        fields.append(
            ("规模", Cell(warning, tag="orange") if warning else Cell(f"在{low}至{high}户之间", tag="green"))
        )
    else:
        fields.append(
            (
                "村民小组",
                g.group.name if g.group else Cell("农村网格应以村民小组或自然村为单元", tag="orange"),
            )
        )
    sections = [
        Section("网格长、网格员", ["姓名", "职责", "编号"], [[w.name, w.get_role_display(), w.number] for w in workers]),
        Section(
            "网格事件",
            ["报告日期", "类型", "报告人", "状态"],
            [[link(e.reported_on, "community:event_detail", e.pk), e.get_kind_display(), e.reported_by.name,
              e.get_status_display()] for e in g.events.select_related("reported_by")[:20]],
        ),
        Section(
            "纳入住户（前50户）",
            ["户编号", "户主", "地址"],
            [[x.household.number, mask_name(x.household.head.name) if x.household.head_id else "", x.household.address]
             for x in households.select_related("household__head")[:50]],
        ),
    ]  # fmt: skip
    actions = []
    if can_manage(request.user):
        u = lambda name: reverse(f"community:{name}", args=[pk])  # noqa: E731
        actions = [
            Action("增加网格长、网格员", f.GridWorkerForm(), u("grid_worker_add"), "增加"),
            Action("纳入人口库中未划入网格的住户", f.AttachForm(), u("grid_attach"), "纳入"),
            Action("报告事件", f.EventForm(workers=workers), u("event_report"), "报告") if workers else None,
        ]
    return detail_page(
        request, title=f"网格 {g.number}", trail=crumbs(("村（居）委会", reverse("community:committee_list")), (g.number, None)),
        fields=fields, sections=sections, actions=actions,
    )  # fmt: skip


def _grid_act(request, pk, form, call, success):
    g = sel.grid_detail(request.user, pk)
    return act_then_redirect(
        request, form, lambda d: call(g, d), success, reverse("community:grid_detail", args=[pk])
    )


def grid_worker_add(request, pk: int):
    return _grid_act(
        request,
        pk,
        f.GridWorkerForm(request.POST),
        lambda g, d: svc.add_grid_worker(request.user, g, **d),
        "已增加",
    )


def grid_attach(request, pk: int):
    return _grid_act(request, pk, f.AttachForm(request.POST), lambda g, d: svc.attach_unassigned_households(
        request.user, g, on=date.today(), limit=d["limit"]), lambda n: f"已纳入{n}户")  # fmt: skip


def event_report(request, pk: int):
    g = sel.grid_detail(request.user, pk)
    form = f.EventForm(request.POST, workers=list(g.workers.all()))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            worker = g.workers.get(pk=int(d["reported_by"]))
            event = svc.report_event(
                request.user, g, reported_by=worker, reported_on=d["reported_on"], kind=d["kind"],
                description=d["description"], household_number=d["household_number"],
            )  # fmt: skip
        except InvalidCommunityInput as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "已报告事件")
            return redirect("community:event_detail", pk=event.pk)
    else:
        flash_errors(request, form)
    return redirect("community:grid_detail", pk=pk)


def event_list(request):
    ff, d = search(request, f.EventFilter)
    page = paginate(
        request,
        sel.event_list(
            request.user, status=d.get("status") or "", division_code=d.get("division_code") or ""
        ),
    )
    rows = [
        [link(e.reported_on, "community:event_detail", e.pk), e.grid.number, e.get_kind_display(), e.reported_by.name,
         e.description[:40], e.get_status_display(), e.case_number]
        for e in page
    ]  # fmt: skip
    return table_page(
        request, title="网格事件", trail=crumbs(("网格事件", None)), page_obj=page, filter_form=ff,
        headers=["报告日期", "网格", "类型", "报告人", "情况", "状态", "救助申请编号"], rows=rows,
        intro="网格员报告的生活困难可直接转为社会救助申请（来源：主动发现）。",
    )  # fmt: skip


def event_detail(request, pk: int):
    e = sel.event_detail(request.user, pk)
    fields = [
        ("网格", link(e.grid.number, "community:grid_detail", e.grid_id)),
        ("报告人", e.reported_by.name),
        ("报告日期", e.reported_on),
        ("事件类型", e.get_kind_display()),
        ("情况描述", e.description),
        ("涉及住户", e.household.number if e.household_id else "—"),
        ("状态", e.get_status_display()),
        ("救助申请编号", e.case_number or "—"),
        ("处置结果", e.outcome or "—"),
    ]
    actions = []
    if can_manage(request.user) and e.status == EventStatus.OPEN:
        if e.household_id:
            programs = assistance.programs(request.user, enabled_only=True)
            actions.append(Action("转社会救助（主动发现）", f.ReferForm(programs=programs),
                                  reverse("community:event_refer", args=[pk]), "转入", testid="refer-form"))  # fmt: skip
        actions.append(
            Action("办结", f.CloseEventForm(), reverse("community:event_close", args=[pk]), "办结")
        )
    return detail_page(
        request, title="网格事件", trail=crumbs(("网格事件", reverse("community:event_list")), (str(e.reported_on), None)),
        fields=fields, actions=actions,
    )  # fmt: skip


def event_refer(request, pk: int):
    e = sel.event_detail(request.user, pk)
    form = f.ReferForm(request.POST, programs=assistance.programs(request.user, enabled_only=True))
    return act_then_redirect(
        request, form, lambda d: svc.refer_to_assistance(request.user, e, program_code=d["program_code"], today=date.today()),
        lambda number: f"已转为社会救助申请{number}", reverse("community:event_detail", args=[pk]),
    )  # fmt: skip


def event_close(request, pk: int):
    e = sel.event_detail(request.user, pk)
    return act_then_redirect(
        request, f.CloseEventForm(request.POST), lambda d: svc.close_event(request.user, e, **d), "已办结",
        reverse("community:event_detail", args=[pk]),
    )  # fmt: skip
