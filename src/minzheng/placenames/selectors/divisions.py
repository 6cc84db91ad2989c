"""行政区划变更 reads for the 区划地名 pages, through core (which keeps the changes next to the divisions)."""

from django.http import Http404

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors import division_history as history


def change_list(user):
    require(user, Capability.VIEW_REGISTRY)
    if not user.division_code:
        return history.change_list("x")  # a user without a division sees nothing
    return history.change_list(division_prefix(user.division_code))


def change_detail(user, pk: int):
    require(user, Capability.VIEW_REGISTRY)
    change = (
        history.change_in_jurisdiction(division_prefix(user.division_code or "x"), pk)
        if user.division_code
        else None
    )
    if change is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return change


def lineage(user, code: str):
    """A division's lineage — open to any reader: the history of divisions is public record (a user of 丹东
    must see that 岫岩 went to 鞍山)."""
    require(user, Capability.VIEW_REGISTRY)
    return history.lineage(code)
