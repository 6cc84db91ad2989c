"""在保记录: enrolling a household, changing its amount from a month on (增保/减保/提标/渐退), 停保.

Every change is a new dated row, never an update of an amount already paid, so a payroll for any past
month can be reproduced exactly. These are the only writers of ``Enrolment`` and ``EnrolmentAmount``.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.identity import mask_account, normalise_bank_account
from minzheng.core.models import AuditEvent
from minzheng.core.money import AMOUNT_MAX, check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import add_months, month_start

from ..errors import InvalidCase
from ..models import AssistanceCase, Enrolment, EnrolmentAmount
from ..rules.money import round_yuan


@dataclass(frozen=True)
class NewEnrolment:
    """What a decision (审批) fixes: from which month, how much, for how many, paid to whom."""

    start_month: date
    monthly_amount: Decimal
    persons: int
    payee_id: int
    bank_name: str = ""
    bank_account: str = ""
    review_category: str = ""
    next_review_on: date | None = None


def _check_amount(amount: Decimal, persons: int) -> Decimal:
    amount = check_money(
        amount, field="monthly_amount", label="保障金额", maximum=AMOUNT_MAX, error=InvalidCase
    )
    if amount is None:
        raise InvalidCase("请填写保障金额", field="monthly_amount")
    if persons < 1:
        raise InvalidCase("保障人数至少为1人", field="persons")
    return round_yuan(Decimal(amount))


@transaction.atomic
def enrol_from_case(user, case: AssistanceCase, terms: NewEnrolment) -> Enrolment:
    """The enrolment an approved case creates (the workflow calls this on 审批 批准)."""
    amount = _check_amount(terms.monthly_amount, terms.persons)
    if Enrolment.objects.filter(
        program=case.program, household=case.household, end_month__isnull=True
    ).exists():
        raise InvalidCase(f"该户已在保（{case.program.name}），请办理增保/减保而不是重复纳入")
    enrolment = Enrolment.objects.create(
        program=case.program,
        household=case.household,
        case=case,
        division_code=case.division_code,
        area=case.area,
        start_month=month_start(terms.start_month),
        payee_id=terms.payee_id,
        bank_name=terms.bank_name,
        bank_account=terms.bank_account,
        review_category=terms.review_category,
        next_review_on=terms.next_review_on,
    )
    EnrolmentAmount.objects.create(
        enrolment=enrolment,
        effective_month=enrolment.start_month,
        monthly_amount=amount,
        persons=terms.persons,
        kind="initial",
        reason=f"案件 {case.number} 批准",
        recorded_by=user,
    )
    _audit(
        user,
        enrolment,
        f"纳入{case.program.name}：{amount} 元/月，{terms.persons} 人，自 {enrolment.start_month:%Y-%m}",
        action=AuditEvent.CREATE,
    )
    return enrolment


@transaction.atomic
def change_amount(
    user,
    enrolment: Enrolment,
    *,
    from_month: date,
    monthly_amount: Decimal,
    persons: int,
    kind: str,
    reason: str,
) -> EnrolmentAmount:
    """增保/减保/提标/渐退 from ``from_month`` on; the month must be within the enrolment and have no change."""
    amount = _check_amount(monthly_amount, persons)
    from_month = month_start(from_month)
    if kind not in dict(EnrolmentAmount.KINDS) or kind == "initial":
        raise InvalidCase("变更类型无效", field="kind")
    if not reason.strip():
        raise InvalidCase("请填写变更原因", field="reason")
    if from_month < enrolment.start_month or (enrolment.end_month and from_month > enrolment.end_month):
        raise InvalidCase("变更月份不在保障期内", field="from_month")
    if enrolment.amounts.filter(effective_month=from_month).exists():
        raise InvalidCase(
            f"{from_month:%Y年%m月}已有一次金额变更，请更正该记录而不是重复登记", field="from_month"
        )
    change = EnrolmentAmount.objects.create(
        enrolment=enrolment,
        effective_month=from_month,
        monthly_amount=amount,
        persons=persons,
        kind=kind,
        reason=reason.strip(),
        recorded_by=user,
    )
    _audit(
        user,
        enrolment,
        f"{change.get_kind_display()}：自 {from_month:%Y-%m} 起 {amount} 元/月，{persons} 人（{reason}）",
    )
    return change


@transaction.atomic
def stop_enrolment(user, enrolment: Enrolment, *, last_month: date, reason: str) -> Enrolment:
    """停保: ``last_month`` is the last month paid (a death in May stops after May: paid to May, 次月停发)."""
    if not reason.strip():
        raise InvalidCase("请填写停保原因", field="reason")
    if enrolment.end_month is not None:
        raise InvalidCase("该救助对象已停保")
    # Stopped before its first month: it ends the month before it began, so nothing is ever paid.
    enrolment.end_month = max(month_start(last_month), add_months(enrolment.start_month, -1))
    enrolment.end_reason = reason.strip()
    enrolment.save(update_fields=["end_month", "end_reason"])
    _audit(user, enrolment, f"停保：最后发放月份 {enrolment.end_month:%Y-%m}（{reason}）")
    return enrolment


@transaction.atomic
def set_next_review(
    user, enrolment: Enrolment, *, next_review_on: date | None, review_category: str = ""
) -> Enrolment:
    """After a 复核: when the next one falls due (and, if it changed, the household's 复核分类)."""
    before = {"next_review_on": str(enrolment.next_review_on), "review_category": enrolment.review_category}
    enrolment.next_review_on = next_review_on
    if review_category:
        enrolment.review_category = review_category
    enrolment.save(update_fields=["next_review_on", "review_category"])
    _audit(
        user,
        enrolment,
        f"复核：下次复核 {next_review_on or '不再定期复核'}",
        before=before,
        after={"next_review_on": str(next_review_on), "review_category": enrolment.review_category},
    )
    return enrolment


@transaction.atomic
def set_payment_account(
    user, enrolment: Enrolment, *, bank_name: str, bank_account: str, reason: str
) -> Enrolment:
    """发放账户: the bank and account (银行卡 or 社保卡) the benefit is paid into, set or changed with a reason.

    Rosters copy the account when they are generated, so a change reaches the next roster generated (or a
    draft regenerated); an approved roster keeps the account it was approved with.
    """
    require(user, Capability.HANDLE_CASES)
    bank_name, account = (bank_name or "").strip(), normalise_bank_account(bank_account)
    if not bank_name or len(bank_name) > 50:
        raise InvalidCase("请填写开户银行（50字以内）", field="bank_name")
    if not account:
        raise InvalidCase("银行账号应为10–30位数字", field="bank_account")
    if not (reason or "").strip():
        raise InvalidCase("请填写账户变更原因（如：首次登记、换卡）", field="reason")
    before = {"bank_name": enrolment.bank_name, "bank_account": mask_account(enrolment.bank_account)}
    enrolment.bank_name, enrolment.bank_account = bank_name, account
    enrolment.save(update_fields=["bank_name", "bank_account"])
    _audit(
        user,
        enrolment,
        f"发放账户：{bank_name} {mask_account(account)}（{reason.strip()}）",
        before=before,
        after={"bank_name": bank_name, "bank_account": mask_account(account)},
    )
    return enrolment


def _audit(user, enrolment: Enrolment, summary: str, *, action: str = AuditEvent.UPDATE, **snapshots) -> None:
    """Every enrolment write is audited the same way (object type, division, one-line summary)."""
    record_event(
        user, action, object_type="assistance_enrolment", object_id=enrolment.pk,
        division_code=enrolment.division_code, summary=summary, **snapshots,
    )  # fmt: skip
