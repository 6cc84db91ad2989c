"""社会工作: 社工站 set up in a 乡镇（街道）, their dated “六有” checks and service records; 社会工作者 with their
职业水平 certificates. Every write audited; another division's station answers as if it did not exist."""

from datetime import date

from django.db import transaction

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import parse_resident_id
from minzheng.core.models import AuditEvent

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import (
    SocialWorker,
    SocialWorkStation,
    StationCheck,
    StationService,
    StationServiceKind,
    WorkerLevel,
)
from ..rules.socialwork import SIX_STANDARDS, missing_standards
from .common import Capability, audit, check_in_jurisdiction, require, require_text, valid_division


def _not_future(day: date, field: str, label: str) -> None:
    if day > date.today():
        raise InvalidSocialOrgInput(f"{label}不能晚于今天", field=field)


@transaction.atomic
def open_station(
    actor, *, division_code: str, name: str, operator: str, opened_on: date
) -> SocialWorkStation:
    """One open station per 乡镇（街道）."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    township = valid_division(division_code, "division_code", min_level=4, max_level=4)
    check_in_jurisdiction(actor, township)
    _not_future(opened_on, "opened_on", "设立日期")
    if (
        SocialWorkStation.objects.select_for_update()
        .filter(division_code=township, closed_on__isnull=True)
        .exists()
    ):
        raise SocialOrgConflict("该乡镇（街道）已有社工站", field="division_code")
    row = SocialWorkStation.objects.create(
        division_code=township, name=require_text(name, "name", "站点名称", 100),
        operator=require_text(operator, "operator", "承接机构", 100), opened_on=opened_on, created_by=actor,
    )  # fmt: skip
    audit(
        actor, AuditEvent.CREATE, row, f"设立社工站：{row.name}", ["division_code", "operator", "opened_on"]
    )
    return row


@transaction.atomic
def close_station(actor, station: SocialWorkStation, *, closed_on: date) -> SocialWorkStation:
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, station.division_code)
    station = SocialWorkStation.objects.select_for_update().get(pk=station.pk)
    if station.closed_on is not None:
        raise SocialOrgConflict("该社工站已撤销")
    _not_future(closed_on, "closed_on", "撤销日期")
    if closed_on < station.opened_on:
        raise InvalidSocialOrgInput("撤销日期不能早于设立日期", field="closed_on")
    station.closed_on = closed_on
    station.save(update_fields=["closed_on"])
    audit(actor, AuditEvent.UPDATE, station, f"撤销社工站：{station.name}", ["closed_on"])
    return station


@transaction.atomic
def record_check(
    actor, station: SocialWorkStation, *, checked_on: date, note: str = "", **flags
) -> StationCheck:
    """A “六有” check; every one of the six is recorded as found (a missing flag means “无”)."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, station.division_code)
    _not_future(checked_on, "checked_on", "核查日期")
    if checked_on < station.opened_on:
        raise InvalidSocialOrgInput("核查日期不能早于社工站设立日期", field="checked_on")
    found = {field: bool(flags.get(field)) for field, _ in SIX_STANDARDS}
    missing = missing_standards(found)
    row = StationCheck.objects.create(
        station=station, division_code=station.division_code, checked_on=checked_on,
        note=require_text(note, "note", "核查说明", 300, required=bool(missing)), checked_by=actor, **found,
    )  # fmt: skip
    summary = "达到“六有”标准" if not missing else "缺" + "、".join(label[1:] for label in missing)
    audit(
        actor, AuditEvent.CREATE, row, f"社工站“六有”核查：{station.name}，{summary}", ["checked_on", *found]
    )
    return row


@transaction.atomic
def record_service(actor, station: SocialWorkStation, *, served_on: date, kind: str, persons: int,
                   note: str) -> StationService:  # fmt: skip
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, station.division_code)
    _not_future(served_on, "served_on", "服务日期")
    if served_on < station.opened_on or (station.closed_on and served_on >= station.closed_on):
        raise InvalidSocialOrgInput("服务日期不在社工站运行期间", field="served_on")
    if kind not in StationServiceKind.values:
        raise InvalidSocialOrgInput("请选择服务类型", field="kind")
    if persons is None or persons < 1:
        raise InvalidSocialOrgInput("服务人次至少为1", field="persons")
    row = StationService.objects.create(
        station=station, division_code=station.division_code, served_on=served_on, kind=kind, persons=persons,
        note=require_text(note, "note", "服务内容", 300), recorded_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, row, f"社工站服务记录：{station.name}", ["served_on", "kind", "persons"])
    return row


@transaction.atomic
def register_worker(actor, *, division_code: str, name: str, id_number: str, level: str, certificate_no: str,
                    certified_on: date, employer: str, joined_on: date,
                    station: SocialWorkStation | None = None) -> SocialWorker:  # fmt: skip
    """社会工作专业人才 working in the division (county level or below), with a 职业水平 certificate."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    division = valid_division(division_code, "division_code", min_level=2, max_level=5)
    check_in_jurisdiction(actor, division)
    try:
        number = parse_resident_id(id_number).number
    except InvalidIdNumber as error:
        raise InvalidSocialOrgInput(str(error), field="id_number") from None
    if level not in WorkerLevel.values:
        raise InvalidSocialOrgInput("请选择职业水平", field="level")
    _not_future(certified_on, "certified_on", "取得证书日期")
    if station is not None:
        check_in_jurisdiction(actor, station.division_code)
        if station.closed_on is not None:
            raise InvalidSocialOrgInput("所选社工站已撤销", field="station")
    if SocialWorker.objects.filter(id_number=number).exists():
        raise SocialOrgConflict("该身份证件号码已登记为社会工作者", field="id_number")
    row = SocialWorker.objects.create(
        division_code=division, name=require_text(name, "name", "姓名", 50), id_number=number, level=level,
        certificate_no=require_text(certificate_no, "certificate_no", "证书编号", 40), certified_on=certified_on,
        employer=require_text(employer, "employer", "工作单位", 100), station=station, joined_on=joined_on,
        created_by=actor,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        row,
        f"登记社会工作者：{row.name}",
        ["division_code", "level", "certified_on"],
    )
    return row


@transaction.atomic
def worker_left(actor, worker: SocialWorker, *, left_on: date) -> SocialWorker:
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, worker.division_code)
    worker = SocialWorker.objects.select_for_update().get(pk=worker.pk)
    if worker.left_on is not None:
        raise SocialOrgConflict("已登记离职")
    _not_future(left_on, "left_on", "离职日期")
    if left_on < worker.joined_on:
        raise InvalidSocialOrgInput("离职日期不能早于入职日期", field="left_on")
    worker.left_on = left_on
    worker.save(update_fields=["left_on"])
    audit(actor, AuditEvent.UPDATE, worker, f"社会工作者离职：{worker.name}", ["left_on"])
    return worker
