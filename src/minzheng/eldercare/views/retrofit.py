"""适老化改造 pages: cases with their steps, yearly target and progress."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import division_name, names_of
from minzheng.core.selectors.registry import current_household_of

from .. import forms as f
from ..models import RetrofitStatus
from ..selectors import retrofit as sel
from ..services import retrofit as svc
from .common import (
    Action,
    Cell,
    can_manage,
    crumbs,
    detail_page,
    form_page,
    masked,
    paginate,
    post_action,
    resolve_person,
    run_service,
    table_page,
)

LIST = ("适老化改造", "eldercare:retrofit_list")
STEPS = {
    RetrofitStatus.APPLIED: (
        "入户评估",
        f.RetrofitAssessForm,
        lambda u, c, d: svc.assess(
            u, c, assessed_on=d["assessed_on"], items=d["items"], estimated_cost=d["estimated_cost"]
        ),
    ),
    RetrofitStatus.ASSESSED: ("登记完工", f.RetrofitWorksForm, lambda u, c, d: svc.finish_works(u, c, **d)),
    RetrofitStatus.WORKS_DONE: ("验收", f.RetrofitAcceptForm, lambda u, c, d: svc.accept(u, c, **d)),
    RetrofitStatus.ACCEPTED: (
        "登记补贴拨付",
        f.RetrofitSubsidyForm,
        lambda u, c, d: svc.pay_subsidy(u, c, **d),
    ),
}


def _year(request) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2020 <= int(value) <= 2035 else date.today().year


def retrofit_list(request):
    year = _year(request)
    page = paginate(request, sel.case_list(request.user, year=year, status=request.GET.get("status", "")))
    names = names_of({c.division_code for c in page})
    rows = [
        [
            Cell(c.household.number, reverse("eldercare:retrofit_detail", args=[c.pk])),
            c.elder.name,
            masked(c.elder),
            names.get(c.division_code, c.division_code),
            c.applied_on,
            "、".join(c.item_labels()),
            f"¥{c.subsidy_amount:,.2f}" if c.subsidy_amount is not None else "",
            c.get_status_display(),
        ]
        for c in page
    ]
    progress = sel.progress(request.user.division_code, year)
    target = f"{progress.target} 户" if progress.target else "未设定（在下方设定）"
    intro = (
        f"{division_name(request.user.division_code)} {year} 年目标：{target}；已申请 {progress.applied} 户，"
        f"已验收 {progress.accepted} 户，完成率 {progress.rate if progress.rate is not None else '—'}%。"
    )
    toolbar = (
        [
            ("受理申请", reverse("eldercare:retrofit_create")),
            ("设定年度目标", reverse("eldercare:retrofit_target")),
        ]
        if can_manage(request.user)
        else []
    )
    toolbar += [(f"{y}年", f"?year={y}") for y in (year - 1, year + 1)]
    return table_page(
        request,
        title=f"{year}年居家适老化改造",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        toolbar=toolbar,
        intro=intro,
        headers=["户编号", "老年人", "证件号码", "区划", "申请日期", "改造项目", "补贴", "状态"],
        rows=rows,
    )


def retrofit_create(request):
    require(request.user, Capability.MANAGE_ELDERCARE)
    form = f.RetrofitApplyForm(request.POST or None, initial={"year": date.today().year}, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = resolve_person(request, form)
        household = current_household_of(person) if person else None
        if person is not None and household is None:
            form.add_error("person", "该人员没有现有家庭户，请先在人口家庭中登记")
        if household is not None:
            d = form.cleaned_data
            case = run_service(
                form,
                lambda: svc.apply(
                    request.user,
                    household=household,
                    elder=person,
                    year=d["year"],
                    applied_on=d["applied_on"],
                ),
            )
            if case:
                messages.success(request, "已受理")
                return redirect("eldercare:retrofit_detail", pk=case.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="受理适老化改造申请",
        trail=crumbs((LIST[0], back), ("受理", None)),
        form=form,
        cancel_url=back,
    )


def retrofit_detail(request, pk: int):
    c = sel.case_detail(request.user, pk)
    fields = [
        ("户编号", c.household.number),
        ("老年人", c.elder.name),
        ("证件号码", masked(c.elder)),
        ("年度", c.year),
        ("申请日期", c.applied_on),
        ("评估日期", c.assessed_on or ""),
        ("改造项目", "、".join(c.item_labels())),
        ("预算", f"¥{c.estimated_cost:,.2f}" if c.estimated_cost is not None else ""),
        ("施工单位", c.contractor),
        ("完工日期", c.works_done_on or ""),
        ("验收", f"{c.accepted_on or ''} {c.acceptance_note}"),
        ("补贴", f"¥{c.subsidy_amount:,.2f}（{c.subsidy_paid_on}）" if c.subsidy_amount is not None else ""),
    ]
    actions = []
    if can_manage(request.user) and c.status in STEPS:
        title, form_class, _ = STEPS[c.status]
        actions = [Action(title, form_class(), reverse("eldercare:retrofit_step", args=[pk]), "提交")]
    return detail_page(
        request,
        title=f"适老化改造：{c.household.number}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (c.household.number, None)),
        fields=fields,
        actions=actions,
        status=Cell(c.get_status_display(), tag="green" if c.status in sel.DONE_STATUSES else "orange"),
    )


def retrofit_step(request, pk: int):
    c = sel.case_detail(request.user, pk)
    back = reverse("eldercare:retrofit_detail", args=[pk])
    if c.status not in STEPS:
        messages.error(request, f"当前状态为“{c.get_status_display()}”，没有待办步骤")
        return redirect(back)
    title, form_class, call = STEPS[c.status]
    return post_action(
        request, form_class(request.POST), lambda d: call(request.user, c, d), f"已完成：{title}", back
    )


def retrofit_target(request):
    require(request.user, Capability.MANAGE_ELDERCARE)
    form = f.RetrofitTargetForm(request.POST or None, initial={"year": date.today().year})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        code = d["division_code"] or request.user.division_code
        if run_service(
            form,
            lambda: svc.set_target(
                request.user,
                division_code=code,
                year=d["year"],
                households=d["households"],
                source_note=d["source_note"],
            ),
        ):
            messages.success(request, "已设定年度目标")
            return redirect(f"{reverse(LIST[1])}?year={d['year']}")
    rows = [
        f"{division_name(t.division_code)} {t.year}年 {t.households}户 {t.source_note}"
        for t in sel.targets(request.user)[:20]
    ]
    back = reverse(LIST[1])
    return form_page(
        request,
        title="设定适老化改造年度目标",
        trail=crumbs((LIST[0], back), ("年度目标", None)),
        form=form,
        cancel_url=back,
        intro="已设定：" + ("；".join(rows) if rows else "无"),
    )
