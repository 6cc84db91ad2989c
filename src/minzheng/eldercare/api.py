"""REST endpoints of 养老服务 (added to the one NinjaAPI in minzheng/api.py). Same scope as the pages."""

from datetime import date
from decimal import Decimal

from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from minzheng.core.api_types import Day, DivisionCode
from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.core.jurisdiction import covers
from minzheng.core.paging import Paging
from minzheng.core.query_params import check_period
from minzheng.core.selectors.registry import person_detail

from .selectors import providers, supervision
from .selectors.common import person_by_id_number
from .services import assessments, hardship
from .services import supervision as supervision_services

router = Router(tags=["养老服务"])


class InstitutionOut(Schema):
    id: int
    name: str
    filing_number: str
    nature: str
    operator_name: str
    operator_uscc: str
    division_code: str
    address: str
    beds_total: int
    nursing_beds: int
    occupied: int
    occupied_nursing: int
    free_beds: int
    grade: int | None
    medical_care: str
    fire_safety: str
    status: str

    @staticmethod
    def resolve_free_beds(obj):
        return max(obj.beds_total - obj.occupied, 0)


class InstitutionQuery(Schema):
    q: str = ""
    division_code: DivisionCode = ""
    nature: str = ""
    status: str = ""
    medical_care: str = ""


@router.get("/institutions", response=list[InstitutionOut], summary="养老机构（在住人数按入住记录统计）")
@paginate(Paging)
def list_institutions(request, filters: Query[InstitutionQuery]):
    return providers.institution_list(request.user, providers.InstitutionFilter(**filters.dict()))


@router.get("/institutions/{pk}", response=InstitutionOut, summary="养老机构详情")
def get_institution(request, pk: int):
    return providers.institution_detail(request.user, pk)


class AssessmentIn(Schema):
    id_number: str
    assessed_on: Day
    reason: str
    assessors: str
    agency: str = ""
    scores: dict[str, int]
    coma: bool = False  # GB/T 42195-2022 A.5.11
    diagnosis_codes: list[str] = []  # ICD-10; F00–F99 raise the level one step (附录C C.4)
    care_risk_events_30d: int = 0


class CapabilityOut(Schema):
    person_id: int
    assessment_id: int
    assessed_on: date
    total_score: int
    level: int
    level_label: str
    next_due_on: date
    overdue: bool


@router.post(
    "/assessments", response={201: CapabilityOut}, summary="录入老年人能力评估（GB/T 42195-2022，26项）"
)
def create_assessment(request, payload: AssessmentIn):
    person = person_by_id_number(request.user, payload.id_number)
    if person is None:
        raise Http404
    row = assessments.record_assessment(
        request.user,
        person=person,
        assessed_on=payload.assessed_on,
        reason=payload.reason,
        assessors=payload.assessors,
        agency=payload.agency,
        scores=payload.scores,
        coma=payload.coma,
        diagnosis_codes=payload.diagnosis_codes,
        care_risk_events_30d=payload.care_risk_events_30d,
    )
    return 201, assessments.latest_capability_level(person.pk, row.assessed_on)


@router.get("/persons/{person_id}/capability", response=CapabilityOut, summary="最近一次能力评估结果")
def capability(request, person_id: int):
    person = person_detail(request.user, person_id)
    result = assessments.latest_capability_level(person.pk)
    if result is None:
        raise Http404
    return result


class HazardOut(Schema):
    id: int
    institution_id: int
    institution_name: str
    category: str
    severity: str
    description: str
    found_on: date
    deadline: date
    status: str
    rectified_on: date | None
    closed_on: date | None

    @staticmethod
    def resolve_institution_name(obj):
        return obj.institution.name


class HazardQuery(Schema):
    division_code: DivisionCode = ""
    status: str = ""
    severity: str = ""
    overdue_only: bool = False


@router.get("/hazards", response=list[HazardOut], summary="隐患台账")
@paginate(Paging)
def list_hazards(request, filters: Query[HazardQuery]):
    return supervision.hazard_list(request.user, supervision.HazardFilter(**filters.dict()))


class RectificationIn(Schema):
    rectified_on: Day
    note: str
    evidence: str


@router.post("/hazards/{pk}/rectification", response=HazardOut, summary="报告隐患整改完成（代机构录入）")
def rectify(request, pk: int, payload: RectificationIn):
    hazard = supervision.hazard_detail(request.user, pk)
    return supervision_services.report_rectification(request.user, hazard, **payload.dict())


class ElderVisitIn(Schema):
    visited_on: Day
    method: str
    findings: str
    needs_follow_up: bool = False
    follow_up: str = ""


class ElderVisitOut(Schema):
    id: int
    elder_id: int
    visited_on: date
    method: str
    findings: str


@router.post("/elders/{pk}/visits", response={201: ElderVisitOut}, summary="记录特殊困难老年人探访（移动端）")
def record_visit(request, pk: int, payload: ElderVisitIn):
    from .selectors.hardship import elder_detail

    elder = elder_detail(request.user, pk)
    visit = hardship.record_visit(request.user, elder, **payload.dict())
    return 201, visit


class ElderIndicatorOut(Schema):
    code: str
    name: str
    unit: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    drilldown_url: str | None
    note: str


@router.get("/indicators", response=list[ElderIndicatorOut], summary="养老服务规划指标（本辖区或下级区划）")
def indicators(request, start: Day, end: Day, division_code: DivisionCode = ""):
    start, end = check_period(start, end)
    division = division_code or request.user.division_code
    if not covers(request.user.division_code, division):
        raise Http404
    found = []
    for code, source in sorted(collect_indicator_sources().items()):
        if code.startswith("eldercare."):
            value = source.compute(division, start, end)
            found.append({"code": code, "name": source.name, "unit": source.unit, **value.__dict__})
    return found
