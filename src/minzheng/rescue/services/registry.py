"""易走失人员信息库: registered with the guardian's consent; follow-up visits; compared with the station's clients."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import parse_resident_id
from minzheng.core.models import AuditEvent

from ..errors import InvalidRescueInput
from ..models import FollowUpVisit, RoomSex, WanderRisk
from .common import audit, check_handler, division_code_of, require_text


@transaction.atomic
def register_wander_risk(
    actor, *, division_code: str, name: str, sex: str, guardian_name: str, guardian_phone: str,
    consent_on: date, id_number: str = "", birth_date: date | None = None, address: str = "", dementia: bool = False,
    intellectual: bool = False, mental: bool = False, features: str = "", photo_ref: str = "", wearable_id: str = "",
) -> WanderRisk:  # fmt: skip
    """登记易走失人员: only with the guardian's consent and at least one risk factor."""
    code = division_code_of(division_code, "division_code", "居住地区划代码")
    check_handler(actor, code)
    if consent_on is None:
        raise InvalidRescueInput("须经监护人同意后登记，请填写同意日期", field="consent_on")
    if not (dementia or intellectual or mental):
        raise InvalidRescueInput("请至少选择一项走失风险因素", field="dementia")
    if sex not in RoomSex.values:
        raise InvalidRescueInput("请选择性别", field="sex")
    number = ""
    if id_number:
        try:
            parsed = parse_resident_id(id_number)
        except InvalidIdNumber as error:
            raise InvalidRescueInput(error.message, field="id_number") from None
        number, birth_date = parsed.number, parsed.birth_date
        if (parsed.sex == "1") != (sex == RoomSex.MALE):
            raise InvalidRescueInput("性别与公民身份号码不符", field="sex")
    entry = WanderRisk.objects.create(
        division_code=code, name=require_text(name, "name", "姓名", 50), id_number=number, sex=sex,
        birth_date=birth_date, address=require_text(address, "address", "住址", 200, required=False),
        dementia=bool(dementia), intellectual=bool(intellectual), mental=bool(mental),
        features=require_text(features, "features", "体貌特征", 300, required=False),
        photo_ref=require_text(photo_ref, "photo_ref", "照片编号", 60, required=False),
        wearable_id=require_text(wearable_id, "wearable_id", "防走失手环编号", 60, required=False),
        guardian_name=require_text(guardian_name, "guardian_name", "监护人", 50),
        guardian_phone=require_text(guardian_phone, "guardian_phone", "监护人电话", 20),
        consent_on=consent_on, registered_on=timezone.localdate(),
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, entry, "登记易走失人员", ["division_code", "sex", "consent_on"])
    from .tracing import _match_open_clients, registry_profile

    _match_open_clients(actor, "wander_risk", entry, registry_profile)
    return entry


@transaction.atomic
def add_visit(actor, entry: WanderRisk, *, on: date, note: str) -> FollowUpVisit:
    check_handler(actor, entry.division_code)
    if on is None or on > timezone.localdate():
        raise InvalidRescueInput("回访日期不能为空或晚于今天", field="on")
    visit = FollowUpVisit.objects.create(entry=entry, on=on, note=require_text(note, "note", "回访情况", 300))
    audit(actor, AuditEvent.CREATE, entry, f"易走失人员回访：{on:%Y-%m-%d}", ["division_code"])
    return visit
