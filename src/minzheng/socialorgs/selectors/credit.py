"""信用名录 records (staff, scoped) and the public query (only what the rules publish)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q

from minzheng.core.selectors.divisions import names_of

from ..models import CreditGround, CreditListing, ListingStatus
from ..rules.credit import REASON_LABELS, Reason
from .common import one, scoped

_LISTED_GROUNDS = Prefetch(
    "grounds",
    queryset=CreditGround.objects.filter(listed_on__isnull=False, rejected=False),
    to_attr="public_grounds",
)


def listing_list(user, *, list_kind: str = "", status: str = ""):
    rows = scoped(CreditListing.objects.select_related("organisation").prefetch_related("grounds"), user)
    if list_kind:
        rows = rows.filter(list_kind=list_kind)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("status", "listing_due_on", "-pk")


def listing_detail(user, pk: int) -> CreditListing:
    return one(CreditListing.objects.select_related("organisation", "decided_by", "proposed_by"), user, pk)


@dataclass(frozen=True)
class PublicEntry:
    """What 第十六条 publishes: the organisation's name and code, the list, the reasons, the listing date and the
    deciding registry — nothing of the evidence, officers, objections or removed entries."""

    name: str
    uscc: str
    list_label: str
    reasons: tuple[str, ...]
    listed_on: date
    office: str


def public_entries(q: str = "", limit: int = 50) -> list[PublicEntry]:
    rows = (
        CreditListing.objects.filter(status=ListingStatus.LISTED)
        .select_related("organisation")
        .prefetch_related(_LISTED_GROUNDS)
        .order_by("-first_listed_on", "pk")
    )
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(organisation__name__contains=q) | Q(organisation__uscc=q.upper()))
    rows = list(rows[:limit])
    offices = names_of({r.division_code for r in rows})
    return [
        PublicEntry(
            name=r.organisation.name,
            uscc=r.organisation.uscc,
            list_label=r.get_list_kind_display(),
            reasons=tuple(REASON_LABELS[Reason(g.reason)] for g in r.public_grounds),
            listed_on=r.first_listed_on,
            office=f"{offices.get(r.division_code, '')}民政局",
        )
        for r in rows
    ]


def listings_of(organisation) -> list[CreditListing]:
    return list(organisation.listings.prefetch_related("grounds").order_by("-pk"))


def grounds_of(listing: CreditListing) -> list[CreditGround]:
    return list(listing.grounds.all())


def ground_of(listing: CreditListing, pk) -> CreditGround | None:
    return listing.grounds.filter(pk=pk).first()
