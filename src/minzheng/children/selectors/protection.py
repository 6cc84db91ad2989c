"""未保案件 reads: a case is visible only to its handlers (and who received it) and their supervisors —
儿童督导员 and 县级民政 of the jurisdiction (issue 18); a case fetched for display is audited."""

from django.db.models import Q, QuerySet

from minzheng.core.permissions import Capability, has_capability
from minzheng.core.read_audit import Channel, audited_read

from ..models import GuardianshipEpisode, ProtectionCase
from .common import one, scoped


def supervises(user) -> bool:
    return has_capability(user, Capability.SUPERVISE_CHILD_CASES)


def _visible(queryset: QuerySet, user) -> QuerySet:
    """Cases of the jurisdiction: all of them for a supervisor, else those the user handles or received."""
    queryset = scoped(queryset, user)
    if supervises(user):
        return queryset
    return queryset.filter(
        pk__in=ProtectionCase.objects.filter(Q(handlers=user) | Q(received_by=user)).values("pk")
    )


def visible_cases(user, *, status: str = "") -> QuerySet[ProtectionCase]:
    qs = _visible(ProtectionCase.objects.select_related("child"), user)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-received_at", "-pk")


def read_case(user, pk: int, *, channel: Channel = Channel.PAGE) -> ProtectionCase:
    case = one(_visible(ProtectionCase.objects.select_related("child", "received_by"), user), user, pk)
    return audited_read(
        user, case, channel=channel, object_type="children.protectioncase", division_code=case.division_code,
        summary=f"查看未成年人保护案件 {case.number}",
    )  # fmt: skip


def case_for_action(user, pk: int) -> ProtectionCase:
    return one(_visible(ProtectionCase.objects.select_related("child"), user), user, pk)


def episode_for_action(user, pk: int) -> GuardianshipEpisode:
    cases = _visible(ProtectionCase.objects.all(), user).values("pk")
    return one(GuardianshipEpisode.objects.filter(case_id__in=cases).select_related("case"), user, pk)


def episodes_of(case: ProtectionCase):
    return case.episodes.order_by("-started_on", "-pk")


def interventions_of(case: ProtectionCase):
    return case.interventions.order_by("-taken_on", "-pk")


def handler_names(case: ProtectionCase) -> list[str]:
    return [u.display_name for u in case.handlers.order_by("pk")]


def handler_candidates(case: ProtectionCase) -> list:
    """Active staff whose jurisdiction covers the case's area and who work with children, in id order."""
    from minzheng.core.jurisdiction import covers
    from minzheng.core.models import User

    return [
        u
        for u in User.objects.filter(is_active=True).order_by("id")
        if covers(u.division_code, case.division_code)
        and (has_capability(u, Capability.MANAGE_CHILDREN) or supervises(u))
    ]
