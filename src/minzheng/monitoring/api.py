"""REST endpoints of 低收入人口动态监测: warnings (list with filters, detail) within the jurisdiction."""

import datetime as dt

from django.utils import timezone
from ninja import Query, Router, Schema

from minzheng.core.api_types import DivisionCode
from minzheng.core.identity import mask_id_number
from minzheng.core.paging import page_query
from minzheng.core.read_audit import Channel

from . import selectors

router = Router(tags=["低收入人口动态监测"])


class WarningOut(Schema):
    id: int
    number: str
    rule_code: str
    severity: str
    status: str
    division_code: str
    assigned_division_code: str
    person_name: str
    id_number_masked: str
    event_date: dt.date
    reason: str
    due_on: dt.date | None
    disposal: str
    case_number: str


class WarningDetailOut(WarningOut):
    evidence: list[dict]


class WarningPage(Schema):
    count: int
    items: list[WarningOut]


class WarningQuery(Schema):
    rule: str = ""
    severity: str = ""
    status: str = ""
    division: DivisionCode = ""
    overdue: bool = False


def _out(warning) -> dict:
    data = {name: getattr(warning, name) for name in WarningOut.model_fields if hasattr(warning, name)}
    data["id_number_masked"] = mask_id_number(warning.id_number)
    return data


@router.get("/warnings", response=WarningPage, summary="预警清单（管辖范围内）")
def list_warnings(request, query: Query[WarningQuery], page: Query[page_query(50, 500)]):
    filters = selectors.WarningFilter(
        rule_code=query.rule,
        severity=query.severity,
        status=query.status,
        division_code=query.division,
        overdue=query.overdue,
    )
    found = selectors.warning_list(request.user, filters, timezone.localdate())
    items = found[page.offset : page.offset + page.limit]
    return {"count": found.count(), "items": [_out(w) for w in items]}


@router.get("/warnings/{warning_id}", response=WarningDetailOut, summary="一条预警及其证据")
def get_warning(request, warning_id: int):
    warning = selectors.read_warning(request.user, warning_id, channel=Channel.API)
    return {**_out(warning), "evidence": warning.evidence}
