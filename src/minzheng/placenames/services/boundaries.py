"""界线 and 界桩 writes: markers with checked numbers, patrol inspections, 联合检查 rounds, repairs/moves with
the neighbour present, disputes. A boundary belongs to both sides: either side's staff may record on it."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require

from ..errors import InvalidPlacenameInput, PlacenameConflict
from ..models import (
    BoundaryDispute,
    BoundaryLine,
    BoundaryMarker,
    DisputeStatus,
    JointInspection,
    MarkerCondition,
    MarkerInspection,
    MarkerRepair,
    RepairKind,
)
from ..rules import boundaries as rules
from .common import audit, require_text


def check_side(actor, line: BoundaryLine) -> None:
    code = actor.division_code or ""
    if not (covers(code, line.side_a_code) or covers(code, line.side_b_code)):
        raise Http404("记录不存在或不在您的管辖范围内")


def _audit(actor, action, row, line: BoundaryLine, summary, fields):
    row.division_code = line.side_a_code  # for the audit entry's division
    audit(actor, action, row, summary, fields)


def add_marker(
    actor,
    line: BoundaryLine,
    *,
    number: str,
    longitude: Decimal,
    latitude: Decimal,
    responsible_code: str,
    material: str = "",
    installed_on: date | None = None,
) -> BoundaryMarker:
    require(actor, Capability.MANAGE_PLACENAMES)
    check_side(actor, line)
    number = (number or "").strip().upper()
    if responsible_code not in (line.side_a_code, line.side_b_code):
        raise InvalidPlacenameInput("维护方应为界线的一侧", field="responsible_code")
    problems = rules.marker_number_problems(
        number, line.code, on_smaller_side=responsible_code == min(line.side_a_code, line.side_b_code)
    )
    if problems:
        raise InvalidPlacenameInput("；".join(problems), field="number")
    if BoundaryMarker.objects.filter(number=number).exists():
        raise PlacenameConflict(f"界桩编号{number}已经存在")
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        raise InvalidPlacenameInput("经纬度超出范围", field="longitude")
    with transaction.atomic():
        marker = BoundaryMarker.objects.create(
            line=line,
            number=number,
            type_code=number[-1],
            longitude=longitude,
            latitude=latitude,
            material=material,
            responsible_code=responsible_code,
            installed_on=installed_on,
        )
        _audit(actor, "placenames.marker.created", marker, line, f"登记界桩：{number}", ["number"])
    return marker


def record_inspection(
    actor,
    marker: BoundaryMarker,
    *,
    inspected_on: date,
    condition: str,
    inspector: str,
    photo_reference: str = "",
    note: str = "",
) -> MarkerInspection:
    require(actor, Capability.MANAGE_PLACENAMES)
    check_side(actor, marker.line)
    if condition not in MarkerCondition.values:
        raise InvalidPlacenameInput("请选择界桩现状", field="condition")
    if condition != MarkerCondition.GOOD and not (note or "").strip():
        raise InvalidPlacenameInput("界桩损坏、移位或丢失的，请说明情况", field="note")
    with transaction.atomic():
        row = MarkerInspection.objects.create(
            marker=marker,
            inspected_on=inspected_on,
            condition=condition,
            inspector=require_text(inspector, "inspector", "巡查人", 50),
            photo_reference=require_text(photo_reference, "photo_reference", "照片编号", 100, False),
            note=require_text(note, "note", "说明", 300, False),
        )
        marker.condition = condition
        marker.save(update_fields=["condition"])
        _audit(
            actor,
            "placenames.marker.inspected",
            row,
            marker.line,
            f"界桩巡查：{marker.number} {row.get_condition_display()}",
            ["inspected_on", "condition"],
        )
    return row


def record_joint_inspection(
    actor,
    line: BoundaryLine,
    *,
    inspected_on: date,
    participants: str,
    findings: str,
    filed_on: date | None = None,
) -> JointInspection:
    """第十二条: a 联合检查 round (numbered on), its findings and the joint filing."""
    require(actor, Capability.MANAGE_PLACENAMES)
    check_side(actor, line)
    last = line.joint_inspections.order_by("-round_number").first()
    if last and inspected_on <= last.inspected_on:
        raise InvalidPlacenameInput(
            f"检查日期应晚于上一轮（第{last.round_number}轮，{last.inspected_on}）", field="inspected_on"
        )
    if filed_on and filed_on < inspected_on:
        raise InvalidPlacenameInput("备案日期不能早于检查日期", field="filed_on")
    with transaction.atomic():
        row = JointInspection.objects.create(
            line=line,
            round_number=(last.round_number + 1) if last else 1,
            inspected_on=inspected_on,
            participants=require_text(participants, "participants", "参加单位", 300),
            findings=require_text(findings, "findings", "检查结果", 1000),
            filed_on=filed_on,
        )
        _audit(
            actor,
            "placenames.joint_inspection.recorded",
            row,
            line,
            f"界线联合检查：{line.name} 第{row.round_number}轮",
            ["round_number", "inspected_on"],
        )
    return row


def record_repair(
    actor,
    marker: BoundaryMarker,
    *,
    kind: str,
    done_on: date,
    neighbour_present: bool,
    neighbour_people: str,
    agreement_reference: str = "",
    filing_reference: str = "",
    note: str = "",
) -> MarkerRepair:
    """第六条: the assigned side repairs in the neighbour's presence; a move or an added 界桩 also needs the
    agreement and the filing."""
    require(actor, Capability.MANAGE_PLACENAMES)
    check_side(actor, marker.line)
    if kind not in RepairKind.values:
        raise InvalidPlacenameInput("请选择类型", field="kind")
    problems = rules.repair_problems(
        kind, neighbour_present, filing_reference.strip(), agreement_reference.strip()
    )
    if problems:
        raise InvalidPlacenameInput(
            "；".join(problems), field="neighbour_present" if not neighbour_present else "filing_reference"
        )
    with transaction.atomic():
        row = MarkerRepair.objects.create(
            marker=marker,
            kind=kind,
            done_on=done_on,
            neighbour_present=True,
            neighbour_people=require_text(neighbour_people, "neighbour_people", "相邻方在场人员", 100),
            agreement_reference=agreement_reference.strip(),
            filing_reference=filing_reference.strip(),
            note=require_text(note, "note", "说明", 300, False),
        )
        marker.condition = MarkerCondition.GOOD
        marker.save(update_fields=["condition"])
        _audit(
            actor,
            "placenames.marker.repaired",
            row,
            marker.line,
            f"界桩{row.get_kind_display()}：{marker.number}",
            ["kind", "done_on"],
        )
    return row


def open_dispute(
    actor, line: BoundaryLine, *, opened_on: date, description: str, emergency_measures: str
) -> BoundaryDispute:
    require(actor, Capability.MANAGE_PLACENAMES)
    check_side(actor, line)
    with transaction.atomic():
        row = BoundaryDispute.objects.create(
            line=line,
            opened_on=opened_on,
            description=require_text(description, "description", "争议情况", 1000),
            emergency_measures=require_text(emergency_measures, "emergency_measures", "应急处置措施", 1000),
        )
        _audit(actor, "placenames.dispute.opened", row, line, f"界线争议：{line.name}", ["opened_on"])
    return row


def settle_dispute(actor, dispute: BoundaryDispute, *, settled_on: date, settlement: str) -> None:
    require(actor, Capability.APPROVE_PLACENAMES)
    check_side(actor, dispute.line)
    if dispute.status != DisputeStatus.OPEN:
        raise PlacenameConflict("该争议已经解决")
    if settled_on < dispute.opened_on:
        raise InvalidPlacenameInput("解决日期不能早于发生日期", field="settled_on")
    with transaction.atomic():
        dispute.status, dispute.settled_on = DisputeStatus.SETTLED, settled_on
        dispute.settlement = require_text(settlement, "settlement", "解决结果", 500)
        dispute.save()
        _audit(
            actor,
            "placenames.dispute.settled",
            dispute,
            dispute.line,
            f"界线争议解决：{dispute.line.name}",
            ["settled_on"],
        )
