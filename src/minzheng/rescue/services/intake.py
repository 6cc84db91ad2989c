"""入站: a person taken in (self, police with the 交接表, 城管, public report), identity or 无法查明, room, belongings,
services, filed extensions — and at once a match against the 易走失人员信息库 (then the open reports)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import age_on, parse_resident_id
from minzheng.core.models import AuditEvent

from ..errors import InvalidRescueInput, RescueConflict
from ..models import (
    Belonging,
    Client,
    IntakeSource,
    Room,
    RoomSex,
    ServiceKind,
    ServiceRecord,
    Station,
    StayExtension,
)
from ..rules.clocks import stay_ends_on
from ..rules.stays import handover_required
from .common import audit, check_handler, division_code_of, limit, require_text

MAX_AGE = 120
EARLIEST_YEAR = 2003


@dataclass
class IntakeInput:
    station: Station
    source: str
    admitted_at: datetime
    sex: str = ""
    name: str = ""
    id_number: str = ""
    estimated_age: int | None = None
    dialect: str = ""
    hometown_text: str = ""
    features: str = ""
    health_notes: str = ""
    photo_ref: str = ""
    fingerprint_ref: str = ""
    dna_sample_ref: str = ""
    handover_ref: str = ""
    escort_unit: str = ""
    found_place: str = ""
    found_code: str = ""
    room: Room | None = None


def _identity(data: IntakeInput, today: date) -> tuple[str, date | None, str]:
    """(ID number, birth date, sex): a number given must be valid and agree with the stated sex."""
    if not data.id_number:
        if data.sex not in RoomSex.values:
            raise InvalidRescueInput("请选择性别", field="sex")
        if data.estimated_age is None:
            raise InvalidRescueInput("身份无法查明时请填写估计年龄", field="estimated_age")
        if not 0 <= int(data.estimated_age) <= MAX_AGE:
            raise InvalidRescueInput(f"估计年龄应在0至{MAX_AGE}岁之间", field="estimated_age")
        return "", None, data.sex
    try:
        parsed = parse_resident_id(data.id_number, today=today)
    except InvalidIdNumber as error:
        raise InvalidRescueInput(error.message, field="id_number") from None
    sex = RoomSex.MALE if parsed.sex == "1" else RoomSex.FEMALE
    if data.sex and data.sex != sex:
        raise InvalidRescueInput("性别与公民身份号码不符", field="sex")
    return parsed.number, parsed.birth_date, sex


def _check_room(room: Room | None, station: Station, sex: str) -> None:
    if room is None:
        return
    if room.station_id != station.pk:
        raise InvalidRescueInput("房间不属于本救助站", field="room")
    if room.sex != sex:  # 办法 第八条: 男女分室
        raise InvalidRescueInput(
            f"{room.code}是{room.get_sex_display()}宿舍，受助人员住宿应当男女分室", field="room"
        )
    if room.clients.filter(discharge="").count() >= room.beds:
        raise RescueConflict(f"{room.code}床位已满", field="room")


def _number(station: Station, on: date) -> str:
    Station.objects.select_for_update().filter(pk=station.pk).first()
    prefix = f"JZ{station.pk:03d}{on:%Y}"
    return f"{prefix}{Client.objects.filter(number__startswith=prefix).count() + 1:05d}"


@transaction.atomic
def take_in(actor, data: IntakeInput) -> Client:
    """受理入站 (办法 第五、六条; 实施细则: 询问姓名、年龄、身份证件、户籍地 …, 登记随身物品)."""
    station = data.station
    check_handler(actor, station.division_code)
    if data.source not in IntakeSource.values:
        raise InvalidRescueInput("请选择来站方式", field="source")
    handover = require_text(
        data.handover_ref, "handover_ref", "交接表编号", 40, required=handover_required(data.source)
    )
    if data.admitted_at is None:
        raise InvalidRescueInput("请填写入站时间", field="admitted_at")
    if data.admitted_at > timezone.now():
        raise InvalidRescueInput("入站时间不能晚于现在", field="admitted_at")
    if data.admitted_at.year < EARLIEST_YEAR:
        raise InvalidRescueInput(
            f"入站时间不能早于{EARLIEST_YEAR}年（救助管理办法2003年施行）", field="admitted_at"
        )
    admitted_on = timezone.localtime(data.admitted_at).date()
    id_number, birth, sex = _identity(data, admitted_on)
    _check_room(data.room, station, sex)
    client = Client.objects.create(
        station=station, division_code=station.division_code, number=_number(station, admitted_on),
        identified=bool(id_number), name=require_text(data.name, "name", "姓名", 50, required=bool(id_number)),
        id_number=id_number, sex=sex, birth_date=birth,
        estimated_age=age_on(birth, admitted_on) if birth else int(data.estimated_age),
        dialect=require_text(data.dialect, "dialect", "语言/口音", 50, required=False),
        hometown_code=id_number[:6] + "000000" if id_number else "",
        hometown_text=require_text(data.hometown_text, "hometown_text", "户籍地或自述来处", 100, required=False),
        features=require_text(data.features, "features", "体貌特征", 300, required=False),
        health_notes=require_text(data.health_notes, "health_notes", "健康状况", 300, required=False),
        photo_ref=require_text(data.photo_ref, "photo_ref", "照片编号", 60, required=False),
        fingerprint_ref=require_text(data.fingerprint_ref, "fingerprint_ref", "指纹编号", 60, required=False),
        dna_sample_ref=require_text(data.dna_sample_ref, "dna_sample_ref", "DNA样本编号", 60, required=False),
        source=data.source, handover_ref=handover,
        escort_unit=require_text(data.escort_unit, "escort_unit", "护送单位", 100, required=False),
        found_place=require_text(data.found_place, "found_place", "发现地点", 200, required=False),
        found_code=division_code_of(data.found_code, "found_code", "发现地区划代码", required=False),
        admitted_at=data.admitted_at, room=data.room,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, client, f"受助人员入站：{client.number}",
          ["number", "identified", "sex", "source", "handover_ref", "admitted_at"])  # fmt: skip
    from .tracing import propose_matches  # 易走失 first, then the open reports

    propose_matches(actor, client)
    return client


def _open(client: Client) -> None:
    if not client.in_station:
        raise RescueConflict("受助人员已离站", field="client")


@transaction.atomic
def assign_room(actor, client: Client, room: Room) -> Client:
    check_handler(actor, client.division_code)
    _open(client)
    _check_room(room, client.station, client.sex)
    client.room = room
    client.save(update_fields=["room"])
    audit(actor, AuditEvent.UPDATE, client, f"{client.number}安排房间 {room.code}", ["room"])
    return client


@transaction.atomic
def add_belonging(actor, client: Client, *, item: str, quantity: int = 1, note: str = "") -> Belonging:
    """随身物品登记 (办法 第六条)."""
    check_handler(actor, client.division_code)
    row = Belonging.objects.create(
        client=client, item=require_text(item, "item", "物品", 100), quantity=max(1, int(quantity or 1)),
        note=require_text(note, "note", "备注", 200, required=False),
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        client,
        f"{client.number}登记随身物品：{row.item}×{row.quantity}",
        ["number"],
    )
    return row


@transaction.atomic
def add_service(actor, client: Client, *, kind: str, on: date, note: str = "") -> ServiceRecord:
    """救助服务 (办法 第七条)."""
    check_handler(actor, client.division_code)
    _open(client)
    if kind not in ServiceKind.values:
        raise InvalidRescueInput("请选择服务", field="kind")
    if on is None:
        raise InvalidRescueInput("请填写日期", field="on")
    row = ServiceRecord.objects.create(
        client=client, kind=kind, on=on, note=require_text(note, "note", "说明", 200, required=False)
    )
    audit(actor, AuditEvent.CREATE, client, f"{client.number}救助服务：{row.get_kind_display()}", ["number"])
    return row


def stay_end(client: Client) -> date:
    """Last day of the 救助期限 in force at admission, or the latest filed extension."""
    admitted_on = timezone.localtime(client.admitted_at).date()
    latest = client.extensions.order_by("-until").values_list("until", flat=True).first()
    return stay_ends_on(admitted_on, limit("rescue_stay_days", client.division_code, admitted_on), latest)


@transaction.atomic
def file_extension(
    actor, client: Client, *, filed_on: date, filing_ref: str, until: date, reason: str
) -> StayExtension:
    """延长救助期限: only with the filing (报备) to the supervising 民政部门 (实施细则)."""
    check_handler(actor, client.division_code)
    _open(client)
    if filed_on is None:
        raise InvalidRescueInput("请填写报备日期", field="filed_on")
    if until is None or until <= stay_end(client):
        raise InvalidRescueInput(f"延长至日期应晚于现救助期限{stay_end(client):%Y-%m-%d}", field="until")
    row = StayExtension.objects.create(
        client=client, filed_on=filed_on, until=until,
        filing_ref=require_text(filing_ref, "filing_ref", "报备文号", 60),
        reason=require_text(reason, "reason", "原因", 200),
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        client,
        f"{client.number}延长救助期限至{until:%Y-%m-%d}（{row.filing_ref}）",
        ["number"],
    )
    return row
