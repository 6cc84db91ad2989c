"""殡葬监管: licences, 双随机 rounds drawn by the kernel (``minzheng.core.random_inspection``, the same draw as 养老
and 社会组织), 四不两直 inspections recorded by a member of the drawn team — the charges found are checked against the
home's list in force that day and every deviation becomes a violation — and violations' fines and 整改."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from minzheng.core.jurisdiction import scope
from minzheng.core.models import AuditEvent, User
from minzheng.core.money import TOTAL_MAX, check_money
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.random_inspection import InspectionDrawError, draw_inspections, sample_size

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import (
    Cemetery,
    FacilityKind,
    FacilityLicence,
    FuneralHome,
    InspectionStatus,
    ServiceItem,
    SupervisionInspection,
    SupervisionRound,
    Violation,
    ViolationStatus,
)
from ..rules.supervision import price_deviations
from .common import audit, check_in_jurisdiction, require_text

PRICE_BASIS = "《殡葬管理条例》（2026年修订）不得收取清单以外费用；《价格法》第十二条、第十三条"
RECTIFY_DAYS = 30  # shown as the default 整改期限; the inspector sets the date


def _facilities(actor) -> list[tuple[str, int, str, str]]:
    """(kind, id, name, division) of every home and cemetery in the jurisdiction, in a fixed order."""
    homes = scope(FuneralHome.objects.all(), actor, "division_code").order_by("id")
    cemeteries = scope(Cemetery.objects.all(), actor, "division_code").order_by("id")
    return [(FacilityKind.HOME, h.pk, h.name, h.division_code) for h in homes] + [
        (FacilityKind.CEMETERY, c.pk, c.name, c.division_code) for c in cemeteries
    ]


def inspector_pool(actor) -> list:
    """The organising bureau's own inspectors (same division as the actor), in id order."""
    users = User.objects.filter(is_active=True, division_code=actor.division_code).order_by("id")
    return [u for u in users if has_capability(u, Capability.INSPECT_FUNERAL)]


@transaction.atomic
def draw_round(
    actor, *, title: str, planned_on: date, share_percent: int, team_size: int, seed: int
) -> SupervisionRound:
    """双随机抽查 of the homes and cemeteries in the jurisdiction, with a public seed."""
    require(actor, Capability.INSPECT_FUNERAL)
    facilities = _facilities(actor)
    if not facilities:
        raise FuneralConflict("辖区内没有殡葬设施可供抽查")
    inspectors = [u.pk for u in inspector_pool(actor)]
    positions = list(
        range(1, len(facilities) + 1)
    )  # the draw sees one number per facility, in the stored order
    try:
        count = sample_size(len(facilities), share_percent)
        drawn = draw_inspections(positions, inspectors, count=count, team_size=team_size, seed=seed)
    except InspectionDrawError as error:
        raise InvalidFuneralInput(str(error), field="share_percent") from None
    round_ = SupervisionRound.objects.create(
        division_code=actor.division_code, title=require_text(title, "title", "抽查名称", 100),
        planned_on=planned_on, seed=seed, share_percent=share_percent, team_size=team_size,
        candidates=[[kind, pk, name] for kind, pk, name, _ in facilities], inspector_pool_ids=inspectors,
        created_by=actor,
    )  # fmt: skip
    for assignment in drawn:
        kind, pk, name, code = facilities[assignment.institution_id - 1]
        SupervisionInspection.objects.create(
            round=round_, facility_kind=kind, facility_id=pk, facility_name=name, division_code=code,
            inspector_ids=list(assignment.inspector_ids), planned_on=planned_on,
        )  # fmt: skip
    audit(
        actor, AuditEvent.CREATE, round_, f"殡葬设施双随机抽查“{round_.title}”：{len(facilities)}家中抽取{count}家，种子{seed}",
        ["seed", "share_percent", "team_size", "candidates", "inspector_pool_ids"],
    )  # fmt: skip
    return round_


def _list_prices(home_id: int, on: date) -> dict[str, Decimal]:
    items = ServiceItem.objects.filter(home_id=home_id, effective_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )
    return {item.code: item.unit_price for item in items}


@transaction.atomic
def record_inspection(
    actor, inspection: SupervisionInspection, *, inspected_on: date, unannounced: bool, findings: str,
    charges: dict[str, Decimal] | None = None, rectify_by: date | None = None,
) -> list[Violation]:  # fmt: skip
    """A member of the drawn team records the visit; charges above the list (or outside it) become violations."""
    require(actor, Capability.INSPECT_FUNERAL)
    check_in_jurisdiction(actor, inspection.division_code)
    inspection = SupervisionInspection.objects.select_for_update().get(pk=inspection.pk)
    if inspection.inspector_ids and actor.pk not in inspection.inspector_ids:
        raise FuneralConflict("只有抽中的检查人员可以登记检查结果")
    if inspection.status != InspectionStatus.PLANNED:
        raise FuneralConflict("该检查已登记结果")
    if inspected_on is None or inspected_on < inspection.planned_on - timedelta(days=60):
        raise InvalidFuneralInput("请填写检查日期", field="inspected_on")
    charges = charges or {}
    if charges and inspection.facility_kind != FacilityKind.HOME:
        raise InvalidFuneralInput("收费核查只适用于殡仪馆（公墓收费清单未纳入平台）", field="charges")
    deviations = (
        price_deviations(charges, _list_prices(inspection.facility_id, inspected_on)) if charges else []
    )
    inspection.status, inspection.inspected_on, inspection.unannounced = (
        InspectionStatus.DONE,
        inspected_on,
        unannounced,
    )
    inspection.findings = require_text(findings, "findings", "检查情况", 500)
    inspection.price_checks = [[code, str(amount)] for code, amount in sorted(charges.items())]
    inspection.save()
    due = rectify_by or inspected_on + timedelta(days=RECTIFY_DAYS)
    violations = []
    for d in deviations:
        violations.append(
            Violation.objects.create(
                inspection=inspection,
                facility_kind=inspection.facility_kind,
                facility_id=inspection.facility_id,
                facility_name=inspection.facility_name,
                division_code=inspection.division_code,
                found_on=inspected_on,
                description=d.description[:300],
                basis=PRICE_BASIS,
                rectify_by=due,
            )
        )
    audit(
        actor, AuditEvent.UPDATE, inspection,
        f"{inspection.facility_name}监督检查{'（四不两直）' if unannounced else ''}：发现收费问题{len(violations)}项",
        ["status", "inspected_on", "unannounced", "findings", "price_checks"],
    )  # fmt: skip
    return violations


@transaction.atomic
def decide_fine(actor, violation: Violation, *, amount, document: str, decided_on: date) -> Violation:
    require(actor, Capability.INSPECT_FUNERAL)
    check_in_jurisdiction(actor, violation.division_code)
    violation = Violation.objects.select_for_update().get(pk=violation.pk)
    value = check_money(
        amount, field="amount", label="罚款金额", maximum=TOTAL_MAX, error=InvalidFuneralInput
    )
    if not value:
        raise InvalidFuneralInput("罚款金额应大于0", field="amount")
    if decided_on is None or decided_on < violation.found_on:
        raise InvalidFuneralInput("处罚决定日期不能早于发现日期", field="decided_on")
    violation.fine, violation.fine_decided_on = value, decided_on
    violation.fine_document = require_text(document, "document", "处罚决定书文号", 100)
    violation.save(update_fields=["fine", "fine_decided_on", "fine_document"])
    audit(actor, AuditEvent.UPDATE, violation, f"{violation.facility_name}罚款{value}元（{violation.fine_document}）", ["fine", "fine_document", "fine_decided_on"])  # fmt: skip
    return violation


@transaction.atomic
def confirm_rectified(actor, violation: Violation, *, on: date) -> Violation:
    require(actor, Capability.INSPECT_FUNERAL)
    check_in_jurisdiction(actor, violation.division_code)
    violation = Violation.objects.select_for_update().get(pk=violation.pk)
    if violation.status != ViolationStatus.OPEN:
        raise FuneralConflict("该问题已整改")
    if on is None or on < violation.found_on:
        raise InvalidFuneralInput("整改完成日期不能早于发现日期", field="on")
    violation.status, violation.rectified_on = ViolationStatus.RECTIFIED, on
    violation.save(update_fields=["status", "rectified_on"])
    audit(
        actor,
        AuditEvent.UPDATE,
        violation,
        f"{violation.facility_name}问题已整改",
        ["status", "rectified_on"],
    )
    return violation


@transaction.atomic
def record_licence(
    actor, *, facility_kind: str, facility_id: int, title: str, document: str, issued_by: str, issued_on: date,
    valid_to: date | None = None,
) -> FacilityLicence:  # fmt: skip
    require(actor, Capability.MANAGE_POLICY)
    model = FuneralHome if facility_kind == FacilityKind.HOME else Cemetery
    facility = model.objects.filter(pk=facility_id).first()
    if facility is None or facility_kind not in FacilityKind.values:
        raise InvalidFuneralInput("请选择殡葬设施", field="facility_id")
    check_in_jurisdiction(actor, facility.division_code)
    if issued_on is None or (valid_to is not None and valid_to < issued_on):
        raise InvalidFuneralInput("有效期不能早于发证日期", field="valid_to")
    licence = FacilityLicence.objects.create(
        facility_kind=facility_kind, facility_id=facility.pk, facility_name=facility.name,
        division_code=facility.division_code, title=require_text(title, "title", "许可事项", 50),
        document=require_text(document, "document", "批准（许可）文号", 100),
        issued_by=require_text(issued_by, "issued_by", "发证机关", 100), issued_on=issued_on, valid_to=valid_to,
        recorded_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, licence, f"{facility.name}{licence.title}（{licence.document}）", ["title", "document", "valid_to"])  # fmt: skip
    return licence
