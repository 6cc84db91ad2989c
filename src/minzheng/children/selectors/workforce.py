"""Workforce reads: the gap table by township (工作站, 督导员, 儿童主任 per village), the workers, their
training, and the rates the plans name (工作站覆盖率, 儿童主任参训率)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import Division

from ..models import ChildWorker, ProtectionInstitution, ProtectionStation, Training, WorkerRole
from ..rules import workforce as rules
from .common import one, scoped


@dataclass(frozen=True)
class WorkforceOverview:
    rows: list[rules.TownshipGap]
    station_coverage: Decimal | None
    supervisor_coverage: Decimal | None
    director_coverage: Decimal | None
    directors: int
    directors_trained: int
    trained_rate: Decimal | None


def _current(model, on: date, start: str, end: str) -> QuerySet:
    return model.objects.filter(**{f"{start}__lte": on}).exclude(**{f"{end}__lt": on})


def overview(division_code: str, on: date) -> WorkforceOverview:
    """Everything under ``division_code`` (the caller scopes it to the viewer's jurisdiction first)."""
    prefix = division_prefix(division_code)
    divisions = Division.objects.filter(code__startswith=prefix, level__in=[4, 5], valid_to__isnull=True)
    townships, villages_of = [], {}
    for code, level, parent in divisions.order_by("code").values_list("code", "level", "parent_code"):
        if level == 4:
            townships.append(code)
        else:
            villages_of.setdefault(parent, []).append(code)
    stations = set(
        _current(ProtectionStation, on, "opened_on", "closed_on")
        .filter(division_code__startswith=prefix)
        .values_list("division_code", flat=True)
    )
    workers = _current(ChildWorker, on, "appointed_on", "ended_on").filter(division_code__startswith=prefix)
    supervisors = set(workers.filter(role=WorkerRole.SUPERVISOR).values_list("division_code", flat=True))
    directors = workers.filter(role=WorkerRole.DIRECTOR)
    director_codes = set(directors.values_list("division_code", flat=True))
    rows = rules.township_gaps(townships, villages_of, stations, supervisors, director_codes)
    village_count = sum(len(v) for v in villages_of.values())
    trained = directors.filter(
        Exists(Training.objects.filter(worker=OuterRef("pk"), trained_on__year=on.year))
    ).count()
    total = directors.count()
    return WorkforceOverview(
        rows,
        rules.percentage(sum(r.station for r in rows), len(rows)),
        rules.percentage(sum(r.supervisor for r in rows), len(rows)),
        rules.percentage(sum(r.villages_with_director for r in rows), village_count),
        total,
        trained,
        rules.percentage(trained, total),
    )


def station_counts(prefixes: list[str], days: list[date]) -> dict[tuple[str, date], tuple[int, int]]:
    """(townships with a station open that day, townships) for each division prefix and day, in two queries —
    the cockpit reads the coverage for every year and every subordinate division at once."""
    if not prefixes:
        return {}
    under = Q()
    for prefix in prefixes:
        under |= Q(code__startswith=prefix)
    townships = list(
        Division.objects.filter(under, level=4, valid_to__isnull=True).values_list("code", flat=True)
    )
    opened = list(
        ProtectionStation.objects.filter(division_code__in=townships).values_list(
            "division_code", "opened_on", "closed_on"
        )
    )
    counts = {}
    for prefix in prefixes:
        mine = [code for code in townships if code.startswith(prefix)]
        for day in days:
            open_then = {c for c, start, end in opened if start <= day and (end is None or end >= day)}
            counts[prefix, day] = (sum(code in open_then for code in mine), len(mine))
    return counts


def worker_list(user, *, role: str = "", current_only: bool = True) -> QuerySet[ChildWorker]:
    qs = scoped(ChildWorker.objects.all(), user)
    if role:
        qs = qs.filter(role=role)
    if current_only:
        qs = qs.filter(ended_on__isnull=True)
    return qs.order_by("division_code", "role", "pk")


def worker_detail(user, pk: int) -> ChildWorker:
    return one(ChildWorker.objects.all(), user, pk)


def trainings_of(worker: ChildWorker):
    return worker.trainings.order_by("-trained_on", "-pk")


def station_list(user) -> QuerySet[ProtectionStation]:
    return scoped(ProtectionStation.objects.all(), user).order_by("division_code", "-opened_on")


def institution_counts(prefixes: list[str], days: list[date]) -> dict[tuple[str, date], tuple[int, int]]:
    """(counties with a transformed 未成年人救助保护机构 that day, counties) for each prefix and day — two queries
    for any number of divisions and days (the cockpit's series and drill-down)."""
    if not prefixes:
        return {}
    under = Q()
    for prefix in prefixes:
        under |= Q(code__startswith=prefix)
    counties = list(
        Division.objects.filter(under, level=3, valid_to__isnull=True).values_list("code", flat=True)
    )
    rows = list(
        ProtectionInstitution.objects.filter(division_code__in=counties).values_list(
            "division_code", "transformed_on", "closed_on"
        )
    )
    counts = {}
    for prefix in prefixes:
        mine = [code for code in counties if code.startswith(prefix)]
        for day in days:
            done = {c for c, start, end in rows if start <= day and (end is None or end >= day)}
            counts[prefix, day] = (sum(code in done for code in mine), len(mine))
    return counts


def institution_rows(division_code: str, on: date) -> list[tuple[str, ProtectionInstitution | None]]:
    """Each current county under ``division_code`` with its institution transformed by ``on`` (or none); the
    caller scopes the division to the viewer first."""
    prefix = division_prefix(division_code)
    counties = list(
        Division.objects.filter(code__startswith=prefix, level=3, valid_to__isnull=True)
        .order_by("code")
        .values_list("code", flat=True)
    )
    found = {
        i.division_code: i
        for i in ProtectionInstitution.objects.filter(
            division_code__in=counties, transformed_on__lte=on
        ).filter(Q(closed_on__isnull=True) | Q(closed_on__gte=on))
    }
    return [(code, found.get(code)) for code in counties]
