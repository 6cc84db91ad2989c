"""办件 reads: the window's lists (jurisdiction by the desk holding it) and the resident's own."""

from django.db.models import Q

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404, scope

from ..models import Application, Evaluation, Resident


def application_list(user, *, status: str = "", matter: str = "", q: str = ""):
    rows = scope(Application.objects.select_related("matter"), user, "division_code")
    if status:
        rows = rows.filter(status=status)
    if matter:
        rows = rows.filter(matter__code=matter)
    if q:
        rows = rows.filter(Q(number__icontains=q) | Q(applicant_name=q))
    return rows


def application_detail(user, pk: int) -> Application:
    return get_in_jurisdiction_or_404(
        Application.objects.select_related("matter", "received_by"), user, "division_code", pk=pk
    )


def resident_applications(resident: Resident, household_id: int | None):
    mine = Q(resident=resident) | (Q(household_id=household_id) if household_id else Q(pk__in=[]))
    return (
        Application.objects.filter(mine)
        .select_related("matter")
        .only("pk", "number", "status", "submitted_on", "due_on", "completed_on", "matter__name")
        .order_by("-submitted_on", "-pk")
    )


def bad_reviews(user):
    return scope(Evaluation.objects.select_related("application__matter"), user, "division_code").filter(
        level__lte=2
    )


def evaluation_of(application: Application) -> Evaluation | None:
    """The 好差评 a resident gave an application (the caller has already read the application in scope)."""
    return Evaluation.objects.filter(application=application).first()
