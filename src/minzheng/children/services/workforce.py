"""Workforce writes: open/close a 未成年人保护工作站, appoint/end a 儿童督导员 or 儿童主任, record training.
Appointments are the supervising staff's (儿童督导员, 县级民政); every write audited."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import division_level
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import has_capability
from minzheng.core.services.registry import check_residence_division

from ..errors import ChildrenConflict, InvalidChildInput
from ..models import ChildWorker, ProtectionInstitution, ProtectionStation, Training, WorkerRole
from ..rules import workforce as rules
from .common import Capability, audit, check_in_jurisdiction, not_future, require, require_text


def _division(actor, code: str) -> str:
    code = (code or "").strip()
    try:
        check_residence_division(actor, code)
    except MinzhengError as error:
        raise InvalidChildInput(error.message.replace("居住地", "所在地"), field="division_code") from None
    return code


@transaction.atomic
def open_station(
    actor, *, division_code: str, name: str, opened_on: date, staff_count: int, staff_note: str = ""
):
    require(actor, Capability.SUPERVISE_CHILD_CASES)
    code = _division(actor, division_code)
    if division_level(code) != 4:
        raise InvalidChildInput("未成年人保护工作站须设在乡镇（街道）", field="division_code")
    not_future(opened_on, "opened_on", "建成日期")
    if ProtectionStation.objects.filter(division_code=code, closed_on__isnull=True).exists():
        raise ChildrenConflict("该乡镇（街道）已有未成年人保护工作站", field="division_code")
    if staff_count < 1:
        raise InvalidChildInput(
            "专职工作人员数至少为1（或指定专门人员，未保法第八十一条）", field="staff_count"
        )
    station = ProtectionStation.objects.create(
        division_code=code, name=require_text(name, "name", "工作站名称", 100), opened_on=opened_on,
        staff_count=staff_count, staff_note=(staff_note or "").strip()[:200], recorded_by=actor,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        station,
        f"建立{station.name}",
        ["division_code", "name", "opened_on", "staff_count"],
    )
    return station


@transaction.atomic
def record_institution(actor, *, division_code: str, name: str, transformed_on: date, basis: str):
    """县级未成年人救助保护机构 transformed (挂牌) on a day: one open per county."""
    require(actor, Capability.SUPERVISE_CHILD_CASES)
    code = (division_code or "").strip()
    if division_level(code) != 3:
        raise InvalidChildInput(
            "未成年人救助保护机构按县（市、区）登记，请填写县级区划代码", field="division_code"
        )
    check_in_jurisdiction(actor, code)
    not_future(transformed_on, "transformed_on", "转型（挂牌）日期")
    if ProtectionInstitution.objects.filter(division_code=code, closed_on__isnull=True).exists():
        raise ChildrenConflict("该县（市、区）已登记未成年人救助保护机构", field="division_code")
    institution = ProtectionInstitution.objects.create(
        division_code=code, name=require_text(name, "name", "机构名称", 100), transformed_on=transformed_on,
        basis=require_text(basis, "basis", "依据", 200), recorded_by=actor,
    )  # fmt: skip
    audit(
        actor, AuditEvent.CREATE, institution, f"登记{institution.name}转型",
        ["division_code", "name", "transformed_on", "basis"],
    )  # fmt: skip
    return institution


@transaction.atomic
def appoint(
    actor,
    *,
    role: str,
    division_code: str,
    name: str,
    appointed_on: date,
    phone: str = "",
    background: str = "",
) -> ChildWorker:
    """实名录入: one 儿童督导员 per 乡镇（街道）, one 儿童主任 per 村（居） (民发〔2019〕34号)."""
    require(actor, Capability.SUPERVISE_CHILD_CASES)
    if role not in WorkerRole.values:
        raise InvalidChildInput("请选择岗位", field="role")
    code = _division(actor, division_code)
    error = rules.level_error(role, division_level(code))
    if error:
        raise InvalidChildInput(error, field="division_code")
    not_future(appointed_on, "appointed_on", "任职日期")
    if ChildWorker.objects.filter(role=role, division_code=code, ended_on__isnull=True).exists():
        raise ChildrenConflict(
            f"该区划已有在任{rules.ROLE_LABELS[role]}，请先办理离任", field="division_code"
        )
    worker = ChildWorker.objects.create(
        role=role, division_code=code, name=require_text(name, "name", "姓名", 50), phone=(phone or "").strip()[:20],
        background=(background or "").strip()[:50], appointed_on=appointed_on, recorded_by=actor,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        worker,
        f"任命{worker.get_role_display()} {worker.name}",
        ["role", "division_code", "name", "appointed_on"],
    )
    return worker


@transaction.atomic
def end_appointment(actor, worker: ChildWorker, *, ended_on: date, reason: str) -> ChildWorker:
    require(actor, Capability.SUPERVISE_CHILD_CASES)
    check_in_jurisdiction(actor, worker.division_code)
    if worker.ended_on is not None:
        raise ChildrenConflict("该人员已离任")
    if ended_on < worker.appointed_on:
        raise InvalidChildInput("离任日期不能早于任职日期", field="ended_on")
    worker.ended_on, worker.end_reason = ended_on, require_text(reason, "reason", "离任原因", 100)
    worker.save(update_fields=["ended_on", "end_reason"])
    audit(
        actor,
        AuditEvent.UPDATE,
        worker,
        f"{worker.get_role_display()} {worker.name} 离任",
        ["ended_on", "end_reason"],
    )
    return worker


@transaction.atomic
def record_training(actor, worker: ChildWorker, *, trained_on: date, hours: Decimal, topic: str) -> Training:
    """培训记录 (学时 > 0) while in post."""
    if not (
        has_capability(actor, Capability.MANAGE_CHILDREN)
        or has_capability(actor, Capability.SUPERVISE_CHILD_CASES)
    ):
        require(actor, Capability.SUPERVISE_CHILD_CASES)
    check_in_jurisdiction(actor, worker.division_code)
    if hours is None or hours <= 0 or hours > 200:
        raise InvalidChildInput("学时须大于0且不超过200", field="hours")
    not_future(trained_on, "trained_on", "培训日期")
    if trained_on < worker.appointed_on or (worker.ended_on and trained_on > worker.ended_on):
        raise InvalidChildInput("培训日期不在任职期间", field="trained_on")
    training = Training.objects.create(
        worker=worker, division_code=worker.division_code, trained_on=trained_on, hours=hours,
        topic=require_text(topic, "topic", "培训内容", 100), recorded_by=actor,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        training,
        f"{worker.name} 培训 {hours} 学时",
        ["trained_on", "hours", "topic"],
    )
    return training
