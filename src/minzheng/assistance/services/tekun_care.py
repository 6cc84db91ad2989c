"""特困人员 生活自理能力 changes: a reported change puts a re-assessment in the caseworker's queue, due within
``tekun_reassessment_working_days`` working days (《特困人员认定办法》; 10 nationally), audited."""

from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import with_calendar

from ..errors import InvalidCase
from ..models import Enrolment, WorkTask
from ..rules import add_working_days
from ..selectors.books import policy_book

TEKUN_CATEGORIES = ("tekun_centralised", "tekun_dispersed")


@transaction.atomic
def report_self_care_change(user, enrolment_id: int, *, reported_on: date, note: str) -> WorkTask:
    require(user, Capability.HANDLE_CASES)
    enrolment = get_in_jurisdiction_or_404(
        Enrolment.objects.select_related("program"), user, field="division_code", pk=enrolment_id
    )
    if enrolment.program.category not in TEKUN_CATEGORIES:
        raise InvalidCase("只有特困人员需重新评估生活自理能力")
    if not note.strip():
        raise InvalidCase("请说明生活自理能力的变化情况", field="note")
    days = policy_book([enrolment.division_code]).value(
        "tekun_reassessment_working_days", enrolment.division_code, reported_on
    )
    due, _ = with_calendar(lambda calendar: add_working_days(reported_on, int(days or 10), calendar))
    task = WorkTask.objects.create(
        kind=WorkTask.REASSESSMENT, enrolment=enrolment, household_id=enrolment.household_id,
        division_code=enrolment.division_code, title=f"生活自理能力重新评估：{enrolment.program.name}",
        detail=f"{reported_on:%Y-%m-%d} 报告：{note.strip()}", due_on=due,
    )  # fmt: skip
    record_event(
        user, AuditEvent.CREATE, object_type="work_task", object_id=task.pk, division_code=enrolment.division_code,
        summary=f"特困人员生活自理能力变化，{due:%Y-%m-%d} 前重新评估",
    )  # fmt: skip
    return task
