"""Registering providers: 养老机构 (备案), community facilities, 家庭养老床位 and staff."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from minzheng.core.models import AuditEvent

from ..errors import EldercareConflict, InvalidEldercareInput
from ..models import (
    CommunityFacility,
    FacilityKind,
    FacilityService,
    FireSafety,
    HomeCareBed,
    Institution,
    MedicalCare,
    Nature,
    ProviderStatus,
    StaffMember,
    StaffRole,
)
from .common import (
    Capability,
    audit,
    check_division,
    check_in_jurisdiction,
    clean_uscc,
    require,
    require_text,
    snapshot,
)

INSTITUTION_FIELDS = [
    "name",
    "filing_number",
    "filed_on",
    "nature",
    "operator_name",
    "operator_uscc",
    "division_code",
    "address",
    "phone",
    "beds_total",
    "nursing_beds",
    "medical_care",
    "fire_safety",
    "comprehensive_function",
    "status",
    "opened_on",
    "closed_on",
]


@dataclass
class InstitutionFields:
    """养老机构 as entered on the form or through the API (validated by ``_clean_institution``)."""

    name: str
    nature: str
    operator_name: str
    operator_uscc: str
    division_code: str
    address: str
    beds_total: int
    nursing_beds: int
    filing_number: str = ""
    filed_on: date | None = None
    phone: str = ""
    medical_care: str = MedicalCare.NONE
    fire_safety: str = FireSafety.UNKNOWN
    comprehensive_function: bool = False
    status: str = ProviderStatus.OPERATING
    opened_on: date | None = None
    closed_on: date | None = None


def _choice(value: str, choices, field: str, label: str) -> str:
    if value not in dict(choices.choices):
        raise InvalidEldercareInput(f"请选择{label}", field=field)
    return value


def _clean_institution(actor, data: InstitutionFields) -> dict:
    values = dict(data.__dict__)
    values["name"] = require_text(data.name, "name", "机构名称", 100)
    values["operator_name"] = require_text(data.operator_name, "operator_name", "运营主体名称", 100)
    values["address"] = require_text(data.address, "address", "地址", 200)
    values["operator_uscc"] = clean_uscc(data.operator_uscc)
    values["division_code"] = check_division(actor, data.division_code)
    _choice(data.nature, Nature, "nature", "机构性质")
    _choice(data.medical_care, MedicalCare, "medical_care", "医养结合情况")
    _choice(data.fire_safety, FireSafety, "fire_safety", "消防安全状况")
    _choice(data.status, ProviderStatus, "status", "状态")
    if data.beds_total is None or data.beds_total < 0:
        raise InvalidEldercareInput("床位总数须为非负整数", field="beds_total")
    if data.nursing_beds is None or not 0 <= data.nursing_beds <= data.beds_total:
        raise InvalidEldercareInput("护理型床位数须在 0 到床位总数之间", field="nursing_beds")
    if data.status == ProviderStatus.CLOSED and data.closed_on is None:
        raise InvalidEldercareInput("已停办的机构请填写停办日期", field="closed_on")
    return values


@transaction.atomic
def register_institution(actor, data: InstitutionFields) -> Institution:
    """登记（备案）一家养老机构."""
    require(actor, Capability.MANAGE_ELDERCARE)
    institution = Institution.objects.create(**_clean_institution(actor, data))
    audit(actor, AuditEvent.CREATE, institution, f"登记养老机构 {institution.name}", INSTITUTION_FIELDS)
    return institution


@transaction.atomic
def update_institution(actor, institution: Institution, data: InstitutionFields) -> Institution:
    """修改机构信息. Beds cannot drop below the residents actually in them (occupancy is counted)."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, institution.division_code)
    institution = Institution.objects.select_for_update().get(pk=institution.pk)
    values = _clean_institution(actor, data)
    from ..selectors.occupancy import occupancy_of

    occupied = occupancy_of([institution.pk], date.today()).get(institution.pk)
    if occupied and (values["beds_total"] < occupied.total or values["nursing_beds"] < occupied.nursing):
        raise EldercareConflict(
            f"现有在住{occupied.total}人（护理型床位{occupied.nursing}人），床位数不能少于在住人数",
            field="beds_total",
        )
    before = snapshot(institution, INSTITUTION_FIELDS)
    for name, value in values.items():
        setattr(institution, name, value)
    institution.save()
    audit(
        actor, AuditEvent.UPDATE, institution, f"修改养老机构 {institution.name}", INSTITUTION_FIELDS, before
    )
    return institution


FACILITY_FIELDS = [
    "name",
    "kind",
    "division_code",
    "address",
    "operator_name",
    "operator_uscc",
    "services",
    "beds",
    "area_sqm",
    "status",
    "opened_on",
]


@transaction.atomic
def register_facility(
    actor,
    *,
    name: str,
    kind: str,
    division_code: str,
    address: str,
    services: list[str],
    operator_name: str = "",
    operator_uscc: str = "",
    beds: int = 0,
    area_sqm: int | None = None,
    opened_on: date | None = None,
) -> CommunityFacility:
    """登记社区养老服务设施 with the services it offers."""
    require(actor, Capability.MANAGE_ELDERCARE)
    _choice(kind, FacilityKind, "kind", "设施类型")
    unknown = [code for code in services if code not in dict(FacilityService.choices)]
    if unknown or not services:
        raise InvalidEldercareInput("请至少选择一项服务项目", field="services")
    facility = CommunityFacility.objects.create(
        name=require_text(name, "name", "设施名称", 100),
        kind=kind,
        division_code=check_division(actor, division_code),
        address=require_text(address, "address", "地址", 200),
        operator_name=operator_name.strip(),
        operator_uscc=clean_uscc(operator_uscc, required=False),
        services=sorted(set(services)),
        beds=max(beds or 0, 0),
        area_sqm=area_sqm,
        opened_on=opened_on,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        facility,
        f"登记{facility.get_kind_display()} {facility.name}",
        FACILITY_FIELDS,
    )
    return facility


@transaction.atomic
def open_home_bed(
    actor, *, institution: Institution, person, address: str, services: list[str], started_on: date
) -> HomeCareBed:
    """建立家庭养老床位: an institution of the jurisdiction serves an elder at home."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, institution.division_code)
    check_in_jurisdiction(actor, person.residence_division_code)
    if HomeCareBed.objects.filter(person=person, ended_on__isnull=True).exists():
        raise EldercareConflict(f"{person.name}已有家庭养老床位", field="person")
    bed = HomeCareBed.objects.create(
        person=person,
        institution=institution,
        division_code=person.residence_division_code,
        address=require_text(address or person.address, "address", "床位地址", 200),
        services=sorted(set(services)),
        started_on=started_on,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        bed,
        f"为{person.name}建立家庭养老床位（{institution.name}）",
        ["institution", "division_code", "started_on", "services"],
    )
    return bed


@transaction.atomic
def close_home_bed(actor, bed: HomeCareBed, *, ended_on: date) -> HomeCareBed:
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, bed.division_code)
    if bed.ended_on is not None:
        raise EldercareConflict("该家庭养老床位已撤床")
    if ended_on < bed.started_on:
        raise InvalidEldercareInput("撤床日期不能早于建床日期", field="ended_on")
    bed.ended_on = ended_on
    bed.save(update_fields=["ended_on"])
    audit(actor, AuditEvent.UPDATE, bed, "撤销家庭养老床位", ["ended_on"])
    return bed


@transaction.atomic
def add_staff(
    actor,
    *,
    name: str,
    role: str,
    hired_on: date,
    institution: Institution | None = None,
    facility: CommunityFacility | None = None,
    certificate: str = "",
) -> StaffMember:
    """登记从业人员 of an institution or a facility (社会工作者 counts for the staffing indicators)."""
    require(actor, Capability.MANAGE_ELDERCARE)
    employer = institution or facility
    if employer is None:
        raise InvalidEldercareInput("请选择所属机构或设施", field="institution")
    check_in_jurisdiction(actor, employer.division_code)
    _choice(role, StaffRole, "role", "岗位")
    staff = StaffMember.objects.create(
        institution=institution,
        facility=facility,
        division_code=employer.division_code,
        name=require_text(name, "name", "姓名", 50),
        role=role,
        certificate=certificate.strip()[:50],
        hired_on=hired_on,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        staff,
        f"登记从业人员 {staff.name}（{staff.get_role_display()}）",
        ["role", "hired_on", "division_code"],
    )
    return staff


@transaction.atomic
def staff_leaves(actor, staff: StaffMember, *, left_on: date) -> StaffMember:
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, staff.division_code)
    if left_on < staff.hired_on:
        raise InvalidEldercareInput("离职日期不能早于入职日期", field="left_on")
    staff.left_on = left_on
    staff.save(update_fields=["left_on"])
    audit(actor, AuditEvent.UPDATE, staff, f"从业人员 {staff.name} 离职", ["left_on"])
    return staff
