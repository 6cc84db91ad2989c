"""Figures for plan monitoring and the pages, counted for division prefixes (a division and everything under
it) and period ends in one query each — the cockpit asks for several years and several divisions at once."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from minzheng.core.jurisdiction import division_prefix

from ..models import (
    Committee,
    CommitteeKind,
    CommunityWorker,
    DisclosureItem,
    ElectionRound,
    RoundStatus,
    ServiceCentre,
)


def _open_on(end: date) -> Q:
    return Q(opened_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=end))


def _working_on(end: date) -> Q:
    return Q(started_on__lte=end) & (Q(left_on__isnull=True) | Q(left_on__gt=end))


def _sums(model, field: str, keys: list[tuple[str, date]], condition, count: bool = False) -> dict:
    if not keys:
        return {}
    agg = Count if count else Sum
    expressions = {
        f"k{i}": agg(field, filter=Q(division_code__startswith=prefix) & condition(end))
        for i, (prefix, end) in enumerate(keys)
    }
    row = model.objects.aggregate(**expressions)
    return {key: row[f"k{i}"] or 0 for i, key in enumerate(keys)}


def facility_area(prefixes: list[str], ends: list[date]) -> dict[tuple[str, date], tuple[Decimal, int]]:
    """(centres' floor area in force at the end, households of the committees) per (prefix, end)."""
    keys = [(p, e) for p in prefixes for e in ends]
    area = _sums(ServiceCentre, "area_m2", keys, _open_on)
    households = _sums(Committee, "households", [(p, ends[0]) for p in prefixes], lambda end: Q())
    return {(p, e): (Decimal(area[p, e]), households[p, ends[0]]) for p, e in keys}


def workers_and_urban_residents(
    prefixes: list[str], ends: list[date]
) -> dict[tuple[str, date], tuple[int, int]]:
    """(社区工作者 in post at the end, population of the residents' committees) per (prefix, end)."""
    keys = [(p, e) for p in prefixes for e in ends]
    workers = _sums(CommunityWorker, "pk", keys, _working_on, count=True)
    residents = _sums(
        Committee, "population", [(p, ends[0]) for p in prefixes], lambda end: Q(kind=CommitteeKind.RESIDENTS)
    )
    return {(p, e): (workers[p, e], residents[p, ends[0]]) for p, e in keys}


def election_success(division_code: str, start: date, end: date) -> tuple[int, int]:
    """(rounds held validly, rounds held) with the election in the period."""
    rows = ElectionRound.objects.filter(
        division_code__startswith=division_prefix(division_code),
        held_on__gte=start,
        held_on__lte=end,
        status__in=[RoundStatus.HELD, RoundStatus.FAILED],
    ).aggregate(held=Count("pk"), valid=Count("pk", filter=Q(status=RoundStatus.HELD)))
    return rows["valid"], rows["held"]


def disclosure_compliance(division_code: str, start: date, end: date, today: date) -> tuple[int, int]:
    """(items published by their due day, items due) among items due in the period (and already due)."""
    last = min(end, today)
    rows = DisclosureItem.objects.filter(
        division_code__startswith=division_prefix(division_code), due_on__gte=start, due_on__lte=last
    ).aggregate(
        due=Count("pk"),
        on_time=Count("pk", filter=Q(published_on__isnull=False) & Q(published_on__lte=F("due_on"))),
    )
    return rows["on_time"], rows["due"]
