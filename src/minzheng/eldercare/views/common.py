"""What every 养老服务 page shares: the generic table/detail/form pages, running a service on a form."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.views.common import paginate, parse_date  # noqa: F401  (re-exported for the page modules)

from ..selectors.common import person_by_id_number

NAV = "eldercare"
ROOT = ("养老服务", "eldercare:dashboard")


@dataclass
class Cell:
    text: object
    url: str = ""
    tag: str = ""  # css colour of a status tag: green, red, orange, grey


@dataclass
class Section:
    title: str
    headers: list[str]
    rows: list[list]
    empty: str = "暂无记录"
    actions: list = field(default_factory=list)  # (label, url) buttons above the table


@dataclass
class Action:
    """A form on a detail page that posts to its own URL (e.g. 报告整改, 复查)."""

    title: str
    form: object
    url: str
    submit: str = "提交"
    confirm: str = ""
    testid: str = ""


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def cells(row: Iterable) -> list[Cell]:
    return [value if isinstance(value, Cell) else Cell("" if value is None else value) for value in row]


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


def table_page(
    request,
    *,
    title: str,
    trail: list,
    page_obj,
    headers: list[str],
    rows: list,
    filter_form=None,
    toolbar: list | None = None,
    empty: str = "没有符合条件的记录",
    intro: str = "",
    above: list | None = None,
):
    """The generic list page: search form, toolbar (新增/导出), table, pagination with 共 N 条."""
    return render(
        request,
        "eldercare/table_page.html",
        base_context(
            title,
            trail,
            page_obj=page_obj,
            headers=headers,
            rows=[cells(r) for r in rows],
            filter_form=filter_form,
            toolbar=toolbar or [],
            empty=empty,
            intro=intro,
            above=above or [],
        ),
    )


def detail_page(
    request,
    *,
    title: str,
    trail: list,
    fields: list,
    sections: list[Section] = (),
    actions=(),
    status: Cell | None = None,
    toolbar: list | None = None,
    testid: str = "",
):
    for section in sections:
        section.rows = [cells(r) for r in section.rows]
    return render(
        request,
        "eldercare/detail_page.html",
        base_context(
            title,
            trail,
            fields=[(label, value if isinstance(value, Cell) else Cell(value)) for label, value in fields],
            sections=sections,
            actions=[a for a in actions if a],
            status=status,
            toolbar=toolbar or [],
            testid=testid,
        ),
    )


def form_page(
    request,
    *,
    title: str,
    trail: list,
    form,
    cancel_url: str,
    submit: str = "保存",
    intro: str = "",
    template: str = "eldercare/form_page.html",
    **extra,
):
    return render(
        request,
        template,
        base_context(title, trail, form=form, cancel_url=cancel_url, submit=submit, intro=intro, **extra),
    )


def run_service(form, call: Callable):
    """Call a service; a business error goes on the form next to the field it names. Returns the result or None."""
    try:
        return call()
    except MinzhengError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def resolve_person(request, form, field: str = "id_number"):
    """The person the form names by ID number, inside the user's jurisdiction (an error on the field if not)."""
    person = person_by_id_number(request.user, form.cleaned_data[field])
    if person is None:
        form.add_error(field, "未找到该证件号码的人员，或该人员不在您的管辖范围内（请先在人口家庭中登记）")
    return person


def post_action(request, form, call: Callable, success: str, back: str) -> HttpResponseRedirect:
    """A form posted from a detail page: on success a message, on error the messages — back to the page."""
    if form.is_valid() and run_service(form, lambda: call(form.cleaned_data)) is not None:
        messages.success(request, success)
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}：{error}" if label else error)
    return HttpResponseRedirect(back)


def search(request, form_class):
    """The search form above a list, bound to the query string; a field that does not validate is ignored."""
    form = form_class(request.GET)
    form.is_valid()
    return form, form.cleaned_data


def export_button(request) -> tuple[str, str]:
    """导出Excel: the same list (same filters) as an .xlsx."""
    params = request.GET.copy()
    params["export"] = "xlsx"
    return ("导出Excel", "?" + params.urlencode())


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
