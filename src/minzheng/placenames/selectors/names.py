"""地名 reads: the register with search, a name's page, applications, the 公告 queue, the public search and
公告 list (no login: names are public, 地名备案公告管理办法), the 地名保护名录."""

from django.db.models import Q

from minzheng.core.selectors.divisions import names_of

from ..models import ApplicationStatus, NameStatus, NamingApplication, PlaceName, StandardAddress
from .common import one, scoped, under


def name_list(
    user,
    *,
    q: str = "",
    category: str = "",
    status: str = "",
    division_code: str = "",
    protected: bool = False,
):
    qs = under(scoped(PlaceName.objects.all(), user), division_code)
    if q:
        qs = qs.filter(Q(specific__contains=q) | Q(generic__contains=q) | Q(roman__icontains=q))
    if category:
        qs = qs.filter(category=category)
    if status:
        qs = qs.filter(status=status)
    if protected:
        qs = qs.filter(protected=True)
    return qs.order_by("division_code", "specific", "pk")


def name_detail(user, pk: int) -> PlaceName:
    return one(PlaceName.objects.select_related("supersedes"), user, pk)


def successors_of(place: PlaceName) -> list[PlaceName]:
    return list(place.superseded_by.all())


def addresses_of(place: PlaceName) -> list[StandardAddress]:
    return list(place.addresses.order_by("house_number", "building", "unit", "room")[:200])


def application_list(user, *, status: str = ""):
    qs = scoped(NamingApplication.objects.select_related("target"), user)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-received_on", "-pk")


def application_detail(user, pk: int) -> NamingApplication:
    return one(
        NamingApplication.objects.select_related("target", "result", "received_by", "decided_by"), user, pk
    )


def announcement_queue(user):
    """Approved names not yet 备案 or 公告 (their 15-day clocks run)."""
    return (
        scoped(PlaceName.objects.filter(status=NameStatus.APPROVED, approved_on__isnull=False), user)
        .filter(Q(filed_on__isnull=True) | Q(announced_on__isnull=True))
        .order_by("approved_on", "pk")
    )


def pending_applications(user):
    return scoped(NamingApplication.objects.filter(status=ApplicationStatus.SUBMITTED), user)


def public_search(q: str, limit: int = 50) -> list[PlaceName]:
    """公开查询: standard names in force (no login; what the 公告 published)."""
    qs = PlaceName.objects.filter(status=NameStatus.APPROVED)
    if q:
        qs = qs.filter(Q(specific__contains=q) | Q(roman__icontains=q))
    return list(qs.order_by("specific", "pk")[:limit])


def public_announcements(limit: int = 200) -> list[PlaceName]:
    """公告 list: 标准名称、罗马字母拼写、所属政区、位置描述、批准机关、批准时间 (地名备案公告管理办法)."""
    return list(PlaceName.objects.filter(announced_on__isnull=False).order_by("-announced_on", "-pk")[:limit])


def division_names(rows) -> dict[str, str]:
    return names_of({r.division_code for r in rows})
