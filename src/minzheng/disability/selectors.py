"""两项补贴 reads, scoped to the jurisdiction and to those who handle the files (disability data is sensitive:
only the 乡镇 handlers, the county 残联 and 民政 see it; the detail read is audited)."""

from datetime import date

from django.db.models import QuerySet

from minzheng.core.errors import PermissionDenied
from minzheng.core.identity import normalise_id_number
from minzheng.core.jurisdiction import division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.read_audit import Channel, audited_read
from minzheng.core.selectors.registry import person_list

from .models import CertificateImport, ChangeTask, DisabilityCertificate, Status, SubsidyApplication

HANDLING = (
    Capability.HANDLE_DISABILITY_SUBSIDY,
    Capability.CHECK_DISABILITY_SUBSIDY,
    Capability.CDPF_REVIEW_DISABILITY,
    Capability.DECIDE_DISABILITY_SUBSIDY,
)
FIELD = "division_code"


def handles(user) -> bool:
    return any(has_capability(user, c) for c in HANDLING)


def _require_handler(user) -> None:
    if not handles(user):
        raise PermissionDenied("残疾人信息属敏感信息，只有两项补贴经办、审核、审定人员和县残联审核人可以查看")


def _scoped(queryset: QuerySet, user) -> QuerySet:
    _require_handler(user)
    return scope(queryset, user, FIELD)


def _under(queryset: QuerySet, division_code: str) -> QuerySet:
    return (
        queryset.filter(division_code__startswith=division_prefix(division_code))
        if division_code
        else queryset
    )


def application_list(user, *, status: str = "", kind: str = "", division_code: str = "") -> QuerySet:
    qs = _under(_scoped(SubsidyApplication.objects.select_related("person"), user), division_code)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-received_on", "-pk")


def read_application(user, pk: int, *, channel: Channel = Channel.PAGE) -> SubsidyApplication:
    _require_handler(user)
    application = get_in_jurisdiction_or_404(
        SubsidyApplication.objects.select_related("person"), user, FIELD, pk=pk
    )
    return audited_read(
        user, application, channel=channel, object_type="disability.subsidyapplication",
        division_code=application.division_code, summary=f"查看两项补贴申请 {application.pk}",
    )  # fmt: skip


def application_for_action(user, pk: int) -> SubsidyApplication:
    _require_handler(user)
    return get_in_jurisdiction_or_404(SubsidyApplication.objects.select_related("person"), user, FIELD, pk=pk)


def certificate_of(user, person_id: int) -> DisabilityCertificate | None:
    _require_handler(user)
    return scope(DisabilityCertificate.objects.filter(person_id=person_id), user, FIELD).first()


def certificate_list(user, *, division_code: str = "", expiring_before: date | None = None) -> QuerySet:
    qs = _under(_scoped(DisabilityCertificate.objects.select_related("person"), user), division_code)
    if expiring_before:
        qs = qs.filter(valid_until__lt=expiring_before)
    return qs.order_by("division_code", "number")


def import_list(user) -> QuerySet:
    _require_handler(user)
    return scope(CertificateImport.objects.select_related("uploaded_by"), user, FIELD).order_by(
        "-uploaded_at"
    )


def task_list(user, *, open_only: bool = True, kind: str = "", division_code: str = "") -> QuerySet:
    qs = _under(_scoped(ChangeTask.objects.select_related("person"), user), division_code)
    if open_only:
        qs = qs.filter(done_on__isnull=True)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("due_on", "pk")


def task_for_action(user, pk: int) -> ChangeTask:
    _require_handler(user)
    return get_in_jurisdiction_or_404(ChangeTask.objects.select_related("person"), user, FIELD, pk=pk)


def person_by_id_number(user, id_number: str):
    """The registry person with that number inside the user's jurisdiction (None otherwise)."""
    return person_list(user).filter(id_number=normalise_id_number(id_number)).first()


def open_steps(user) -> QuerySet:
    return _scoped(
        SubsidyApplication.objects.filter(status__in=[Status.RECEIVED, Status.CDPF, Status.DECISION]), user
    )


# --- 两项补贴覆盖率 (figures for plan monitoring; no user: the planning page enforces the viewer's scope) ----------


def coverage_counts(prefixes: list[str], on: date) -> dict[str, tuple[int, int]]:
    """prefix → (covered, eligible) for 重度残疾人护理补贴 (the national rule: valid certificate of grade 1–2)
    and 困难残疾人生活补贴 together: the persons eligible for at least one subsidy by the 残联's data and
    社会救助's 低保, and of those, the persons whose every eligible subsidy is being paid or in process."""
    from .figures import eligible_and_covered

    return {prefix: eligible_and_covered(prefix, on)[:2] for prefix in prefixes}


def missing_persons(user, division_code: str, on: date) -> list:
    """The drill-down: eligible persons not receiving (and not applying) — for the handlers of the area."""
    _require_handler(user)
    from .figures import eligible_and_covered

    prefix = division_prefix(division_code or user.division_code)
    if not prefix.startswith(division_prefix(user.division_code)) and not division_prefix(
        user.division_code
    ).startswith(prefix):
        return []
    own = division_prefix(user.division_code)
    prefix = prefix if len(prefix) >= len(own) else own
    return eligible_and_covered(prefix, on)[2]


def paying_person_ids(person_ids: list[int], month: date) -> dict[int, set[str]]:
    """Subsidies paid for ``month`` (started on or before it, not ended before it), by person."""
    from django.db.models import Q

    found: dict[int, set[str]] = {}
    rows = (
        SubsidyApplication.objects.filter(person_id__in=list(person_ids), start_month__lte=month)
        .filter(status__in=["paying", "ended"])
        .filter(Q(end_month__isnull=True) | Q(end_month__gte=month))
        .values_list("person_id", "kind")
    )
    for person_id, kind in rows:
        found.setdefault(person_id, set()).add(kind)
    return found
