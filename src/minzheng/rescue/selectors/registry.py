"""易走失人员信息库 as the pages read it (the detail read is audited)."""

from django.db.models import Count, QuerySet

from minzheng.core.read_audit import Channel, audited_read

from ..models import WanderRisk
from .common import one, scoped, under


def registry_list(user, *, q: str = "", division_code: str = "") -> QuerySet[WanderRisk]:
    rows = under(scoped(WanderRisk.objects.annotate(visit_count=Count("visits")), user), division_code)
    if q:
        rows = rows.filter(name__icontains=q) | rows.filter(wearable_id__icontains=q)
    return rows.order_by("division_code", "name", "pk")


def entry_for_action(user, pk: int) -> WanderRisk:
    return one(WanderRisk.objects.all(), user, pk)


def read_entry(user, pk: int, *, channel: Channel = Channel.PAGE) -> WanderRisk:
    entry = entry_for_action(user, pk)
    return audited_read(user, entry, channel=channel, object_type="rescue.wanderrisk",
                        division_code=entry.division_code, summary="查看易走失人员登记")  # fmt: skip
