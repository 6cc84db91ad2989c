"""儿童档案 pages: the register, a child's file (categories, parents, 委托照护 and contacts), the actions."""

from datetime import date

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import flash_errors, run_service

from .. import forms as f
from ..models import ChildCategory
from ..rules.care import contact_due, visit_due
from ..selectors import allowances as allowance_sel
from ..selectors import register as sel
from ..selectors.common import person_by_pk, shown_name
from ..services import register as svc
from ..services.common import contact_interval, visit_interval
from .common import (
    Action,
    Cell,
    Section,
    can,
    crumbs,
    detail_page,
    form_page,
    masked,
    paginate,
    record_action,
    search,
    table_page,
)

LIST = ("儿童档案", "children:child_list")


class ChildFilterForm(forms.Form):
    q = forms.CharField(label="姓名", required=False)
    division_code = forms.CharField(label="区划", required=False)
    category = forms.ChoiceField(
        label="儿童类别", required=False, choices=[("", "全部"), *ChildCategory.choices]
    )
    include_closed = forms.BooleanField(label="含已销档", required=False)


def child_list(request):
    ff, d = search(request, ChildFilterForm)
    filters = sel.ChildFilter(
        q=d.get("q", ""),
        division_code=d.get("division_code", ""),
        category=d.get("category", ""),
        current_only=not d.get("include_closed"),
    )
    page = paginate(request, sel.child_list(request.user, filters))
    today = date.today()
    names = names_of({r.division_code for r in page})
    flags = sel.current_categories(list(page), today)
    status = sel.assistance_status([r.person_id for r in page], today)
    rows = [
        [
            Cell(shown_name(request.user, r.person.name), reverse("children:child_detail", args=[r.pk])),
            masked(r.person),
            names.get(r.division_code, r.division_code),
            "、".join(flags.get(r.pk, [])) or "—",
            status.get(r.person_id, ""),
            r.registered_on,
            r.ended_on or "",
        ]
        for r in page
    ]
    toolbar = (
        [("建档", reverse("children:child_create"))] if can(request.user, Capability.MANAGE_CHILDREN) else []
    )
    return table_page(
        request,
        title="儿童档案",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["姓名", "证件号码", "区划", "当前类别", "社会救助", "建档日期", "销档日期"],
        rows=rows,
        filter_form=ff,
        toolbar=toolbar,
    )


def child_create(request):
    require(request.user, Capability.MANAGE_CHILDREN)
    form = f.RecordForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["person"]
        person = person_by_pk(request.user, chosen.pk) if chosen else None
        if person is None:
            form.add_error("person", "未找到该人员，或该人员不在您的管辖范围内（请先在人口家庭中登记）")
        else:
            d = form.cleaned_data
            record = run_service(
                form,
                lambda: svc.open_record(
                    request.user, person=person, registered_on=d["registered_on"], school=d["school"]
                ),
            )
            if record:
                messages.success(request, f"{person.name}的儿童档案已建立")
                return redirect("children:child_detail", pk=record.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="建立儿童档案",
        trail=crumbs((LIST[0], back), ("建档", None)),
        form=form,
        cancel_url=back,
    )


def _care_sections(user, record, today: date) -> list[Section]:
    sections = []
    interval = contact_interval(record.division_code, today)
    for entrustment in sel.entrustments_of(record):
        warnings = svc.entrustment_warnings(entrustment, today)
        contacts = list(sel.contacts_of(entrustment))
        title = f"委托照护：{shown_name(user, entrustment.carer_name)}（{entrustment.carer_relation}），{entrustment.started_on}起"
        if entrustment.ended_on:
            title += f"至{entrustment.ended_on}"
        rows = [[Cell("提示", tag="red"), w, "", "", ""] for w in warnings]
        if entrustment.ended_on is None:
            due = contact_due(entrustment.started_on, [c.contacted_on for c in contacts], interval)
            tag = "red" if due < today else "green"
            rows.append(
                [
                    Cell("下次联系", tag=tag),
                    f"应于{due}前联系（至少每{interval}天一次，未保法第二十三条）",
                    "",
                    "",
                    "",
                ]
            )
        rows += [
            [
                c.contacted_on,
                f"{c.get_by_role_display()} {c.get_method_display()}",
                "与儿童" if c.with_child else "",
                "与被委托人" if c.with_carer else "",
                c.note,
            ]
            for c in contacts
        ]
        actions = []
        if entrustment.ended_on is None and can(user, Capability.MANAGE_CHILDREN):
            actions = [("记录亲情联系", reverse("children:contact_create", args=[entrustment.pk]))]
        sections.append(Section(title, ["日期/事项", "内容", "", "", "情况"], rows, actions=actions))
    return sections


def child_detail(request, pk: int):
    record = sel.read_child(request.user, pk)
    user, today = request.user, date.today()
    person = record.person
    status = sel.assistance_status([person.pk], today).get(person.pk, "")
    fields = [
        ("姓名", shown_name(user, person.name)),
        ("证件号码", masked(person)),
        ("出生日期", person.birth_date),
        ("就读学校", record.school),
        ("社会救助（社会救助系统在保）", status or "无"),
        ("建档日期", record.registered_on),
        ("销档", f"{record.ended_on} {record.end_reason}" if record.ended_on else ""),
    ]
    flags = Section(
        "儿童类别（有效期与认定依据）",
        ["类别", "有效期起", "有效期止", "认定依据", "结束原因"],
        [
            [
                Cell(
                    fl.get_category_display(),
                    tag="green"
                    if fl.valid_from <= today and (fl.valid_to is None or fl.valid_to >= today)
                    else "grey",
                ),
                fl.valid_from,
                fl.valid_to or "",
                fl.evidence,
                fl.end_reason,
            ]
            for fl in sel.flags_of(record)
        ],
    )
    parents = Section(
        "父母监护状况",
        ["父母", "姓名", "状况", "起始", "截止", "证明材料"],
        [
            [
                p.get_role_display(),
                shown_name(user, p.parent_name) if p.parent_name else "",
                p.get_condition_display()
                + (f"（{p.disability_kind}{p.disability_grade}级）" if p.disability_grade else ""),
                p.since or "",
                p.until or "",
                p.evidence,
            ]
            for p in sel.parents_of(record)
        ],
    )
    interval = visit_interval(record.division_code, today)
    visits = list(sel.visits_of(record))
    due = visit_due(record.registered_on, [v.visited_on for v in visits], interval)
    visit_rows = (
        []
        if record.ended_on
        else [
            [
                Cell("下次走访", tag="red" if due < today else "green"),
                f"应于{due}前走访（每{interval}天）",
                "",
                "",
                "",
            ]
        ]
    )
    visit_section = Section(
        "定期走访",
        ["日期", "方式", "走访人", "情况", "跟进"],
        visit_rows
        + [
            [
                v.visited_on,
                v.get_method_display(),
                v.visitor.display_name,
                v.findings,
                v.follow_up if v.needs_follow_up else "",
            ]
            for v in visits
        ],
    )
    allowances = Section(
        "基本生活保障",
        ["类别", "状态", "受理日期", "月发放金额", "起始月份"],
        [
            [
                Cell(a.get_kind_display(), reverse("children:application_detail", args=[a.pk])),
                a.get_status_display(),
                a.received_on,
                a.monthly_amount if a.monthly_amount is not None else "",
                f"{a.start_month:%Y-%m}" if a.start_month else "",
            ]
            for a in allowance_sel.applications_of(record)
        ],
    )
    actions = []
    if can(user, Capability.MANAGE_CHILDREN) and record.ended_on is None:
        actions = [
            Action(
                "认定儿童类别",
                f.FlagForm(),
                reverse("children:flag_create", args=[pk]),
                "保存",
                testid="flag-form",
            ),
            Action(
                "登记父母监护状况",
                f.ParentForm(),
                reverse("children:parent_create", args=[pk]),
                "保存",
                testid="parent-form",
            ),
            Action(
                "登记委托照护",
                f.CareForm(),
                reverse("children:care_create", args=[pk]),
                "保存",
                testid="care-form",
            ),
            Action(
                "受理基本生活保障申请",
                f.ApplicationForm(),
                reverse("children:application_create", args=[pk]),
                "受理",
            ),
            Action(
                "销档",
                f.EndForm(),
                reverse("children:child_close", args=[pk]),
                "销档",
                "确定销档？该儿童的类别将同日结束。",
            ),
        ]
    flag_end_actions = []
    if can(user, Capability.MANAGE_CHILDREN):
        flag_end_actions = [
            Action(
                f"结束类别：{fl.get_category_display()}（{fl.valid_from}起）",
                f.EndForm(),
                reverse("children:flag_end", args=[fl.pk]),
                "结束",
            )
            for fl in sel.flags_of(record)
            if fl.valid_to is None or fl.valid_to >= today
        ]
    return detail_page(
        request,
        title=f"儿童档案：{shown_name(user, person.name)}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (shown_name(user, person.name), None)),
        fields=fields,
        sections=[flags, parents, visit_section, *_care_sections(user, record, today), allowances],
        actions=actions + flag_end_actions,
        testid="child-detail",
    )


def _back(record) -> str:
    return reverse("children:child_detail", args=[record.pk])


flag_create = record_action(
    sel.child_for_action,
    f.FlagForm,
    lambda u, r, d: svc.add_flag(u, r, **d),
    lambda flag: f"已认定为{flag.get_category_display()}（{flag.valid_from}至{flag.valid_to or '—'}）",
    _back,
)
flag_end = record_action(
    sel.flag_for_action,
    f.EndForm,
    lambda u, fl, d: svc.end_flag(u, fl, ended_on=d["ended_on"], reason=d["reason"]),
    "已结束该类别",
    lambda flag: _back(flag.child),
)
parent_create = record_action(
    sel.child_for_action,
    f.ParentForm,
    lambda u, r, d: svc.record_parent_status(u, r, **d),
    "已登记父母监护状况",
    _back,
)
visit_create = record_action(
    sel.child_for_action,
    f.VisitForm,
    lambda u, r, d: svc.record_visit(u, r, **d),
    "已记录走访",
    _back,
)
child_close = record_action(
    sel.child_for_action,
    f.EndForm,
    lambda u, r, d: svc.close_record(u, r, ended_on=d["ended_on"], reason=d["reason"]),
    "已销档",
    _back,
)


def care_create(request, pk: int):
    record = sel.child_for_action(request.user, pk)
    form = f.CareForm(request.POST)
    if form.is_valid():
        result = run_service(form, lambda: svc.entrust_care(request.user, record, **form.cleaned_data))
        if result is not None:
            entrustment, warnings = result
            messages.success(request, f"已登记委托照护：{entrustment.carer_name}")
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("children:child_detail", pk=pk)
    flash_errors(request, form)
    return redirect("children:child_detail", pk=pk)


def contact_create(request, pk: int):
    """记录亲情联系 on its own page (reached from the 委托照护 section)."""
    entrustment = sel.entrustment_for_action(request.user, pk)
    require(request.user, Capability.MANAGE_CHILDREN)
    back = _back(entrustment.child)
    form = f.ContactForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, lambda: svc.record_contact(request.user, entrustment, **form.cleaned_data))
    ):
        messages.success(request, "已记录亲情联系")
        return redirect(back)
    name = shown_name(request.user, entrustment.child.person.name)
    return form_page(
        request,
        title=f"记录亲情联系：{name}（被委托人 {entrustment.carer_name}）",
        trail=crumbs((LIST[0], reverse(LIST[1])), (name, back), ("记录亲情联系", None)),
        form=form,
        cancel_url=back,
    )


def visit_overdue(request):
    today = date.today()
    interval = visit_interval(request.user.division_code, today)
    page = paginate(
        request, sel.overdue_visits(request.user, today, interval).order_by("division_code", "pk")
    )
    names = names_of({r.division_code for r in page})
    rows = [
        [
            Cell(shown_name(request.user, r.person.name), reverse("children:child_detail", args=[r.pk])),
            names.get(r.division_code, r.division_code),
            r.last_visit or "无记录",
            f"{(today - (r.last_visit or r.registered_on)).days} 天未走访",
        ]
        for r in page
    ]
    return table_page(
        request,
        title=f"走访逾期（每{interval}天定期走访）",
        trail=crumbs(("走访逾期", None)),
        page_obj=page,
        headers=["儿童", "区划", "最近走访", "逾期"],
        rows=rows,
        empty="没有逾期未走访的儿童",
    )


def contact_overdue(request):
    today = date.today()
    interval = contact_interval(request.user.division_code, today)
    page = paginate(
        request, sel.overdue_contacts(request.user, today, interval).order_by("division_code", "pk")
    )
    names = names_of({e.division_code for e in page})
    rows = [
        [
            Cell(
                shown_name(request.user, e.child.person.name),
                reverse("children:child_detail", args=[e.child_id]),
            ),
            names.get(e.division_code, e.division_code),
            e.carer_name,
            e.last_contact or "无记录",
            f"{(today - (e.last_contact or e.started_on)).days} 天未联系",
        ]
        for e in page
    ]
    return table_page(
        request,
        title="亲情联系逾期（未保法第二十三条：至少每周一次）",
        trail=crumbs(("亲情联系逾期", None)),
        page_obj=page,
        headers=["儿童", "区划", "被委托人", "最近联系", "逾期"],
        rows=rows,
        empty="没有逾期未联系的留守儿童",
    )
