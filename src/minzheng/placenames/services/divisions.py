"""行政区划变更 from the 区划地名 desk: the approver records a change (core keeps it, next to the divisions)
and its progress; both ends of every link must lie in the approver's jurisdiction."""

from datetime import date

from minzheng.core.permissions import Capability, require
from minzheng.core.services import division_changes as core_changes

from .common import check_in_jurisdiction


def record_change(actor, *, links: list[core_changes.Link], **fields):
    require(actor, Capability.APPROVE_PLACENAMES)
    for link in links:
        check_in_jurisdiction(actor, link.predecessor_code)
        if link.successor_code:
            check_in_jurisdiction(actor, link.successor_code)
    return core_changes.record_change(actor, links=links, **fields)


def mark_progress(
    actor,
    change,
    *,
    implemented_on: date | None = None,
    code_published_on: date | None = None,
    extension_granted: bool | None = None,
) -> None:
    require(actor, Capability.APPROVE_PLACENAMES)
    core_changes.mark_progress(
        actor,
        change,
        implemented_on=implemented_on,
        code_published_on=code_published_on,
        extension_granted=extension_granted,
    )
