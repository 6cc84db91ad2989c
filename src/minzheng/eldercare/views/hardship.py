"""特殊困难老年人 pages: the register, an elder with visits, the month's visit plan with its rate."""

from datetime import date

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.views.common import xlsx_response

from .. import forms as f
from ..models import HardshipCategory
from ..rules.visits import Month
from ..selectors import hardship as sel
from ..services import hardship as svc
from ..services.exports import export_rows
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    export_button,
    form_page,
    masked,
    paginate,
    post_action,
    record_action,
    resolve_person,
    run_service,
    search,
    table_page,
)

LIST = ("特殊困难老年人", "eldercare:elder_list")


def visitors(user):
    """Community workers who may be put in charge of visits (caseworkers of the jurisdiction)."""
    from ..services.visitors import visitors_of

    return visitors_of(user)


class ElderFilterForm(forms.Form):
    q = forms.CharField(label="姓名", required=False)
    division_code = forms.CharField(label="区划", required=False)
    category = forms.ChoiceField(
        label="困难类型", required=False, choices=[("", "全部"), *HardshipCategory.choices]
    )
    unassigned_only = forms.BooleanField(label="仅未指定探访人", required=False)


def elder_list(request):
    ff, d = search(request, ElderFilterForm)
    filters = sel.ElderFilter(
        q=d.get("q", ""),
        division_code=d.get("division_code", ""),
        category=d.get("category", ""),
        unassigned_only=bool(d.get("unassigned_only")),
    )
    qs = sel.elder_list(request.user, filters)
    headers = ["姓名", "证件号码", "区划", "困难类型", "特困", "探访责任人", "登记日期"]

    def values(e, names):
        return [
            e.person.name,
            masked(e.person),
            names.get(e.division_code, e.division_code),
            "、".join(e.category_labels()),
            e.tekun_label(),
            e.assigned_to.display_name if e.assigned_to else "未指定",
            e.registered_on,
        ]

    if request.GET.get("export") == "xlsx":
        names = names_of(set(qs.values_list("division_code", flat=True)))
        rows = (values(e, names) for e in qs)
        content = export_rows(
            request.user,
            name="特殊困难老年人名册",
            headers=headers,
            rows=rows,
            object_type="eldercare.hardshipelder",
        )
        return xlsx_response(content, "特殊困难老年人名册")
    page = paginate(request, qs)
    names = names_of({e.division_code for e in page})
    rows = []
    for e in page:
        row = values(e, names)
        row[0] = Cell(e.person.name, reverse("eldercare:elder_detail", args=[e.pk]))
        if e.assigned_to is None:
            row[5] = Cell("未指定", tag="orange")
        rows.append(row)
    toolbar = [("登记", reverse("eldercare:elder_create"))] if can_manage(request.user) else []
    toolbar.append(export_button(request))
    return table_page(
        request,
        title="特殊困难老年人名册",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=headers,
        rows=rows,
        filter_form=ff,
        toolbar=toolbar,
    )


def elder_create(request):
    require(request.user, Capability.MANAGE_ELDERCARE)
    pool = visitors(request.user)
    form = f.ElderForm(request.POST or None, visitors=pool, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = resolve_person(request, form)
        if person is not None:
            d = form.cleaned_data
            visitor = next((u for u in pool if u.pk == d["assigned_to"]), None)
            elder = run_service(
                form,
                lambda: svc.register_elder(
                    request.user,
                    person=person,
                    categories=d["categories"],
                    registered_on=d["registered_on"],
                    assigned_to=visitor,
                    is_tekun=d["is_tekun"],
                    contact_name=d["contact_name"],
                    contact_phone=d["contact_phone"],
                ),
            )
            if elder:
                messages.success(request, f"{person.name}已纳入名册")
                return redirect("eldercare:elder_detail", pk=elder.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="登记特殊困难老年人",
        trail=crumbs((LIST[0], back), ("登记", None)),
        form=form,
        cancel_url=back,
    )


def elder_detail(request, pk: int):
    e = sel.elder_detail(request.user, pk)
    fields = [
        ("姓名", e.person.name),
        ("证件号码", masked(e.person)),
        ("困难类型", "、".join(e.category_labels())),
        ("特困供养人员", e.tekun_label() or "否"),
        ("探访责任人", e.assigned_to.display_name if e.assigned_to else "未指定"),
        ("紧急联系人", f"{e.contact_name} {e.contact_phone}"),
        ("登记日期", e.registered_on),
        ("退出", f"{e.ended_on} {e.end_reason}" if e.ended_on else ""),
    ]
    visits = Section(
        "探访记录",
        ["日期", "方式", "探访人", "情况", "跟进"],
        [
            [
                v.visited_on,
                v.get_method_display(),
                v.visitor.display_name,
                v.findings,
                v.follow_up if v.needs_follow_up else "",
            ]
            for v in sel.elder_visits(e)
        ],
    )
    actions = []
    if can_manage(request.user) and e.ended_on is None:
        actions = [
            Action("记录探访", f.VisitForm(), reverse("eldercare:visit_create", args=[pk]), "保存"),
            Action(
                "指定探访责任人",
                f.AssignForm(visitors=visitors(request.user)),
                reverse("eldercare:elder_assign", args=[pk]),
                "指定",
            ),
            Action(
                "退出名册",
                f.EndForm(),
                reverse("eldercare:elder_end", args=[pk]),
                "退出",
                "确定将该老人移出名册？",
            ),
        ]
    return detail_page(
        request,
        title=e.person.name,
        trail=crumbs((LIST[0], reverse(LIST[1])), (e.person.name, None)),
        fields=fields,
        sections=[visits],
        actions=actions,
    )


visit_create = record_action(
    sel.elder_detail,
    f.VisitForm,
    lambda u, e, d: svc.record_visit(u, e, **d),
    "已记录探访",
    "eldercare:elder_detail",
)


def elder_assign(request, pk: int):
    e = sel.elder_detail(request.user, pk)
    pool = visitors(request.user)
    form = f.AssignForm(request.POST, visitors=pool)
    return post_action(
        request,
        form,
        lambda d: svc.assign_visitor(request.user, e, next(u for u in pool if u.pk == d["assigned_to"])),
        "已指定探访责任人",
        reverse("eldercare:elder_detail", args=[pk]),
    )


elder_end = record_action(
    sel.elder_detail,
    f.EndForm,
    lambda u, e, d: svc.end_registration(u, e, ended_on=d["ended_on"], reason=d["reason"]),
    "已退出名册",
    "eldercare:elder_detail",
)


def _month(request) -> Month:
    try:
        year, month = (int(x) for x in request.GET.get("month", "").split("-"))
        return Month(year, month) if 1 <= month <= 12 and 2000 <= year <= 2100 else Month.of(date.today())
    except ValueError:
        return Month.of(date.today())


def visit_plan(request):
    month = _month(request)
    if request.method == "POST":
        month = _month(request)
        try:
            created = svc.plan_month(request.user, month)
            messages.success(request, f"已生成{month}探访计划 {created} 人")
        except MinzhengError as error:
            messages.error(request, error.message)
        return redirect(f"{reverse('eldercare:visit_plan')}?month={month}")
    mine = bool(request.GET.get("mine"))
    page = paginate(request, sel.month_plan(request.user, month, mine_only=mine), per_page=50)
    rate = sel.visit_rate(request.user.division_code, month.first_day, month.last_day)
    rows = [
        [
            Cell(a.elder.person.name, reverse("eldercare:elder_detail", args=[a.elder_id])),
            "、".join(a.elder.category_labels()),
            a.assigned_to.display_name,
            Cell("已探访", tag="green") if a.visited else Cell("未探访", tag="red"),
        ]
        for a in page
    ]
    toolbar = [
        (f"{m}", f"?month={m}")
        for m in (
            Month.of(month.first_day.replace(day=1) - _one_day()),
            Month.of(month.last_day + _one_day()),
        )
    ]
    toolbar.insert(0, ("我的探访任务", f"?month={month}&mine=1"))
    intro = (
        f"{month} 月探访率：{rate.rate if rate.rate is not None else '—'}%（在册 {rate.due} 人，已探访 {rate.visited} 人）。"
        "探访率按名册计算，与是否生成计划无关；计划把每位老人分派给其探访责任人。"
    )
    return table_page(
        request,
        title=f"{month} 月度探访计划",
        trail=crumbs(("月度探访", None)),
        page_obj=page,
        headers=["老人", "困难类型", "探访人", "本月"],
        rows=rows,
        toolbar=toolbar,
        intro=intro,
        empty="本月尚未生成探访计划",
        above=[_plan_button(request, month)] if can_manage(request.user) else [],
    )


def _one_day():
    from datetime import timedelta

    return timedelta(days=1)


def _plan_button(request, month: Month):
    from django.middleware.csrf import get_token
    from django.utils.html import format_html

    return format_html(
        '<form method="post" action="?month={}"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button class="btn btn-primary" type="submit">生成{}探访计划</button> '
        '<span class="muted">为名册中已指定探访责任人的老人各生成一条本月探访任务（已生成的不重复）。</span></form>',
        month,
        get_token(request),
        month,
    )
