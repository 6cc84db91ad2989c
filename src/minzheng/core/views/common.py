"""Pieces every list page shares: paging, Excel download responses, turning domain errors into messages."""

from datetime import date

from django.core.paginator import Paginator
from django.http import HttpResponse

from ..spreadsheets import XLSX_CONTENT_TYPE

PAGE_SIZE = 20


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def xlsx_response(content: bytes, base_name: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    file_name = f"{base_name}_{date.today():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(file_name)}"
    return response


def parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
