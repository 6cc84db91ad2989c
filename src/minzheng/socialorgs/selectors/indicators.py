"""Figures offered to plan monitoring and 民政报表: counted for a division prefix (its registries and those
below), not for a user — callers pass a division; pages enforce the viewer's jurisdiction."""

from datetime import date

from django.db.models import Q, Sum

from minzheng.core.jurisdiction import division_prefix

from ..models import AnnualReport, Organisation


def _in_force(division_code: str, on: date):
    return Organisation.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=on),
        division_code__startswith=division_prefix(division_code),
        registered_on__lte=on,
    )


def registered_count(division_code: str, on: date) -> int:
    """Organisations registered on or before ``on`` and not deregistered or revoked by then."""
    return _in_force(division_code, on).count()


def full_time_staff(division_code: str, year: int) -> tuple[int, int]:
    """(专职工作人员 reported in the ``year`` annual reports of organisations in force at its end, reports)."""
    reports = AnnualReport.objects.filter(
        year=year, organisation__in=_in_force(division_code, date(year, 12, 31))
    )
    total = reports.aggregate(n=Sum("full_time_staff"))["n"] or 0
    return total, reports.count()
