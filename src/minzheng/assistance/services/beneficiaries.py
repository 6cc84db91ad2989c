"""救助对象 as other domains ask about them: who is 特困供养人员 on a day (养老 counts 失能特困 elders).

Answers are querysets of person ids, so the asking domain filters by them in one query without reading this
domain's tables itself.
"""

from datetime import date

from django.db.models import Q, QuerySet

from minzheng.core.models import HouseholdMembership

from ..models.choices import ProgramCategory
from ..selectors.entitlements import enrolments_in_force

TEKUN_CATEGORIES = (ProgramCategory.TEKUN_CENTRALISED, ProgramCategory.TEKUN_DISPERSED)


def tekun_person_ids(on: date) -> QuerySet:
    """Persons who are 特困供养人员 on ``on``: members, that day, of a household with a 特困 enrolment paid
    that month (集中 or 分散供养). 特困 is decided per person but enrolled per household; such households are
    the person alone (or 分户 for the purpose), so every member of one counts."""
    households = enrolments_in_force(on).filter(program__category__in=TEKUN_CATEGORIES).values("household_id")
    return (
        HouseholdMembership.objects.filter(household_id__in=households)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .values("person_id")
    )


def program_categories_on(person_ids: list[int], on: date) -> dict[int, set[str]]:
    """救助项目类别 (``ProgramCategory`` codes) each person was covered by on ``on``: enrolments paid that month
    of the households the person belonged to that day. A membership ending that day still counts — a death
    ends it on the date of death, and 惠民殡葬 asks about exactly that day."""
    households = enrolments_in_force(on).values("household_id")
    rows = (
        HouseholdMembership.objects.filter(person_id__in=person_ids, household_id__in=households)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .values_list("person_id", "household_id")
    )
    by_household: dict[int, set[int]] = {}
    for person_id, household_id in rows:
        by_household.setdefault(household_id, set()).add(person_id)
    found: dict[int, set[str]] = {pid: set() for pid in person_ids}
    for household_id, category in (
        enrolments_in_force(on)
        .filter(household_id__in=list(by_household))
        .values_list("household_id", "program__category")
    ):
        for person_id in by_household[household_id]:
            found[person_id].add(category)
    return found
