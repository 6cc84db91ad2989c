"""志愿服务: volunteers registered by themselves (the public page) or by an organisation/the bureau; activities;
service records within 10 working days (late ones recorded and flagged); corrections the volunteer asks for;
free certificates with a code checkable on a public page; stations in community facilities."""

import secrets
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Sum

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import parse_resident_id
from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import AuditEvent

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import (
    CorrectionStatus,
    Organisation,
    RecordCorrection,
    RegisteredVia,
    ServiceRecord,
    Volunteer,
    VolunteerActivity,
    VolunteerCertificate,
    VolunteerStation,
)
from ..rules import volunteering as rules
from . import parameters
from .common import Capability, audit, check_in_jurisdiction, require, require_text, valid_division


def _volunteer_fields(*, name, gender, id_number, phone, skills="", categories="") -> dict:
    try:
        rid = parse_resident_id(id_number)
    except InvalidIdNumber as error:
        raise InvalidSocialOrgInput(str(error), field="id_number") from None
    if gender not in ("1", "2"):
        raise InvalidSocialOrgInput("请选择性别", field="gender")
    return {
        "name": require_text(name, "name", "姓名", 50),
        "gender": gender,
        "birth_date": rid.birth_date,
        "id_number": rid.number,
        "phone": require_text(phone, "phone", "联系方式", 20),
        "skills": require_text(skills, "skills", "专业技能", 200, required=False),
        "categories": require_text(categories, "categories", "服务类别", 200, required=False),
    }


def self_register(*, division_code: str, **fields) -> Volunteer | None:
    """条例第七条: a volunteer registers themself (public page, no login). A number already registered returns
    ``None`` and the page says the same thing either way (whether someone is a volunteer is not public)."""
    values = _volunteer_fields(**fields)
    division = valid_division(division_code, "division_code", min_level=3)
    try:
        with transaction.atomic():
            row = Volunteer.objects.create(
                division_code=division,
                registered_via=RegisteredVia.SELF,
                registered_on=date.today(),
                **values,
            )
    except IntegrityError:
        return None
    audit(None, AuditEvent.CREATE, row, "志愿者本人注册", ["division_code", "registered_on"])
    return row


@transaction.atomic
def register(actor, *, division_code: str, organisation: Organisation | None = None, **fields) -> Volunteer:
    """登记 by an organisation (entered by bureau staff for it) or by the bureau."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    values = _volunteer_fields(**fields)
    division = valid_division(division_code, "division_code", min_level=3)
    check_in_jurisdiction(actor, division)
    if organisation is not None:
        check_in_jurisdiction(actor, organisation.division_code)
    if Volunteer.objects.filter(id_number=values["id_number"]).exists():
        raise SocialOrgConflict("该身份证件号码已注册为志愿者", field="id_number")
    row = Volunteer.objects.create(
        division_code=division, registered_on=date.today(), organisation=organisation,
        registered_via=RegisteredVia.ORGANISATION, **values,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, row, f"登记志愿者：{row.name}", ["division_code", "registered_via"])
    return row


ACTIVITY_TEXT = {
    "organiser": ("活动组织单位", 100),
    "name": ("活动名称", 100),
    "place": ("活动地点", 200),
    "content": ("服务内容", 500),
    "person_in_charge": ("活动负责人", 50),
}


@transaction.atomic
def create_activity(actor, *, starts_on: date, ends_on: date, organisation: Organisation | None = None,
                    station: VolunteerStation | None = None, **text) -> VolunteerActivity:  # fmt: skip
    require(actor, Capability.MANAGE_SOCIALORGS)
    division = organisation.division_code if organisation else (actor.division_code or "")
    check_in_jurisdiction(actor, division)
    if station is not None:
        check_in_jurisdiction(actor, station.division_code)
    if organisation is not None and not text.get("organiser"):
        text["organiser"] = organisation.name
    values = {k: require_text(text.get(k, ""), k, label, n) for k, (label, n) in ACTIVITY_TEXT.items()}
    if ends_on < starts_on:
        raise InvalidSocialOrgInput("结束日期不能早于开始日期", field="ends_on")
    days = parameters.integer("volunteer_record_working_days", division, ends_on)
    row = VolunteerActivity.objects.create(
        division_code=division, organisation=organisation, station=station, starts_on=starts_on, ends_on=ends_on,
        record_due_on=parameters.working_days_after(ends_on, days), created_by=actor, **values,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        row,
        f"登记志愿服务活动：{row.name}",
        ["starts_on", "ends_on", "record_due_on"],
    )
    return row


def _volunteer_by_number(id_number: str) -> Volunteer:
    number = (id_number or "").strip().upper()
    row = Volunteer.objects.filter(id_number=number).first()
    if row is None:
        raise InvalidSocialOrgInput("未找到该身份证件号码的志愿者，请先登记志愿者", field="id_number")
    return row


@transaction.atomic
def record_service(actor, activity: VolunteerActivity, *, id_number: str, hours, recorded_on: date,
                   evaluation: str = "") -> ServiceRecord:  # fmt: skip
    """办法第七条、第十一条: the hours of one volunteer in the activity, after it ended; late ones are flagged."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, activity.division_code)
    volunteer = _volunteer_by_number(id_number)
    if recorded_on < activity.ends_on or recorded_on > date.today():
        raise InvalidSocialOrgInput("记录日期应在活动结束后、不晚于今天", field="recorded_on")
    problem = (
        rules.hours_problem(hours, activity.starts_on, activity.ends_on)
        if hours is not None
        else "请填写服务时长"
    )
    if problem:
        raise InvalidSocialOrgInput(problem, field="hours")
    try:
        with transaction.atomic():
            row = ServiceRecord.objects.create(
                activity=activity, volunteer=volunteer, division_code=activity.division_code, hours=hours,
                evaluation=require_text(evaluation, "evaluation", "服务评价", 200, required=False),
                recorded_on=recorded_on, late=rules.recorded_late(activity.record_due_on, recorded_on),
                recorded_by=actor,
            )  # fmt: skip
    except IntegrityError:
        raise SocialOrgConflict("该志愿者在本次活动已有服务记录，如有错误请提出更正") from None
    audit(actor, AuditEvent.CREATE, row, f"志愿服务记录：{volunteer.name} {hours}小时", ["hours", "late"])
    return row


@transaction.atomic
def request_correction(actor, record: ServiceRecord, *, requested_on: date, requested_hours, reason: str):
    """办法第十三条: the volunteer asks (in person or in writing) — staff enter the request."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, record.division_code)
    if record.corrections.filter(status=CorrectionStatus.OPEN).exists():
        raise SocialOrgConflict("该记录有待处理的更正申请")
    if requested_on > date.today() or requested_on < record.recorded_on:
        raise InvalidSocialOrgInput("申请日期应在记录日期与今天之间", field="requested_on")
    activity = record.activity
    problem = rules.hours_problem(requested_hours, activity.starts_on, activity.ends_on)
    if problem:
        raise InvalidSocialOrgInput(problem, field="requested_hours")
    row = RecordCorrection.objects.create(
        record=record, division_code=record.division_code, requested_on=requested_on,
        requested_hours=requested_hours, reason=require_text(reason, "reason", "更正理由", 300), entered_by=actor,
    )  # fmt: skip
    audit(
        actor, AuditEvent.CREATE, row, f"志愿者申请更正服务时长为{requested_hours}小时", ["requested_hours"]
    )
    return row


@transaction.atomic
def answer_correction(
    actor, correction: RecordCorrection, *, accept: bool, answered_on: date, answer: str = ""
):
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, correction.division_code)
    correction = RecordCorrection.objects.select_for_update().get(pk=correction.pk)
    if correction.status != CorrectionStatus.OPEN:
        raise SocialOrgConflict("该更正申请已处理")
    if answered_on < correction.requested_on or answered_on > date.today():
        raise InvalidSocialOrgInput("处理日期应在申请日期与今天之间", field="answered_on")
    correction.answer = require_text(
        answer, "answer", "处理意见（不予更正须说明理由）", 300, required=not accept
    )
    correction.status = CorrectionStatus.ACCEPTED if accept else CorrectionStatus.REJECTED
    correction.answered_on, correction.answered_by = answered_on, actor
    correction.save()
    if accept:
        record = ServiceRecord.objects.select_for_update().get(pk=correction.record_id)
        before = {"hours": str(record.hours)}
        record.hours = correction.requested_hours
        record.save(update_fields=["hours"])
        audit(actor, AuditEvent.UPDATE, record, f"更正服务时长为{record.hours}小时", ["hours"], before=before)
    audit(actor, AuditEvent.UPDATE, correction, f"更正申请：{correction.get_status_display()}", ["status"])
    return correction


def _new_code() -> str:
    return rules.certificate_code([secrets.randbelow(36) for _ in range(rules.CODE_BODY)])


@transaction.atomic
def issue_certificate(actor, volunteer: Volunteer, *, issued_on: date) -> VolunteerCertificate:
    """办法第十四–十七条: 无偿出具 — the records kept in the issuer's jurisdiction, summed at issue."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    division = actor.division_code or ""
    mine = ServiceRecord.objects.filter(
        volunteer=volunteer, division_code__startswith=division_prefix(division)
    )
    if not mine.exists():
        raise SocialOrgConflict("本单位没有该志愿者的服务记录，不能出具证明")
    if issued_on > date.today():
        raise InvalidSocialOrgInput("出具日期不能晚于今天", field="issued_on")
    totals = mine.aggregate(
        hours=Sum("hours"), first=Min("activity__starts_on"), last=Max("activity__ends_on")
    )
    row = VolunteerCertificate.objects.create(
        volunteer=volunteer, division_code=division, code=_new_code(), issued_on=issued_on,
        total_hours=totals["hours"], record_count=mine.count(), first_on=totals["first"], last_on=totals["last"],
        issued_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, row, f"出具志愿服务记录证明：{volunteer.name}", ["code", "total_hours"])
    return row


@transaction.atomic
def open_station(actor, *, division_code: str, name: str, facility: str, opened_on: date) -> VolunteerStation:
    require(actor, Capability.MANAGE_SOCIALORGS)
    division = valid_division(division_code, "division_code", min_level=5)
    check_in_jurisdiction(actor, division)
    if opened_on > date.today():
        raise InvalidSocialOrgInput("设立日期不能晚于今天", field="opened_on")
    if VolunteerStation.objects.filter(division_code=division, closed_on__isnull=True).exists():
        raise SocialOrgConflict("该村（社区）已有志愿服务站点")
    row = VolunteerStation.objects.create(
        division_code=division, name=require_text(name, "name", "站点名称", 100),
        facility=require_text(facility, "facility", "依托的社区综合服务设施", 100), opened_on=opened_on,
        created_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, row, f"设立志愿服务站点：{row.name}", ["division_code", "opened_on"])
    return row
