"""What every 养老服务 page shares: the generic table/detail/form pages, running a service on a form."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.views.common import parse_date  # noqa: F401  (re-exported for the page modules)
from minzheng.web.kit import pages
from minzheng.web.kit.forms import flash_errors, run_service
from minzheng.web.kit.pages import Action, Cell, Section, cells, paginate, search  # noqa: F401  (re-exported)

from ..selectors.common import person_by_pk

NAV = "eldercare"
ROOT = ("养老服务", "eldercare:dashboard")


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def masked(person) -> str:
    return mask_id_number(person.id_number)


def can_manage(user) -> bool:
    return has_capability(user, Capability.MANAGE_ELDERCARE)


def can_inspect(user) -> bool:
    return has_capability(user, Capability.INSPECT_ELDERCARE)


def base_context(title: str, trail: list, **extra) -> dict:
    return {"active_nav": NAV, "page_title": title, "breadcrumbs": trail, "subnav": SUBNAV, **extra}


SUBNAV = [
    ("总览", "eldercare:dashboard"),
    ("养老机构", "eldercare:institution_list"),
    ("入住管理", "eldercare:residency_list"),
    ("社区设施", "eldercare:facility_list"),
    ("家庭养老床位", "eldercare:home_bed_list"),
    ("能力评估", "eldercare:assessment_list"),
    ("特殊困难老年人", "eldercare:elder_list"),
    ("月度探访", "eldercare:visit_plan"),
    ("双随机抽查", "eldercare:round_list"),
    ("隐患治理", "eldercare:hazard_list"),
    ("信用与事件", "eldercare:credit_list"),
    ("适老化改造", "eldercare:retrofit_list"),
]


def table_page(request, *, title: str, trail: list, **declared):
    """The generic list page: search form, toolbar (新增/导出), table, pagination with 共 N 条."""
    return pages.table_page(request, frame=base_context(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=base_context(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(
        request, frame=base_context(title, trail), form=form, cancel_url=cancel_url, **declared
    )


def resolve_person(request, form, field: str = "person"):
    """The person chosen in the form's picker (which checked the jurisdiction already; an error on the field
    if the record is gone since)."""
    chosen = form.cleaned_data.get(field)
    person = person_by_pk(request.user, chosen.pk) if chosen else None
    if person is None:
        form.add_error(field, "未找到该人员，或该人员不在您的管辖范围内（请先在人口家庭中登记）")
    return person


def post_action(request, form, call: Callable, success: str, back: str) -> HttpResponseRedirect:
    """A form posted from a detail page: on success a message, on error the messages — back to the page."""
    if form.is_valid() and run_service(form, lambda: call(form.cleaned_data)) is not None:
        messages.success(request, success)
    else:
        flash_errors(request, form)
    return HttpResponseRedirect(back)


def export_button(request) -> tuple[str, str]:
    """导出Excel: the same list (same filters) as an .xlsx."""
    return pages.export_link(request)


def record_action(load: Callable, form_class, call: Callable, success: str, back: str):
    """A POST-only view acting on one record: ``load(user, pk)`` fetches it inside the jurisdiction (404
    otherwise), ``call(user, record, cleaned_data)`` runs the service; back to the ``back`` page of the record."""

    def view(request, pk: int):
        record = load(request.user, pk)
        form = form_class(request.POST)
        return post_action(
            request, form, lambda d: call(request.user, record, d), success, reverse(back, args=[pk])
        )

    return view


def status_tag(text: str, colour: str) -> Cell:
    return Cell(text, tag=colour)
