"""志愿服务 records (staff, scoped), the public certificate check and the station coverage figures."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from minzheng.core.identity import mask_name
from minzheng.core.models import Division
from minzheng.core.selectors.divisions import names_of

from ..models import (
    RecordCorrection,
    ServiceRecord,
    Volunteer,
    VolunteerActivity,
    VolunteerCertificate,
    VolunteerStation,
)
from ..rules import volunteering as rules
from .common import one, scoped, under


def volunteer_list(user, *, q: str = ""):
    rows = scoped(Volunteer.objects.all(), user)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(name__contains=q) | Q(id_number=q.upper()))
    return rows.order_by("-registered_on", "-pk")


def volunteer_detail(user, pk: int) -> Volunteer:
    return one(Volunteer.objects.select_related("organisation"), user, pk)


def records_of(volunteer: Volunteer, user) -> list[ServiceRecord]:
    """The volunteer's records kept inside the viewer's jurisdiction (another county's activities stay there)."""
    return list(
        scoped(ServiceRecord.objects.filter(volunteer=volunteer), user)
        .select_related("activity")
        .prefetch_related("corrections")
        .order_by("-activity__starts_on", "-pk")
    )


def certificates_of(volunteer: Volunteer, user) -> list[VolunteerCertificate]:
    return list(
        scoped(VolunteerCertificate.objects.filter(volunteer=volunteer), user).order_by("-issued_on", "-pk")
    )


def record_detail(user, pk: int) -> ServiceRecord:
    return one(ServiceRecord.objects.select_related("activity", "volunteer"), user, pk)


def correction_detail(user, pk: int) -> RecordCorrection:
    return one(RecordCorrection.objects.select_related("record__volunteer", "record__activity"), user, pk)


def activity_list(user):
    return scoped(VolunteerActivity.objects.all(), user).order_by("-starts_on", "-pk")


def activity_detail(user, pk: int) -> VolunteerActivity:
    return one(VolunteerActivity.objects.select_related("organisation", "station"), user, pk)


def records_in(activity: VolunteerActivity) -> list[ServiceRecord]:
    return list(activity.records.select_related("volunteer").order_by("pk"))


def station_list(user, division_code: str = ""):
    return under(scoped(VolunteerStation.objects.all(), user), division_code).order_by("division_code", "pk")


def stations_for_choice(user) -> list[tuple[str, str]]:
    return [(str(s.pk), s.name) for s in station_list(user).filter(closed_on__isnull=True)]


@dataclass(frozen=True)
class CertificateCheck:
    """What the public check shows (办法第十七条): enough to confirm the paper, nothing more."""

    code: str
    volunteer: str  # masked name
    total_hours: object
    record_count: int
    first_on: date | None
    last_on: date | None
    issued_on: date
    issuer: str


def check_certificate(raw: str) -> CertificateCheck | None:
    if not rules.code_well_formed(raw):
        return None
    row = VolunteerCertificate.objects.filter(code=rules.grouped(raw)).select_related("volunteer").first()
    if row is None:
        return None
    issuer = names_of({row.division_code}).get(row.division_code, "")
    return CertificateCheck(
        row.code, mask_name(row.volunteer.name), row.total_hours, row.record_count, row.first_on, row.last_on,
        row.issued_on, f"{issuer}民政局",
    )  # fmt: skip


def county_choices() -> list[tuple[str, str]]:
    """居住区域 choices for the public page: the counties (level 3) the platform holds."""
    return list(
        Division.objects.filter(level=3, valid_to__isnull=True).order_by("code").values_list("code", "name")
    )


def station_counts(prefixes: list[str], days: list[date]) -> dict[tuple[str, date], tuple[int, int]]:
    """(communities whose facility has a station open that day, communities) for each prefix and day, in two
    queries (the cockpit reads every year and every subordinate division at once). A 村/社区 stands for its
    综合服务设施: the platform does not hold a facility register."""
    if not prefixes:
        return {}
    under = Q()
    for prefix in prefixes:
        under |= Q(code__startswith=prefix)
    communities = list(
        Division.objects.filter(under, level=5, valid_to__isnull=True).values_list("code", flat=True)
    )
    under_st = Q()
    for prefix in prefixes:
        under_st |= Q(division_code__startswith=prefix)
    opened = list(
        VolunteerStation.objects.filter(under_st).values_list("division_code", "opened_on", "closed_on")
    )
    counts = {}
    for prefix in prefixes:
        mine = [c for c in communities if c.startswith(prefix)]
        for day in days:
            open_then = {c for c, start, end in opened if start <= day and (end is None or end >= day)}
            counts[prefix, day] = (sum(c in open_then for c in mine), len(mine))
    return counts
