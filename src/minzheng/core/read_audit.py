"""The audited read: a sensitive record fetched for someone to look at leaves a 查看详情 trace.

The selectors that fetch such a record for display (``read_household``, ``read_case``, ``read_warning`` …)
call ``audited_read`` themselves, so a page or an API endpoint showing the record cannot forget the audit:
there is no way to get the record for display without it. Selectors that fetch the same record to act on it
(an edit form, a workflow step, which the service audits as a write) stay unaudited reads.
"""

from enum import StrEnum
from typing import TypeVar

from .models import AuditEvent
from .services.audit import record_event


class Channel(StrEnum):
    """Where the record is shown: the audit summary says so (the API's reads start with "API ")."""

    PAGE = "page"
    API = "api"

    @property
    def prefix(self) -> str:
        return "API " if self is Channel.API else ""


T = TypeVar("T")


def audited_read(
    user, record: T, *, channel: Channel, object_type: str, division_code: str, summary: str
) -> T:
    """Record that ``user`` read ``record`` through ``channel``; returns the record (to chain in a selector)."""
    record_event(
        user,
        AuditEvent.READ_DETAIL,
        object_type=object_type,
        object_id=record.pk,
        division_code=division_code,
        summary=f"{Channel(channel).prefix}{summary}",
    )
    return record
