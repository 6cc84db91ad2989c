"""协议离婚 as an action on the marriage record (民法典 第一千零七十六至一千零七十八条):
申请 with the written agreement → 受理 (T0) → 冷静期 (either party may withdraw) → both appear → 审查 →
登记 and the L 字号; nobody by the last day → 视为撤回 (``close_lapsed_applications``, run nightly)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import with_calendar

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import DivorceApplication, DivorceStatus, MarriageRecord, MarriageStatus, Party, Registry
from ..rules.cooling_off import CoolingOffWindows, Phase, cooling_off_windows, phase_on
from .common import audit, check_day, check_in_jurisdiction, policy_int, registrar_at
from .life_events import marriage_ended
from .numbering import next_certificate_number

_FIELDS = [
    "marriage",
    "registry",
    "received_on",
    "withdrawal_end",
    "appearance_start",
    "appearance_end",
    "status",
    "closed_on",
    "withdrawn_by",
    "certificate_number",
]
_AGREEMENT_MAX = 2000


def windows_for(division_code: str, received_on: date) -> tuple[CoolingOffWindows, bool]:
    """The 冷静期 dates of an application received on ``received_on`` (periods from the policy store, last
    days moved past rest days by the store's calendar); ``True`` when a year's holidays are not loaded yet."""
    withdrawal = policy_int("divorce_withdrawal_days", division_code, received_on)
    appearance = policy_int("divorce_appearance_days", division_code, received_on)
    return with_calendar(
        lambda calendar: cooling_off_windows(
            received_on,
            withdrawal_days=withdrawal,
            appearance_days=appearance,
            is_working_day=calendar.is_working_day,
        )
    )


def windows_of(application: DivorceApplication) -> CoolingOffWindows:
    return CoolingOffWindows(
        application.received_on,
        application.withdrawal_end,
        application.appearance_start,
        application.appearance_end,
    )


@dataclass(frozen=True)
class Agreement:
    """离婚协议 (民法典 第一千零七十六条第二款): 子女抚养、财产以及债务处理等事项协商一致的意见."""

    children: str
    property: str
    debts: str


def _clean_agreement(agreement: Agreement) -> Agreement:
    values = {}
    for field, label in (("children", "子女抚养"), ("property", "财产处理"), ("debts", "债务处理")):
        text = (getattr(agreement, field) or "").strip()
        if not text:
            raise InvalidMarriageInput(f"请填写离婚协议的{label}意见（无则填“无”）", field=field)
        if len(text) > _AGREEMENT_MAX:
            raise InvalidMarriageInput(f"{label}不能超过{_AGREEMENT_MAX}个字", field=field)
        values[field] = text
    return Agreement(**values)


def _locked(application: DivorceApplication) -> DivorceApplication:
    return DivorceApplication.objects.select_for_update().select_related("marriage").get(pk=application.pk)


@transaction.atomic
def receive_divorce(
    actor, marriage: MarriageRecord, *, registry: Registry, agreement: Agreement, on: date | None = None
) -> DivorceApplication:
    """受理 a joint application on a marriage in force: T0 is the day of receipt; the 回执单 shows the dates."""
    today = timezone.localdate()
    on = on or today
    check_day(on, today)
    check_in_jurisdiction(actor, marriage.division_code)
    registrar = registrar_at(actor, registry)
    marriage = MarriageRecord.objects.select_for_update().get(pk=marriage.pk)
    if marriage.status != MarriageStatus.IN_FORCE:
        raise MarriageConflict(f"该婚姻已终止（{marriage.get_status_display()}），不能申请离婚登记")
    if on < marriage.registered_on:
        raise InvalidMarriageInput("受理日期不能早于结婚登记日期", field="on")
    if marriage.divorces.filter(status=DivorceStatus.COOLING_OFF).exists():
        raise MarriageConflict("该婚姻已有办理中的离婚登记申请")
    agreement = _clean_agreement(agreement)
    windows, provisional = windows_for(registry.division_code, on)
    application = DivorceApplication.objects.create(
        marriage=marriage,
        registry=registry,
        division_code=registry.division_code,
        received_by=registrar,
        received_on=on,
        withdrawal_end=windows.withdrawal_end,
        appearance_start=windows.appearance_start,
        appearance_end=windows.appearance_end,
        dates_provisional=provisional,
        children_arrangement=agreement.children,
        property_arrangement=agreement.property,
        debt_arrangement=agreement.debts,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        application,
        f"受理离婚登记申请（结婚证 {marriage.certificate_number}），冷静期至{windows.withdrawal_end:%Y-%m-%d}",
        _FIELDS,
    )
    return application


def _open(application: DivorceApplication) -> None:
    if application.status != DivorceStatus.COOLING_OFF:
        raise MarriageConflict(f"该离婚登记申请{application.get_status_display()}，不能再办理")


@transaction.atomic
def withdraw_divorce(actor, application: DivorceApplication, *, party_sex: str, on: date | None = None):
    """撤回 (民法典 第一千零七十七条第一款): either party, in person, until the withdrawal period's last day."""
    today = timezone.localdate()
    on = on or today
    check_day(on, today)
    check_in_jurisdiction(actor, application.division_code)
    registrar_at(actor, application.registry)
    application = _locked(application)
    _open(application)
    if party_sex not in (Party.MALE, Party.FEMALE):
        raise InvalidMarriageInput("请选择撤回申请的一方", field="party_sex")
    if on < application.received_on:
        raise InvalidMarriageInput("撤回日期不能早于受理日期", field="on")
    if phase_on(windows_of(application), on) is not Phase.WITHDRAWAL:
        raise MarriageConflict(
            f"撤回期限已于{application.withdrawal_end:%Y-%m-%d}届满，不能再撤回离婚登记申请",
            field="party_sex",
        )
    before = {"status": application.status}
    application.status, application.closed_on, application.withdrawn_by = (
        DivorceStatus.WITHDRAWN,
        on,
        party_sex,
    )
    application.save(update_fields=["status", "closed_on", "withdrawn_by"])
    party = "男方" if party_sex == Party.MALE else "女方"
    audit(actor, AuditEvent.UPDATE, application, f"{party}撤回离婚登记申请（撤回确认单）", _FIELDS, before)
    return application


def _check_appearance(application: DivorceApplication, on: date) -> None:
    phase = phase_on(windows_of(application), on)
    if phase is Phase.WITHDRAWAL:
        raise MarriageConflict(
            f"冷静期至{application.withdrawal_end:%Y-%m-%d}届满，"
            f"双方应于{application.appearance_start:%Y-%m-%d}至{application.appearance_end:%Y-%m-%d}期间到场申请发证"
        )
    if phase is Phase.LAPSED:
        raise MarriageConflict(f"申请发证期限已于{application.appearance_end:%Y-%m-%d}届满，该申请视为撤回")


@transaction.atomic
def register_divorce(
    actor,
    application: DivorceApplication,
    *,
    both_present: bool,
    review_note: str = "",
    on: date | None = None,
) -> DivorceApplication:
    """审查 and 登记 (民法典 第一千零七十八条): both in person in the appearance period; the marriage ends that day."""
    today = timezone.localdate()
    on = on or today
    check_day(on, today)
    check_in_jurisdiction(actor, application.division_code)
    registrar = registrar_at(actor, application.registry)
    application = _locked(application)
    _open(application)
    _check_appearance(application, on)
    if not both_present:
        raise InvalidMarriageInput("双方须亲自到场申请发给离婚证", field="both_present")
    marriage = MarriageRecord.objects.select_for_update().get(pk=application.marriage_id)
    if marriage.status != MarriageStatus.IN_FORCE:
        raise MarriageConflict(f"该婚姻已终止（{marriage.get_status_display()}）")
    before = {"status": application.status}
    application.status, application.closed_on = DivorceStatus.REGISTERED, on
    application.registered_by, application.review_note = registrar, (review_note or "").strip()[:500]
    application.certificate_number = next_certificate_number(application.registry, "L", on.year)
    application.save(
        update_fields=["status", "closed_on", "registered_by", "review_note", "certificate_number"]
    )
    marriage.status, marriage.ended_on = MarriageStatus.DIVORCED, on
    marriage.end_note = f"协议离婚，离婚证 {application.certificate_number}"
    marriage.save(update_fields=["status", "ended_on", "end_note"])
    audit(
        actor, AuditEvent.UPDATE, application, f"离婚登记 {application.certificate_number}", _FIELDS, before
    )
    audit(actor, AuditEvent.UPDATE, marriage, "婚姻因协议离婚终止", ["status", "ended_on", "end_note"])
    marriage_ended(actor, marriage, on=on, cause=f"离婚登记 {application.certificate_number}")
    return application


@transaction.atomic
def refuse_divorce(actor, application: DivorceApplication, *, review_note: str, on: date | None = None):
    """审查不予登记 (e.g. the agreement is not truly agreed, a party lacks capacity): reasons recorded."""
    today = timezone.localdate()
    on = on or today
    check_day(on, today)
    check_in_jurisdiction(actor, application.division_code)
    registrar_at(actor, application.registry)
    application = _locked(application)
    _open(application)
    _check_appearance(application, on)
    note = (review_note or "").strip()
    if not note:
        raise InvalidMarriageInput("请填写不予登记的理由", field="review_note")
    before = {"status": application.status}
    application.status, application.closed_on, application.review_note = DivorceStatus.REFUSED, on, note[:500]
    application.save(update_fields=["status", "closed_on", "review_note"])
    audit(actor, AuditEvent.UPDATE, application, f"离婚登记审查不予登记：{note[:100]}", _FIELDS, before)
    return application


def close_lapsed_applications(today: date | None = None) -> int:
    """视为撤回 (民法典 第一千零七十七条第二款): every application whose appearance period ended before ``today``
    without a registration. Idempotent (only open applications are touched); one transaction each."""
    today = today or timezone.localdate()
    closed = 0
    due = DivorceApplication.objects.filter(status=DivorceStatus.COOLING_OFF, appearance_end__lt=today)
    for pk in due.values_list("pk", flat=True).order_by("pk"):
        with transaction.atomic():
            application = DivorceApplication.objects.select_for_update().get(pk=pk)
            if application.status != DivorceStatus.COOLING_OFF or application.appearance_end >= today:
                continue
            application.status = DivorceStatus.DEEMED_WITHDRAWN
            application.closed_on = application.appearance_end + timedelta(days=1)
            application.save(update_fields=["status", "closed_on"])
            record_event(
                None,
                AuditEvent.UPDATE,
                username="marriage_daily",
                object_type="marriage.divorceapplication",
                object_id=application.pk,
                division_code=application.division_code,
                summary=f"期满（{application.appearance_end:%Y-%m-%d}）双方未申请发证，离婚登记申请视为撤回",
                before={"status": DivorceStatus.COOLING_OFF},
                after={"status": application.status, "closed_on": application.closed_on.isoformat()},
            )
            closed += 1
    return closed


def recompute_provisional_windows() -> int:
    """Dates counted before a year's 放假安排 was loaded (``dates_provisional``) are counted again once it is
    (run nightly, before 视为撤回). 民法典 第二百零三条: a last day on a statutory holiday moves to the day after
    the holiday. The parties were given the provisional dates on the 回执单, so a period is only ever
    lengthened by the recount, never shortened (a 调休 weekend that turns out to be a working day does not take a
    day away from them). Idempotent: an application leaves the queue once its dates are final."""
    updated = 0
    due = DivorceApplication.objects.filter(status=DivorceStatus.COOLING_OFF, dates_provisional=True)
    for pk in due.values_list("pk", flat=True).order_by("pk"):
        with transaction.atomic():
            application = DivorceApplication.objects.select_for_update().get(pk=pk)
            if application.status != DivorceStatus.COOLING_OFF or not application.dates_provisional:
                continue
            windows, provisional = windows_for(application.division_code, application.received_on)
            if provisional:
                continue  # the year is still not loaded
            before = {
                "withdrawal_end": application.withdrawal_end.isoformat(),
                "appearance_start": application.appearance_start.isoformat(),
                "appearance_end": application.appearance_end.isoformat(),
            }
            application.withdrawal_end = max(application.withdrawal_end, windows.withdrawal_end)
            application.appearance_start = max(application.appearance_start, windows.appearance_start)
            application.appearance_end = max(application.appearance_end, windows.appearance_end)
            application.dates_provisional = False
            application.save(
                update_fields=["withdrawal_end", "appearance_start", "appearance_end", "dates_provisional"]
            )
            after = {
                "withdrawal_end": application.withdrawal_end.isoformat(),
                "appearance_start": application.appearance_start.isoformat(),
                "appearance_end": application.appearance_end.isoformat(),
            }
            record_event(
                None,
                AuditEvent.UPDATE,
                username="marriage_daily",
                object_type="marriage.divorceapplication",
                object_id=application.pk,
                division_code=application.division_code,
                summary=(
                    "节假日安排已载入，冷静期期限按正式日历重算："
                    f"撤回至{application.withdrawal_end:%Y-%m-%d}，"
                    f"到场{application.appearance_start:%Y-%m-%d}至{application.appearance_end:%Y-%m-%d}"
                ),
                before=before,
                after=after,
            )
            updated += 1
    return updated
