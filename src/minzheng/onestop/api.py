"""REST endpoints of 全市通办: the 12345 platform pushes tickets (派单) here; tickets are read back by number.
Token auth and the one error format come from minzheng/api.py; scope as the pages."""

from datetime import date

from django.http import Http404
from ninja import Router, Schema

from .selectors.tickets import ticket_list
from .services import tickets

router = Router(tags=["全市通办"])


class TicketIn(Schema):
    external_id: str
    category: str
    division_code: str
    content: str
    address: str = ""
    anonymous: bool = False
    caller_name: str = ""
    caller_phone: str = ""
    wants_reply: bool = True
    received_on: date | None = None


class TicketOut(Schema):
    id: int
    number: str
    external_id: str
    category: str
    division_code: str
    status: str
    received_on: date
    due_on: date | None
    lead_unit_code: str
    reply: str
    replied_on: date | None
    completed_on: date | None
    callback_result: str
    supervision_level: int


@router.post("/tickets", response={201: TicketOut}, summary="接收12345平台派单")
def receive_ticket(request, payload: TicketIn):
    data = payload.dict()
    ticket = tickets.create_ticket(
        request.user,
        channel="platform",
        **{k: v for k, v in data.items() if not (k == "received_on" and v is None)},
    )
    return 201, ticket


@router.get("/tickets/{number}", response=TicketOut, summary="按工单编号或12345平台编号查询办理情况")
def get_ticket(request, number: str):
    number = number[:40]
    found = (
        ticket_list(request.user).filter(number=number).first()
        or ticket_list(request.user).filter(external_id=number).first()
    )
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found
