"""寻人报告 and the 易走失人员信息库."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import run_service

from ..forms import RegistryFilterForm, ReportForm, VisitForm, WanderRiskForm
from ..selectors import clients as client_sel
from ..selectors import registry as sel
from ..services import registry as svc
from ..services import tracing
from .common import (
    Action,
    Cell,
    Section,
    can_handle,
    crumbs,
    detail_page,
    form_page,
    masked_id,
    paginate,
    post_action,
    search,
    shown_name,
    table_page,
)


def report_list(request):
    page = paginate(request, client_sel.report_list(request.user))
    names = names_of({r.home_code for r in page if r.home_code})
    rows = [[r.reported_on, shown_name(r.name, request.user), r.get_sex_display(), r.birth_year or "—",
             names.get(r.home_code, "—"), r.last_seen, "已结束" if r.closed else "寻找中"] for r in page]  # fmt: skip
    toolbar = [("登记寻人报告", reverse("rescue:report_create"))] if can_handle(request.user) else []
    return table_page(request, title="寻人报告", trail=crumbs(("寻人报告", None)), page_obj=page, toolbar=toolbar,
                      headers=["报告日期", "走失人员", "性别", "出生年份", "住所地", "走失地点", "状态"], rows=rows,
                      intro="家属或公安机关通报的走失人员，登记后即与在站身份不明的受助人员比对。")  # fmt: skip


def report_create(request):
    require(request.user, Capability.MANAGE_RESCUE)
    form = ReportForm(request.POST or None, initial={"division_code": request.user.division_code})
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, lambda: tracing.register_report(request.user, **form.cleaned_data))
    ):
        messages.success(request, "已登记寻人报告并完成比对")
        return redirect("rescue:report_list")
    back = reverse("rescue:report_list")
    return form_page(
        request,
        title="登记寻人报告",
        trail=crumbs(("寻人报告", back), ("登记", None)),
        form=form,
        cancel_url=back,
    )


def registry_list(request):
    form, data = search(request, RegistryFilterForm)
    page = paginate(
        request,
        sel.registry_list(request.user, q=data.get("q") or "", division_code=data.get("division_code") or ""),
    )
    names = names_of({e.division_code for e in page})
    rows = [[Cell(shown_name(e.name, request.user), reverse("rescue:registry_detail", args=[e.pk])), e.get_sex_display(),
             names.get(e.division_code, e.division_code), "、".join(e.risk_labels()), e.wearable_id or "—", e.visit_count]
            for e in page]  # fmt: skip
    toolbar = [("登记易走失人员", reverse("rescue:registry_create"))] if can_handle(request.user) else []
    return table_page(request, title="易走失人员信息库", trail=crumbs(("易走失人员信息库", None)), page_obj=page, filter_form=form,
                      headers=["姓名", "性别", "居住地", "风险因素", "防走失手环", "回访次数"], rows=rows, toolbar=toolbar,
                      intro="经监护人同意登记；受助人员入站时首先与本库比对。")  # fmt: skip


def registry_create(request):
    require(request.user, Capability.MANAGE_RESCUE)
    form = WanderRiskForm(request.POST or None, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        entry = run_service(form, lambda: svc.register_wander_risk(request.user, **form.cleaned_data))
        if entry:
            messages.success(request, "已登记易走失人员")
            return redirect("rescue:registry_detail", pk=entry.pk)
    back = reverse("rescue:registry_list")
    return form_page(
        request,
        title="登记易走失人员",
        trail=crumbs(("易走失人员信息库", back), ("登记", None)),
        form=form,
        cancel_url=back,
    )


def registry_detail(request, pk: int):
    entry = sel.read_entry(request.user, pk)
    fields = [("姓名", shown_name(entry.name, request.user)), ("公民身份号码", masked_id(entry.id_number)),
              ("性别", entry.get_sex_display()), ("风险因素", "、".join(entry.risk_labels())), ("防走失手环", entry.wearable_id or "—"),
              ("体貌特征", entry.features or "—"), ("监护人", shown_name(entry.guardian_name, request.user)),
              ("监护人同意日期", entry.consent_on)]  # fmt: skip
    if can_handle(request.user):
        fields += [
            ("住址", entry.address or "—"),
            ("监护人电话", entry.guardian_phone),
            ("照片编号", entry.photo_ref or "—"),
        ]
    visits = Section(
        "回访记录",
        ["回访日期", "回访情况"],
        [[v.on, v.note] for v in entry.visits.order_by("-on")],
        empty="尚无回访",
    )
    actions = (
        [Action("登记回访", VisitForm(), reverse("rescue:visit_add", args=[pk]), "登记")]
        if can_handle(request.user)
        else []
    )
    return detail_page(request, title="易走失人员", trail=crumbs(("易走失人员信息库", reverse("rescue:registry_list")), ("详情", None)),
                       fields=fields, sections=[visits], actions=actions, testid="registry-detail")  # fmt: skip


def visit_add(request, pk: int):
    entry = sel.entry_for_action(request.user, pk)
    return post_action(request, VisitForm(request.POST), lambda d: svc.add_visit(request.user, entry, **d), "已登记回访",
                       reverse("rescue:registry_detail", args=[pk]))  # fmt: skip
