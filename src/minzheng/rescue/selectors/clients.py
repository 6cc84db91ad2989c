"""受助人员 as the pages read them: lists scoped and filtered, one client read for display (audited), its
belongings, services, extensions, actions, proposals and the clocks in force."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from minzheng.core.read_audit import Channel, audited_read

from ..models import (
    ActionKind,
    Client,
    MatchProposal,
    MissingReport,
    ProposalStatus,
    Room,
    Station,
    TracingAction,
)
from ..rules import clocks
from ..services.common import limit
from ..services.intake import stay_end
from .common import one, scoped, under


def station_list(user) -> QuerySet[Station]:
    return scoped(Station.objects.all(), user).order_by("division_code", "name")


def station_detail(user, pk: int) -> Station:
    return one(Station.objects.all(), user, pk)


def rooms(station: Station) -> QuerySet[Room]:
    return station.rooms.order_by("code")


def client_list(
    user, *, q: str = "", division_code: str = "", status: str = "", unidentified_only: bool = False
):
    rows = under(scoped(Client.objects.select_related("station", "room"), user), division_code)
    if q:
        rows = rows.filter(number__icontains=q) | rows.filter(name__icontains=q)
    if status == "in":
        rows = rows.filter(discharge="")
    elif status:
        rows = rows.filter(discharge=status)
    if unidentified_only:
        rows = rows.filter(identified=False)
    return rows.annotate(
        noticed=Exists(TracingAction.objects.filter(client=OuterRef("pk"), kind=ActionKind.NOTICE))
    ).order_by("-admitted_at", "-pk")


def client_for_action(user, pk: int) -> Client:
    return one(Client.objects.select_related("station", "room"), user, pk)


def read_client(user, pk: int, *, channel: Channel = Channel.PAGE) -> Client:
    """One client for display: every read is audited (health and DNA/photo ids are sensitive)."""
    client = client_for_action(user, pk)
    return audited_read(user, client, channel=channel, object_type="rescue.client",
                        division_code=client.division_code, summary=f"查看受助人员 {client.number}")  # fmt: skip


@dataclass(frozen=True)
class Clocks:
    """The §7.3 clocks of one client, with the limits in force at admission."""

    stay_ends_on: date
    notice_due_at: datetime | None
    noticed_at: datetime | None
    toutiao_due_on: date | None
    settlement_from: date | None
    dna_due_on: date | None


def clocks_of(client: Client) -> Clocks:
    admitted_on = timezone.localtime(client.admitted_at).date()
    code = client.division_code
    first = {}
    for kind, at in client.actions.order_by("at").values_list("kind", "at"):
        first.setdefault(kind, at)
    unidentified = not client.identified
    dna = first.get(ActionKind.DNA_REQUEST)
    return Clocks(
        stay_end(client),
        clocks.notice_due_at(client.admitted_at, limit("rescue_notice_hours", code, admitted_on)) if unidentified else None,
        first.get(ActionKind.NOTICE),
        clocks.toutiao_due_on(admitted_on, limit("rescue_toutiao_after_months", code, admitted_on)) if unidentified else None,
        clocks.settlement_candidate_from(admitted_on, limit("rescue_settlement_after_months", code, admitted_on)) if unidentified else None,
        clocks.dna_result_due_on(timezone.localtime(dna).date(), limit("rescue_dna_result_months", code, admitted_on))
        if dna and ActionKind.DNA_RESULT not in first else None,
    )  # fmt: skip


def actions(client: Client) -> QuerySet[TracingAction]:
    return client.actions.select_related("actor").order_by("at", "pk")


def proposals(client: Client) -> QuerySet[MatchProposal]:
    return client.proposals.select_related("wander_risk", "report").order_by("status", "-score", "pk")


def proposal_for_action(user, client: Client, pk: int) -> MatchProposal:
    from django.http import Http404

    found = client.proposals.filter(pk=pk, status=ProposalStatus.PROPOSED).first()
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found


def report_list(user) -> QuerySet[MissingReport]:
    return scoped(MissingReport.objects.all(), user).order_by("-reported_on", "-pk")


def rooms_of(stations) -> list[Room]:
    """The rooms of the given stations (already scoped by ``station_list``), for the intake form's choices."""
    return list(
        Room.objects.filter(station__in=stations).select_related("station").order_by("station_id", "code")
    )


def rooms_for(client: Client) -> QuerySet[Room]:
    """The rooms a client may be given: the station's rooms for their sex (办法 第八条)."""
    return client.station.rooms.filter(sex=client.sex).order_by("code")
