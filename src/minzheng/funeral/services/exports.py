"""Excel exports of the 殡葬 lists: the rows the user sees (already scoped, ID numbers masked), audited."""

from collections.abc import Iterable, Sequence

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import Sheet, write_workbook


def export_rows(
    actor, *, name: str, headers: Sequence[str], rows: Iterable[Sequence], object_type: str
) -> bytes:
    require(actor, Capability.EXPORT)
    rows = list(rows)
    content = write_workbook([Sheet(name[:31], headers, rows, column_widths=[18] * len(headers))])
    record_event(
        actor, AuditEvent.EXPORT, object_type=object_type, division_code=actor.division_code,
        summary=f"导出{name} {len(rows)} 条",
    )  # fmt: skip
    return content
