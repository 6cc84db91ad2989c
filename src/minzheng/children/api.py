"""REST read endpoints of 儿童福利 (mounted at /api/children/): the child register and 收养登记. Same scope and
masking as the pages: another county's record is a 404, ID numbers masked, names masked for roles that do not
handle children, every read of one child's file or one adoption audited (channel API). 未保案件 are not offered:
they are visible to their handlers and supervisors only (ADR 0023)."""

import datetime as dt

from ninja import Query, Router, Schema

from minzheng.core.api_types import DivisionCode, RecordId
from minzheng.core.identity import mask_id_number
from minzheng.core.paging import page_query
from minzheng.core.read_audit import Channel

from .selectors import adoption as adoption_sel
from .selectors import register as register_sel
from .selectors.common import shown_name

router = Router(tags=["儿童福利"])


class ChildOut(Schema):
    id: int
    name: str
    id_number_masked: str
    birth_date: dt.date | None
    division_code: str
    registered_on: dt.date
    ended_on: dt.date | None
    categories: list[str]


class ChildPage(Schema):
    count: int
    items: list[ChildOut]


class ChildQuery(Schema):
    division: DivisionCode = ""


def _child(user, record, categories: list[str]) -> dict:
    person = record.person
    return {
        "id": record.pk, "name": shown_name(user, person.name), "id_number_masked": mask_id_number(person.id_number),
        "birth_date": person.birth_date, "division_code": record.division_code, "registered_on": record.registered_on,
        "ended_on": record.ended_on, "categories": categories,
    }  # fmt: skip


@router.get("/records", response=ChildPage, summary="儿童档案（管辖范围内，在档）")
def list_children(request, query: Query[ChildQuery], page: Query[page_query(50, 500)]):
    qs = register_sel.child_list(request.user, register_sel.ChildFilter(division_code=query.division))
    rows = list(qs[page.offset : page.offset + page.limit])
    categories = register_sel.current_categories(rows, dt.date.today())
    return {"count": qs.count(), "items": [_child(request.user, r, categories.get(r.pk, [])) for r in rows]}


@router.get("/records/{record_id}", response=ChildOut, summary="一名儿童的档案（读取留痕）")
def get_child(request, record_id: RecordId):
    record = register_sel.read_child(request.user, record_id, channel=Channel.API)
    categories = register_sel.current_categories([record], dt.date.today())
    return _child(request.user, record, categories.get(record.pk, []))


class AdoptionOut(Schema):
    id: int
    case_type: str
    status: str
    child_name: str
    adopter_name: str
    received_on: dt.date
    review_due: dt.date
    evaluation_due: dt.date | None
    notice_ends_on: dt.date | None
    decided_on: dt.date | None
    certificate_number: str
    dissolved_on: dt.date | None


class AdoptionPage(Schema):
    count: int
    items: list[AdoptionOut]


def _adoption(user, a) -> dict:
    return {
        "id": a.pk, "case_type": a.get_case_type_display(), "status": a.get_status_display(),
        "child_name": shown_name(user, a.child.name), "adopter_name": shown_name(user, a.adopter.name),
        "received_on": a.received_on, "review_due": a.review_due, "evaluation_due": a.evaluation_due,
        "notice_ends_on": a.notice_ends_on, "decided_on": a.decided_on, "certificate_number": a.certificate_number,
        "dissolved_on": a.dissolved_on,
    }  # fmt: skip


@router.get("/adoptions", response=AdoptionPage, summary="收养登记（管辖范围内）")
def list_adoptions(request, page: Query[page_query(50, 500)]):
    qs = adoption_sel.adoption_list(request.user)
    return {
        "count": qs.count(),
        "items": [_adoption(request.user, a) for a in qs[page.offset : page.offset + page.limit]],
    }


@router.get("/adoptions/{adoption_id}", response=AdoptionOut, summary="一件收养登记（读取留痕）")
def get_adoption(request, adoption_id: RecordId):
    return _adoption(request.user, adoption_sel.read_adoption(request.user, adoption_id, channel=Channel.API))
