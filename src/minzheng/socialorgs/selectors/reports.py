"""年度报告 and 撤销登记 proposals, scoped by registry."""

from ..models import AnnualReport, RevocationProposal, RevocationStatus
from .common import one, scoped


def report_list(user, *, year=None, result: str = ""):
    rows = scoped(AnnualReport.objects.select_related("organisation"), user)
    if year:
        rows = rows.filter(year=year)
    if result == "none":
        rows = rows.filter(result="")
    elif result:
        rows = rows.filter(result=result)
    return rows.order_by("-year", "status", "-registry_submitted_on", "pk")


def report_detail(user, pk: int) -> AnnualReport:
    return one(AnnualReport.objects.select_related("organisation", "entered_by", "decided_by"), user, pk)


def revocation_list(user, *, status: str = ""):
    rows = scoped(RevocationProposal.objects.select_related("organisation"), user)
    return (rows.filter(status=status) if status else rows).order_by("status", "due_on", "pk")


def revocation_detail(user, pk: int) -> RevocationProposal:
    return one(RevocationProposal.objects.select_related("organisation", "decided_by"), user, pk)


def open_revocations(user):
    return scoped(RevocationProposal.objects.filter(status=RevocationStatus.OPEN), user)


def reports_of(organisation) -> list[AnnualReport]:
    """The organisation's reports, latest year first (the organisation was fetched inside the jurisdiction)."""
    return list(organisation.reports.order_by("-year"))
