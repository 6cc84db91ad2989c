"""待办中心 pages: the queue with its filters, 认领 / 退回 buttons, and the 指派/改派 page of one item."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit import pages
from minzheng.web.kit.forms import flash_errors, posted_value, run_service, submitted

from . import selectors, services
from .forms import AssignForm, ItemForm, WorkSearch
from .sources import find_item

TITLE = "待办中心"


def _frame(title: str, breadcrumbs: list) -> dict:
    return pages.frame("worklist", title, breadcrumbs)


def queue(request):
    today = timezone.localdate()
    form, typed = pages.search(request, WorkSearch, domains=selectors.domains())
    filters = selectors.WorkFilter(
        scope=typed.get("scope") or selectors.ALL,
        domain=typed.get("domain") or "",
        overdue=bool(typed.get("overdue")),
        division_code=typed.get("division_code") or "",
        q=typed.get("q") or "",
    )
    page_obj = pages.paginate(request, selectors.work_rows(request.user, filters, today))
    page_obj.object_list = selectors.with_figures(list(page_obj.object_list), today)
    return pages.table_page(
        request,
        frame={**_frame(TITLE, [(TITLE, None)]), "today": today, "back": request.get_full_path()},
        filter_form=form,
        page_obj=page_obj,
        headers=[],
        rows=[],
        template="worklist/queue.html",
    )


def _back(request) -> str:
    target = posted_value(request.POST, "next")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) and target.startswith("/"):
        return target
    return reverse("worklist:dashboard")


def _act(request, call, success: str):
    form = ItemForm(request.POST)
    if not form.is_valid():
        flash_errors(request, form)
        return redirect(_back(request))
    try:
        call(form.cleaned_data["source"], form.cleaned_data["key"])
    except MinzhengError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(_back(request))


@require_POST
def claim(request):
    return _act(request, lambda source, key: services.claim(request.user, source, key), "已认领")


@require_POST
def release(request):
    return _act(
        request, lambda source, key: services.release(request.user, source, key), "已退回，事项回到未认领"
    )


def assign(request, source: str, key: str):
    item = find_item(request.user, source, key, timezone.localdate())  # 404 outside the jurisdiction
    candidates = selectors.eligible_owners(item)
    names = names_of({u.division_code for u in candidates} | {item.division_code})
    choices = [(u.pk, f"{u.display_name}（{names.get(u.division_code, '')}）") for u in candidates]
    form = submitted(request, AssignForm, choices=choices)
    if (
        form.is_bound
        and form.is_valid()
        and run_service(form, lambda: services.assign(request.user, source, key, form.cleaned_data["owner"]))
    ):
        messages.success(request, "已指派")
        return redirect("worklist:dashboard")
    current = selectors.owner_of(source, key)
    return pages.form_page(
        request,
        frame=_frame("指派责任人", [(TITLE, reverse("worklist:dashboard")), ("指派责任人", None)]),
        form=form,
        cancel_url=reverse("worklist:dashboard"),
        submit="指派",
        intro=(
            f"{item.domain} · {item.matter} · {item.subject}（{names.get(item.division_code, '')}）"
            f"；当前责任人：{current[1] if current else '未认领'}。只能指派给能办理该事项、管辖范围包括该事项所在区划的人员。"
        ),
    )
