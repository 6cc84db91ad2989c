"""两项补贴 from 受理 to 发放 (domain-rules-2 §9 [W18]): 户籍地乡镇受理 (or a 跨省通办 window pushing within 3 WD)
→ 乡镇初审 (≤ 10 WD) and 公示 (≥ 7 days) → 县残联审核 of certificate and grade (≤ 10 WD, the 残联's own
account) → 县民政审定 reading 低保 status → paid from the month of application on 社会救助's rosters."""

from datetime import date

from django.db import transaction
from django.db.models import Q

from minzheng.assistance.interface import end_decided_elsewhere, enrol_decided_elsewhere
from minzheng.core.models import AuditEvent, Household, HouseholdMembership, Person
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import month_start

from ..errors import DisabilityConflict, InvalidDisabilityInput
from ..models import LIVE, Channel, DisabilityCertificate, Status, SubsidyApplication, SubsidyKind
from ..rules import eligibility
from .common import (
    PROGRAM,
    audit,
    check_in_jurisdiction,
    due,
    households_status,
    not_before,
    not_future,
    options,
    require_text,
    standard,
)

FIELDS = [
    "kind", "channel", "status", "applied_on", "receiving_window", "push_due", "pushed_on",
    "transfer_decision_due", "notice_due", "noticed_on", "received_on", "check_due", "checked_on", "check_note",
    "publicity_from", "publicity_until", "cdpf_due", "cdpf_on", "cdpf_note", "certificate_number",
    "certificate_category", "certificate_grade", "decision_due", "decided_on", "decision_note", "in_dibao",
    "monthly_amount", "standard_note", "start_month", "end_month", "end_reason", "enrolment_id",
]  # fmt: skip


def person_division(person: Person) -> str:
    """The hukou township decides (户籍地); the residence when no hukou code is recorded."""
    return person.hukou_division_code or person.residence_division_code


def certificate_of(person_id: int) -> eligibility.Certificate | None:
    row = DisabilityCertificate.objects.filter(person_id=person_id).first()
    if row is None:
        return None
    return eligibility.Certificate(row.category, row.grade, row.valid_from, row.valid_until)


@transaction.atomic
def receive(
    actor, person: Person, *, kind: str, applied_on: date, channel: str = Channel.LOCAL,
    receiving_window: str = "", pushed_on: date | None = None, today: date | None = None,
) -> SubsidyApplication:  # fmt: skip
    """乡镇受理. 跨省通办: ``applied_on`` is the day the other province's window took complete materials,
    ``pushed_on`` the day the file reached the hukou township; the three clocks are stamped."""
    require(actor, Capability.HANDLE_DISABILITY_SUBSIDY)
    division = person_division(person)
    check_in_jurisdiction(actor, division)
    if kind not in SubsidyKind.values:
        raise InvalidDisabilityInput("请选择补贴类别", field="kind")
    if channel not in Channel.values:
        raise InvalidDisabilityInput("请选择受理渠道", field="channel")
    if person.is_deceased:
        raise DisabilityConflict("该人员已死亡，不能受理", field="person")
    not_future(applied_on, "applied_on", "申请日期", today)
    if SubsidyApplication.objects.filter(person=person, kind=kind, status__in=LIVE).exists():
        raise DisabilityConflict(
            f"该人员已有在办或发放中的{SubsidyKind(kind).label}，请勿重复申请", field="kind"
        )
    application = SubsidyApplication(
        person=person, division_code=division, kind=kind, channel=channel, applied_on=applied_on,
        created_by=actor,
    )  # fmt: skip
    received_on = applied_on
    if channel == Channel.TRANSFER:
        application.receiving_window = require_text(receiving_window, "receiving_window", "收件窗口", 100)
        if pushed_on is None:
            raise InvalidDisabilityInput("请填写异地窗口推送到户籍地的日期", field="pushed_on")
        not_before(pushed_on, applied_on, "pushed_on", "推送日期", "申请日期")
        not_future(pushed_on, "pushed_on", "推送日期", today)
        application.push_due = due(applied_on, "disability_transfer_push_working_days", division)
        application.pushed_on = received_on = pushed_on
        application.transfer_decision_due = due(
            pushed_on, "disability_transfer_decision_working_days", division
        )
    application.received_on = received_on
    application.check_due = due(received_on, "disability_township_check_working_days", division)
    application.save()
    audit(
        actor,
        AuditEvent.CREATE,
        application,
        f"受理{application.get_kind_display()}申请（{application.get_channel_display()}）",
        FIELDS,
    )
    return application


def _locked(actor, application: SubsidyApplication, status: str, message: str) -> SubsidyApplication:
    check_in_jurisdiction(actor, application.division_code)
    application = SubsidyApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != status:
        raise DisabilityConflict(message)
    return application


@transaction.atomic
def township_check(
    actor, application: SubsidyApplication, *, passed: bool, checked_on: date, note: str,
    today: date | None = None,
) -> SubsidyApplication:  # fmt: skip
    """乡镇初审; passed → 公示 of at least 7 days from the day after, then 县残联审核 due 10 WD after it ends."""
    require(actor, Capability.CHECK_DISABILITY_SUBSIDY)
    application = _locked(actor, application, Status.RECEIVED, "该申请不在待初审状态")
    not_before(checked_on, application.received_on, "checked_on", "初审日期", "受理日期")
    not_future(checked_on, "checked_on", "初审日期", today)
    application.check_note = require_text(note, "note", "初审意见", 300)
    application.checked_on, application.checked_by = checked_on, actor
    if passed:
        from .common import days

        division = application.division_code
        application.publicity_from = checked_on
        application.publicity_until = eligibility.publicity_ends(
            checked_on, days("disability_publicity_days", division, checked_on)
        )
        application.cdpf_due = due(
            application.publicity_until, "disability_cdpf_review_working_days", division
        )
        application.status = Status.CDPF
    else:
        application.status = Status.NOT_PASSED
    application.save()
    audit(actor, AuditEvent.UPDATE, application, f"乡镇初审：{application.get_status_display()}", FIELDS)
    return application


@transaction.atomic
def cdpf_review(
    actor, application: SubsidyApplication, *, passed: bool, reviewed_on: date, note: str = "",
    today: date | None = None,
) -> SubsidyApplication:  # fmt: skip
    """县残联审核 of the certificate and grade (the 残联's account only), after the 公示 has run its course."""
    require(actor, Capability.CDPF_REVIEW_DISABILITY)
    application = _locked(actor, application, Status.CDPF, "该申请不在待残联审核状态")
    if reviewed_on <= application.publicity_until:
        raise InvalidDisabilityInput(
            f"公示期至 {application.publicity_until}，期满后才能审核", field="reviewed_on"
        )
    not_future(reviewed_on, "reviewed_on", "审核日期", today)
    row = DisabilityCertificate.objects.filter(person_id=application.person_id).first()
    application.cdpf_on, application.cdpf_by = reviewed_on, actor
    if passed:
        certificate = certificate_of(application.person_id)
        if not eligibility.certificate_valid_on(certificate, application.applied_on):
            raise InvalidDisabilityInput("残联数据中没有申请日有效的残疾人证，不能审核通过", field="passed")
        opts = options(application.division_code, application.applied_on)
        if application.kind == eligibility.CARE and not eligibility.care_eligible(
            certificate, opts, application.applied_on
        ):
            raise InvalidDisabilityInput(
                eligibility.refusal_reason(eligibility.CARE, certificate, eligibility.Household(False, False), opts, application.applied_on),
                field="passed",
            )  # fmt: skip
        application.certificate_number, application.certificate_category = row.number, row.category
        application.certificate_grade = row.grade
        application.cdpf_note = (note or "").strip()[:300] or f"残疾人证 {row.category}{row.grade}级 审核通过"
        application.decision_due = due(
            reviewed_on, "disability_decision_working_days", application.division_code
        )
        application.status = Status.DECISION
    else:
        application.cdpf_note = require_text(note, "note", "不通过的理由", 300)
        application.status = Status.CDPF_REFUSED
    application.save()
    audit(actor, AuditEvent.UPDATE, application, f"县残联审核：{application.get_status_display()}", FIELDS)
    return application


@transaction.atomic
def decide(
    actor, application: SubsidyApplication, *, approved: bool, decided_on: date, note: str = "",
    today: date | None = None,
) -> SubsidyApplication:  # fmt: skip
    """县民政审定: 低保 status from 社会救助 (生活补贴), the rule in force on the application day; approved → paid
    from the month of application through 社会救助's rosters."""
    require(actor, Capability.DECIDE_DISABILITY_SUBSIDY)
    application = _locked(actor, application, Status.DECISION, "该申请不在待审定状态")
    not_before(decided_on, application.cdpf_on, "decided_on", "审定日期", "残联审核日期")
    not_future(decided_on, "decided_on", "审定日期", today)
    on = application.applied_on
    household = households_status([application.person_id], on)[application.person_id]
    application.in_dibao = household.in_dibao
    application.decided_on, application.decided_by = decided_on, actor
    if approved:
        opts = options(application.division_code, on)
        certificate = certificate_of(application.person_id)
        reason = eligibility.refusal_reason(application.kind, certificate, household, opts, on)
        if reason:
            raise InvalidDisabilityInput(f"不符合条件：{reason}", field="approved")
        start = eligibility.first_paid_month(on)
        found = standard(application.kind, application.division_code, start)
        application.monthly_amount, application.start_month = found.monthly_amount, start
        application.standard_note = (
            f"{found.kind_label} {found.monthly_amount} 元/月（{found.effective_from}起）"
        )
        application.decision_note = (note or "").strip()[:300] or "审定发放"
        application.status = Status.PAYING
        application.enrolment_id = _pay(actor, application)
    else:
        application.decision_note = require_text(note, "note", "不予发放的理由", 300)
        application.status = Status.REFUSED
    if application.channel == Channel.TRANSFER:
        application.notice_due = due(
            decided_on, "disability_transfer_notice_working_days", application.division_code
        )
    application.save()
    audit(actor, AuditEvent.UPDATE, application, f"县民政审定：{application.get_status_display()}", FIELDS)
    return application


@transaction.atomic
def record_notice(actor, application: SubsidyApplication, *, noticed_on: date, today: date | None = None):
    """跨省通办: the receiving window told the applicant the result (the third clock)."""
    require(actor, Capability.HANDLE_DISABILITY_SUBSIDY)
    check_in_jurisdiction(actor, application.division_code)
    if application.channel != Channel.TRANSFER or application.decided_on is None or application.noticed_on:
        raise DisabilityConflict("只有已审定、尚未告知的跨省通办申请需要登记告知")
    not_before(noticed_on, application.decided_on, "noticed_on", "告知日期", "审定日期")
    not_future(noticed_on, "noticed_on", "告知日期", today)
    application.noticed_on = noticed_on
    application.save(update_fields=["noticed_on"])
    audit(actor, AuditEvent.UPDATE, application, "跨省通办：已告知申请人审定结果", FIELDS)
    return application


@transaction.atomic
def stop(actor, application: SubsidyApplication, *, last_month: date, reason: str) -> SubsidyApplication:
    """停发 after ``last_month`` (the last month paid), by the deciding 民政."""
    require(actor, Capability.DECIDE_DISABILITY_SUBSIDY)
    application = _locked(actor, application, Status.PAYING, "只有发放中的补贴可以停发")
    last_month = month_start(last_month)
    if last_month < application.start_month:
        raise InvalidDisabilityInput(
            f"最后发放月份不能早于起始发放月份（{application.start_month:%Y-%m}）", field="last_month"
        )
    application.end_month, application.end_reason = (
        last_month,
        require_text(reason, "reason", "停发原因", 100),
    )
    application.status = Status.ENDED
    application.save(update_fields=["end_month", "end_reason", "status"])
    if application.enrolment_id:
        end_decided_elsewhere(
            actor, application.enrolment_id, last_month=last_month, reason=application.end_reason
        )
    audit(
        actor,
        AuditEvent.UPDATE,
        application,
        f"停发{application.get_kind_display()}（{application.end_reason}）",
        FIELDS,
    )
    return application


def _pay(actor, application: SubsidyApplication) -> int:
    """One enrolment for the person on 社会救助's rosters (ADR 0023/0036), paid to the person."""
    on = application.start_month
    household_ids = (
        HouseholdMembership.objects.filter(person_id=application.person_id)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=application.applied_on))
        .exclude(valid_to__lt=application.applied_on)
        .values("household_id")
    )
    household = (
        Household.objects.filter(pk__in=household_ids, dissolved_on__isnull=True).order_by("pk").first()
    )
    if household is None:
        raise InvalidDisabilityInput(
            f"该人员在{on:%Y年%m月}没有在户记录，无法纳入资金发放；请先在人口与家庭中登记其家庭",
            field="approved",
        )
    return enrol_decided_elsewhere(
        actor,
        household_id=household.pk,
        program_code=PROGRAM[application.kind],
        start_month=on,
        monthly_amount=application.monthly_amount,
        payee_id=application.person_id,
        reason=f"两项补贴县民政审定（申请 {application.pk}，{application.decided_on}）",
    )
