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
