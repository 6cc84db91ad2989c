"""Reads of 低收入人口动态监测, scoped to the user's jurisdiction (division-code prefix; 404 outside)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.models import Division, User
from minzheng.core.permissions import ROLE_CAPABILITIES, Capability, has_capability, require
from minzheng.core.read_audit import Channel, audited_read
from minzheng.core.search_terms import SearchTerm, parse_search_term
from minzheng.core.selectors.search import LIMIT, SearchHit, household_pks, person_id_numbers, starts_with

from . import rules
from .models import (
    LibraryCategory,
    LibraryPerson,
    ListImport,
    MonitoringRun,
    RiskRule,
    RiskWarning,
    VisitAttachment,
)
from .services.population import open_on


@dataclass(frozen=True)
class LibraryFilter:
    q: str = ""
    category: str = ""
    division_code: str = ""
    on: date | None = None


def library_list(user, filters: LibraryFilter, on: date) -> QuerySet[LibraryPerson]:
    """信息库: persons with a category open on ``on`` (or any category, when asked for history)."""
    require(user, Capability.VIEW_REGISTRY)
    open_categories = LibraryCategory.objects.filter(open_on(on))
    people = scope(LibraryPerson.objects.all(), user, "division_code")
    category_filter = open_categories.filter(person=OuterRef("pk"))
    if filters.category:
        category_filter = category_filter.filter(category=filters.category)
    people = people.filter(Exists(category_filter))
    if filters.division_code and division_prefix(filters.division_code):
        people = people.filter(division_code__startswith=division_prefix(filters.division_code))
    if filters.q.strip():
        q = filters.q.strip()
        people = people.filter(Q(name__contains=q) | Q(id_number=q.upper()) | Q(household_number=q))
    return people.prefetch_related(
        Prefetch("categories", queryset=open_categories.order_by("valid_from"), to_attr="open_categories")
    ).order_by("division_code", "household_key", "id_number")


def library_person(user, pk: int) -> LibraryPerson:
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(LibraryPerson.objects.all(), user, "division_code", pk=pk)


def read_library_person(user, pk: int, *, channel: Channel) -> LibraryPerson:
    """低收入人口 for someone to look at: inside the jurisdiction (404 otherwise) and audited."""
    person = library_person(user, pk)
    return audited_read(
        user, person, channel=channel, object_type="monitoring_library_person",
        division_code=person.division_code, summary=f"查看低收入人口 {person.name}",
    )  # fmt: skip


def person_categories(person: LibraryPerson) -> QuerySet[LibraryCategory]:
    return person.categories.select_related("list_import", "recorded_by").order_by("valid_from", "pk")


def list_imports(user) -> QuerySet[ListImport]:
    require(user, Capability.VIEW_REGISTRY)
    return scope(ListImport.objects.select_related("uploaded_by"), user, "division_code").order_by("-pk")


def list_import(user, pk: int) -> ListImport:
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(ListImport.objects.all(), user, "division_code", pk=pk)


def _rules_visible(user) -> QuerySet[RiskRule]:
    """The user's region's versions and those of the divisions above it (which apply to it too)."""
    prefix = division_prefix(user.division_code or "")
    if not user.division_code:
        return RiskRule.objects.none()
    above = [prefix[:n].ljust(12, "0") for n in (0, 2, 4, 6, 9, 12) if n <= len(prefix)]
    return RiskRule.objects.filter(Q(division_code__startswith=prefix) | Q(division_code__in=above))


def rule_list(user, code: str = "") -> QuerySet[RiskRule]:
    require(user, Capability.VIEW_REGISTRY)
    found = _rules_visible(user)
    if code:
        found = found.filter(code=code)
    return found.select_related("created_by").order_by("code", "division_code", "-valid_from")


def _first_or_404(queryset: QuerySet, pk: int):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found


def rule_detail(user, pk: int) -> RiskRule:
    require(user, Capability.VIEW_REGISTRY)
    return _first_or_404(_rules_visible(user), pk)


def run_list(user) -> QuerySet[MonitoringRun]:
    require(user, Capability.VIEW_REGISTRY)
    prefix = division_prefix(user.division_code or "")
    if not user.division_code:
        return MonitoringRun.objects.none()
    # daily/full runs cover the whole installation: everyone sees them; trials only within the jurisdiction
    trials_here = Q(kind=MonitoringRun.TRIAL, division_code__startswith=prefix)
    return (
        MonitoringRun.objects.filter(~Q(kind=MonitoringRun.TRIAL) | trials_here)
        .select_related("rule", "requested_by")
        .order_by("-pk")
    )


def run_detail(user, pk: int) -> MonitoringRun:
    return _first_or_404(run_list(user), pk)


@dataclass(frozen=True)
class WarningFilter:
    rule_code: str = ""
    severity: str = ""
    status: str = ""
    division_code: str = ""
    overdue: bool = False
    escalated: bool = False
    q: str = ""


def warnings_in_jurisdiction(user, queryset: QuerySet[RiskWarning] | None = None) -> QuerySet[RiskWarning]:
    """Warnings of the user's jurisdiction: by the residence, and by the division it is assigned to (分派 may
    send a warning known only at county level to a township, whose staff then see it)."""
    queryset = RiskWarning.objects.all() if queryset is None else queryset
    return scope(queryset, user, "division_code") | scope(queryset, user, "assigned_division_code")


def warning_list(user, filters: WarningFilter, today: date) -> QuerySet[RiskWarning]:
    require(user, Capability.VIEW_REGISTRY)
    found = warnings_in_jurisdiction(user)
    if filters.rule_code:
        found = found.filter(rule_code=filters.rule_code)
    if filters.severity:
        found = found.filter(severity=filters.severity)
    if filters.status == "open":
        found = found.filter(status__in=rules.OPEN_STATUSES)
    elif filters.status:
        found = found.filter(status=filters.status)
    if filters.division_code and division_prefix(filters.division_code):
        found = found.filter(division_code__startswith=division_prefix(filters.division_code))
    if filters.overdue:
        found = found.filter(status__in=rules.OPEN_STATUSES, due_on__lt=today)
    if filters.escalated:
        found = found.exclude(escalated_to="")
    if filters.q.strip():
        q = filters.q.strip()
        matched = Q(number=q) | Q(person_name__contains=q) | Q(id_number=q.upper())
        condition = warning_condition(user, parse_search_term(q))
        found = found.filter(matched | condition if condition is not None else matched)
    return found.order_by("-created_at", "-pk")


def warning_condition(user, term: SearchTerm) -> Q | None:
    """How a warning matches a search term: its number, its household or person as the registry finds them
    (name, ID fragment, 户编号, phone), or the name it carries (a person not in the registry)."""
    parts: list[Q] = []
    if term.number and not term.digits:
        parts.append(starts_with("number", term.number))
    if term.is_full_id:
        parts.append(Q(id_number=term.text))
    if term.name:
        parts.append(starts_with("person_name", term.name))
    if term.searchable:
        parts.append(
            Q(household__in=household_pks(user, term)) | Q(id_number__in=person_id_numbers(user, term))
        )
    if not parts:
        return None
    found = parts[0]
    for part in parts[1:]:
        found |= part
    return found


def search_warnings(user, term: SearchTerm, limit: int = LIMIT) -> list[SearchHit]:
    """预警 matching the term (全局检索), newest first: number, person (ID masked), rule, status."""
    condition = warning_condition(user, term)
    if condition is None or not has_capability(user, Capability.VIEW_REGISTRY):
        return []
    rows = (
        scope(RiskWarning.objects.filter(condition), user, "division_code")
        .only("number", "person_name", "id_number", "rule_code", "severity", "status", "created_at")
        .order_by("-created_at", "-pk")
    )
    return [
        SearchHit(
            warning.pk,
            f"{warning.number} {warning.person_name}".strip(),
            " · ".join(
                part
                for part in (
                    mask_id_number(warning.id_number),
                    warning.get_rule_code_display(),
                    warning.get_severity_display(),
                    warning.get_status_display(),
                )
                if part
            ),
            reverse("monitoring:warning_detail", args=[warning.pk]),
        )
        for warning in rows[:limit]
    ]


def warning_detail(user, pk: int) -> RiskWarning:
    require(user, Capability.VIEW_REGISTRY)
    queryset = RiskWarning.objects.select_related("rule", "household", "run").prefetch_related(
        "steps__actor", "visits__attachments", "visits__visitor"
    )
    found = warnings_in_jurisdiction(user, queryset).filter(pk=pk).first()
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found


def attachment(user, pk: int) -> VisitAttachment:
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(
        VisitAttachment.objects.select_related("visit__warning"), user, "visit__warning__division_code", pk=pk
    )


def read_warning(user, pk: int, *, channel: Channel) -> RiskWarning:
    """预警 with its evidence, for someone to look at: inside the jurisdiction (404 otherwise) and audited."""
    warning = warning_detail(user, pk)
    return audited_read(
        user, warning, channel=channel, object_type="monitoring_warning",
        division_code=warning.division_code, summary=f"查看预警 {warning.number}",
    )  # fmt: skip


def read_attachment(user, pk: int, *, channel: Channel) -> VisitAttachment:
    """核实附件 to download: inside the jurisdiction (404 otherwise) and audited."""
    item = attachment(user, pk)
    return audited_read(
        user, item, channel=channel, object_type="monitoring_visit_attachment",
        division_code=item.visit.warning.division_code, summary=f"下载核实附件 {item.original_name}",
    )  # fmt: skip


# --- dashboard ----------------------------------------------------------------------------------


def _counts(queryset: QuerySet, field: str) -> dict[str, int]:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by(field))


def _rolled_up(counts: dict[str, int], length: int) -> dict[str, int]:
    """Counts per division code summed up to the child divisions (code prefixes of ``length`` digits)."""
    rolled: dict[str, int] = {}
    for code, n in counts.items():
        key = code[:length].ljust(12, "0")
        rolled[key] = rolled.get(key, 0) + n
    return rolled


def dashboard(user, *, since: date, child_prefix_length: int) -> dict:
    """Figures for the 监测预警 dashboard, all within the jurisdiction, warnings raised since ``since``."""
    require(user, Capability.VIEW_REGISTRY)
    warnings = scope(RiskWarning.objects.filter(created_at__date__gte=since), user, "division_code")
    disposed = warnings.filter(disposed_at__isnull=False)
    durations = [
        (d - c).total_seconds() / 86400
        for c, d in disposed.values_list("created_at", "disposed_at").iterator()
    ]
    children = _rolled_up(_counts(warnings, "division_code"), child_prefix_length)
    open_by_child = _rolled_up(
        _counts(warnings.filter(status__in=rules.OPEN_STATUSES), "division_code"), child_prefix_length
    )
    total_disposed = len(durations)
    transferred = disposed.filter(disposal=rules.TRANSFER).count()
    return {
        "total": warnings.count(),
        "by_rule": _counts(warnings, "rule_code"),
        "by_severity": _counts(warnings, "severity"),
        "by_status": _counts(warnings, "status"),
        "by_disposal": _counts(disposed, "disposal"),
        "by_child": children,
        "open_by_child": open_by_child,
        "overdue": warnings.filter(status__in=rules.OPEN_STATUSES, due_on__lt=date.today()).count(),
        "escalated": warnings.exclude(escalated_to="").count(),
        "disposed": total_disposed,
        "avg_days_to_disposal": round(sum(durations) / total_disposed, 1) if total_disposed else None,
        "transferred": transferred,
        "conversion_rate": round(100 * transferred / total_disposed, 1) if total_disposed else None,
        "library_size": scope(LibraryPerson.objects.all(), user, "division_code")
        .filter(Exists(LibraryCategory.objects.filter(open_on(date.today()), person=OuterRef("pk"))))
        .count(),
    }


# --- 分派 choices -------------------------------------------------------------------------------------


def assignable_townships(user, code: str) -> list[tuple[str, str]]:
    """(code, name) of the townships (乡镇/街道) inside a division and the user's jurisdiction — where 分派 may
    send a warning (a warning's county; on the list, the user's whole jurisdiction)."""
    own, inside = division_prefix(user.division_code), division_prefix(code)
    prefix = inside if inside.startswith(own) else own if own.startswith(inside) else None
    if prefix is None or not user.division_code:
        return []
    return list(
        Division.objects.filter(code__startswith=prefix, level=4, valid_to__isnull=True)
        .order_by("code")
        .values_list("code", "name")
    )


def warning_handlers(user) -> list[tuple[int, str]]:
    """(id, "name（division）") of active accounts that handle warnings inside the user's jurisdiction (one query)."""
    division_name = Division.objects.filter(code=OuterRef("division_code"), valid_to__isnull=True).values(
        "name"
    )
    users = (
        scope(User.objects.filter(is_active=True), user, "division_code")
        .filter(roles__code__in=ROLE_CAPABILITIES[Capability.HANDLE_WARNINGS])
        .annotate(division_name=Subquery(division_name[:1]))
        .distinct()
        .order_by("division_code", "username")
    )
    return [(u.pk, f"{u.display_name}（{u.division_name or ''}）") for u in users]
