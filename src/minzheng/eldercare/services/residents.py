"""入住、离院、转院: the records occupancy is counted from. Beds are checked under a row lock."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.models import AuditEvent

from ..errors import EldercareConflict, InvalidEldercareInput
from ..models import BedKind, CareGrade, DischargeReason, FundingKind, Institution, ProviderStatus, Residency
from ..selectors.occupancy import occupancy_of
from .common import Capability, audit, check_in_jurisdiction, require

_FIELDS = [
    "institution",
    "admitted_on",
    "bed_kind",
    "care_grade",
    "funding",
    "monthly_fee",
    "discharged_on",
    "discharge_reason",
]


def _check_bed_free(institution: Institution, bed_kind: str, day: date) -> None:
    occupied = occupancy_of([institution.pk], day).get(institution.pk)
    total, nursing = (occupied.total, occupied.nursing) if occupied else (0, 0)
    if total >= institution.beds_total:
        raise EldercareConflict(
            f"{institution.name}床位已满（{institution.beds_total}张）", field="institution"
        )
    if bed_kind == BedKind.NURSING and nursing >= institution.nursing_beds:
        raise EldercareConflict(
            f"{institution.name}护理型床位已满（{institution.nursing_beds}张）", field="bed_kind"
        )


def _clean_stay(bed_kind: str, care_grade: str, funding: str, monthly_fee: Decimal) -> None:
    if bed_kind not in BedKind.values:
        raise InvalidEldercareInput("请选择床位类型", field="bed_kind")
    if care_grade not in CareGrade.values:
        raise InvalidEldercareInput("请选择护理等级", field="care_grade")
    if funding not in FundingKind.values:
        raise InvalidEldercareInput("请选择入住类型", field="funding")
    if monthly_fee is None or Decimal(monthly_fee) < 0:
        raise InvalidEldercareInput("月收费须为不小于0的金额", field="monthly_fee")


@transaction.atomic
def admit(
    actor,
    *,
    institution: Institution,
    person,
    admitted_on: date,
    bed_kind: str,
    care_grade: str,
    monthly_fee: Decimal,
    funding: str = FundingKind.SELF,
    room: str = "",
    transferred_from: Residency | None = None,
) -> Residency:
    """入住: refused when the person already lives in an institution or the house (or its nursing beds) is full."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, institution.division_code)
    institution = Institution.objects.select_for_update().get(pk=institution.pk)
    if institution.status != ProviderStatus.OPERATING:
        raise EldercareConflict(f"{institution.name}不在运营中，不能办理入住", field="institution")
    if person.is_deceased:
        raise InvalidEldercareInput(f"{person.name}已登记死亡", field="person")
    _clean_stay(bed_kind, care_grade, funding, monthly_fee)
    if Residency.objects.filter(person=person, discharged_on__isnull=True).exists():
        raise EldercareConflict(f"{person.name}正在其他养老机构入住，请先办理离院或转院", field="person")
    _check_bed_free(institution, bed_kind, admitted_on)
    stay = Residency.objects.create(
        institution=institution,
        person=person,
        division_code=institution.division_code,
        admitted_on=admitted_on,
        bed_kind=bed_kind,
        care_grade=care_grade,
        funding=funding,
        monthly_fee=Decimal(monthly_fee),
        room=room.strip()[:30],
        transferred_from=transferred_from,
    )
    audit(actor, AuditEvent.CREATE, stay, f"{person.name}入住{institution.name}", _FIELDS)
    return stay


@transaction.atomic
def discharge(actor, stay: Residency, *, discharged_on: date, reason: str) -> Residency:
    """离院: the stay ends on ``discharged_on`` (the bed is free from that day)."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, stay.division_code)
    stay = Residency.objects.select_for_update().get(pk=stay.pk)
    if stay.discharged_on is not None:
        raise EldercareConflict("该入住记录已办理离院")
    if reason not in DischargeReason.values:
        raise InvalidEldercareInput("请选择离院原因", field="reason")
    if discharged_on < stay.admitted_on:
        raise InvalidEldercareInput("离院日期不能早于入住日期", field="discharged_on")
    stay.discharged_on, stay.discharge_reason = discharged_on, reason
    stay.save(update_fields=["discharged_on", "discharge_reason"])
    audit(
        actor,
        AuditEvent.UPDATE,
        stay,
        f"{stay.person.name}离院（{stay.get_discharge_reason_display()}）",
        _FIELDS,
    )
    return stay


@transaction.atomic
def transfer(
    actor,
    stay: Residency,
    *,
    to_institution: Institution,
    on: date,
    bed_kind: str,
    care_grade: str,
    monthly_fee: Decimal,
) -> Residency:
    """转院: discharge (reason 转至其他养老机构) and admission the same day, linked; all or nothing."""
    if to_institution.pk == stay.institution_id:
        raise InvalidEldercareInput("转入机构不能与原机构相同", field="to_institution")
    discharge(actor, stay, discharged_on=on, reason=DischargeReason.TRANSFER)
    return admit(
        actor,
        institution=to_institution,
        person=stay.person,
        admitted_on=on,
        bed_kind=bed_kind,
        care_grade=care_grade,
        monthly_fee=monthly_fee,
        funding=stay.funding,
        transferred_from=stay,
    )
