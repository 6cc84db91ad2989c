"""REST endpoints of 家庭经济状况核对: request a household's report, read a stored result."""

import datetime as dt
from decimal import Decimal

from ninja import Router, Schema

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event

from . import selectors
from .services import runs

router = Router(tags=["家庭经济状况核对"])


class ReportIn(Schema):
    program: str = "dibao"
    request_date: dt.date | None = None


class ReportOut(Schema):
    run_id: int
    result_id: int
    household_id: int
    conclusion: str
    per_capita_monthly_income: Decimal | None
    income_line: Decimal | None
    per_capita_financial_assets: Decimal | None
    asset_limit: Decimal | None
    reasons: list[dict]


@router.post("/households/{household_id}/report", response=ReportOut, summary="核对一户并返回核对报告")
def request_report(request, household_id: int, body: ReportIn):
    report = runs.request_report(
        request.user, household_id=household_id, program=body.program, on=body.request_date
    )
    return report.__dict__


@router.get("/results/{pk}", response=ReportOut, summary="读取核对结果（记入审计）")
def get_result(request, pk: int):
    result = selectors.result_detail(request.user, pk)
    record_event(
        request.user,
        AuditEvent.READ_DETAIL,
        object_type="household_verification",
        object_id=pk,
        division_code=result.division_code,
        summary="API 查看核对报告",
    )
    return {
        "run_id": result.run_id,
        "result_id": result.pk,
        "household_id": result.household_id,
        "conclusion": result.conclusion,
        "per_capita_monthly_income": result.per_capita_monthly_income,
        "income_line": result.income_line,
        "per_capita_financial_assets": result.per_capita_financial_assets,
        "asset_limit": result.asset_limit,
        "reasons": result.reasons,
    }
