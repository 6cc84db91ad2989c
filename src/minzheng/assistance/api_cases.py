"""REST endpoints of 社会救助 casework: cases (list, detail with history, open, moves), the 待办 queue.

Thin: the same selectors and services as the pages, so jurisdiction (404), capabilities, maker-checker and
the transition table apply identically; errors use the one RFC 7807-style body of ``minzheng.api``.
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from minzheng.core.api_types import Day, DivisionCode
from minzheng.core.paging import Paging
from minzheng.policy.interface import working_calendar

from .errors import InvalidCase
from .selectors import cases as case_selectors
from .selectors.queue import work_queue
from .services import decisions, workflow
from .services.case_deadlines import due_soon_days
from .services.cases import open_case

router = Router(tags=["社会救助案件"])


class CaseOut(Schema):
    id: int
    number: str
    program: str = Field(alias="program.code")
    household_number: str = Field(alias="household.number")
    division_code: str
    source: str
    status: str
    status_label: str = Field(alias="get_status_display")
    applied_on: date
    accepted_on: date | None
    deciding_level: str
    step_due_on: date | None
    procedure_due_on: date | None
    per_capita_income: Decimal | None
    decided_on: date | None
    decided_amount: Decimal | None
    persons: int | None


class EventOut(Schema):
    action: str
    label: str
    from_status: str
    to_status: str
    reason: str
    at: str

    @staticmethod
    def resolve_at(obj):
        return obj.at.isoformat()


class CaseDetailOut(CaseOut):
    reason: str
    prefill: dict
    missing_materials: list[str]
    benefit_snapshot: dict
    events: list[EventOut]

    @staticmethod
    def resolve_events(obj):
        return list(case_selectors.case_history(obj))


class CaseQuery(Schema):
    status: str = ""
    program: str = ""
    division: DivisionCode = ""
    q: str = ""
    overdue: bool = False


class CaseIn(Schema):
    household_id: int
    program_code: str
    source: str = "self"
    applied_on: Day | None = None
    reason: str = ""
    prefill: dict = {}
    source_reference: str = ""


class MoveIn(Schema):
    action: str = Field(
        description="accept, refuse, withdraw, submit_investigation, township_approve/_reject/_return, township_approve_after_objection, end_publicity, approve, reject, return_to_township"
    )
    reason: str = ""
    on: Day | None = None


class QueueItemOut(Schema):
    kind: str
    pk: int
    title: str
    subject: str
    division_code: str
    step: str
    due_on: date | None
    status: str
    case_number: str


@router.get("/cases", response=list[CaseOut], summary="救助案件列表（限本辖区）")
@paginate(Paging)
def cases(request, filters: Query[CaseQuery]):
    query = case_selectors.CaseFilter(
        status=filters.status, program=filters.program, division_code=filters.division, q=filters.q,
        overdue=filters.overdue,
    )  # fmt: skip
    return case_selectors.case_list(request.user, query, today=timezone.localdate())


@router.get("/cases/{case_id}", response=CaseDetailOut, summary="救助案件详情与办理记录")
def case(request, case_id: int):
    return case_selectors.case_detail(request.user, case_id)


@router.post(
    "/cases", response={201: CaseDetailOut}, summary="登记救助申请（本人、代办、主动发现、监测预警转入）"
)
def create_case(request, payload: CaseIn):
    created = open_case(request.user, **payload.dict())
    return Status(201, case_selectors.case_detail(request.user, created.pk))


_WORKFLOW = {
    "accept": lambda user, pk, body: workflow.accept(user, pk, on=body.on),
    "refuse": lambda user, pk, body: workflow.refuse(user, pk, reason=body.reason),
    "withdraw": lambda user, pk, body: workflow.withdraw(user, pk, reason=body.reason),
    "submit_investigation": lambda user, pk, body: workflow.submit_investigation(user, pk),
    "end_publicity": lambda user, pk, body: workflow.end_publicity(user, pk, on=body.on),
}
_DECISIONS = {
    "township_approve": "approve",
    "township_approve_after_objection": "approve_without_publicity",
    "township_reject": "reject",
    "township_return": "return",
}
_APPROVALS = {"approve": "approve", "reject": "reject", "return_to_township": "return"}


@router.post("/cases/{case_id}/moves", response=CaseDetailOut, summary="办理：受理、审核、公示期满、审批等")
def move(request, case_id: int, payload: MoveIn):
    case_selectors.case_detail(request.user, case_id)  # 404 outside the jurisdiction first
    if payload.action in _WORKFLOW:
        _WORKFLOW[payload.action](request.user, case_id, payload)
    elif payload.action in _DECISIONS:
        workflow.township_review(
            request.user, case_id, decision=_DECISIONS[payload.action], reason=payload.reason, on=payload.on
        )
    elif payload.action in _APPROVALS:
        decisions.decide(
            request.user, case_id, decision=_APPROVALS[payload.action], reason=payload.reason, on=payload.on
        )
    else:
        raise InvalidCase("未知的办理操作", field="action")
    return case_selectors.case_detail(request.user, case_id)


@router.get("/queue", response=list[QueueItemOut], summary="我的待办（已超期、即将到期在前）")
def queue(request):
    today = timezone.localdate()
    return work_queue(
        request.user,
        today,
        working_calendar(),
        due_soon_days=due_soon_days(request.user.division_code, today),
    )
