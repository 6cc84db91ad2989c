"""Reads of 救助对象 (enrolments) in the jurisdiction: the list behind every dashboard figure, one record."""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from minzheng.core.jurisdiction import division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.read_audit import Channel, audited_read
from minzheng.core.search_terms import parse_search_term
from minzheng.core.selectors.search import household_pks
from minzheng.policy.interface import month_start

from ..models import Enrolment, EnrolmentAmount, WorkTask
from .entitlements import enrolments_in_force


@dataclass(frozen=True)
class EnrolmentFilter:
    program: str = ""  # a program code, or several separated by commas (城乡低保: dibao_urban,dibao_rural)
    division_code: str = ""
    month: date | None = None  # in force (paid) in this month; None: currently in force
    q: str = ""
    include_ended: bool = False


def enrolment_list(user, filters: EnrolmentFilter = EnrolmentFilter()) -> QuerySet[Enrolment]:
    """Enrolments with the amount and persons in force in the month (one query, no per-row lookups)."""
    month = month_start(filters.month or date.today())
    queryset = Enrolment.objects.all() if filters.include_ended else enrolments_in_force(month)
    queryset = scope(queryset, user, "division_code").select_related("program", "household", "payee")
    if filters.program:
        queryset = queryset.filter(program__code__in=filters.program.split(","))
    if filters.division_code and division_prefix(filters.division_code):
        queryset = queryset.filter(division_code__startswith=division_prefix(filters.division_code))
    if filters.q.strip():
        # 户编号 as before, or a member's name, ID fragment or phone (the 全局检索's readings of the term)
        term = parse_search_term(filters.q)
        found = Q(household__number__icontains=filters.q.strip())
        queryset = queryset.filter(
            found | Q(household__in=household_pks(user, term)) if term.searchable else found
        )
    amount = EnrolmentAmount.objects.filter(enrolment=OuterRef("pk"), effective_month__lte=month).order_by(
        "-effective_month"
    )
    return queryset.annotate(
        amount=Subquery(amount.values("monthly_amount")[:1]),
        amount_persons=Subquery(amount.values("persons")[:1]),
    ).order_by("division_code", "household__number", "pk")


def enrolment_detail(user, pk: int) -> Enrolment:
    return get_in_jurisdiction_or_404(
        Enrolment.objects.select_related("program", "household", "payee", "case"),
        user,
        "division_code",
        pk=pk,
    )


def read_enrolment(user, pk: int, *, channel: Channel) -> Enrolment:
    """救助对象 for someone to look at: inside the jurisdiction (404 otherwise) and audited (查看救助对象)."""
    enrolment = enrolment_detail(user, pk)
    return audited_read(
        user, enrolment, channel=channel, object_type="assistance_enrolment",
        division_code=enrolment.division_code, summary=f"查看救助对象 {enrolment.household.number}",
    )  # fmt: skip


def amount_history(enrolment: Enrolment):
    return enrolment.amounts.select_related("recorded_by").order_by("effective_month")


def current_amount(enrolment: Enrolment, month: date) -> EnrolmentAmount | None:
    return (
        enrolment.amounts.filter(effective_month__lte=month_start(month)).order_by("-effective_month").first()
    )


def enrolment_tasks(enrolment: Enrolment):
    return enrolment.tasks.order_by("-created_at")


def task_detail(user, pk: int) -> WorkTask:
    task = (
        scope(
            WorkTask.objects.select_related("household", "enrolment", "enrolment__program"),
            user,
            "division_code",
        )
        .filter(pk=pk)
        .first()
    )
    if task is None:
        raise Http404("任务不存在或不在您的管辖范围内")
    return task
