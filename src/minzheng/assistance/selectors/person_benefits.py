"""One person's 社会救助 benefits on a day, for domains that count them (儿童福利's 补差 and status lines).

A benefit is enrolled per household; the person's share is the household's amount in force divided by the
persons it is paid for (民发〔2019〕62号: 补差 "根据人均救助水平"). One query for any number of persons.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Q, Subquery

from minzheng.core.models import HouseholdMembership
from minzheng.policy.interface import month_start

from ..models import EnrolmentAmount
from .entitlements import enrolments_in_force


@dataclass(frozen=True)
class PersonBenefit:
    """A program paying for the person's household in the month of the day (amounts in 元 per month)."""

    person_id: int
    program_code: str
    program_name: str
    category: str  # ProgramCategory value: dibao_urban, tekun_dispersed, disability_living …
    household_amount: Decimal
    persons: int
    per_person: Decimal


def person_benefits(person_ids: list[int], on: date) -> dict[int, list[PersonBenefit]]:
    """person id → the benefits paid that month for a household the person belongs to on ``on``."""
    person_ids = list(person_ids)
    if not person_ids:
        return {}
    memberships = (
        HouseholdMembership.objects.filter(person_id__in=person_ids)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
    )
    by_household: dict[int, list[int]] = {}
    for household_id, person_id in memberships.values_list("household_id", "person_id"):
        by_household.setdefault(household_id, []).append(person_id)
    amount = EnrolmentAmount.objects.filter(
        enrolment=OuterRef("pk"), effective_month__lte=month_start(on)
    ).order_by("-effective_month")
    rows = (
        enrolments_in_force(on)
        .filter(household_id__in=list(by_household))
        .annotate(
            amount=Subquery(amount.values("monthly_amount")[:1]),
            persons=Subquery(amount.values("persons")[:1]),
        )
        .filter(amount__isnull=False)
        .values_list(
            "household_id", "program__code", "program__name", "program__category", "amount", "persons"
        )
    )
    found: dict[int, list[PersonBenefit]] = {}
    for household_id, code, name, category, household_amount, persons in rows:
        household_amount = Decimal(household_amount)
        share = (household_amount / max(persons or 1, 1)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for person_id in by_household[household_id]:
            found.setdefault(person_id, []).append(
                PersonBenefit(person_id, code, name, category, household_amount, persons or 1, share)
            )
    return found
