"""A case's progress as another app shows it to the applicant (全市通办): status and the step labels only."""

from ..interface_types import CaseProgress
from ..models import CLOSED_STATUSES, AssistanceCase, CaseStatus


def case_progress(case_id: int) -> CaseProgress | None:
    """The progress of a case the caller opened and keeps the id of; None when there is no such case.

    Unscoped on purpose: the caller (全市通办) holds the id from ``open_case`` and scopes its own 办件 to the
    applicant; nothing personal is answered (no amounts, reasons or names)."""
    case = AssistanceCase.objects.filter(pk=case_id).only("number", "status", "decided_on").first()
    if case is None:
        return None
    steps = tuple(case.events.order_by("at", "id").values_list("at", "label"))
    return CaseProgress(
        number=case.number,
        status=case.status,
        status_label=CaseStatus(case.status).label,
        closed=case.status in CLOSED_STATUSES,
        approved=case.status == CaseStatus.APPROVED,
        decided_on=case.decided_on,
        steps=steps,
    )
