"""Enrolments decided by another domain: 孤儿基本生活费 and 事实无人抚养儿童基本生活补贴 are recognised by
儿童福利 (乡镇查验 → 县级确认, 民发〔2019〕62号) and paid here, on the same rosters, maker-checker and bank files
as every other program — not by a second payroll (ADR 0023, issue 18).

The decision is not re-taken: no 社会救助 case is opened. Each child is one enrolment (``case`` empty, one
person) in the child's household, so two orphan siblings confirmed on different days are two enrolments and
each stops on its own. The deciding domain keeps the enrolment id and stops it through ``end_decided_elsewhere``.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404
from minzheng.core.models import AuditEvent, Household
from minzheng.policy.interface import add_months, month_start

from ..errors import InvalidCase
from ..models import AssistanceProgram, Enrolment, EnrolmentAmount
from ..models.choices import Area, ProgramCategory
from .enrolments import _audit, _check_amount, stop_enrolment

# Programs whose decision belongs to 儿童福利 (the only ones this door accepts).
DECIDED_BY_CHILDREN = frozenset(
    {
        ProgramCategory.ORPHAN_CENTRALISED,
        ProgramCategory.ORPHAN_SCATTERED,
        ProgramCategory.DE_FACTO_UNATTENDED_CHILD,
    }
)
# Programs whose decision belongs to 残疾人两项补贴 (县残联审核 → 县民政审定, app ``disability``, ADR 0036).
DECIDED_BY_DISABILITY = frozenset({ProgramCategory.DISABILITY_LIVING, ProgramCategory.DISABILITY_CARE})
DECIDED_ELSEWHERE = DECIDED_BY_CHILDREN | DECIDED_BY_DISABILITY
_HOUSEHOLD_AREA = {"urban": Area.URBAN, "rural": Area.RURAL}


@transaction.atomic
def enrol_decided_elsewhere(
    user,
    *,
    household_id: int,
    program_code: str,
    start_month: date,
    monthly_amount: Decimal,
    payee_id: int,
    reason: str,
) -> Enrolment:
    """One child's enrolment from ``start_month`` with its amount (补差 included by the deciding domain)."""
    household = get_in_jurisdiction_or_404(Household.objects.all(), user, pk=household_id)
    if household.dissolved_on is not None:
        raise InvalidCase("该户已销户，不能纳入发放", field="household_id")
    program = AssistanceProgram.objects.filter(code=program_code, enabled=True).first()
    if program is None or program.category not in DECIDED_ELSEWHERE:
        raise InvalidCase("请选择有效且已启用的儿童基本生活保障或残疾人两项补贴项目", field="program_code")
    if not (reason or "").strip():
        raise InvalidCase("请填写纳入依据", field="reason")
    amount = _check_amount(monthly_amount, 1)
    if Enrolment.objects.filter(
        program=program, household=household, end_month__isnull=True, case__isnull=False
    ).exists():
        raise InvalidCase(f"该户已通过社会救助案件纳入{program.name}，请勿重复发放", field="program_code")
    area = _HOUSEHOLD_AREA.get(household.area_type, Area.URBAN) if program.area == Area.ALL else program.area
    enrolment = Enrolment.objects.create(
        program=program,
        household=household,
        case=None,
        division_code=household.residence_division_code,
        area=area,
        start_month=month_start(start_month),
        payee_id=payee_id,
    )
    EnrolmentAmount.objects.create(
        enrolment=enrolment,
        effective_month=enrolment.start_month,
        monthly_amount=amount,
        persons=1,
        kind="initial",
        reason=reason.strip()[:200],
        recorded_by=user,
    )
    _audit(
        user,
        enrolment,
        f"纳入{program.name}（{reason.strip()[:80]}）：{amount} 元/月，1 人，自 {enrolment.start_month:%Y-%m}",
        action=AuditEvent.CREATE,
    )
    return enrolment


@transaction.atomic
def end_decided_elsewhere(user, enrolment_id: int, *, last_month: date, reason: str) -> None:
    """停发 after ``last_month`` (the last month paid) of an enrolment this door created. A planned stop (the
    category's end known at confirmation, e.g. the 18th birthday) is brought forward, never pushed back."""
    enrolment = get_in_jurisdiction_or_404(
        Enrolment.objects.select_for_update().filter(
            case__isnull=True, program__category__in=DECIDED_ELSEWHERE
        ),
        user,
        "division_code",
        pk=enrolment_id,
    )
    if enrolment.end_month is None:
        stop_enrolment(user, enrolment, last_month=last_month, reason=reason)
        return
    earlier = max(month_start(last_month), add_months(enrolment.start_month, -1))
    if earlier < enrolment.end_month:
        before = {"end_month": str(enrolment.end_month)}
        enrolment.end_month, enrolment.end_reason = earlier, (reason or "").strip()[:200]
        enrolment.save(update_fields=["end_month", "end_reason"])
        _audit(user, enrolment, f"提前停保：最后发放月份 {earlier:%Y-%m}（{reason}）", before=before)
