"""资金发放's work for the one 待办 (``core.work_items``): rosters submitted and waiting for an approver's
审核, and generated rosters still waiting for their maker to submit them. The time limit is the policy
store's ``payroll_review_working_days`` counted in working days from the day of submission (generation,
for a draft). Three queries, however many rosters are open: rosters, the parameter book, the calendar."""

from datetime import date

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk
from minzheng.policy.interface import add_working_days, parameter_book, with_calendar, working_calendar

from .models import PayrollRoster, RosterStatus

DOMAIN = "资金发放"
DEFAULT_REVIEW_DAYS = 3


def _open_rosters(user):
    return scope(PayrollRoster.objects.all(), user, "division_code").filter(
        Q(status=RosterStatus.SUBMITTED) | Q(status=RosterStatus.DRAFT, generation__gt=0, line_count__gt=0)
    )


def _items(rosters: list[PayrollRoster], today: date) -> list[WorkItem]:
    if not rosters:
        return []
    book = parameter_book({roster.division_code for roster in rosters})
    calendar = working_calendar()
    items = []
    for roster in rosters:
        started = timezone.localdate(roster.submitted_at or roster.generated_at or timezone.now())
        days = book.value("payroll_review_working_days", roster.division_code, started)
        due, _ = with_calendar(
            lambda c, s=started, d=days: add_working_days(
                s, int(d if d is not None else DEFAULT_REVIEW_DAYS), c
            ),
            calendar,
        )
        submitted = roster.status == RosterStatus.SUBMITTED
        items.append(
            WorkItem(
                source="payments.roster",
                key=str(roster.pk),
                domain=DOMAIN,
                matter=f"{roster.program_name}花名册 · {'待审核' if submitted else '待提交审核'}",
                subject=f"{roster.month:%Y年%m月} · {roster.household_count}户{roster.person_count}人",
                division_code=roster.division_code,
                due_on=due,
                url=reverse("payments:roster_detail", args=[roster.pk]),
                capability=Capability.APPROVE_PAYROLL if submitted else Capability.PREPARE_PAYROLL,
            )
        )
    return items


def open_rosters(user, today: date) -> list[WorkItem]:
    """Rosters on this user's desk: to approve (never one they generated: maker-checker) or to submit."""
    desk = Q(pk__in=[])
    if has_capability(user, Capability.APPROVE_PAYROLL):
        desk |= Q(status=RosterStatus.SUBMITTED) & ~Q(generated_by=user)
    if has_capability(user, Capability.PREPARE_PAYROLL):
        desk |= Q(status=RosterStatus.DRAFT)
    return _items(list(_open_rosters(user).filter(desk).order_by("month", "pk")), today)


def find_roster(user, key: str, today: date) -> WorkItem:
    found = list(_open_rosters(user).filter(pk=record_pk(key)))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return _items(found, today)[0]


SOURCES = [WorkSource("payments.roster", DOMAIN, "发放花名册", open_rosters, find_roster)]
