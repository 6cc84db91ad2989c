"""儿童福利's part of the 一人一档 / 一户一档 (``core.timelines``): the child file, its categories and the
基本生活保障 applications. 未成年人保护 cases (handlers and supervisors only) and 收养 (secret under 民法典
第一千一百一十条) are left out."""

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import AllowanceApplication, CategoryFlag, ChildRecord


def child_story(user, subject: TimelineSubject) -> list[TimelineEntry]:
    ids = subject.person_ids
    child_url = url_for_each("children:child_detail")
    application_url = url_for_each("children:application_detail")
    entries = []
    for record in ChildRecord.objects.filter(person_id__in=ids).select_related("person"):
        entries.append(
            TimelineEntry(
                on=record.registered_on,
                domain="儿童福利",
                title="建立儿童档案",
                url=child_url(record.pk),
                person_name=record.person.name,
            )
        )
        if record.ended_on:
            entries.append(
                TimelineEntry(
                    on=record.ended_on,
                    domain="儿童福利",
                    title="儿童档案销档",
                    detail=record.end_reason,
                    url=child_url(record.pk),
                    person_name=record.person.name,
                )
            )
    for flag in CategoryFlag.objects.filter(child__person_id__in=ids).select_related("child__person"):
        entries.append(
            TimelineEntry(
                on=flag.valid_from,
                domain="儿童福利",
                title=f"认定为{flag.get_category_display()}",
                detail=f"至 {flag.valid_to:%Y-%m-%d}" if flag.valid_to else "",
                url=child_url(flag.child_id),
                person_name=flag.child.person.name,
            )
        )
    applications = AllowanceApplication.objects.filter(child__person_id__in=ids).select_related(
        "child__person"
    )
    for application in applications:
        entries.append(
            TimelineEntry(
                on=application.received_on,
                domain="儿童福利",
                title=f"{application.get_kind_display()}申请 · {application.get_status_display()}",
                url=application_url(application.pk),
                person_name=application.child.person.name,
            )
        )
    return entries


ENTRIES = [child_story]
