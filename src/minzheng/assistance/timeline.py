"""社会救助's part of the 一人一档 / 一户一档 (``core.timelines``): applications and enrolments."""

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import AssistanceCase, Enrolment


def cases_and_enrolments(user, subject: TimelineSubject) -> list[TimelineEntry]:
    case_url = url_for_each("assistance:case_detail")
    enrolment_url = url_for_each("assistance:enrolment_detail")
    entries = []
    for case in AssistanceCase.objects.filter(household_id__in=subject.household_ids).select_related(
        "program"
    ):
        entries.append(
            TimelineEntry(
                on=case.applied_on,
                domain="社会救助",
                title=f"{case.program.name}申请 {case.number} · {case.get_status_display()}",
                detail=f"{case.get_source_display()}",
                url=case_url(case.pk),
            )
        )
    enrolments = Enrolment.objects.filter(household_id__in=subject.household_ids).select_related("program")
    for enrolment in enrolments:
        entries.append(
            TimelineEntry(
                on=enrolment.start_month,
                domain="社会救助",
                title=f"{enrolment.program.name} · 纳入保障",
                detail=f"{enrolment.start_month:%Y-%m} 起发放",
                url=enrolment_url(enrolment.pk),
            )
        )
        if enrolment.end_month:
            entries.append(
                TimelineEntry(
                    on=enrolment.end_month,
                    domain="社会救助",
                    title=f"{enrolment.program.name} · 停保",
                    detail=enrolment.end_reason,
                    url=enrolment_url(enrolment.pk),
                )
            )
    return entries


ENTRIES = [cases_and_enrolments]
