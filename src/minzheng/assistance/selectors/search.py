"""全局检索 over 社会救助: cases (救助申请) and enrolments (救助对象) by 案件编号, or by a household or person the
registry finds for the term (name, ID fragment, 户编号, phone) — each scoped by its own division code."""

from django.db.models import F, Q, QuerySet
from django.urls import reverse

from minzheng.core.jurisdiction import scope
from minzheng.core.search_terms import SearchTerm
from minzheng.core.selectors.search import LIMIT, SearchHit, household_pks, starts_with

from ..models import AssistanceCase, Enrolment

_CASE_ID_DIGITS = 8  # 案件编号 ends with the case's id in 8 digits (services.cases.case_number)


def case_condition(user, term: SearchTerm) -> Q | None:
    """How a case matches the term: its number (or its last digits), or its household."""
    parts: list[Q] = []
    if term.number and not term.digits:
        parts.append(starts_with("number", term.number))
    if term.digits.isdigit() and len(term.digits) <= _CASE_ID_DIGITS and int(term.digits):
        parts.append(Q(pk=int(term.digits)))
    if term.searchable:
        parts.append(Q(household__in=household_pks(user, term)))
    if not parts:
        return None
    found = parts[0]
    for part in parts[1:]:
        found |= part
    return found


def _cases(user, term: SearchTerm) -> QuerySet[AssistanceCase]:
    condition = case_condition(user, term)
    if condition is None:
        return AssistanceCase.objects.none()
    return scope(AssistanceCase.objects.filter(condition), user, "division_code")


def search_cases(user, term: SearchTerm, limit: int = LIMIT) -> list[SearchHit]:
    """救助申请 matching the term, newest first: number, program, status, household; linked to the case."""
    rows = (
        _cases(user, term)
        .select_related("program", "household", "household__head")
        .order_by("-applied_on", "-pk")[:limit]
    )
    return [
        SearchHit(
            case.pk,
            f"{case.number}（{case.program.name}）",
            " · ".join(
                part
                for part in (
                    case.get_status_display(),
                    f"户编号 {case.household.number}",
                    f"户主 {case.household.head.name}" if case.household.head else "",
                    f"申请日期 {case.applied_on:%Y-%m-%d}",
                )
                if part
            ),
            reverse("assistance:case_detail", args=[case.pk]),
        )
        for case in rows
    ]


def search_enrolments(user, term: SearchTerm, limit: int = LIMIT) -> list[SearchHit]:
    """救助对象 (in force or ended) of the households the term finds, or of a case by its number."""
    parts: list[Q] = []
    if term.searchable:
        parts.append(Q(household__in=household_pks(user, term)))
    if term.number and not term.digits:
        parts.append(Q(case__in=_cases(user, term).values("pk")[:LIMIT]))
    if not parts:
        return []
    found = parts[0]
    for part in parts[1:]:
        found |= part
    rows = (
        scope(Enrolment.objects.filter(found), user, "division_code")
        .select_related("program", "household", "payee")
        .order_by(F("end_month").desc(nulls_first=True), "-start_month", "-pk")[:limit]
    )
    return [
        SearchHit(
            enrolment.pk,
            f"{enrolment.program.name} · 户编号 {enrolment.household.number}",
            " · ".join(
                (
                    f"领款人 {enrolment.payee.name}",
                    f"起始 {enrolment.start_month:%Y-%m}",
                    f"停发 {enrolment.end_month:%Y-%m}" if enrolment.end_month else "在保",
                )
            ),
            reverse("assistance:enrolment_detail", args=[enrolment.pk]),
        )
        for enrolment in rows
    ]
