"""资金项目监督's work for the one 待办 (``core.work_items``): 资金疑点 awaiting the county's verification, due
20 days after they were found (a platform default: 专项整治 asks 疑点 to be verified within the month)."""

from datetime import date, timedelta

from django.http import Http404

from minzheng.batch.fundchecks import CHECK_CODES
from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import Finding, FindingStatus

DOMAIN = "资金项目监督"
HANDLE = Capability.HANDLE_FUND_FINDINGS
DUE_DAYS = 20
_FIELDS = ("pk", "check_code", "payee_name", "division_code", "found_at")


def _items(rows) -> list[WorkItem]:
    url = url_for_each("funds:finding_detail")
    return [
        WorkItem(
            source="funds.finding",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"资金疑点 · {CHECK_CODES.get(r['check_code'], '其他')}",
            subject=r["payee_name"],
            division_code=r["division_code"],
            due_on=r["found_at"].date() + timedelta(days=DUE_DAYS),
            url=url(r["pk"]),
            capability=HANDLE,
        )
        for r in rows
    ]


def _open(user):
    return scope(Finding.objects.filter(status=FindingStatus.OPEN), user, "division_code")


def open_findings(user, today: date) -> list[WorkItem]:
    if not has_capability(user, HANDLE):
        return []
    return _items(_open(user).order_by("found_at", "pk").values(*_FIELDS))


def find_finding(user, key: str, today: date) -> WorkItem:
    items = _items(_open(user).filter(pk=record_pk(key)).values(*_FIELDS))
    if not items:
        raise Http404("记录不存在或不在您的管辖范围内")
    return items[0]


SOURCES = [WorkSource("funds.finding", DOMAIN, "资金疑点核实", open_findings, find_finding)]
