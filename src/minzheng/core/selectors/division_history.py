"""行政区划变更 reads: successions for the resolver (one small table, read once per call), a division's
lineage, and the changes whose clocks run (implementation, code publication)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from ..division_history import Resolution, Succession, predecessors, resolve
from ..jurisdiction import division_prefix, full_code
from ..models import Division, DivisionChange, DivisionChangeKind, DivisionSuccession


def successions() -> list[Succession]:
    rows = DivisionSuccession.objects.values_list(
        "predecessor_code", "successor_code", "change__effective_on", "change__kind"
    )
    return [Succession(p, s, d, whole_area=k != DivisionChangeKind.SPLIT) for p, s, d, k in rows]


def resolve_code(code: str, day: date) -> Resolution:
    """The code(s) in force on ``day`` for a record keyed by ``code`` (see ``core.division_history``)."""
    return resolve(full_code(division_prefix(code)) if code else code, day, successions())


def earlier_codes(code: str, day: date) -> tuple[str, ...]:
    """Codes whose records now belong to ``code`` (its predecessors, resolved unambiguously by ``day``)."""
    return predecessors(full_code(division_prefix(code)), day, successions())


@dataclass(frozen=True)
class LineageStep:
    change: DivisionChange
    links: list[DivisionSuccession]


def lineage(code: str) -> list[LineageStep]:
    """Every change reachable from ``code`` backwards and forwards through the links, oldest first (the
    lineage page). The graph of one division is small; a few queries walk it."""
    code = full_code(division_prefix(code))
    seen_codes, frontier = {code}, {code}
    change_ids: set[int] = set()
    for _ in range(20):  # a lineage deeper than 20 changes would be a data error; stop rather than loop
        links = list(
            DivisionSuccession.objects.filter(predecessor_code__in=frontier)
            | DivisionSuccession.objects.filter(successor_code__in=frontier)
        )
        change_ids |= {x.change_id for x in links}
        found = {x.predecessor_code for x in links} | {x.successor_code for x in links if x.successor_code}
        frontier = found - seen_codes
        seen_codes |= found
        if not frontier:
            break
    changes = (
        DivisionChange.objects.filter(pk__in=change_ids).prefetch_related("links").order_by("effective_on")
    )
    return [LineageStep(c, list(c.links.all())) for c in changes]


def change_list(prefix: str = ""):
    """Changes touching a jurisdiction: a link whose predecessor or successor lies under the prefix (one
    query; the links come with the page)."""
    qs = DivisionChange.objects.all()
    if prefix:
        qs = qs.filter(
            Q(links__predecessor_code__startswith=prefix) | Q(links__successor_code__startswith=prefix)
        ).distinct()
    return qs.prefetch_related("links").order_by("-effective_on", "-pk")


def change_in_jurisdiction(prefix: str, pk: int) -> DivisionChange | None:
    return change_list(prefix).filter(pk=pk).first()


def historical_name(code: str) -> str:
    """The name a code had: the current division's, else the latest closed version's, else the name a change
    gave it (a code retired before the platform loaded divisions)."""
    code = full_code(division_prefix(code))
    row = Division.objects.filter(code=code).order_by("valid_to").values_list("name", flat=True)
    current = Division.objects.filter(code=code, valid_to__isnull=True).values_list("name", flat=True).first()
    if current:
        return current
    if row:
        return list(row)[-1]
    link = DivisionSuccession.objects.filter(successor_code=code).order_by("-change__effective_on").first()
    if link:
        return link.successor_name
    link = DivisionSuccession.objects.filter(predecessor_code=code).order_by("-change__effective_on").first()
    return link.predecessor_name if link else code
