"""老年人能力评估 reads: lists, a record, and who is due for reassessment."""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery

from ..models import CapabilityAssessment
from .common import one, scoped, under


@dataclass(frozen=True)
class AssessmentFilter:
    q: str = ""
    division_code: str = ""
    level: str = ""
    due_only: bool = False  # only each person's latest assessment whose routine reassessment is due
    # Each person's latest assessment made 完全丧失 by the old rule (B.3.9 = 0) rather than the coma question
    # A.5.11 (GB/T 42195-2022 附录C C.4): kept as recorded, listed for an 即时评估.
    old_coma_rule: bool = False


def _latest_only(qs: QuerySet) -> QuerySet:
    latest = CapabilityAssessment.objects.filter(person=OuterRef("person")).order_by("-assessed_on", "-id")
    return qs.filter(pk=Subquery(latest.values("pk")[:1]))


def assessment_list(user, filters: AssessmentFilter = AssessmentFilter(), on: date | None = None):
    qs = under(scoped(CapabilityAssessment.objects.select_related("person"), user), filters.division_code)
    if filters.level != "":
        qs = qs.filter(level=int(filters.level))
    if filters.q:
        qs = qs.filter(person__name__startswith=filters.q)
    if filters.due_only:
        qs = _latest_only(qs).filter(next_due_on__lte=on or date.today())
    if filters.old_coma_rule:
        qs = _latest_only(qs).filter(level_by_coma=True, coma=False)
    return qs.order_by("-assessed_on", "-id")


def assessment_detail(user, pk: int) -> CapabilityAssessment:
    return one(CapabilityAssessment.objects.select_related("person", "recorded_by"), user, pk)


def assessments_of_person(user, person_id: int) -> QuerySet[CapabilityAssessment]:
    return scoped(CapabilityAssessment.objects.filter(person_id=person_id), user).order_by(
        "-assessed_on", "-id"
    )


def level_distribution(user, on: date | None = None) -> dict[int, int]:
    """Latest assessment per person, counted by level (dashboard)."""
    from django.db.models import Count

    qs = _latest_only(scoped(CapabilityAssessment.objects.filter(assessed_on__lte=on or date.today()), user))
    return dict(qs.values_list("level").annotate(n=Count("id")).values_list("level", "n"))
