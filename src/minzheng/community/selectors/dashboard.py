"""The 基层治理 总览 and the county dashboard of the 换届 round: per township, how far each step has got."""

from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import Substr

from minzheng.core.selectors.divisions import names_of

from ..models import (
    Committee,
    CommitteeKind,
    DisclosureItem,
    ElectionRound,
    EventStatus,
    GridEvent,
    RoundStatus,
)
from .common import scoped


def summary(user, today: date) -> dict:
    committees = scoped(Committee.objects.all(), user)
    kinds = dict(committees.values_list("kind").annotate(n=Count("pk")))
    disclosures = scoped(DisclosureItem.objects.filter(published_on__isnull=True, due_on__lt=today), user)
    return {
        "villages": kinds.get(CommitteeKind.VILLAGE, 0),
        "residents": kinds.get(CommitteeKind.RESIDENTS, 0),
        "overdue_disclosures": disclosures.count(),
        "open_events": scoped(GridEvent.objects.filter(status=EventStatus.OPEN), user).count(),
    }


def round_board(user, year: int, today: date) -> dict:
    """Per township (乡镇、街道): committees, rounds opened for ``year``, lists published, elections held, valid,
    and overdue steps (list not published by its day, results not recorded after the election day)."""
    committees = dict(
        scoped(Committee.objects.all(), user)
        .annotate(t=Substr("division_code", 1, 9))
        .values_list("t")
        .annotate(n=Count("pk"))
    )
    rounds = (
        scoped(ElectionRound.objects.filter(round_year=year), user)
        .annotate(t=Substr("division_code", 1, 9))
        .values("t")
        .annotate(
            opened=Count("pk"),
            published=Count("pk", filter=~Q(status=RoundStatus.PREPARING)),
            held=Count("pk", filter=Q(status__in=[RoundStatus.HELD, RoundStatus.FAILED])),
            valid=Count("pk", filter=Q(status=RoundStatus.HELD)),
            late_list=Count("pk", filter=Q(status=RoundStatus.PREPARING, publish_by__lt=today)),
            late_results=Count("pk", filter=Q(status=RoundStatus.PUBLISHED, election_on__lt=today)),
        )
    )
    by_township = {r["t"]: r for r in rounds}
    names = names_of({f"{t}000" for t in committees})
    rows = []
    totals = dict.fromkeys(("committees", "opened", "published", "held", "valid", "overdue"), 0)
    for t in sorted(committees):
        r = by_township.get(t, {})
        row = {
            "code": f"{t}000",
            "name": names.get(f"{t}000", f"{t}000"),
            "committees": committees[t],
            "opened": r.get("opened", 0),
            "published": r.get("published", 0),
            "held": r.get("held", 0),
            "valid": r.get("valid", 0),
            "overdue": r.get("late_list", 0) + r.get("late_results", 0),
        }
        rows.append(row)
        for key in totals:
            totals[key] += row[key]
    return {"rows": rows, "totals": totals}
