"""全局检索 pages: the results of the header's search box, grouped by kind; the pickers' options (htmx)."""

from django.http import Http404
from django.shortcuts import render

from minzheng.core.search_terms import MAX_LENGTH, TOO_SHORT, parse_search_term
from minzheng.web.kit import picker

from .groups import search_everything

LIMIT = 20
PICKER_LIMIT = 10


def results(request):
    raw = request.GET.get("q", "")
    term = parse_search_term(raw)
    found = search_everything(request.user, term, LIMIT) if term.searchable else []
    return render(
        request,
        "search/results.html",
        {
            "active_nav": "",
            "page_title": "全局检索",
            "breadcrumbs": [("全局检索", None)],
            "q": raw[: MAX_LENGTH * 2],
            "searched": bool(raw.strip()),
            "hint": "" if term.searchable or not raw.strip() else TOO_SHORT,
            "found": found,
            "total": sum(len(f.hits) for f in found),
        },
    )


def pick(request, source: str):
    """A picker's options for what was typed (``q``): jurisdiction-scoped, ID numbers masked."""
    chosen = picker.source(source)
    if chosen is None:
        raise Http404("页面不存在")
    raw = request.GET.get("q", "")
    term = parse_search_term(raw)
    options = chosen.search(request.user, term, PICKER_LIMIT + 1) if term.searchable else []
    return render(
        request,
        "web/kit/_picker_options.html",
        {
            "options": options[:PICKER_LIMIT],
            "more": len(options) > PICKER_LIMIT,
            "hint": "" if term.searchable else TOO_SHORT,
            "list_id": _list_id(request.GET.get("list", "")),
        },
    )


def _list_id(raw: str) -> str:
    """The listbox's id, which option ids are made from: letters, digits, - and _ only."""
    cleaned = "".join(c for c in raw[:60] if c.isascii() and (c.isalnum() or c in "-_"))
    return cleaned or "picker"
