"""人口与家庭's part of the 一人一档 / 一户一档 (``core.timelines``): the registry's dated changes."""

from django.db.models import Q

from .models import RegistryChange
from .timelines import TimelineEntry, TimelineSubject

_LATEST = 200  # a story longer than this shows its newest changes; the registry page keeps them all


def registry_changes(user, subject: TimelineSubject) -> list[TimelineEntry]:
    changes = (
        RegistryChange.objects.filter(
            Q(person_id__in=subject.person_ids) | Q(household_id__in=subject.household_ids)
        )
        .select_related("person")
        .order_by("-effective_date", "-pk")[:_LATEST]
    )
    return [
        TimelineEntry(
            on=change.effective_date,
            domain="人口与家庭",
            title=f"登记变更 · {change.get_kind_display()}",
            detail=change.reason,
            person_name=change.person.name if change.person else "",
        )
        for change in changes
    ]


ENTRIES = [registry_changes]
