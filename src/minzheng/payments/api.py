"""REST endpoints of 资金发放: rosters (generate, submit, approve, return), lines, the follow-up queue."""

import datetime as dt
from decimal import Decimal

from django.http import HttpResponse
from ninja import Query, Router, Schema, Status

from minzheng.core.api_types import Day, DivisionCode
from minzheng.core.paging import page_query

from . import selectors
from .errors import PayrollError
from .services import approval, bank_files, follow_ups, generation

router = Router(tags=["资金发放"])


class RosterOut(Schema):
    id: int
    program_code: str
    program_name: str
    division_code: str
    month: dt.date
    status: str
    line_count: int
    household_count: int
    person_count: int
    total_amount: Decimal
    generation: int
    generated_by_id: int | None
    approved_by_id: int | None


class RosterPage(Schema):
    count: int
    items: list[RosterOut]


class GenerateIn(Schema):
    program_code: str
    division_code: DivisionCode
    month: Day


class ReturnIn(Schema):
    reason: str


class LineOut(Schema):
    id: int
    seq: int
    kind: str
    for_month: dt.date
    household_number: str
    payee_name: str
    payee_id_number_masked: str
    bank_name: str
    bank_account_masked: str
    persons: int
    amount: Decimal
    payment_status: str
    failure_reason: str
    follow_up: str


class FollowUpIn(Schema):
    action: str
    note: str = ""


def _line(line) -> dict:
    from minzheng.core.identity import mask_id_number

    return {
        **{f: getattr(line, f) for f in LineOut.model_fields if hasattr(line, f)},
        "payee_id_number_masked": mask_id_number(line.payee_id_number),
        "bank_account_masked": line.masked_account,
    }


@router.get("/rosters", response=RosterPage, summary="发放花名册列表（本辖区）")
def list_rosters(
    request,
    page: Query[page_query(50, 200)],
    month: Day | None = None,
    program_code: str = "",
    status: str = "",
):
    rosters = selectors.roster_list(request.user, selectors.RosterFilter(month, program_code, status))
    return {"count": rosters.count(), "items": list(rosters[page.offset : page.offset + page.limit])}


@router.post("/rosters", response={201: RosterOut}, summary="生成（或重新生成草稿）花名册")
def generate(request, body: GenerateIn):
    result = generation.generate_roster(
        request.user, program_code=body.program_code, division_code=body.division_code, month=body.month
    )
    return Status(201, result.roster)


@router.get("/rosters/{pk}", response=RosterOut, summary="花名册")
def get_roster(request, pk: int):
    return selectors.roster_detail(request.user, pk)


@router.get("/rosters/{pk}/lines", response=list[LineOut], summary="花名册明细（证件号码、账号脱敏）")
def roster_lines(request, pk: int, page: Query[page_query(100, 1000)], status: str = ""):
    roster = selectors.roster_detail(request.user, pk)
    lines = selectors.roster_lines(roster, status=status)[page.offset : page.offset + page.limit]
    return [_line(line) for line in lines]


class SubtotalOut(Schema):
    township_code: str
    township_name: str
    lines: int
    households: int
    persons: int
    amount: Decimal


@router.get("/rosters/{pk}/subtotals", response=list[SubtotalOut], summary="乡镇（街道）小计")
def subtotals(request, pk: int):
    return [s.__dict__ for s in selectors.township_subtotals(selectors.roster_detail(request.user, pk))]


@router.get("/rosters/{pk}/bank-file", summary="下载银行代发文件（含完整账号，记入审计；须已审核）")
def bank_file(request, pk: int, format: str, kind: str = "csv"):
    roster = selectors.roster_detail(request.user, pk)
    bank_format = selectors.bank_format(format)
    if bank_format is None:
        raise PayrollError("代发格式不存在或已停用", field="format")
    exported = bank_files.export_bank_file(request.user, roster, bank_format, kind)
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f"attachment; filename={exported.file_name}"
    return response


@router.post("/rosters/{pk}/submit", response=RosterOut, summary="提交审核（经办人）")
def submit(request, pk: int):
    return approval.submit_roster(request.user, selectors.roster_detail(request.user, pk))


@router.post("/rosters/{pk}/approve", response=RosterOut, summary="审核通过并锁定（审批人，不能是制表人）")
def approve(request, pk: int):
    return approval.approve_roster(request.user, selectors.roster_detail(request.user, pk))


@router.post("/rosters/{pk}/return", response=RosterOut, summary="退回经办人")
def return_(request, pk: int, body: ReturnIn):
    return approval.return_roster(request.user, selectors.roster_detail(request.user, pk), body.reason)


@router.get("/follow-ups", response=list[LineOut], summary="发放失败待处理")
def follow_up_queue(request, page: Query[page_query(100, 1000)], state: str = "open"):
    lines = selectors.follow_up_queue(request.user, state)[page.offset : page.offset + page.limit]
    return [_line(line) for line in lines]


@router.post(
    "/lines/{pk}/follow-up", response=LineOut, summary="处理发放失败：reissue（下月补发）或 resolve（办结）"
)
def decide(request, pk: int, body: FollowUpIn):
    line = follow_ups.decide_follow_up(
        request.user, selectors.line_detail(request.user, pk), action=body.action, note=body.note
    )
    return _line(line)
