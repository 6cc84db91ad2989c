"""全市通办's part of the 一人一档 / 一户一档 (``core.timelines``): applications at the window or online, and
12345/12349 tickets linked to them or placed (not anonymously) from the person's phone."""

from django.db.models import Q

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import Application, Ticket


def onestop_story(user, subject: TimelineSubject) -> list[TimelineEntry]:
    application_url = url_for_each("onestop:application_detail")
    ticket_url = url_for_each("onestop:ticket_detail")
    applications = list(
        Application.objects.filter(
            Q(person_id__in=subject.person_ids) | Q(household_id__in=subject.household_ids)
        ).select_related("matter")
    )
    entries = [
        TimelineEntry(
            on=app.submitted_on,
            domain="全市通办",
            title=f"{app.matter.name} 受理号 {app.number} · {app.get_status_display()}",
            detail=app.get_channel_display(),
            url=application_url(app.pk),
            person_name=app.applicant_name,
        )
        for app in applications
    ]
    linked = Q(application_id__in=[app.pk for app in applications])
    if subject.phones:
        linked |= Q(anonymous=False, caller_phone__in=subject.phones)
    for ticket in Ticket.objects.filter(linked).only(
        "number", "channel", "status", "received_on", "category"
    ):
        entries.append(
            TimelineEntry(
                on=ticket.received_on,
                domain="全市通办",
                title=f"工单 {ticket.number} · {ticket.get_status_display()}",
                detail=ticket.get_channel_display(),
                url=ticket_url(ticket.pk),
            )
        )
    return entries


ENTRIES = [onestop_story]
