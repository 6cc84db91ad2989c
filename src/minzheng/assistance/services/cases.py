"""Opening a 救助案件: the one door every source uses (the caseworker's form, 代办, 主动发现, monitoring).

The workflow after 申请 (受理 → 核对 → 入户调查 → 审核 → 公示 → 审批 → 决定) builds on the case this creates.
"""

import uuid
from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404
from minzheng.core.models import AuditEvent, Household
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidCase
from ..models import (
    CLOSED_STATUSES,
    Area,
    AssistanceCase,
    AssistanceProgram,
    CaseEvent,
    CaseSource,
    Enrolment,
)

_HOUSEHOLD_AREA = {"urban": Area.URBAN, "rural": Area.RURAL}


def case_number(case_id: int, division_code: str, applied_on: date) -> str:
    """案件编号: year, the county's 6-digit code and the case's own id — unique without a counter table."""
    return f"JZ{applied_on:%Y}{division_code[:6]}{case_id:08d}"


def _refuse_duplicate(household: Household, program: AssistanceProgram) -> None:
    """One application at a time per household and program, and none while the household is 在保 — a second
    application would be decided twice. (临时救助 may be granted again, so only an open case blocks it.)"""
    open_case = AssistanceCase.objects.filter(household=household, program=program).exclude(
        status__in=CLOSED_STATUSES
    )
    if open_case.exists():
        raise InvalidCase(
            f"该户已有在办的{program.name}申请（{open_case.first().number}），请勿重复登记",
            field="program_code",
        )
    if (
        program.benefit_formula != "multiple_of_standard"
        and Enrolment.objects.filter(household=household, program=program, end_month__isnull=True).exists()
    ):
        raise InvalidCase(
            f"该户已在保（{program.name}），如情况变化请办理增保、减保或复核", field="program_code"
        )


@transaction.atomic
def open_case(
    user,
    *,
    household_id: int,
    program_code: str,
    source: str = CaseSource.SELF,
    applied_on: date | None = None,
    reason: str = "",
    prefill: dict | None = None,
    source_reference: str = "",
) -> AssistanceCase:
    """A new application (状态 已申请) for a household in the user's jurisdiction; audited."""
    require(user, Capability.HANDLE_CASES)
    household = get_in_jurisdiction_or_404(Household.objects.all(), user, pk=household_id)
    if household.dissolved_on is not None:
        raise InvalidCase("该户已销户，不能提出救助申请", field="household_id")
    program = AssistanceProgram.objects.filter(code=program_code, enabled=True).first()
    if program is None:
        raise InvalidCase("请选择有效且已启用的救助项目", field="program_code")
    if source not in CaseSource.values:
        raise InvalidCase("申请方式无效", field="source")
    _refuse_duplicate(household, program)
    area = _HOUSEHOLD_AREA.get(household.area_type, Area.URBAN) if program.area == Area.ALL else program.area
    applied_on = applied_on or date.today()
    case = AssistanceCase.objects.create(
        # Placeholder until the id is known (replaced below); a uuid fits the 32 characters whatever the ids.
        number=f"tmp-{uuid.uuid4().hex[:28]}",
        program=program,
        household=household,
        division_code=household.residence_division_code,
        area=area,
        source=source,
        applied_on=applied_on,
        reason=reason,
        prefill=prefill or {},
        source_reference=source_reference,
        created_by=user,
    )
    case.number = case_number(case.pk, case.division_code, applied_on)
    case.save(update_fields=["number"])
    # The filing is the first line of the case's 办理记录, like every later step (the audit row follows).
    CaseEvent.objects.create(
        case=case, action="apply", label="提出申请", from_status="", to_status=case.status,
        reason=reason, details={"source": case.get_source_display()}, actor=user,
    )  # fmt: skip
    record_event(
        user,
        AuditEvent.CREATE,
        object_type="assistance_case",
        object_id=case.pk,
        division_code=case.division_code,
        summary=f"登记{program.name}申请 {case.number}（{case.get_source_display()}）",
        after={"program": program.code, "household": household.number, "source": source},
    )
    return case
