"""孤儿基本生活费 / 事实无人抚养儿童基本生活补贴: 受理 → 乡镇查验 (15 WD) → 县级确认 (15 WD) → paid from the
next month (民发〔2019〕62号 二), the amount from 社会救助's dated standard with 补差 (62号 三(一))."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.assistance.interface import (
    end_decided_elsewhere,
    enrol_decided_elsewhere,
    person_benefits,
    standard_in_force,
)
from minzheng.core.errors import MinzhengError
from minzheng.core.models import AuditEvent, Household, HouseholdMembership
from minzheng.policy.interface import working_day_deadline

from ..errors import ChildrenConflict, InvalidChildInput
from ..models import AllowanceApplication, AllowanceKind, ApplicationStatus, ChildRecord
from ..rules import allowances
from ..rules.categories import LABELS as _CATEGORY_LABEL
from .common import Capability, audit, check_in_jurisdiction, not_future, require, require_text, working_days

_FIELDS = [
    "kind", "status", "received_on", "check_due", "checked_on", "check_note", "confirm_due", "decided_on",
    "decision_note", "standard", "other_benefits", "monthly_amount", "start_month", "end_month", "end_reason",
    "enrolment_id",
]  # fmt: skip
_STANDARD_KIND = {
    allowances.ORPHAN_INSTITUTIONAL: "orphan_centralised",
    allowances.ORPHAN_SCATTERED: "orphan_scattered",
    allowances.DE_FACTO: "de_facto_unattended_child",
}


@dataclass(frozen=True)
class Amount:
    standard: Decimal
    standard_note: str
    other_benefits: Decimal
    other_note: str
    monthly_amount: Decimal


def _standard(kind: str, division_code: str, on: date) -> tuple[Decimal, str]:
    """The 保障标准 in force (社会救助's dated per-division table). 事实无人抚养 without its own standard takes
    the 散居孤儿 standard: 62号 三(一) "与当地孤儿保障标准相衔接"."""
    try:
        found = standard_in_force(division_code, _STANDARD_KIND[kind], on)
        return (
            found.monthly_amount,
            f"{found.kind_label} {found.monthly_amount} 元/月（{found.effective_from}起）",
        )
    except MinzhengError:
        if kind != allowances.DE_FACTO:
            raise InvalidChildInput(
                f"{AllowanceKind(kind).label}在 {on} 没有可用的保障标准，请先在社会救助“保障标准”中设置",
                field="kind",
            ) from None
    try:
        found = standard_in_force(division_code, "orphan_scattered", on)
    except MinzhengError:
        raise InvalidChildInput(
            f"{on} 没有可用的孤儿（散居）保障标准，无法计算事实无人抚养儿童补贴", field="kind"
        ) from None
    return (
        found.monthly_amount,
        f"参照{found.kind_label} {found.monthly_amount} 元/月（本地未单设事实无人抚养标准）",
    )


def amount_for(record: ChildRecord, kind: str, on: date) -> Amount:
    """The month's amount for the child on ``on``: standard, the counted benefits per person, 补差."""
    standard, note = _standard(kind, record.division_code, on)
    counted = [
        b
        for b in person_benefits([record.person_id], on).get(record.person_id, [])
        if b.category in allowances.TOP_UP_AGAINST
    ]
    other = sum((b.per_person for b in counted), Decimal(0))
    other_note = "、".join(f"{b.program_name} 人均 {b.per_person} 元" for b in counted)
    return Amount(standard, note, other, other_note, allowances.monthly_allowance(kind, standard, other))


@transaction.atomic
def receive_application(
    actor, record: ChildRecord, *, kind: str, applicant_name: str, applicant_relation: str, received_on: date
) -> AllowanceApplication:
    """乡镇受理: the check is due 15 working days later (the policy store's calendar)."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, record.division_code)
    if kind not in AllowanceKind.values:
        raise InvalidChildInput("请选择保障类别", field="kind")
    if record.ended_on is not None:
        raise ChildrenConflict("该儿童档案已销档")
    not_future(received_on, "received_on", "受理日期")
    if AllowanceApplication.objects.filter(
        child=record, status__in=["received", "checked", "confirmed"]
    ).exists():
        raise ChildrenConflict("该儿童已有在办或保障中的基本生活保障，请勿重复申请", field="kind")
    due, _ = working_day_deadline(
        received_on, working_days("children_allowance_check_working_days", record.division_code, received_on)
    )
    application = AllowanceApplication.objects.create(
        child=record,
        division_code=record.division_code,
        kind=kind,
        applicant_name=require_text(applicant_name, "applicant_name", "申请人", 50),
        applicant_relation=require_text(applicant_relation, "applicant_relation", "与儿童关系", 20),
        received_on=received_on,
        check_due=due,
        created_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        application,
        f"受理{record.person.name}{application.get_kind_display()}申请",
        _FIELDS,
    )
    return application


def _flag_holds(record: ChildRecord, kind: str, on: date) -> bool:
    return record.flags.filter(category=kind, valid_from__lte=on).exclude(valid_to__lt=on).exists()


@transaction.atomic
def check_application(
    actor, application: AllowanceApplication, *, eligible: bool, checked_on: date, note: str
):
    """乡镇查验: eligible → reported to the county (confirmation due in 15 working days); else closed."""
    require(actor, Capability.CHECK_CHILD_ALLOWANCE)
    check_in_jurisdiction(actor, application.division_code)
    application = AllowanceApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.RECEIVED:
        raise ChildrenConflict("该申请不在待查验状态")
    if checked_on < application.received_on:
        raise InvalidChildInput("查验日期不能早于受理日期", field="checked_on")
    not_future(checked_on, "checked_on", "查验日期")
    note = require_text(note, "note", "查验结论", 300)
    if eligible and not _flag_holds(application.child, application.kind, checked_on):
        raise InvalidChildInput(
            f"儿童档案中没有{checked_on}有效的“{_CATEGORY_LABEL[application.kind]}”类别，"
            "请先在儿童档案中认定类别",
            field="eligible",
        )
    application.checked_on, application.check_note, application.checked_by = checked_on, note, actor
    if eligible:
        application.status = ApplicationStatus.CHECKED
        application.confirm_due, _ = working_day_deadline(
            checked_on,
            working_days("children_allowance_confirm_working_days", application.division_code, checked_on),
        )
    else:
        application.status = ApplicationStatus.NOT_ELIGIBLE
    application.save()
    audit(actor, AuditEvent.UPDATE, application, f"乡镇查验：{application.get_status_display()}", _FIELDS)
    return application


@transaction.atomic
def confirm_application(
    actor, application: AllowanceApplication, *, confirmed: bool, decided_on: date, note: str = ""
):
    """县级确认: paid from the month after; the amount from the standard and 补差 fixed at confirmation.
    Refusal states its reason in writing (62号 二(三))."""
    require(actor, Capability.CONFIRM_CHILD_ALLOWANCE)
    check_in_jurisdiction(actor, application.division_code)
    application = AllowanceApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.CHECKED:
        raise ChildrenConflict("该申请不在待确认状态")
    if application.checked_by_id == actor.pk:
        raise ChildrenConflict("查验人与确认人不能为同一人")
    if decided_on < application.checked_on:
        raise InvalidChildInput("确认日期不能早于查验日期", field="decided_on")
    not_future(decided_on, "decided_on", "确认日期")
    application.decided_on, application.decided_by = decided_on, actor
    if confirmed:
        if not _flag_holds(application.child, application.kind, decided_on):
            raise InvalidChildInput("确认日儿童档案中该类别已不在有效期内", field="confirmed")
        start = allowances.first_paid_month(decided_on)
        amount = amount_for(application.child, application.kind, start)
        application.standard, application.other_benefits = amount.standard, amount.other_benefits
        application.monthly_amount, application.start_month = amount.monthly_amount, start
        application.decision_note = (note or "").strip()[:300] or amount.standard_note
        application.status = ApplicationStatus.CONFIRMED
        application.enrolment_id = _pay_through_payroll(actor, application)
    else:
        application.decision_note = require_text(note, "note", "不予确认的理由", 300)
        application.status = ApplicationStatus.REFUSED
    application.save()
    audit(actor, AuditEvent.UPDATE, application, f"县级确认：{application.get_status_display()}", _FIELDS)
    return application


@transaction.atomic
def end_allowance(actor, application: AllowanceApplication, *, last_month: date, reason: str):
    """终止 (62号 二(四)): the last month paid; dynamic management when the situation changes."""
    require(actor, Capability.CONFIRM_CHILD_ALLOWANCE)
    check_in_jurisdiction(actor, application.division_code)
    if application.status != ApplicationStatus.CONFIRMED:
        raise ChildrenConflict("只有保障中的儿童可以终止保障")
    last_month = last_month.replace(day=1)
    if last_month < application.start_month:
        raise InvalidChildInput(
            f"最后发放月份不能早于起始发放月份（{application.start_month:%Y-%m}）", field="last_month"
        )
    application.end_month, application.end_reason = (
        last_month,
        require_text(reason, "reason", "终止原因", 100),
    )
    application.status = ApplicationStatus.ENDED
    application.save(update_fields=["end_month", "end_reason", "status"])
    if application.enrolment_id:
        end_decided_elsewhere(
            actor, application.enrolment_id, last_month=last_month, reason=application.end_reason
        )
    audit(actor, AuditEvent.UPDATE, application, "终止儿童基本生活保障", _FIELDS)
    return application


def _household_of(record: ChildRecord, on: date) -> Household:
    """The household the child lives in on ``on`` (the roster pays per household)."""
    household_ids = (
        HouseholdMembership.objects.filter(person_id=record.person_id, valid_from__lte=on)
        .exclude(valid_to__lte=on)
        .values("household_id")
    )
    household = (
        Household.objects.filter(pk__in=household_ids, dissolved_on__isnull=True).order_by("pk").first()
    )
    if household is None:
        raise InvalidChildInput(
            f"{record.person.name}在{on:%Y年%m月}没有在户记录，无法纳入资金发放；请先在人口与家庭中登记其家庭",
            field="confirmed",
        )
    return household


def _pay_through_payroll(actor, application: AllowanceApplication) -> int:
    """社会救助's enrolment from the first paid month: the regular rosters, maker-checker and bank files pay it
    (ADR 0023). Paid to the 户主 of the child's household (集中养育: the institution's collective household);
    the account is kept by 社会救助's 发放账户."""
    household = _household_of(application.child, application.start_month)
    enrolment_id = enrol_decided_elsewhere(
        actor,
        household_id=household.pk,
        program_code=_STANDARD_KIND[application.kind],
        start_month=application.start_month,
        monthly_amount=application.monthly_amount,
        payee_id=household.head_id or application.child.person_id,
        reason=f"儿童福利县级确认（申请 {application.pk}，{application.decided_on}）",
    )
    flag_ends = (
        application.child.flags.filter(category=application.kind, valid_from__lte=application.decided_on)
        .exclude(valid_to__lt=application.decided_on)
        .values_list("valid_to", flat=True)
        .first()
    )
    if flag_ends is not None:
        # The category's end is known (the day before the 18th birthday): paid through that month.
        end_decided_elsewhere(actor, enrolment_id, last_month=flag_ends, reason="儿童类别有效期届满")
    return enrolment_id


def stop_when_category_ends(actor, record: ChildRecord, *, categories: set[str], ended_on: date, reason: str):
    """A category that ended (or a closed file) stops its allowance: the month of the end is the last one paid
    (次月停发, 62号 二(四)). Called inside the register's own transaction."""
    for application in AllowanceApplication.objects.select_for_update().filter(
        child=record, status=ApplicationStatus.CONFIRMED, kind__in=categories
    ):
        last_month = max(ended_on.replace(day=1), application.start_month)
        if ended_on < application.start_month:
            # Ended before the first paid month: nothing is ever paid.
            last_month = allowances.month_before(application.start_month)
        application.end_month, application.end_reason = last_month, reason[:100]
        application.status = ApplicationStatus.ENDED
        application.save(update_fields=["end_month", "end_reason", "status"])
        if application.enrolment_id:
            end_decided_elsewhere(actor, application.enrolment_id, last_month=last_month, reason=reason[:100])
        audit(
            actor, AuditEvent.UPDATE, application, f"类别结束，停发儿童基本生活保障（{reason[:50]}）", _FIELDS
        )
