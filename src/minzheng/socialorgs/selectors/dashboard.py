"""The figures of the 社会组织 总览 (a handful of grouped queries)."""

from datetime import date

from django.db.models import Count

from minzheng.core.selectors.divisions import names_of

from ..models import (
    AnnualReport,
    Application,
    ApplicationStatus,
    CreditListing,
    ListingStatus,
    Organisation,
    OrgStatus,
    ReportStatus,
    RevocationProposal,
    RevocationStatus,
)
from .common import scoped


def summary(user, today: date) -> dict:
    orgs = scoped(Organisation.objects.filter(status=OrgStatus.REGISTERED), user)
    by_kind = dict(orgs.values_list("kind").annotate(n=Count("pk")))
    apps = scoped(Application.objects.filter(status=ApplicationStatus.RECEIVED), user)
    year = today.year - 1
    reports = scoped(AnnualReport.objects.filter(year=year), user)
    listed = dict(
        scoped(CreditListing.objects.filter(status=ListingStatus.LISTED), user)
        .values_list("list_kind")
        .annotate(n=Count("pk"))
    )
    rows: dict[str, dict] = {}
    for code, kind, n in orgs.values_list("division_code", "kind").annotate(n=Count("pk")):
        rows.setdefault(code, {})[kind] = n
    names = names_of(set(rows))
    by_registry = [
        [
            names.get(code, code),
            k.get("association", 0),
            k.get("service", 0),
            k.get("foundation", 0),
            sum(k.values()),
        ]
        for code, k in sorted(rows.items())
    ]
    return {
        "registered": sum(by_kind.values()),
        "association": by_kind.get("association", 0),
        "service": by_kind.get("service", 0),
        "foundation": by_kind.get("foundation", 0),
        "open_applications": apps.count(),
        "overdue_applications": apps.filter(due_on__lt=today).count(),
        "report_year": year,
        "reports": reports.count(),
        "reports_open": reports.filter(status=ReportStatus.SUBMITTED).count(),
        "open_revocations": scoped(
            RevocationProposal.objects.filter(status=RevocationStatus.OPEN), user
        ).count(),
        "abnormal": listed.get("abnormal", 0),
        "serious": listed.get("serious", 0),
        "proposed": scoped(CreditListing.objects.filter(status=ListingStatus.PROPOSED), user).count(),
        "by_registry": by_registry,
    }
