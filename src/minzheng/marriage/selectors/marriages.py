"""结婚登记 and 离婚登记申请 reads: lists by registry, records fetched for display are audited here."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from minzheng.core.identity import normalise_id_number
from minzheng.core.read_audit import Channel, audited_read

from ..models import DivorceApplication, DivorceStatus, MarriageRecord, Party
from .common import one, scoped

_PARTIES = Prefetch("parties", queryset=Party.objects.order_by("sex"))


@dataclass(frozen=True)
class MarriageFilter:
    q: str = ""  # name, full ID number or certificate number
    status: str = ""
    registry_id: int | None = None
    year: int | None = None


def marriage_list(user, filters: MarriageFilter = MarriageFilter()) -> QuerySet[MarriageRecord]:
    qs = scoped(MarriageRecord.objects.select_related("registry").prefetch_related(_PARTIES), user)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.registry_id:
        qs = qs.filter(registry_id=filters.registry_id)
    if filters.year:
        qs = qs.filter(registered_on__year=filters.year)
    q = (filters.q or "").strip()
    if q:
        qs = qs.filter(
            Q(certificate_number=q.upper())
            | Q(parties__name__startswith=q)
            | Q(parties__id_number=normalise_id_number(q))
        ).distinct()
    return qs.order_by("-registered_on", "-id")


def read_marriage(user, pk: int, *, channel: Channel = Channel.PAGE) -> MarriageRecord:
    """A marriage for display (audited: the parties' identities are personal data)."""
    record = one(
        MarriageRecord.objects.select_related("registry", "registrar__user").prefetch_related(_PARTIES),
        user,
        pk,
    )
    return audited_read(
        user, record, channel=channel, object_type="marriage.marriagerecord",
        division_code=record.division_code, summary=f"查看结婚登记 {record.certificate_number}",
    )  # fmt: skip


def marriage_for_action(user, pk: int) -> MarriageRecord:
    return one(MarriageRecord.objects.select_related("registry"), user, pk)


def divorces_of(marriage: MarriageRecord) -> QuerySet[DivorceApplication]:
    return marriage.divorces.select_related("registry").order_by("-received_on", "-id")


@dataclass(frozen=True)
class DivorceFilter:
    status: str = ""
    registry_id: int | None = None
    stage: str = ""  # "withdrawal" / "appearance" for open applications on ``today``


def divorce_list(user, filters: DivorceFilter = DivorceFilter(), today: date | None = None):
    qs = scoped(
        DivorceApplication.objects.select_related("registry", "marriage").prefetch_related(
            Prefetch("marriage__parties", queryset=Party.objects.order_by("sex"))
        ),
        user,
    )
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.registry_id:
        qs = qs.filter(registry_id=filters.registry_id)
    if filters.stage and today:
        qs = qs.filter(status=DivorceStatus.COOLING_OFF)
        if filters.stage == "withdrawal":
            qs = qs.filter(withdrawal_end__gte=today)
        elif filters.stage == "appearance":
            qs = qs.filter(appearance_start__lte=today, appearance_end__gte=today)
    return qs.order_by("-received_on", "-id")


def read_divorce(user, pk: int, *, channel: Channel = Channel.PAGE) -> DivorceApplication:
    record = one(
        DivorceApplication.objects.select_related(
            "registry", "marriage", "received_by__user"
        ).prefetch_related(Prefetch("marriage__parties", queryset=Party.objects.order_by("sex"))),
        user,
        pk,
    )
    return audited_read(
        user, record, channel=channel, object_type="marriage.divorceapplication",
        division_code=record.division_code, summary=f"查看离婚登记申请 #{record.pk}",
    )  # fmt: skip


def divorce_for_action(user, pk: int) -> DivorceApplication:
    return one(DivorceApplication.objects.select_related("registry", "marriage"), user, pk)


def reissues_of(marriage: MarriageRecord):
    return marriage.reissues.select_related("registry").order_by("-issued_on", "-id")


def read_reissue(user, pk: int, *, channel: Channel = Channel.PAGE):
    from ..models import Reissue

    record = one(
        Reissue.objects.select_related("registry", "marriage__registry", "divorce").prefetch_related(
            Prefetch("marriage__parties", queryset=Party.objects.order_by("sex"))
        ),
        user,
        pk,
    )
    return audited_read(
        user, record, channel=channel, object_type="marriage.reissue",
        division_code=record.division_code, summary=f"查看补领 #{record.pk}",
    )  # fmt: skip
