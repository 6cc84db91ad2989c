"""养老服务's part of the 一人一档 / 一户一档 (``core.timelines``): ability assessments, stays in institutions,
the 特殊困难老年人 register and its visits."""

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import CapabilityAssessment, HardshipElder, Residency, Visit

_LATEST_VISITS = 24


def eldercare_story(user, subject: TimelineSubject) -> list[TimelineEntry]:
    ids = subject.person_ids
    assessment_url = url_for_each("eldercare:assessment_detail")
    residency_url = url_for_each("eldercare:residency_detail")
    elder_url = url_for_each("eldercare:elder_detail")
    entries = [
        TimelineEntry(
            on=a.assessed_on,
            domain="养老服务",
            title=f"老年人能力评估 · {a.get_level_display()}",
            detail=f"{a.get_reason_display()}，总分 {a.total_score}",
            url=assessment_url(a.pk),
            person_name=a.person.name,
        )
        for a in CapabilityAssessment.objects.filter(person_id__in=ids).select_related("person")
    ]
    for stay in Residency.objects.filter(person_id__in=ids).select_related("institution", "person"):
        entries.append(
            TimelineEntry(
                on=stay.admitted_on,
                domain="养老服务",
                title=f"入住 {stay.institution.name}",
                detail=f"{stay.get_bed_kind_display()}，{stay.get_care_grade_display()}",
                url=residency_url(stay.pk),
                person_name=stay.person.name,
            )
        )
        if stay.discharged_on:
            entries.append(
                TimelineEntry(
                    on=stay.discharged_on,
                    domain="养老服务",
                    title=f"离院 {stay.institution.name}",
                    detail=stay.get_discharge_reason_display(),
                    url=residency_url(stay.pk),
                    person_name=stay.person.name,
                )
            )
    for elder in HardshipElder.objects.filter(person_id__in=ids).select_related("person"):
        entries.append(
            TimelineEntry(
                on=elder.registered_on,
                domain="养老服务",
                title="登记为特殊困难老年人",
                detail=elder.end_reason,
                url=elder_url(elder.pk),
                person_name=elder.person.name,
            )
        )
    visits = (
        Visit.objects.filter(elder__person_id__in=ids)
        .select_related("elder__person")
        .order_by("-visited_on", "-pk")[:_LATEST_VISITS]
    )
    for visit in visits:
        entries.append(
            TimelineEntry(
                on=visit.visited_on,
                domain="养老服务",
                title=f"探访 · {visit.get_method_display()}",
                detail=visit.findings,
                url=elder_url(visit.elder_id),
                person_name=visit.elder.person.name,
            )
        )
    return entries


ENTRIES = [eldercare_story]
