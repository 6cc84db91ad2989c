"""社会工作 pages: 社工站 (with their “六有” checks and service records) and 社会工作者."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..rules.socialwork import SIX_STANDARDS, missing_standards
from ..selectors import socialwork as sel
from ..services import socialwork as svc
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    form_page,
    masked,
    paginate,
    search,
    table_page,
)

STATIONS = ("社会工作", "socialorgs:sw_station_list")
WORKERS = ("社会工作者", "socialorgs:sw_worker_list")


def _standard_cell(check) -> Cell:
    if check is None:
        return Cell("未核查", tag="gray")
    missing = missing_standards({field: getattr(check, field) for field, _ in SIX_STANDARDS})
    if not missing:
        return Cell("达到“六有”", tag="green")
    return Cell("缺" + "、".join(label[1:] for label in missing), tag="red")


def station_list(request):
    page = paginate(request, sel.station_list(request.user, request.GET.get("division_code", "")))
    names = sel.township_names(s.division_code for s in page)
    rows = [
        [
            Cell(s.name, reverse("socialorgs:sw_station_detail", args=[s.pk])),
            names.get(s.division_code, s.division_code),
            s.operator,
            s.opened_on,
            Cell("已撤销", tag="gray") if s.closed_on else _standard_cell(next(iter(s.checks.all()), None)),
            f"{s.service_count}次 / {s.persons or 0}人次",
        ]
        for s in page
    ]
    toolbar = [(WORKERS[0], reverse(WORKERS[1]))]
    if can_manage(request.user):
        toolbar.insert(0, ("设立社工站", reverse("socialorgs:sw_station_create")))
    return table_page(
        request, title="乡镇（街道）社工站", trail=crumbs((STATIONS[0], None)), page_obj=page, toolbar=toolbar,
        headers=["站点名称", "所在乡镇（街道）", "承接机构", "设立日期", "“六有”情况", "服务记录"], rows=rows,
        intro="乡镇（街道）社会工作和社会救助服务站按“有场地、有设备、有人员、有服务功能、有工作流程、有规章制度”建设；"
        "覆盖率只计运行中且最近一次核查六项全部具备的站点。",
    )  # fmt: skip


def station_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.SocialWorkStationForm, townships=sel.division_choices(request.user, (4,)))
    if request.method == "POST" and form.is_valid():
        row = run_service(form, lambda: svc.open_station(request.user, **form.cleaned_data))
        if row:
            messages.success(request, "已设立社工站，请录入“六有”核查")
            return redirect("socialorgs:sw_station_detail", pk=row.pk)
    back = reverse(STATIONS[1])
    return form_page(
        request, title="设立社工站", trail=crumbs((STATIONS[0], back), ("设立", None)), form=form,
        cancel_url=back, submit="设立",
    )  # fmt: skip


def station_detail(request, pk: int):
    s = sel.station_detail(request.user, pk)
    checks, services, workers = sel.checks_of(s), sel.services_of(s), sel.workers_of(s)
    fields = [
        ("所在乡镇（街道）", sel.township_names([s.division_code]).get(s.division_code, s.division_code)),
        ("承接机构（政府购买服务）", s.operator),
        ("设立日期", s.opened_on),
        ("撤销日期", s.closed_on or ""),
        ("“六有”情况（最近一次核查）", _standard_cell(checks[0] if checks else None)),
    ]
    sections = [
        Section(
            "“六有”核查记录",
            ["核查日期", "结果", "核查说明", "核查人"],
            [[c.checked_on, _standard_cell(c), c.note, c.checked_by.display_name] for c in checks],
        ),
        Section(
            "服务记录（最近100条）",
            ["服务日期", "服务类型", "服务人次", "服务内容"],
            [[r.served_on, r.get_kind_display(), r.persons, r.note] for r in services],
        ),
        Section(
            "在站社会工作者",
            ["姓名", "职业水平", "证书编号"],
            [
                [
                    Cell(w.name, reverse("socialorgs:sw_worker_detail", args=[w.pk])),
                    w.get_level_display(),
                    w.certificate_no,
                ]
                for w in workers
            ],
        ),
    ]
    actions = []
    if can_manage(request.user) and s.closed_on is None:
        actions = [
            Action("“六有”核查", f.StationCheckForm(), reverse("socialorgs:sw_station_check", args=[pk]), "保存核查"),
            Action("录入服务记录", f.StationServiceForm(), reverse("socialorgs:sw_station_service", args=[pk]), "录入"),
            Action(
                "撤销社工站", f.StationCloseForm(), reverse("socialorgs:sw_station_close", args=[pk]), "撤销",
                confirm="撤销后该站不再计入覆盖率，确定撤销吗？",
            ),
        ]  # fmt: skip
    return detail_page(
        request, title=s.name, trail=crumbs((STATIONS[0], reverse(STATIONS[1])), (s.name, None)), fields=fields,
        sections=sections, actions=actions, testid="sw-station",
    )  # fmt: skip


def _on_station(request, pk: int, form_class, call, success: str):
    s = sel.station_detail(request.user, pk)
    return act_then_redirect(
        request, form_class(request.POST), lambda d: call(request.user, s, **d), success,
        reverse("socialorgs:sw_station_detail", args=[pk]),
    )  # fmt: skip


def station_check(request, pk: int):
    return _on_station(request, pk, f.StationCheckForm, svc.record_check, "已保存“六有”核查")


def station_service(request, pk: int):
    return _on_station(request, pk, f.StationServiceForm, svc.record_service, "已录入服务记录")


def station_close(request, pk: int):
    return _on_station(request, pk, f.StationCloseForm, svc.close_station, "已撤销社工站")


def worker_list(request):
    ff, d = search(request, f.SocialWorkerFilter)
    rows_qs = sel.worker_list(
        request.user, level=d.get("level") or "", q=d.get("q") or "",
        division_code=request.GET.get("division_code", ""),
    )  # fmt: skip
    page = paginate(request, rows_qs)
    rows = [
        [
            Cell(w.name, reverse("socialorgs:sw_worker_detail", args=[w.pk])),
            masked(w.id_number),
            w.get_level_display(),
            w.employer,
            w.station.name if w.station else "",
            Cell(f"{w.left_on}离职", tag="gray") if w.left_on else "在职",
        ]
        for w in page
    ]
    toolbar = [("社工站", reverse(STATIONS[1]))]
    if can_manage(request.user):
        toolbar.insert(0, ("登记社会工作者", reverse("socialorgs:sw_worker_create")))
    return table_page(
        request, title=WORKERS[0], trail=crumbs((STATIONS[0], reverse(STATIONS[1])), (WORKERS[0], None)),
        page_obj=page, filter_form=ff, toolbar=toolbar, rows=rows,
        headers=["姓名", "身份证件号码", "职业水平", "工作单位", "所在社工站", "状态"],
        intro="社会工作专业人才总量按期末在本区划工作、取得社会工作者职业水平证书的人数计算。",
    )  # fmt: skip


def worker_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(
        request, f.SocialWorkerForm, divisions=sel.division_choices(request.user, (2, 3, 4)),
        stations=sel.stations_for_choice(request.user),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        station_pk = d.pop("station")

        def register():
            station = sel.station_detail(request.user, int(station_pk)) if station_pk else None
            return svc.register_worker(request.user, station=station, **d)

        row = run_service(form, register)
        if row:
            messages.success(request, "已登记社会工作者")
            return redirect("socialorgs:sw_worker_detail", pk=row.pk)
    back = reverse(WORKERS[1])
    return form_page(
        request, title="登记社会工作者", trail=crumbs((WORKERS[0], back), ("登记", None)), form=form,
        cancel_url=back, submit="登记",
    )  # fmt: skip


def worker_detail(request, pk: int):
    w = sel.worker_detail(request.user, pk)
    fields = [
        ("身份证件号码", masked(w.id_number)),
        ("工作所在区划", sel.township_names([w.division_code]).get(w.division_code, w.division_code)),
        ("职业水平", w.get_level_display()),
        ("证书编号", w.certificate_no),
        ("取得证书日期", w.certified_on),
        ("工作单位", w.employer),
        ("所在社工站", Cell(w.station.name, reverse("socialorgs:sw_station_detail", args=[w.station_id]))
         if w.station else "无"),
        ("入职日期", w.joined_on),
        ("离职日期", w.left_on or ""),
    ]  # fmt: skip
    actions = []
    if can_manage(request.user) and w.left_on is None:
        actions = [
            Action(
                "登记离职", f.WorkerLeftForm(), reverse("socialorgs:sw_worker_left", args=[pk]), "登记",
                confirm="离职后不再计入本区划社会工作专业人才总量，确定吗？",
            )
        ]  # fmt: skip
    return detail_page(
        request, title=w.name, trail=crumbs((WORKERS[0], reverse(WORKERS[1])), (w.name, None)), fields=fields,
        actions=actions,
    )  # fmt: skip


def worker_left(request, pk: int):
    w = sel.worker_detail(request.user, pk)
    return act_then_redirect(
        request, f.WorkerLeftForm(request.POST), lambda d: svc.worker_left(request.user, w, **d), "已登记离职",
        reverse("socialorgs:sw_worker_detail", args=[pk]),
    )  # fmt: skip
