"""REST endpoints of 家庭经济状况核对: department data intake (file or configured database table), a
household's report, list runs and stored results."""

import datetime as dt
from decimal import Decimal

from django.http import HttpResponse
from ninja import File, Form, Router, Schema, Status, UploadedFile

from minzheng.core.api_types import Day
from minzheng.core.read_audit import Channel
from minzheng.core.spreadsheets import XLSX_CONTENT_TYPE, error_report
from minzheng.core.uploads import read_upload

from . import selectors
from .errors import ListRejected
from .services import intake, lists, runs

router = Router(tags=["家庭经济状况核对"])


class ReportIn(Schema):
    program: str = "dibao"
    request_date: Day | None = None


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
    result = selectors.read_result(request.user, pk, channel=Channel.API)
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


class ListRunOut(Schema):
    list_id: int
    run_id: int
    status: str
    households: int
    total: int


@router.post(
    "/lists",
    response={201: ListRunOut},
    summary="上传核对名单（.xlsx/.csv：户编号或户主公民身份号码）并发起名单核对",
)
def upload_list(
    request,
    file: File[UploadedFile],
    program: Form[str] = "dibao",
    request_date: Form[dt.date | None] = None,
    engine: Form[str] = "duckdb",
):
    outcome = lists.verify_list(
        request.user,
        data=read_upload(file),
        file_name=file.name or "list.xlsx",
        program=program,
        on=request_date or dt.date.today(),
        engine=engine,
    )
    household_list = outcome.household_list
    if outcome.run is None:
        raise ListRejected(
            f"核对名单未通过校验：{len(household_list.errors)}处错误，未发起核对"
            f"（名单 {household_list.pk}，错误报告 /api/verification/lists/{household_list.pk}/errors.xlsx）",
            errors=household_list.errors,
        )
    run = outcome.run
    return Status(
        201,
        {
            "list_id": household_list.pk,
            "run_id": run.pk,
            "status": run.status,
            "households": len(household_list.households),
            "total": run.total,
        },
    )


@router.get("/lists/{pk}/errors.xlsx", summary="下载核对名单的错误报告（.xlsx）")
def list_errors(request, pk: int):
    household_list = selectors.household_list(request.user, pk)
    response = HttpResponse(error_report(household_list.errors), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename=verification-list-{pk}-errors.xlsx"
    return response


class RunOut(Schema):
    id: int
    kind: str
    program: str
    division_code: str
    request_date: dt.date
    engine: str
    status: str
    total: int
    done: int
    eligible: int
    ineligible: int
    manual_review: int
    household_list_id: int | None
    error: str


@router.get("/runs/{pk}", response=RunOut, summary="核对批次的状态与进度（名单核对含来源名单）")
def get_run(request, pk: int):
    return selectors.run_detail(request.user, pk)


class DeliveryOut(Schema):
    """交付回执: what one intake accepted and rejected (the rejected rows: ``rejected_report``)."""

    delivery_id: str
    dataset: str
    source: str
    as_of: dt.date
    received_at: dt.datetime
    original_name: str
    rows_total: int
    rows_accepted: int
    rows_rejected: int
    warnings: list[str]
    duplicate: bool
    rejected_report: str


def _delivery(receipt) -> dict:
    return {
        **{name: getattr(receipt, name) for name in DeliveryOut.model_fields if name != "rejected_report"},
        "rejected_report": f"/api/verification/deliveries/{receipt.delivery_id}/rejected.xlsx",
    }


def _received(receipt):
    """201 for a new delivery; 200 when the same content was already received (nothing changed)."""
    return Status(200 if receipt.duplicate else 201, _delivery(receipt))


@router.get("/deliveries", response=list[DeliveryOut], summary="部门共享数据交付回执（最新在前；仅管理员）")
def list_deliveries(request):
    return [_delivery(receipt) for receipt in selectors.deliveries(request.user)]


@router.post(
    "/deliveries",
    response={200: DeliveryOut, 201: DeliveryOut},
    summary="上传部门数据文件（.csv UTF-8 带表头 或 .parquet）；相同内容再次交付返回 200 且不作更改",
)
def upload_delivery(
    request,
    file: File[UploadedFile],
    dataset: Form[str],
    as_of: Form[dt.date],
    source: Form[str] = "default",
):
    return _received(
        intake.receive_delivery(
            request.user,
            data=read_upload(file),
            file_name=file.name or "delivery.csv",
            dataset=dataset,
            as_of=as_of,
            source=source,
        )
    )


class TableDeliveryIn(Schema):
    connection: str  # a name configured as MINZHENG_EXCHANGE_DB_<NAME>; the URL never leaves the server
    table: str  # table or view: ``table`` or ``schema.table``
    dataset: str
    as_of: Day
    source: str = "default"


@router.post(
    "/deliveries/table",
    response={200: DeliveryOut, 201: DeliveryOut},
    summary="从已配置的部门数据库表接收部门数据（与上传文件相同的校验与拒收明细）",
)
def table_delivery(request, body: TableDeliveryIn):
    return _received(intake.receive_table(request.user, **body.dict()))


@router.get("/connections", response=list[str], summary="已配置的部门数据库连接名称（不含地址；仅管理员）")
def list_connections(request):
    return intake.connection_names(request.user)


@router.get("/deliveries/{delivery_id}/rejected.xlsx", summary="下载一次交付的拒收明细（.xlsx，记入审计）")
def rejected_report(request, delivery_id: str):
    receipt, content = intake.rejected_rows_report(request.user, delivery_id)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f"attachment; filename=rejected-{receipt.dataset}-{receipt.as_of:%Y%m%d}.xlsx"
    )
    return response
