"""审计日志 viewer for system administrators: filters and export."""

from django.shortcuts import render

from ..audit_objects import object_type_choices, object_type_label
from ..models import AuditEvent
from ..selectors.audit import AuditFilter, audit_events
from ..services.audit import record_event
from ..spreadsheets import Sheet, write_workbook
from .common import paginate, parse_date, xlsx_response

EXPORT_LIMIT = 100_000


def audit_list(request):
    filters = AuditFilter(
        username=request.GET.get("username", "").strip(),
        action=request.GET.get("action", ""),
        object_type=request.GET.get("object_type", "").strip(),
        object_id=request.GET.get("object_id", "").strip(),
        date_from=parse_date(request.GET.get("date_from")),
        date_to=parse_date(request.GET.get("date_to")),
    )
    events = audit_events(request.user, filters)
    if request.GET.get("export") == "xlsx":
        labels = dict(AuditEvent.ACTIONS)
        rows = (
            (
                e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                e.username,
                e.ip or "",
                labels.get(e.action, e.action),
                object_type_label(e.object_type),
                e.object_id,
                e.division_code,
                e.summary,
            )
            for e in events[:EXPORT_LIMIT].iterator(chunk_size=2000)
        )
        content = write_workbook(
            [
                Sheet(
                    "审计日志",
                    ["时间", "用户", "IP", "操作", "对象类型", "对象标识", "区划", "摘要"],
                    rows,
                    column_widths=(20, 12, 16, 14, 14, 12, 16, 60),
                )
            ]
        )
        record_event(request.user, AuditEvent.EXPORT, object_type="audit_event", summary="导出审计日志")
        return xlsx_response(content, "审计日志")
    return render(
        request,
        "core/audit_list.html",
        {
            "page_obj": _labelled(paginate(request, events, 50)),
            "object_types": object_type_choices(),
            "filters": filters,
            "actions": AuditEvent.ACTIONS,
            "active_nav": "audit",
            "page_title": "审计日志",
            "breadcrumbs": [("系统管理", None), ("审计日志", None)],
        },
    )


def _labelled(page_obj):
    for event in page_obj:
        event.object_type_label = object_type_label(event.object_type)
    return page_obj
