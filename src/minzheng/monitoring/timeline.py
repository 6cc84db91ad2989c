"""动态监测's part of the 一人一档 / 一户一档 (``core.timelines``): risk warnings about the person or household."""

from django.db.models import Q

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import RiskWarning


def warnings(user, subject: TimelineSubject) -> list[TimelineEntry]:
    warning_url = url_for_each("monitoring:warning_detail")
    found = RiskWarning.objects.filter(
        Q(household_id__in=subject.household_ids) | Q(id_number__in=subject.id_numbers)
    ).only("number", "rule_code", "severity", "status", "event_date", "person_name")
    return [
        TimelineEntry(
            on=warning.event_date,
            domain="动态监测",
            title=f"风险预警 {warning.number} · {warning.get_rule_code_display()} · {warning.get_status_display()}",
            detail=warning.get_severity_display(),
            url=warning_url(warning.pk),
            person_name=warning.person_name,
        )
        for warning in found
    ]


ENTRIES = [warnings]
