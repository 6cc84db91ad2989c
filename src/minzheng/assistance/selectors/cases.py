"""Reads of cases, scoped to the user's jurisdiction: list with filters, one case with its history, files."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from minzheng.core.jurisdiction import division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.read_audit import Channel, audited_read
from minzheng.core.search_terms import parse_search_term
from minzheng.core.selectors.search import household_pks

from ..models import CLOSED_STATUSES, AssistanceCase, CaseAttachment, Objection


@dataclass(frozen=True)
class CaseFilter:
    status: str = ""
    program: str = ""
    division_code: str = ""
    q: str = ""  # 案件编号, 户编号, or a member's name, ID fragment or phone (全局检索's readings)
    overdue: bool = False
    open_only: bool = False
    month: str = ""  # YYYY-MM: decided in that month


def case_list(
    user, filters: CaseFilter = CaseFilter(), *, today: date | None = None
) -> QuerySet[AssistanceCase]:
    queryset = scope(AssistanceCase.objects.all(), user, "division_code").select_related(
        "program", "household"
    )
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.program:
        queryset = queryset.filter(program__code=filters.program)
    if filters.division_code and division_prefix(filters.division_code):
        queryset = queryset.filter(division_code__startswith=division_prefix(filters.division_code))
    if filters.q:
        term = parse_search_term(filters.q)
        found = Q(number__icontains=filters.q) | Q(household__number__icontains=filters.q)
        queryset = queryset.filter(
            found | Q(household__in=household_pks(user, term)) if term.searchable else found
        )
    if filters.open_only or filters.overdue:
        queryset = queryset.exclude(status__in=CLOSED_STATUSES)
    if filters.overdue:
        queryset = queryset.filter(step_due_on__lt=today or date.today())
    if filters.month:
        year, month = (int(part) for part in filters.month.split("-"))
        queryset = queryset.filter(decided_on__year=year, decided_on__month=month)
    return queryset.order_by("-applied_on", "-id")


def case_detail(user, pk: int) -> AssistanceCase:
    return get_in_jurisdiction_or_404(
        AssistanceCase.objects.select_related(
            "program", "household", "household__head", "created_by", "reviewed_by", "decided_by"
        ),
        user,
        "division_code",
        pk=pk,
    )


def read_case(user, pk: int, *, channel: Channel) -> AssistanceCase:
    """救助案件 for someone to look at: inside the jurisdiction (404 otherwise) and audited (查看救助案件)."""
    case = case_detail(user, pk)
    return audited_read(
        user, case, channel=channel, object_type="assistance_case",
        division_code=case.division_code, summary=f"查看救助案件 {case.number}",
    )  # fmt: skip


def case_history(case: AssistanceCase):
    return case.events.select_related("actor").order_by("at", "id")


def case_visits(case: AssistanceCase):
    return case.visits.select_related("recorded_by").prefetch_related("files")


def case_attachments(case: AssistanceCase):
    return case.attachments.select_related("uploaded_by")


def case_objections(case: AssistanceCase) -> QuerySet[Objection]:
    return case.objections.select_related("recorded_by", "resolved_by")


def attachment_of(user, case_pk: int, attachment_pk: int) -> CaseAttachment:
    """One file of a case in the user's jurisdiction (404 otherwise): the only way a file is served."""
    case = case_detail(user, case_pk)
    attachment = case.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404("附件不存在")
    return attachment
