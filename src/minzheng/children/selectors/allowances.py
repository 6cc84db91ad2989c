"""儿童基本生活保障 reads: applications by status, one application, those awaiting a step (for the 待办)."""

from django.db.models import QuerySet

from minzheng.core.read_audit import Channel, audited_read

from ..models import AllowanceApplication
from .common import one, scoped, under


def application_list(user, *, status: str = "", kind: str = "", division_code: str = "") -> QuerySet:
    qs = under(scoped(AllowanceApplication.objects.select_related("child__person"), user), division_code)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-received_on", "-pk")


def read_application(user, pk: int, *, channel: Channel = Channel.PAGE) -> AllowanceApplication:
    application = one(
        AllowanceApplication.objects.select_related("child__person", "checked_by", "decided_by"), user, pk
    )
    return audited_read(
        user, application, channel=channel, object_type="children.allowanceapplication",
        division_code=application.division_code, summary=f"查看儿童基本生活保障申请 {application.pk}",
    )  # fmt: skip


def application_for_action(user, pk: int) -> AllowanceApplication:
    return one(AllowanceApplication.objects.select_related("child__person"), user, pk)


def applications_of(record) -> QuerySet:
    return record.applications.order_by("-received_on", "-pk")
