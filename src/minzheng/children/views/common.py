"""What every 儿童福利 page shares: the frame (sidebar, breadcrumb, tabs) and the kit's generic pages."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.forms import flash_errors, run_service
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "children"
ROOT = ("儿童福利", "children:dashboard")
SUBNAV = [
    ("总览", "children:dashboard"),
    ("儿童档案", "children:child_list"),
    ("未保案件", "children:case_list"),
    ("走访逾期", "children:visit_overdue"),
    ("亲情联系逾期", "children:contact_overdue"),
    ("基本生活保障", "children:application_list"),
    ("收养登记", "children:adoption_list"),
    ("儿童工作队伍", "children:workforce"),
]


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def frame(title: str, trail: list) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV)


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=frame(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=frame(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(request, frame=frame(title, trail), form=form, cancel_url=cancel_url, **declared)


def masked(person) -> str:
    return mask_id_number(person.id_number)


def can(user, capability: Capability) -> bool:
    return has_capability(user, capability)


def post_action(request, form, call: Callable, success, back: str) -> HttpResponseRedirect:
    """A form posted from a detail page: on success a message (``success`` may read the result), else the
    errors — back to the page."""
    result = run_service(form, lambda: call(form.cleaned_data)) if form.is_valid() else None
    if result is not None:
        messages.success(request, success(result) if callable(success) else success)
    else:
        flash_errors(request, form)
    return HttpResponseRedirect(back)


def record_action(load: Callable, form_class, call: Callable, success, back: Callable[[object], str]):
    """A POST-only view on one record: ``load(user, pk)`` inside the jurisdiction (404 otherwise), then the
    service; back to ``back(record)``."""

    def view(request, pk: int):
        record = load(request.user, pk)
        form = form_class(request.POST)
        return post_action(request, form, lambda d: call(request.user, record, d), success, back(record))

    return view
