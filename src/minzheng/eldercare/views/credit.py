"""信用与事件 pages: credit records and the 失信 list (with 信用修复), 安全事件 and their handling."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of

from .. import forms as f
from ..models import CreditKind, IncidentKind, IncidentStatus
from ..selectors import supervision as sel
from ..services import credit as credit_svc
from .common import (
    Action,
    Cell,
    can_inspect,
    crumbs,
    detail_page,
    form_page,
    paginate,
    record_action,
    run_service,
    search,
    table_page,
)


class CreditFilterForm(forms.Form):
    division_code = forms.CharField(label="区划", required=False)
    kind = forms.ChoiceField(label="类型", required=False, choices=[("", "全部"), *CreditKind.choices])


def credit_list(request):
    ff, _ = search(request, CreditFilterForm)
    page = paginate(
        request,
        sel.credit_list(
            request.user,
            division_code=ff.cleaned_data.get("division_code", ""),
            kind=ff.cleaned_data.get("kind", ""),
        ),
    )
    rows = [
        [
            Cell(c.institution.name, reverse("eldercare:institution_detail", args=[c.institution_id])),
            c.get_kind_display(),
            c.reason,
            c.basis,
            c.recorded_on,
            (
                Cell(
                    f"失信名单至{c.blacklist_until}",
                    reverse("eldercare:blacklist_remove", args=[c.pk]),
                )
                if can_inspect(request.user)
                else f"失信名单至{c.blacklist_until}"
            )
            if c.blacklisted and not c.removed_on
            else (f"已移出 {c.removed_on}" if c.removed_on else ""),
        ]
        for c in page
    ]
    blacklist = sel.blacklist(request.user)
    names = names_of({c.division_code for c in blacklist})
    listed = (
        ", ".join(
            f"{c.institution.name}（{names.get(c.division_code, '')}，至{c.blacklist_until}）"
            for c in blacklist
        )
        or "无"
    )
    incidents = [("安全事件", reverse("eldercare:incident_list"))]
    return table_page(
        request,
        title="信用记录",
        trail=crumbs(("信用与事件", None)),
        page_obj=page,
        filter_form=ff,
        toolbar=incidents,
        headers=["机构", "类型", "事由", "依据", "认定日期", "失信名单"],
        rows=rows,
        intro=f"当前失信名单：{listed}。信用记录在机构详情页登记；点击名单期限可办理信用修复（移出名单）。",
    )


def blacklist_remove(request, pk: int):
    record = sel.credit_detail(request.user, pk)
    require(request.user, Capability.INSPECT_ELDERCARE)
    form = f.EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if run_service(
            form,
            lambda: credit_svc.remove_from_blacklist(
                request.user, record, removed_on=d["ended_on"], reason=d["reason"]
            ),
        ):
            messages.success(request, "已移出失信名单")
            return redirect("eldercare:credit_list")
    back = reverse("eldercare:credit_list")
    return form_page(
        request,
        title=f"信用修复：{record.institution.name}",
        trail=crumbs(("信用与事件", back), ("信用修复", None)),
        form=form,
        cancel_url=back,
        submit="移出失信名单",
    )


class IncidentFilterForm(forms.Form):
    division_code = forms.CharField(label="区划", required=False)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *IncidentStatus.choices])
    kind = forms.ChoiceField(label="类型", required=False, choices=[("", "全部"), *IncidentKind.choices])


def incident_list(request):
    ff, _ = search(request, IncidentFilterForm)
    page = paginate(
        request, sel.incident_list(request.user, **{k: v or "" for k, v in ff.cleaned_data.items()})
    )
    rows = [
        [
            Cell(i.institution.name, reverse("eldercare:incident_detail", args=[i.pk])),
            i.get_kind_display(),
            i.occurred_on,
            i.persons_affected,
            i.deaths,
            i.get_status_display(),
        ]
        for i in page
    ]
    return table_page(
        request,
        title="安全事件",
        trail=crumbs(("信用与事件", reverse("eldercare:credit_list")), ("安全事件", None)),
        page_obj=page,
        filter_form=ff,
        headers=["机构", "类型", "发生日期", "涉及人数", "死亡人数", "状态"],
        rows=rows,
        intro="事件在机构详情页报告。",
    )


def incident_detail(request, pk: int):
    i = sel.incident_detail(request.user, pk)
    fields = [
        ("机构", Cell(i.institution.name, reverse("eldercare:institution_detail", args=[i.institution_id]))),
        ("类型", i.get_kind_display()),
        ("发生日期", i.occurred_on),
        ("涉及人数", i.persons_affected),
        ("死亡人数", i.deaths),
        ("经过", i.description),
        ("证据材料", i.evidence),
        ("报告人", i.reported_by.display_name),
        ("处置情况", i.handling),
        ("办结日期", i.closed_on or ""),
    ]
    actions = []
    if can_inspect(request.user) and i.status != IncidentStatus.CLOSED:
        actions = [
            Action("处置", f.HandleIncidentForm(), reverse("eldercare:incident_handle", args=[pk]), "保存")
        ]
    return detail_page(
        request,
        title=f"安全事件：{i.institution.name}",
        trail=crumbs(("信用与事件", reverse("eldercare:incident_list")), ("事件", None)),
        fields=fields,
        actions=actions,
        status=Cell(i.get_status_display(), tag="green" if i.status == "closed" else "orange"),
    )


incident_handle = record_action(
    sel.incident_detail,
    f.HandleIncidentForm,
    lambda u, i, d: credit_svc.handle_incident(u, i, **d),
    "已保存处置情况",
    "eldercare:incident_detail",
)
