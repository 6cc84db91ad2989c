"""The work sources of every installed app, collected once (``core.work_items``), and one item looked up."""

from datetime import date
from functools import cache

from django.http import Http404

from minzheng.core.work_items import WorkItem, WorkSource, collect_work_sources


@cache
def work_sources() -> dict[str, WorkSource]:
    return collect_work_sources()


def find_item(user, source_code: str, key: str, today: date) -> WorkItem:
    """One open item inside the user's jurisdiction; ``Http404`` for an unknown source, another region's
    record, a missing one or one closed — all alike (ADR 0006)."""
    source = work_sources().get(source_code)
    if source is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return source.find(user, key, today)
