"""网络祭扫 pages: for staff, the memorials (published on consent, withdrawn), 代祭扫 orders and 清明 quotas; for the
public (no login), a memorial page, the booking of a visit and its cancellation."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import run_service, submitted

from .. import forms as f
from ..selectors import cemeteries as cemetery_sel
from ..selectors import deaths as death_sel
from ..selectors import memorials as sel
from ..services import memorials as svc
from .common import (
    Cell,
    can_manage,
    crumbs,
    form_page,
    paginate,
    table_page,
)

ROOT = ("网络祭扫", "funeral:memorial_list")


def _trail(*tail):
    return crumbs((ROOT[0], reverse(ROOT[1])), *tail)


def _pk(value) -> int:
    text = str(value or "")
    if not (text.isascii() and text.isdigit() and len(text) < 10):
        raise Http404("记录不存在或不在您的管辖范围内")
    return int(text)


def memorial_list(request):
    page = paginate(request, sel.memorials(request.user))
    rows = []
    for m in page:
        link = reverse("funeral_public:memorial", args=[m.token]) if m.withdrawn_on is None else ""
        state = Cell("已撤回同意", tag="grey") if m.withdrawn_on else Cell("公开中", link, tag="green")
        withdraw = (
            Cell("撤回同意", reverse("funeral:memorial_withdraw", args=[m.pk]))
            if m.withdrawn_on is None and can_manage(request.user)
            else "—"
        )
        rows.append([m.shown_name, m.get_dates_shown_display(), f"{m.consent_by}（{m.consent_relation}）", m.consent_on, state, withdraw])  # fmt: skip
    toolbar = [("代祭扫", reverse("funeral:proxy_list")), ("清明祭扫号源", reverse("funeral:quota_list"))]
    return table_page(
        request, title="网上纪念馆", trail=crumbs((ROOT[0], None)), page_obj=page, toolbar=toolbar,
        headers=["显示姓名", "显示日期", "同意公开的家属", "同意日期", "状态", "操作"], rows=rows,
        intro="只有家属同意才公开，公开页只显示家属选定的姓名和日期，不显示身份证号、住址等个人信息；家属撤回同意即下线。"
        "在逝者的死亡信息页建立。",
    )  # fmt: skip


def memorial_create(request):
    require(request.user, Capability.MANAGE_FUNERAL)
    death = death_sel.death_for_action(request.user, _pk(request.GET.get("death")))
    form = f.MemorialForm(
        request.POST or None, initial={"shown_name": death.name, "consent_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        memorial = run_service(form, lambda: svc.publish_memorial(request.user, death, **form.cleaned_data))
        if memorial:
            messages.success(request, "网上纪念馆已公开")
            return redirect("funeral:memorial_list")
    return form_page(
        request, title=f"建立网上纪念馆：{death.display_name}", trail=_trail(("建立", None)), form=form,
        cancel_url=reverse("funeral:death_detail", args=[death.pk]), submit="公开",
        intro="请确认家属已书面同意公开；公开页只显示此处填写的姓名和所选日期。",
    )  # fmt: skip


def memorial_withdraw(request, pk: int):
    """The family withdraws consent: a confirmation page, then the public page is gone."""
    require(request.user, Capability.MANAGE_FUNERAL)
    memorial = sel.memorial_for_action(request.user, pk)
    form = f.WithdrawForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, lambda: svc.withdraw_memorial(request.user, memorial))
    ):
        messages.success(request, "已撤回同意，网上纪念馆已下线")
        return redirect("funeral:memorial_list")
    back = reverse("funeral:memorial_list")
    return form_page(
        request, title=f"撤回同意：{memorial.shown_name}", trail=_trail(("撤回同意", None)), form=form,
        cancel_url=back, submit="撤回并下线",
    )  # fmt: skip


def proxy_list(request):
    page = paginate(request, sel.proxy_tributes(request.user))
    rows = []
    for t in page:
        done = (
            f"{t.done_on:%Y-%m-%d} {t.done_note}"
            if t.done_on
            else (
                Cell("登记完成", reverse("funeral:proxy_done", args=[t.pk]))
                if can_manage(request.user)
                else "—"
            )
        )
        rows.append([t.death.display_name, t.cemetery.name, t.due_on, t.requested_by, t.services, t.get_status_display(), done])  # fmt: skip
    return table_page(
        request, title="代祭扫", trail=_trail(("代祭扫", None)), page_obj=page,
        headers=["逝者", "公墓", "约定日期", "委托人", "祭扫内容", "状态", "完成情况"], rows=rows,
        intro="家属不能到场时由公墓工作人员代为祭扫；在逝者的死亡信息页登记委托。",
    )  # fmt: skip


def proxy_create(request):
    require(request.user, Capability.MANAGE_FUNERAL)
    death = death_sel.death_for_action(request.user, _pk(request.GET.get("death")))
    choices = [(c.pk, c.name) for c in cemetery_sel.cemetery_list(request.user)]
    form = f.ProxyTributeForm(request.POST or None, cemeteries=choices)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        cemetery = cemetery_sel.cemetery_detail(request.user, d.pop("cemetery"))
        tribute = run_service(form, lambda: svc.order_proxy_tribute(request.user, death, cemetery, **d))
        if tribute:
            messages.success(request, f"已登记代祭扫（{tribute.due_on:%Y-%m-%d}）")
            return redirect("funeral:proxy_list")
    return form_page(
        request, title=f"代祭扫委托：{death.display_name}", trail=_trail(("代祭扫", reverse("funeral:proxy_list")), ("委托", None)),
        form=form, cancel_url=reverse("funeral:death_detail", args=[death.pk]), submit="登记",
    )  # fmt: skip


def proxy_done(request, pk: int):
    require(request.user, Capability.MANAGE_FUNERAL)
    tribute = sel.proxy_tribute_for_action(request.user, pk)
    form = f.ProxyDoneForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if run_service(
            form, lambda: svc.complete_proxy_tribute(request.user, tribute, on=d["on"], note=d["note"])
        ):
            messages.success(request, "已完成代祭扫")
            return redirect("funeral:proxy_list")
    back = reverse("funeral:proxy_list")
    return form_page(
        request, title="代祭扫完成情况", trail=_trail(("代祭扫", back), ("完成", None)), form=form, cancel_url=back,
        submit="保存",
    )  # fmt: skip


def quota_list(request):
    page = paginate(request, sel.quotas(request.user))
    rows = [[q.cemetery.name, q.day, q.capacity, q.booked, q.free] for q in page]
    toolbar = [("设置号源", reverse("funeral:quota_create"))] if can_manage(request.user) else []
    toolbar.append(("公众预约页面", reverse("funeral_public:visits")))
    return table_page(
        request, title="清明祭扫预约号源", trail=_trail(("清明祭扫号源", None)), page_obj=page, toolbar=toolbar,
        headers=["公墓", "日期", "可预约人数", "已预约", "剩余"], rows=rows,
        intro="按公墓和日期设置可预约人数，公众在预约页面预约，满额即停止；已预约的人数不能被调低的号源挤掉。",
    )  # fmt: skip


def quota_create(request):
    require(request.user, Capability.MANAGE_FUNERAL)
    choices = [(c.pk, c.name) for c in cemetery_sel.cemetery_list(request.user)]
    form = f.QuotaForm(request.POST or None, cemeteries=choices)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        cemetery = cemetery_sel.cemetery_detail(request.user, d["cemetery"])
        quota = run_service(
            form, lambda: svc.set_quota(request.user, cemetery, day=d["day"], capacity=d["capacity"])
        )
        if quota:
            messages.success(request, f"已设置 {quota.day:%Y-%m-%d} 号源 {quota.capacity} 人")
            return redirect("funeral:quota_list")
    back = reverse("funeral:quota_list")
    return form_page(
        request, title="设置清明祭扫号源", trail=_trail(("清明祭扫号源", back), ("设置", None)), form=form,
        cancel_url=back, submit="保存",
    )  # fmt: skip


# --- public (no login) ---------------------------------------------------------------------------------------


def _public(request, context: dict):
    return render(request, "funeral/public.html", {"page_title": "网络祭扫", **context})


def public_memorial(request, token: str):
    if request.method == "POST" and submitted(request, f.TributeForm).is_valid():
        svc.pay_tribute(token)
        return redirect("funeral_public:memorial", token=token)
    memorial = sel.public_memorial(token)
    if memorial is None:
        raise Http404("纪念馆不存在或已下线")
    return _public(request, {"memorial": memorial, "tribute_form": f.TributeForm()})


def public_visits(request):
    return _public(request, {"quotas": sel.open_quotas()})


def public_book(request, quota: int):
    found = next((q for q in sel.open_quotas() if q.pk == quota), None)
    if found is None:
        messages.error(request, "该预约日期不存在或已过期，请重新选择")
        return redirect("funeral_public:visits")
    form = submitted(request, f.VisitBookingForm)
    if request.method == "POST" and form.is_valid():
        booked = run_service(form, lambda: svc.book_visit(quota_id=found.pk, **form.cleaned_data))
        if booked:
            return _public(request, {"booked": booked})
    return _public(request, {"quota": found, "form": form})


def public_cancel(request):
    form = submitted(request, f.CancelVisitForm)
    cancelled = None
    if request.method == "POST" and form.is_valid():
        cancelled = run_service(form, lambda: svc.cancel_visit(**form.cleaned_data))
    return _public(request, {"cancel_form": form, "cancelled": cancelled})
