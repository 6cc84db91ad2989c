"""Workforce pages: the gap table by township, the 儿童督导员/儿童主任 list, a worker with training, stations."""

from datetime import date

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import run_service

from .. import forms as f
from ..selectors import workforce as sel
from ..services import workforce as svc
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

LIST = ("儿童工作队伍", "children:workforce")


class WorkforceFilterForm(forms.Form):
    division_code = forms.CharField(label="区划", required=False)


def _pct(value) -> str:
    return "—" if value is None else f"{value}%"


def workforce(request):
    require(request.user, Capability.VIEW_REGISTRY)
    ff, d = search(request, WorkforceFilterForm)
    code = d.get("division_code") or request.user.division_code
    if not covers(request.user.division_code, code):
        code = request.user.division_code
    data = sel.overview(code, date.today())
    names = names_of({r.code for r in data.rows} | {v for r in data.rows for v in r.villages_without})
    rows = [
        [
            names.get(r.code, r.code),
            Cell("已建" if r.station else "未建", tag="green" if r.station else "red"),
            Cell("已配备" if r.supervisor else "缺", tag="green" if r.supervisor else "red"),
            f"{r.villages_with_director} / {r.villages}",
            "、".join(names.get(v, v) for v in r.villages_without[:8])
            + ("等" if len(r.villages_without) > 8 else ""),
        ]
        for r in data.rows
    ]
    summary = (
        f"未保工作站覆盖率 {_pct(data.station_coverage)}；儿童督导员配备率 {_pct(data.supervisor_coverage)}；"
        f"村（居）儿童主任配备率 {_pct(data.director_coverage)}；儿童主任本年参训率 {_pct(data.trained_rate)}"
        f"（{data.directors_trained} / {data.directors}）"
    )
    toolbar = []
    if can(request.user, Capability.SUPERVISE_CHILD_CASES):
        toolbar = [
            ("建立工作站", reverse("children:station_create")),
            ("任命督导员/儿童主任", reverse("children:worker_create")),
        ]
    toolbar.append(("人员名录", reverse("children:worker_list")))
    toolbar.append(("县级机构转型", reverse("children:institution_list")))
    page = paginate(request, rows, per_page=50)
    return table_page(
        request,
        title="儿童工作队伍与未保工作站（缺口）",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=[
            "乡镇（街道）",
            "未保工作站",
            "儿童督导员",
            "有儿童主任的村（居）/ 村（居）数",
            "缺儿童主任的村（居）",
        ],
        rows=list(page),
        filter_form=ff,
        toolbar=toolbar,
        intro=summary
        + "。依据：未保法第八十一条；民发〔2019〕34号（每个乡镇一名儿童督导员，每个村居一名儿童主任）。",
    )


def worker_list(request):
    page = paginate(request, sel.worker_list(request.user))
    names = names_of({w.division_code for w in page})
    rows = [
        [
            Cell(w.name, reverse("children:worker_detail", args=[w.pk])),
            w.get_role_display(),
            names.get(w.division_code, w.division_code),
            w.background,
            w.appointed_on,
        ]
        for w in page
    ]
    return table_page(
        request, title="儿童督导员、儿童主任名录", trail=crumbs((LIST[0], reverse(LIST[1])), ("人员名录", None)),
        page_obj=page, headers=["姓名", "岗位", "区划", "身份", "任职日期"], rows=rows,
    )  # fmt: skip


def worker_detail(request, pk: int):
    w = sel.worker_detail(request.user, pk)
    fields = [
        ("姓名", w.name), ("岗位", w.get_role_display()), ("区划", names_of({w.division_code}).get(w.division_code, w.division_code)),
        ("联系电话", w.phone), ("身份", w.background), ("任职日期", w.appointed_on),
        ("离任", f"{w.ended_on} {w.end_reason}" if w.ended_on else ""),
    ]  # fmt: skip
    trainings = Section(
        "培训记录", ["日期", "学时", "内容"], [[t.trained_on, t.hours, t.topic] for t in sel.trainings_of(w)]
    )
    actions = []
    if w.ended_on is None and (
        can(request.user, Capability.MANAGE_CHILDREN) or can(request.user, Capability.SUPERVISE_CHILD_CASES)
    ):
        actions.append(
            Action(
                "记录培训",
                f.TrainingForm(),
                reverse("children:training_create", args=[pk]),
                "保存",
                testid="training-form",
            )
        )
    if w.ended_on is None and can(request.user, Capability.SUPERVISE_CHILD_CASES):
        actions.append(
            Action("离任", f.EndForm(), reverse("children:worker_end", args=[pk]), "离任", "确定办理离任？")
        )
    return detail_page(
        request, title=f"{w.get_role_display()}：{w.name}", trail=crumbs((LIST[0], reverse(LIST[1])), (w.name, None)),
        fields=fields, sections=[trainings], actions=actions,
    )  # fmt: skip


def _create(request, form_class, call, title: str, success):
    require(request.user, Capability.SUPERVISE_CHILD_CASES)
    form = form_class(request.POST or None, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        created = run_service(form, lambda: call(request.user, **form.cleaned_data))
        if created:
            messages.success(request, success(created))
            return redirect(LIST[1])
    back = reverse(LIST[1])
    return form_page(
        request, title=title, trail=crumbs((LIST[0], back), (title, None)), form=form, cancel_url=back
    )


def station_create(request):
    return _create(
        request, f.StationForm, svc.open_station, "建立未成年人保护工作站", lambda s: f"已建立{s.name}"
    )


def worker_create(request):
    return _create(
        request,
        f.WorkerForm,
        svc.appoint,
        "任命儿童督导员或儿童主任",
        lambda w: f"已任命{w.get_role_display()} {w.name}",
    )


def _back(worker) -> str:
    return reverse("children:worker_detail", args=[worker.pk])


training_create = record_action(
    sel.worker_detail, f.TrainingForm, lambda u, w, d: svc.record_training(u, w, **d), "已记录培训", _back
)
worker_end = record_action(
    sel.worker_detail,
    f.EndForm,
    lambda u, w, d: svc.end_appointment(u, w, ended_on=d["ended_on"], reason=d["reason"]),
    "已办理离任",
    _back,
)


def institution_create(request):
    return _create(
        request,
        f.InstitutionForm,
        svc.record_institution,
        "登记县级未成年人救助保护机构（转型）",
        lambda i: f"已登记{i.name}",
    )


def institution_list(request):
    """县级儿童福利机构转型: each county of the jurisdiction (or of the division asked), transformed or not — the
    drill-down of the plan indicator."""
    require(request.user, Capability.VIEW_REGISTRY)
    ff, d = search(request, WorkforceFilterForm)
    code = d.get("division_code") or request.user.division_code
    if not covers(request.user.division_code, code):
        code = request.user.division_code
    counties = sel.institution_rows(code, date.today())
    names = names_of({c for c, _ in counties})
    rows = [
        [
            names.get(county, county),
            Cell("已转型" if inst else "未转型", tag="green" if inst else "red"),
            inst.name if inst else "",
            inst.transformed_on if inst else "",
            inst.basis if inst else "",
        ]
        for county, inst in counties
    ]
    done = sum(1 for _, inst in counties if inst)
    toolbar = (
        [("登记转型机构", reverse("children:institution_create"))]
        if can(request.user, Capability.SUPERVISE_CHILD_CASES)
        else []
    )
    page = paginate(request, rows, per_page=50)
    return table_page(
        request,
        title="县级未成年人救助保护机构（转型）",
        trail=crumbs((LIST[0], reverse(LIST[1])), ("县级机构转型", None)),
        page_obj=page,
        headers=["县（市、区）", "状态", "机构名称", "转型（挂牌）日期", "依据"],
        rows=list(page),
        filter_form=ff,
        toolbar=toolbar,
        intro=f"已转型 {done} / {len(counties)} 个县（市、区）。规划目标：辽宁总体75%、阜新65%（县级儿童福利机构转型为未成年人救助保护机构）。",
    )
