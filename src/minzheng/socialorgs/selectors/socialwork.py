"""社会工作 records (scoped) and the two plan figures: 社工站覆盖率 and 社会工作专业人才总量, computed for many
divisions and days in a fixed number of queries (the cockpit reads every year and subordinate division)."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Prefetch, Q, Sum

from minzheng.core.models import Division
from minzheng.core.selectors.divisions import names_of

from ..models import SocialWorker, SocialWorkStation, StationCheck, StationService, WorkerLevel
from ..rules import socialwork as rules
from .common import one, scoped, under


def station_list(user, division_code: str = ""):
    latest = StationCheck.objects.order_by("-checked_on", "-pk")
    return (
        under(scoped(SocialWorkStation.objects.all(), user), division_code)
        .annotate(service_count=Count("services", distinct=True), persons=Sum("services__persons"))
        .prefetch_related(Prefetch("checks", queryset=latest))
        .order_by("division_code", "pk")
    )


def station_detail(user, pk: int) -> SocialWorkStation:
    return one(SocialWorkStation.objects.all(), user, pk)


def checks_of(station: SocialWorkStation) -> list[StationCheck]:
    return list(station.checks.select_related("checked_by").order_by("-checked_on", "-pk"))


def services_of(station: SocialWorkStation, limit: int = 100) -> list[StationService]:
    return list(station.services.order_by("-served_on", "-pk")[:limit])


def workers_of(station: SocialWorkStation) -> list[SocialWorker]:
    return list(station.workers.filter(left_on__isnull=True).order_by("name"))


def stations_for_choice(user) -> list[tuple[str, str]]:
    return [
        (str(s.pk), s.name) for s in scoped(SocialWorkStation.objects.filter(closed_on__isnull=True), user)
    ]


def worker_list(user, *, level: str = "", q: str = "", division_code: str = ""):
    rows = under(scoped(SocialWorker.objects.select_related("station"), user), division_code)
    if level in WorkerLevel.values:
        rows = rows.filter(level=level)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(name__contains=q) | Q(id_number=q.upper()))
    return rows.order_by("left_on", "division_code", "name", "pk")


def worker_detail(user, pk: int) -> SocialWorker:
    return one(SocialWorker.objects.select_related("station"), user, pk)


def township_names(codes) -> dict[str, str]:
    return names_of(set(codes))


def _under(prefixes: list[str], field: str) -> Q:
    condition = Q()
    for prefix in prefixes:
        condition |= Q(**{f"{field}__startswith": prefix})
    return condition


def station_counts(prefixes: list[str], days: list[date]) -> dict[tuple[str, date], tuple[int, int]]:
    """(townships with a station meeting “六有” that day, townships) per prefix and day, in three queries."""
    if not prefixes:
        return {}
    townships = list(
        Division.objects.filter(_under(prefixes, "code"), level=4, valid_to__isnull=True).values_list(
            "code", flat=True
        )
    )
    found = defaultdict(list)
    for check in StationCheck.objects.filter(_under(prefixes, "division_code")).values(
        "station_id", "checked_on", *(field for field, _ in rules.SIX_STANDARDS)
    ):
        found[check["station_id"]].append((check["checked_on"], not rules.missing_standards(check)))
    stations = [
        rules.StationState(code, opened, closed, tuple(found[pk]))
        for pk, code, opened, closed in SocialWorkStation.objects.filter(
            _under(prefixes, "division_code")
        ).values_list("pk", "division_code", "opened_on", "closed_on")
    ]
    counts = {}
    for day in days:
        covered = rules.covered_townships(stations, day)
        for prefix in prefixes:
            mine = [t for t in townships if t.startswith(prefix)]
            counts[prefix, day] = (sum(t in covered for t in mine), len(mine))
    return counts


def stations_recorded() -> bool:
    """Whether the platform's 社工站 register is in use at all (otherwise the figure is “no data”, not 0 %)."""
    return SocialWorkStation.objects.exists()


def worker_counts(prefixes: list[str], days: list[date]) -> dict[tuple[str, date], int] | None:
    """社会工作专业人才 per prefix and day, in one query; None when nobody has been registered on the platform."""
    rows = list(
        SocialWorker.objects.filter(_under(prefixes, "division_code")).values_list(
            "division_code", "certified_on", "joined_on", "left_on"
        )
    )
    if not rows and not SocialWorker.objects.exists():
        return None
    return {
        (prefix, day): sum(
            1
            for code, certified, joined, left in rows
            if code.startswith(prefix) and rules.holds_certificate_on(certified, joined, left, day)
        )
        for prefix in prefixes
        for day in days
    }


def division_choices(user, levels: tuple[int, ...]) -> list[tuple[str, str]]:
    """Divisions in force at these levels inside the user's jurisdiction, for a form's select."""
    from minzheng.core.jurisdiction import division_prefix

    prefix = division_prefix(user.division_code) if user.division_code else ""
    rows = Division.objects.filter(code__startswith=prefix, level__in=levels, valid_to__isnull=True)
    return list(rows.order_by("code").values_list("code", "name"))
