"""办件: online application, the 综合窗口's 受理 (materials against the checklist, 一次性告知), hand-over to the
domain's workflow (社会救助 through ``assistance.interface.open_case``), 跨县 forwarding, results, withdrawal."""

from datetime import date

from django.db import transaction
from django.http import Http404

from minzheng.assistance import interface as assistance
from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import covers, get_in_jurisdiction_or_404
from minzheng.core.models import AuditEvent, Household, HouseholdMembership, Person
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import working_day_deadline

from ..errors import InvalidOnestopInput, OnestopConflict
from ..models import AppEvent, Application, AppStatus, Channel, Domain, Material, Matter, Resident
from ..rules.applications import next_status
from ..rules.clocks import forward_clocks
from ..rules.materials import asked_materials, missing_materials
from . import files
from .residents import current_household_id


def _matter(code: str) -> Matter:
    matter = Matter.objects.filter(code=code, enabled=True).first()
    if matter is None:
        raise InvalidOnestopInput("请选择事项清单中的事项", field="matter")
    return matter


def _move(application: Application, move: str) -> str:
    target = next_status(application.status, move)
    if target is None:
        raise OnestopConflict(f"办件当前为“{application.get_status_display()}”，不能办理该操作")
    return target


def _event(application: Application, label: str, note: str = "", actor: str = "") -> None:
    AppEvent.objects.create(application=application, label=label, note=note, actor=actor)


def _audit(user, application: Application, summary: str, *, username: str = "") -> None:
    record_event(
        user, AuditEvent.UPDATE if application.pk else AuditEvent.CREATE, object_type="onestop_application",
        object_id=application.pk, division_code=application.division_code, summary=summary, username=username,
    )  # fmt: skip


def _attach(application: Application, uploads: dict, *, by_resident: bool) -> list[str]:
    names = {m["code"]: m["name"] for m in application.matter.materials}
    stored = []
    for code, upload in uploads.items():
        if upload is None:
            continue
        if code not in names:
            raise InvalidOnestopInput("材料不在该事项的清单中", field=code)
        name, digest, size, original = files.store(upload, code)
        Material.objects.create(
            application=application, code=code, name=names[code], file_name=original, stored_as=name,
            sha256=digest, size=size, by_resident=by_resident,
        )  # fmt: skip
        stored.append(names[code])
    return stored


def provided_codes(application: Application) -> set[str]:
    return set(application.files.values_list("code", flat=True))


def missing_now(application: Application) -> list[dict]:
    return missing_materials(application.matter.materials, provided_codes(application))


def _desk_of(person: Person, household: Household | None) -> tuple[str, str]:
    """(the township desk that receives it, the applicant's registered county-level place)."""
    residence = (household.residence_division_code if household else person.residence_division_code) or ""
    township = residence[:9] + "000" if residence else ""
    home = (person.hukou_division_code or residence)[:6] + "000000"
    return township, home


def _number(application: Application) -> str:
    return f"TB{application.division_code[:6]}{application.submitted_on:%Y%m%d}{application.pk:06d}"


def _create(
    matter, person, household, *, channel, reason, phone, resident=None, user=None, division=None, on=None
):
    township, home = _desk_of(person, household)
    application = Application.objects.create(
        number=f"tmp-{person.pk}-{matter.pk}-{date.today():%Y%m%d%H}-{Application.objects.count()}",
        matter=matter, resident=resident, person_id=person.pk, household_id=household.pk if household else None,
        applicant_name=person.name, applicant_id_number=person.id_number, phone=phone, reason=reason,
        channel=channel, division_code=division or township, home_division_code=home,
        submitted_on=on or date.today(), received_by=user,
    )  # fmt: skip
    application.number = _number(application)
    application.save(update_fields=["number"])
    return application


def apply_online(resident: Resident, matter_code: str, *, reason: str, uploads: dict, on: date | None = None):
    """网上申请: the resident's own household (from the registry, 第七条: not typed again), the materials the
    bureau cannot read itself, uploaded and checked. The township desk of the household receives it."""
    matter = _matter(matter_code)
    if not matter.online:
        raise InvalidOnestopInput("该事项暂不支持网上申请，请到窗口办理", field="matter")
    if resident.person_id is None:
        raise OnestopConflict("人口库中没有您的户籍或居住信息，请携带身份证到乡镇（街道）综合窗口办理")
    person = Person.objects.get(pk=resident.person_id)
    household_id = current_household_id(resident)
    household = Household.objects.filter(pk=household_id).first() if household_id else None
    if matter.household_matter and household is None:
        raise OnestopConflict("人口库中没有您的家庭信息，请到乡镇（街道）综合窗口办理")
    if not reason.strip():
        raise InvalidOnestopInput("请填写申请事由", field="reason")
    with transaction.atomic():
        application = _create(
            matter, person, household, channel=Channel.ONLINE, reason=reason, phone=resident.phone,
            resident=resident, on=on,
        )  # fmt: skip
        stored = _attach(application, uploads, by_resident=True)
        _event(application, "网上提交申请", "上传材料：" + "、".join(stored) if stored else "", "申请人")
        _audit(
            None,
            application,
            f"网上申请{matter.name} {application.number}",
            username=f"居民:{mask_id_number(resident.id_number)}",
        )
    return application


def receive_at_window(user, *, id_number: str, matter_code: str, reason: str, uploads: dict, on=None):
    """窗口受理 (全科受理): any matter for a person in the user's jurisdiction — or, for a matter open to
    跨县通办, for a person registered elsewhere (forwarded later with its clocks)."""
    require(user, Capability.HANDLE_ONESTOP)
    matter = _matter(matter_code)
    person = Person.objects.filter(id_number=(id_number or "").strip().upper()).first()
    if person is None:
        raise InvalidOnestopInput("人口库中没有该公民身份号码，请先在人口家庭信息中登记", field="id_number")
    household_id = (
        HouseholdMembership.objects.filter(person=person, valid_to__isnull=True)
        .values_list("household_id", flat=True).first()
    )  # fmt: skip
    household = Household.objects.filter(pk=household_id).first() if household_id else None
    _, home = _desk_of(person, household)
    local = covers(user.division_code, person.residence_division_code) or covers(user.division_code, home)
    if not local and not matter.cross_county:
        raise Http404("记录不存在或不在您的管辖范围内")
    with transaction.atomic():
        application = _create(
            matter, person, household, channel=Channel.WINDOW, reason=reason, phone=person.phone, user=user,
            division=user.division_code, on=on,
        )  # fmt: skip
        stored = _attach(application, uploads, by_resident=False)
        _event(
            application,
            "综合窗口收件",
            "收取材料：" + "、".join(stored) if stored else "",
            user.full_name or user.username,
        )
        _audit(user, application, f"窗口收件{matter.name} {application.number}")
    return application


def for_update(user, pk: int) -> Application:
    return get_in_jurisdiction_or_404(
        Application.objects.select_for_update().select_related("matter"), user, "division_code", pk=pk
    )


@transaction.atomic
def notify_missing(user, pk: int, *, missing_codes: list[str], note: str = "", on: date | None = None):
    """一次性告知: every missing material at once; the resident sees it and the printable notice."""
    require(user, Capability.HANDLE_ONESTOP)
    application = for_update(user, pk)
    asked = {m["code"]: m["name"] for m in asked_materials(application.matter.materials)}
    if not missing_codes:
        raise InvalidOnestopInput("请勾选需要补正的材料", field="missing")
    if unknown := [c for c in missing_codes if c not in asked]:
        raise InvalidOnestopInput(f"材料不在该事项的清单中：{'、'.join(unknown)}", field="missing")
    application.status = _move(application, "notify_missing")
    application.missing = [{"code": c, "name": asked[c]} for c in asked if c in missing_codes]
    application.notice_on = on or date.today()
    application.notice_number = f"{application.number}-GZ"
    application.save(update_fields=["status", "missing", "notice_on", "notice_number"])
    names = "、".join(m["name"] for m in application.missing)
    _event(
        application, "一次性告知补正材料", f"需补正：{names}。{note}".strip(), user.full_name or user.username
    )
    _audit(user, application, f"一次性告知 {application.number}：{names}")
    return application


def resident_application(resident: Resident, pk: int, *, lock: bool = False) -> Application:
    """A 办件 of the resident's own household (or filed by them); anything else answers like a missing one."""
    from django.db.models import Q

    household_id = current_household_id(resident)
    mine = Q(resident=resident) | (Q(household_id=household_id) if household_id else Q(pk__in=[]))
    qs = Application.objects.filter(mine).select_related("matter")
    if lock:
        qs = qs.select_for_update()
    application = qs.filter(pk=pk).first()
    if application is None:
        raise Http404("办件不存在")
    return application


@transaction.atomic
def supplement(resident: Resident, pk: int, uploads: dict):
    """补正: the resident uploads what the notice asked for; when nothing is missing any more, back to 待受理."""
    application = resident_application(resident, pk, lock=True)
    if application.status != AppStatus.MATERIALS_PENDING:
        raise OnestopConflict("该办件当前不需要补正材料")
    allowed = {m["code"] for m in application.missing}
    if not any(uploads.values()):
        raise InvalidOnestopInput("请选择要上传的材料", field="file")
    if stray := [c for c, f in uploads.items() if f is not None and c not in allowed]:
        raise InvalidOnestopInput("该材料不在一次性告知的补正清单中", field=stray[0])
    stored = _attach(application, uploads, by_resident=True)
    still = [m for m in application.missing if m["code"] not in provided_codes(application)]
    application.missing = still
    if not still:
        application.status = _move(application, "supplement")
    application.save(update_fields=["missing", "status"])
    _event(application, "补正材料", "上传：" + "、".join(stored), "申请人")
    _audit(
        None,
        application,
        f"补正材料 {application.number}",
        username=f"居民:{mask_id_number(resident.id_number)}",
    )
    return application


@transaction.atomic
def accept(user, pk: int, *, on: date | None = None):
    """受理 and hand-over: the materials must be complete; a 社会救助 matter opens its case through 社会救助's
    interface (one 受理号 the resident keeps, the case number beside it); an 即办件 is 办结 at once."""
    require(user, Capability.HANDLE_ONESTOP)
    application = for_update(user, pk)
    target = _move(application, "accept")
    if missing := missing_now(application):
        raise OnestopConflict("材料不齐全，请先一次性告知补正：" + "、".join(m["name"] for m in missing))
    matter = application.matter
    on = on or date.today()
    application.accepted_on = on
    application.due_on, application.provisional_due = working_day_deadline(on, matter.promised_days)
    application.statutory_due_on, _ = working_day_deadline(on, matter.statutory_days)
    application.status = target
    label, note = "受理", ""
    if matter.domain == Domain.ASSISTANCE and matter.program_code:
        if application.household_id is None:
            raise OnestopConflict("申请人没有家庭信息，不能转社会救助办理")
        opened = assistance.open_case(
            user, household_id=application.household_id, program_code=matter.program_code,
            source=assistance.CaseSource.ONE_STOP, applied_on=application.submitted_on, reason=application.reason,
            prefill={"onestop_number": application.number}, source_reference=application.number,
        )  # fmt: skip
        application.domain_reference, application.domain_number = opened.id, opened.number
        label, note = "受理并转社会救助办理", f"救助案件编号 {opened.number}"
    elif matter.instant:
        application.status = AppStatus.COMPLETED
        application.completed_on = on
        application.outcome = "即办件，当场办结"
        label = "受理并当场办结（即办件）"
    application.save()
    _event(application, label, note, user.full_name or user.username)
    _audit(user, application, f"{label} {application.number}")
    return application


@transaction.atomic
def record_result(user, pk: int, *, approved: bool, outcome: str, on: date | None = None):
    """办结 of a matter its domain does not yet take through an interface: the window records the result."""
    require(user, Capability.HANDLE_ONESTOP)
    application = for_update(user, pk)
    if application.domain_reference:
        raise OnestopConflict("该办件由业务系统办理，结果以业务系统为准")
    if not outcome.strip():
        raise InvalidOnestopInput("请填写办理结果", field="outcome")
    application.status = _move(application, "complete" if approved else "reject")
    application.completed_on = on or date.today()
    application.outcome = outcome
    application.save(update_fields=["status", "completed_on", "outcome"])
    _event(application, "办结" if approved else "不予批准", outcome, user.full_name or user.username)
    _audit(user, application, f"办结 {application.number}")
    return application


@transaction.atomic
def refuse(user, pk: int, *, reason: str):
    require(user, Capability.HANDLE_ONESTOP)
    application = for_update(user, pk)
    if not reason.strip():
        raise InvalidOnestopInput("请填写不予受理的理由", field="reason")
    application.status = _move(application, "refuse")
    application.completed_on = date.today()
    application.outcome = reason
    application.save(update_fields=["status", "completed_on", "outcome"])
    _event(application, "不予受理", reason, user.full_name or user.username)
    _audit(user, application, f"不予受理 {application.number}")
    return application


@transaction.atomic
def forward(user, pk: int, *, on: date | None = None):
    """跨县通办: a matter received here for a person registered in another county goes to that county's desk
    with the three clocks (push, decide, inform) counted in working days from complete materials."""
    require(user, Capability.HANDLE_ONESTOP)
    application = for_update(user, pk)
    matter = application.matter
    if not matter.cross_county:
        raise OnestopConflict("该事项不在跨县通办清单中")
    if application.home_division_code[:6] == application.division_code[:6]:
        raise OnestopConflict("申请人属本县（区），无需转办")
    if missing := missing_now(application):
        raise OnestopConflict("材料不齐全，请先一次性告知补正：" + "、".join(m["name"] for m in missing))
    application.status = _move(application, "forward")
    on = on or date.today()
    clocks, _ = _forward_clocks(on, matter)
    application.forwarded_on = on
    application.forwarded_to_code = application.home_division_code
    application.forward_push_due = clocks.push_due
    application.forward_decide_due = clocks.decide_due
    application.forward_inform_due = clocks.inform_due
    application.division_code = application.home_division_code
    application.save()
    _event(
        application,
        "跨县通办转属地办理",
        f"属地办理期限 {clocks.decide_due:%Y-%m-%d}，结果告知期限 {clocks.inform_due:%Y-%m-%d}",
        user.full_name or user.username,
    )
    _audit(user, application, f"跨县转办 {application.number} → {application.home_division_code}")
    return application


def _forward_clocks(on: date, matter: Matter):
    from minzheng.policy.interface import add_working_days, with_calendar

    return with_calendar(
        lambda cal: forward_clocks(
            on, matter.forward_push_days, matter.forward_decide_days, matter.forward_inform_days,
            lambda start, n: add_working_days(start, n, cal),
        )
    )  # fmt: skip


@transaction.atomic
def withdraw(resident: Resident, pk: int, *, reason: str):
    """撤回 by the applicant, before a decision; a 办件 already with 社会救助 is withdrawn there by the window."""
    application = resident_application(resident, pk, lock=True)
    if application.resident_id != resident.pk:
        raise OnestopConflict("只有申请人本人可以撤回")
    if application.domain_reference:
        raise OnestopConflict("已转业务部门办理，请联系受理窗口办理撤回")
    application.status = _move(application, "withdraw")
    application.completed_on = date.today()
    application.outcome = f"申请人撤回：{reason}".rstrip("：")
    application.save(update_fields=["status", "completed_on", "outcome"])
    _event(application, "申请人撤回", reason, "申请人")
    _audit(
        None, application, f"撤回 {application.number}", username=f"居民:{mask_id_number(resident.id_number)}"
    )
    return application


def refresh_from_domain(application: Application) -> Application:
    """Follow the domain's case: 已办结 when 社会救助 approved it, 不予批准/已撤回 when it refused or the case was
    withdrawn there. Idempotent; called when the 办件 is read and by the nightly job."""
    if application.status != AppStatus.HANDLING or not application.domain_reference:
        return application
    progress = assistance.case_progress(application.domain_reference)
    if progress is None or not progress.closed:
        return application
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != AppStatus.HANDLING:
            return locked
        locked.status = {"approved": AppStatus.COMPLETED, "withdrawn": AppStatus.WITHDRAWN}.get(
            progress.status, AppStatus.REJECTED
        )
        locked.completed_on = progress.decided_on or date.today()
        locked.outcome = f"社会救助{progress.status_label}（案件编号 {progress.number}）"
        locked.save(update_fields=["status", "completed_on", "outcome"])
        _event(locked, "办结" if progress.approved else progress.status_label, locked.outcome, "业务系统")
        _audit(None, locked, f"业务办结 {locked.number}", username="系统")
    return locked


@transaction.atomic
def check_paper(user, pk: int, *, received: list[str]):
    """核验材料 at the window: the paper materials seen are recorded against the checklist (no file kept)."""
    require(user, Capability.HANDLE_ONESTOP)
    application = for_update(user, pk)
    if application.status not in (AppStatus.SUBMITTED, AppStatus.MATERIALS_PENDING, AppStatus.FORWARDED):
        raise OnestopConflict(f"办件当前为“{application.get_status_display()}”，不能核验材料")
    names = {m["code"]: m["name"] for m in asked_materials(application.matter.materials)}
    have = provided_codes(application)
    added = [c for c in received if c in names and c not in have]
    for code in added:
        Material.objects.create(
            application=application, code=code, name=names[code], file_name="纸质材料（窗口核验）", stored_as="",
            sha256="", size=0, by_resident=False,
        )  # fmt: skip
    if application.status == AppStatus.MATERIALS_PENDING:
        application.missing = [m for m in application.missing if m["code"] not in provided_codes(application)]
        if not application.missing:
            application.status = _move(application, "supplement")
        application.save(update_fields=["missing", "status"])
    if added:
        _event(
            application,
            "窗口核验纸质材料",
            "、".join(names[c] for c in added),
            user.full_name or user.username,
        )
        _audit(user, application, f"核验材料 {application.number}")
    return application
