"""Pages of the kit, declared rather than templated: a list (search form, toolbar, table, 共 N 条), a detail
(fields, sections, action forms) and a form page. A domain passes its own frame — sidebar entry, breadcrumb,
sub-navigation — as ``frame`` (a dict of context), so every domain's pages share one set of templates.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.shortcuts import render

PAGE_SIZE = 20


@dataclass
class Cell:
    """One table cell or field value: plain text, a link, or a coloured status tag."""

    text: object
    url: str = ""
    tag: str = ""  # css colour of a status tag: green, red, orange, grey


@dataclass
class Section:
    """A titled table on a detail page (e.g. 入住记录 of an institution)."""

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


def cells(row: Iterable) -> list[Cell]:
    return [value if isinstance(value, Cell) else Cell("" if value is None else value) for value in row]


def paginate(request, rows, per_page: int = PAGE_SIZE):
    """The page of ``rows`` the query string asks for; a page number out of range or not a number gives the
    nearest page (a list never answers 404 or 500 to ``?page=abc``)."""
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def search(request, form_class, **kwargs):
    """The search form above a list, bound to the query string; a field that does not validate is ignored
    (and shown with its error), the others still filter."""
    form = form_class(request.GET, **kwargs)
    form.is_valid()
    return form, form.cleaned_data


def export_link(request, label: str = "导出Excel") -> tuple[str, str]:
    """导出Excel: the same list, with the same filters, as an .xlsx (the view answers ``?export=xlsx``)."""
    params = request.GET.copy()
    params["export"] = "xlsx"
    params.pop("page", None)
    return (label, "?" + params.urlencode())


def table_page(
    request,
    *,
    frame: dict,
    page_obj,
    headers: list[str],
    rows: list,
    filter_form=None,
    toolbar: list | None = None,
    empty: str = "没有符合条件的记录",
    intro: str = "",
    above: list | None = None,
    template: str = "web/kit/table_page.html",
):
    """The list page: search form, toolbar (新增/导入/导出), table, pagination with 共 N 条."""
    return render(
        request,
        template,
        {
            **frame,
            "page_obj": page_obj,
            "headers": headers,
            "rows": [cells(r) for r in rows],
            "filter_form": filter_form,
            "toolbar": toolbar or [],
            "empty": empty,
            "intro": intro,
            "above": above or [],
        },
    )


def detail_page(
    request,
    *,
    frame: dict,
    fields: list,
    sections: Iterable[Section] = (),
    actions: Iterable = (),
    status: Cell | None = None,
    toolbar: list | None = None,
    testid: str = "",
    template: str = "web/kit/detail_page.html",
):
    """One record: its fields, its sections (tables), and the forms acting on it."""
    for section in sections:
        section.rows = [cells(r) for r in section.rows]
    return render(
        request,
        template,
        {
            **frame,
            "fields": [(label, value if isinstance(value, Cell) else Cell(value)) for label, value in fields],
            "sections": sections,
            "actions": [a for a in actions if a],
            "status": status,
            "toolbar": toolbar or [],
            "testid": testid,
        },
    )


def form_page(
    request,
    *,
    frame: dict,
    form,
    cancel_url: str,
    submit: str = "保存",
    intro: str = "",
    template: str = "web/kit/form_page.html",
    **extra,
):
    """A form on a page of its own (新增/编辑): errors next to each field, 保存 and 取消."""
    return render(
        request,
        template,
        {**frame, "form": form, "cancel_url": cancel_url, "submit": submit, "intro": intro, **extra},
    )


def frame(nav: str, title: str, breadcrumbs: list, *, subnav: list | None = None, **extra) -> dict:
    """The context every page of the shell needs: sidebar entry, title, breadcrumb, sub-navigation tabs."""
    return {
        "active_nav": nav,
        "page_title": title,
        "breadcrumbs": breadcrumbs,
        "subnav": subnav or [],
        **extra,
    }
