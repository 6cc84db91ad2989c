"""在保人口 for 低收入人口动态监测: every current member of every household in force, as plain rows.

The monitoring domain builds its 低收入人口信息库 from these rows (it never reads assistance tables). One
query for any number of households; members are the household's current memberships on the day.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse

from minzheng.core.models import HouseholdMembership

from ..models import AssistanceCase
from .entitlements import enrolments_in_force


@dataclass(frozen=True)
class InForceMember:
    """One member of a household enrolled in a program on the day (a member of two programs: two rows)."""

    enrolment_id: int
    program_code: str
    start_month: date
    household_id: int
    household_number: str
    division_code: str
    area: str
    person_id: int
    id_number: str
    name: str
    birth_date: date | None


def in_force_members(on: date, *, division_code: str = "") -> Iterator[InForceMember]:
    """Members of every household whose enrolment is paid in the month of ``on``."""
    # one enrolment per household and program; a household in two programs appears once per program
    by_household: dict[int, list[tuple]] = {}
    for row in enrolments_in_force(on, division_code=division_code).values_list(
        "household_id", "pk", "program__code", "start_month", "household__number", "division_code", "area"
    ):
        by_household.setdefault(row[0], []).append(row[1:])
    if not by_household:
        return
    members = (
        HouseholdMembership.objects.filter(household_id__in=list(by_household))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .filter(person__is_deceased=False)
        .values_list("household_id", "person_id", "person__id_number", "person__name", "person__birth_date")
    )
    for household_id, person_id, id_number, name, birth in members.iterator(chunk_size=5000):
        for enrolment_id, program, start, number, division, area in by_household[household_id]:
            yield InForceMember(
                enrolment_id,
                program,
                start,
                household_id,
                number,
                division,
                area,
                person_id,
                id_number,
                name,
                birth,
            )


def monitoring_cases(references: list[str]) -> dict[str, dict]:
    """救助案件 opened from monitoring warnings, by warning number: number, status, the prefill and the case
    page's address (the page itself answers 404 outside the viewer's jurisdiction)."""
    rows = AssistanceCase.objects.filter(source_reference__in=references).values(
        "source_reference", "pk", "number", "status", "program__name", "applied_on", "prefill"
    )
    found = {}
    for row in rows:
        row["status_label"] = AssistanceCase(status=row["status"]).get_status_display()
        row["url"] = reverse("assistance:case_detail", args=[row.pop("pk")])
        found[row.pop("source_reference")] = row
    return found
