"""收养登记 reads: the county's adoptions by status, one adoption (audited: it names a child and its parents)."""

from django.db.models import QuerySet

from minzheng.core.read_audit import Channel, audited_read

from ..models import Adoption
from .common import one, scoped


def adoption_list(user, *, status: str = "") -> QuerySet:
    qs = scoped(Adoption.objects.select_related("child", "adopter"), user)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-received_on", "-pk")


def read_adoption(user, pk: int, *, channel: Channel = Channel.PAGE) -> Adoption:
    adoption = one(
        Adoption.objects.select_related("child", "adopter", "adopter_spouse", "decided_by"), user, pk
    )
    return audited_read(
        user, adoption, channel=channel, object_type="children.adoption",
        division_code=adoption.division_code, summary=f"查看收养登记 {adoption.pk}",
    )  # fmt: skip


def adoption_for_action(user, pk: int) -> Adoption:
    return one(Adoption.objects.select_related("child", "adopter", "adopter_spouse"), user, pk)
