"""社会救助 seen from a household's registry page: what it is 在保 for now, and its applications in progress."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from minzheng.core.jurisdiction import scope
from minzheng.policy.interface import month_start

from ..models import CLOSED_STATUSES, AssistanceCase, Enrolment, EnrolmentAmount
from .entitlements import enrolments_in_force


@dataclass(frozen=True)
class HouseholdAssistance:
    enrolments: list[tuple[Enrolment, Decimal | None]]  # in force this month, with the amount in force
    open_cases: list[AssistanceCase]
    ended: list[Enrolment]  # the last few that ended, so "not 在保" is explained


def household_assistance(user, household_id: int, today: date) -> HouseholdAssistance:
    """Three small queries, inside the user's jurisdiction (another region's household shows nothing)."""
    month = month_start(today)
    in_force = list(
        scope(enrolments_in_force(month), user, "division_code")
        .filter(household_id=household_id)
        .select_related("program")
        .order_by("program__sort_order", "pk")
    )
    amounts: dict[int, Decimal] = {}
    for enrolment_id, amount in (
        EnrolmentAmount.objects.filter(enrolment__in=in_force, effective_month__lte=month)
        .order_by("enrolment_id", "effective_month")
        .values_list("enrolment_id", "monthly_amount")
    ):
        amounts[enrolment_id] = amount  # ascending months: the last one written is the one in force
    open_cases = list(
        scope(AssistanceCase.objects.filter(household_id=household_id), user, "division_code")
        .exclude(status__in=CLOSED_STATUSES)
        .select_related("program")
        .order_by("-applied_on", "-pk")
    )
    ended = list(
        scope(Enrolment.objects.filter(household_id=household_id), user, "division_code")
        .filter(end_month__isnull=False, end_month__lt=month)
        .select_related("program")
        .order_by("-end_month", "-pk")[:3]
    )
    return HouseholdAssistance([(e, amounts.get(e.pk)) for e in in_force], open_cases, ended)
