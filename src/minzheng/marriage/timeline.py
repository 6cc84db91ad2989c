"""婚姻登记's part of the 一人一档 / 一户一档 (``core.timelines``): marriages and divorce applications of the
persons as parties."""

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import DivorceApplication, MarriageRecord


def marriage_story(user, subject: TimelineSubject) -> list[TimelineEntry]:
    marriage_url = url_for_each("marriage:marriage_detail")
    marriages = list(MarriageRecord.objects.filter(parties__person_id__in=subject.person_ids).distinct())
    entries = []
    for marriage in marriages:
        entries.append(
            TimelineEntry(
                on=marriage.registered_on,
                domain="婚姻登记",
                title=f"结婚登记 · {marriage.get_status_display()}",
                detail=f"结婚证字号 {marriage.certificate_number}",
                url=marriage_url(marriage.pk),
            )
        )
        if marriage.ended_on:
            entries.append(
                TimelineEntry(
                    on=marriage.ended_on,
                    domain="婚姻登记",
                    title="婚姻终止",
                    detail=marriage.end_note,
                    url=marriage_url(marriage.pk),
                )
            )
    divorces = DivorceApplication.objects.filter(marriage__in=[m.pk for m in marriages])
    for divorce in divorces:
        entries.append(
            TimelineEntry(
                on=divorce.received_on,
                domain="婚姻登记",
                title=f"离婚登记申请 · {divorce.get_status_display()}",
                url=marriage_url(divorce.marriage_id),
            )
        )
    return entries


ENTRIES = [marriage_story]
