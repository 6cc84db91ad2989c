"""项目 reads: the projects of the jurisdiction with their latest progress and flags."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability, require

from ..models import Project, ProjectProgress
from ..rules.projects import ProjectFlags, project_flags

UNDER_EXECUTION_TOLERANCE = Decimal(
    "0.20"
)  # a platform default: money spent 20 points behind the time gone by


def project_list(user) -> QuerySet[Project]:
    require(user, Capability.VIEW_REGISTRY)
    latest = ProjectProgress.objects.filter(project=OuterRef("pk")).order_by("-month")
    return scope(Project.objects.all(), user, "division_code").annotate(
        percent=Subquery(latest.values("percent")[:1]), spent=Subquery(latest.values("spent")[:1])
    )


def flags_of(project: Project, on: date) -> ProjectFlags:
    return project_flags(
        starts_on=project.starts_on, ends_on=project.ends_on, on=on, percent=project.percent or 0,
        budget=project.budget, spent=project.spent or Decimal("0.00"), tolerance=UNDER_EXECUTION_TOLERANCE,
    )  # fmt: skip
