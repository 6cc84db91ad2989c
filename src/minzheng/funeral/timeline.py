"""殡葬管理's part of the 一人一档 / 一户一档 (``core.timelines``): the death record and its funeral services."""

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import DeathRecord


def death_story(user, subject: TimelineSubject) -> list[TimelineEntry]:
    death_url = url_for_each("funeral:death_detail")
    deaths = DeathRecord.objects.filter(person_id__in=subject.person_ids).only(
        "death_date", "death_place", "cause", "issuer_name", "name", "registry_note"
    )
    return [
        TimelineEntry(
            on=death.death_date,
            domain="殡葬管理",
            title="死亡登记",
            detail=f"{death.get_death_place_display()}，{death.get_cause_display()}；{death.issuer_name}签发",
            url=death_url(death.pk),
            person_name=death.name,
        )
        for death in deaths
    ]


ENTRIES = [death_story]
