"""数据中心's work in the one 待办 (``core.work_items``): 数据质量问题 to fix, on the desk of whoever may fix
the record (the rule's capability), inside the jurisdiction."""

from django.http import Http404

from minzheng.core.jurisdiction import covers, scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk

from .models import QualityIssue, QualityRule

_MOST = 2000  # the queue pages; a desk with more sees the oldest first and the 问题清单 page has the rest


def _item(issue: QualityIssue, url) -> WorkItem:
    return WorkItem(
        source="datacenter.quality", key=str(issue.pk), domain="数据中心",
        matter=f"数据质量问题 · {issue.rule.name}", subject=issue.evidence[:40],
        division_code=issue.division_code, due_on=None, url=url(issue), capability=issue.rule.capability,
        reference=f"问题{issue.pk}",
    )  # fmt: skip


def _url(issue: QualityIssue) -> str:
    from django.urls import reverse

    return f"{reverse('datacenter:issue_list')}?rule={issue.rule.code}"


def open_items(user, today) -> list[WorkItem]:
    codes = [r.code for r in QualityRule.objects.all() if has_capability(user, Capability(r.capability))]
    issues = (
        scope(
            QualityIssue.objects.filter(resolved_on__isnull=True, rule__code__in=codes),
            user,
            field="division_code",
        )
        .select_related("rule")
        .order_by("first_found_on", "pk")[:_MOST]
    )
    return [_item(issue, _url) for issue in issues]


def find(user, key: str, today) -> WorkItem:
    issue = (
        QualityIssue.objects.filter(pk=record_pk(key), resolved_on__isnull=True)
        .select_related("rule")
        .first()
    )
    if issue is None or not covers(user.division_code, issue.division_code):
        raise Http404("没有这条待办")
    return _item(issue, _url)


SOURCES = [WorkSource("datacenter.quality", "数据中心", "数据质量问题", open_items, find)]
