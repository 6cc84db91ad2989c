"""REST endpoints for what a case records along the way: 一次性告知, 核对 (by the engine or by hand),
入户调查, materials and photos, 计发要素, 公示 objections.

With ``api_cases`` they let another system (a township's 一网通办 front desk, a mobile visit app) take a case
from 申请 to 审批. Thin, as the pages: the same services check jurisdiction (404), capabilities, stage and
maker-checker, and write the case history and audit log.
"""

from datetime import date, datetime

from django.http import FileResponse
from ninja import File, Form, Router, Schema, Status, UploadedFile

from minzheng.core.api_types import Day
from minzheng.core.money import Money, TotalMoney

from .api_cases import CaseDetailOut
from .selectors import cases as case_selectors
from .services import case_records, workflow

router = Router(tags=["社会救助案件"])


class MaterialsIn(Schema):
    missing: list[str]
    note: str = ""


@router.post(
    "/cases/{case_id}/materials-request", response=CaseDetailOut, summary="一次性告知需补齐的材料（申请时）"
)
def request_materials(request, case_id: int, payload: MaterialsIn):
    workflow.request_materials(request.user, case_id, missing=payload.missing, note=payload.note)
    return case_selectors.case_detail(request.user, case_id)


class VerificationIn(Schema):
    on: Day | None = None


@router.post(
    "/cases/{case_id}/verification",
    response=CaseDetailOut,
    summary="发起家庭经济状况核对（有可用核对报告则转入户调查，否则待人工录入）",
)
def start_verification(request, case_id: int, payload: VerificationIn):
    workflow.start_verification(request.user, case_id, on=payload.on)  # 404 outside the jurisdiction first
    return case_selectors.case_detail(request.user, case_id)


class ManualVerificationIn(Schema):
    per_capita_income: Money
    per_capita_assets: TotalMoney | None = None
    note: str


@router.post(
    "/cases/{case_id}/verification/manual",
    response=CaseDetailOut,
    summary="人工录入核对结果（核对系统无数据或需人工复核时，须说明依据）",
)
def record_verification_by_hand(request, case_id: int, payload: ManualVerificationIn):
    workflow.record_verification_by_hand(request.user, case_id, **payload.dict())
    return case_selectors.case_detail(request.user, case_id)


class HomeVisitIn(Schema):
    visited_on: Day
    investigators: str
    living_conditions: str
    findings: str
    unable_activities: list[str] = []
    democratic_appraisal: str = ""


class HomeVisitOut(Schema):
    id: int
    visited_on: date
    investigators: str
    living_conditions: str
    findings: str
    unable_activities: list[str]
    democratic_appraisal: str
    recorded_at: datetime


@router.get("/cases/{case_id}/visits", response=list[HomeVisitOut], summary="入户调查记录")
def visits(request, case_id: int):
    return list(case_selectors.case_visits(case_selectors.case_detail(request.user, case_id)))


@router.post(
    "/cases/{case_id}/visits",
    response={201: HomeVisitOut},
    summary="录入入户调查（至少两名调查人员；特困人员含生活自理能力项目）",
)
def record_visit(request, case_id: int, payload: HomeVisitIn):
    return Status(201, case_records.record_visit(request.user, case_id, **payload.dict()))


class AttachmentOut(Schema):
    id: int
    kind: str
    visit_id: int | None
    original_name: str
    content_type: str
    size: int
    uploaded_at: datetime


@router.get(
    "/cases/{case_id}/attachments", response=list[AttachmentOut], summary="案件附件（材料、入户照片）"
)
def attachments(request, case_id: int):
    return list(case_selectors.case_attachments(case_selectors.case_detail(request.user, case_id)))


@router.post(
    "/cases/{case_id}/attachments",
    response={201: AttachmentOut},
    summary="上传申请材料或入户照片（JPG、PNG、PDF，≤10 MB，按内容校验类型）",
)
def add_attachment(
    request,
    case_id: int,
    file: File[UploadedFile],
    kind: Form[str] = "material",
    visit_id: Form[int | None] = None,
):
    attachment = case_records.add_attachment(request.user, case_id, upload=file, kind=kind, visit_id=visit_id)
    return Status(201, attachment)


@router.get("/cases/{case_id}/attachments/{attachment_id}", summary="下载案件附件（记入审计）")
def attachment(request, case_id: int, attachment_id: int):
    item = case_records.open_attachment(request.user, case_id, attachment_id)
    return FileResponse(item.file.open("rb"), content_type=item.content_type, filename=item.original_name)


class BenefitInputsIn(Schema):
    persons: int | None = None
    seriously_ill_ids: list[int] = []
    requested_amount: Money | None = None
    care_grade: str = ""


@router.put(
    "/cases/{case_id}/benefit-inputs",
    response=CaseDetailOut,
    summary="核定计发要素：保障人数、重病患者（分类施保）、临时救助需求、照料护理等级",
)
def set_benefit_inputs(request, case_id: int, payload: BenefitInputsIn):
    case_records.set_benefit_inputs(
        request.user,
        case_id,
        persons=payload.persons,
        seriously_ill_ids=payload.seriously_ill_ids,
        requested_amount=payload.requested_amount,
        care_grade_value=payload.care_grade,
    )
    return case_selectors.case_detail(request.user, case_id)


class ObjectionIn(Schema):
    received_on: Day
    raised_by: str = ""
    content: str


class ResolutionIn(Schema):
    resolution: str
    upheld: bool


class ObjectionOut(Schema):
    id: int
    received_on: date
    raised_by: str
    content: str
    resolution: str
    upheld: bool | None


@router.get("/cases/{case_id}/objections", response=list[ObjectionOut], summary="公示异议")
def objections(request, case_id: int):
    return list(case_selectors.case_objections(case_selectors.case_detail(request.user, case_id)))


@router.post(
    "/cases/{case_id}/objections",
    response={201: ObjectionOut},
    summary="登记公示期间收到的异议（异议未处理时公示不能结束）",
)
def record_objection(request, case_id: int, payload: ObjectionIn):
    return Status(201, case_records.record_objection(request.user, case_id, **payload.dict()))


@router.post(
    "/cases/{case_id}/objections/{objection_id}/resolution",
    response=ObjectionOut,
    summary="处理公示异议（核实结果，异议是否成立）",
)
def resolve_objection(request, case_id: int, objection_id: int, payload: ResolutionIn):
    return case_records.resolve_objection(request.user, case_id, objection_id, **payload.dict())
