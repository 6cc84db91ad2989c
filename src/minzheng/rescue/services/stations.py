"""救助管理站 and their rooms: registered by the bureau (approver/administrator)."""

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require

from ..errors import InvalidRescueInput, RescueConflict
from ..models import Room, RoomSex, Station
from .common import audit, check_in_jurisdiction, division_code_of, require_text


@transaction.atomic
def register_station(actor, *, name: str, division_code: str, address: str = "", phone: str = "") -> Station:
    """登记救助管理站 (办法 第二条: 县级以上城市人民政府 设立)."""
    require(actor, Capability.MANAGE_POLICY)
    code = division_code_of(division_code, "division_code", "所在区划代码")
    check_in_jurisdiction(actor, code)
    station = Station.objects.create(
        name=require_text(name, "name", "名称", 100), division_code=code,
        address=require_text(address, "address", "地址", 200, required=False),
        phone=require_text(phone, "phone", "求助电话", 30, required=False),
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, station, f"登记救助管理站：{station.name}", ["name", "division_code"])
    return station


@transaction.atomic
def add_room(actor, station: Station, *, code: str, sex: str, beds: int) -> Room:
    """办法 第八条: 男女分室 — every room is for one sex."""
    require(actor, Capability.MANAGE_POLICY)
    check_in_jurisdiction(actor, station.division_code)
    code = require_text(code, "code", "房间号", 20)
    if sex not in RoomSex.values:
        raise InvalidRescueInput("请选择房间性别", field="sex")
    if not beds or int(beds) < 1:
        raise InvalidRescueInput("床位数应至少为1", field="beds")
    if station.rooms.filter(code=code).exists():
        raise RescueConflict(f"{station.name}已有房间“{code}”", field="code")
    room = Room.objects.create(station=station, code=code, sex=sex, beds=int(beds))
    audit(actor, AuditEvent.CREATE, station, f"{station.name}新增房间 {code}", ["name"])
    return room
