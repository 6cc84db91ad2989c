"""婚姻登记统计: monthly and annual figures of the registries under a division, in a handful of queries.

Counts are by the day the business was done: 结婚登记 and 补领 on their day, 离婚登记 / 撤回 / 视为撤回 on the day
the application closed, 受理 on T0, court judgments on their effective day. Back-filled paper records (补录)
are history, not this period's business, and are left out. 户籍 for the 跨县 share: the population registry's
户籍 division where the party is known to it, otherwise the address code of the 公民身份号码 (first six digits);
non-mainland documents never count as local.
"""

from dataclasses import dataclass, field, fields
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from minzheng.core.jurisdiction import division_prefix

from ..models import (
    ArchiveDocument,
    CounsellingRoom,
    CourtJudgment,
    DivorceApplication,
    DivorceStatus,
    IdType,
    JudgmentKind,
    MarriageRecord,
    Party,
    PriorStatus,
    Registry,
    RegistryLevel,
    Reissue,
    ReissueOutcome,
)
from ..rules.age import full_years
from ..rules.statistics import AGE_BANDS, age_band, is_cross_county, percentage
from .common import scoped


@dataclass
class Figures:
    """One period's figures (a month, or the year's total)."""

    label: str
    marriages: int = 0
    first_marriage_persons: int = 0
    remarriage_persons: int = 0
    foreign: int = 0  # 其中：涉外及涉港澳台
    cross_county: int = 0
    divorce_applications: int = 0
    divorces: int = 0
    withdrawn: int = 0
    deemed_withdrawn: int = 0
    refused: int = 0
    judgments: int = 0
    reissued: int = 0
    record_proofs: int = 0

    @property
    def cross_county_share(self):
        return percentage(self.cross_county, self.marriages)

    def add(self, other: "Figures") -> None:
        for f in fields(self):
            if f.name != "label":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


COLUMNS: tuple[tuple[str, str], ...] = (
    ("marriages", "结婚登记（对）"),
    ("first_marriage_persons", "其中初婚（人）"),
    ("remarriage_persons", "其中再婚（人）"),
    ("foreign", "涉外及港澳台（对）"),
    ("cross_county", "跨县办理（对）"),
    ("cross_county_share", "跨县办理占比（%）"),
    ("divorce_applications", "受理离婚申请（件）"),
    ("divorces", "离婚登记（对）"),
    ("withdrawn", "撤回（件）"),
    ("deemed_withdrawn", "视为撤回（件）"),
    ("refused", "不予登记（件）"),
    ("judgments", "法院判决、调解离婚（件）"),
    ("reissued", "补发证书（件）"),
    ("record_proofs", "出具记录证明（件）"),
)


@dataclass
class YearStatistics:
    year: int
    months: list[Figures]
    total: Figures
    age_bands: list[tuple[str, int, int]] = field(default_factory=list)  # (band, 男, 女)


def _in(queryset, prefix: str, registry_id: int | None):
    if prefix:
        queryset = queryset.filter(division_code__startswith=prefix)
    if registry_id:
        queryset = queryset.filter(registry_id=registry_id)
    return queryset


def _marriage_figures(marriages, start: date, end: date, buckets, bands) -> None:
    rows = list(
        marriages.filter(backfilled=False, registered_on__range=(start, end)).values_list(
            "pk", "registered_on", "division_code"
        )
    )
    parties: dict[int, list] = {}
    for party in Party.objects.filter(marriage_id__in=[pk for pk, _, _ in rows]).values(
        "marriage_id",
        "sex",
        "id_type",
        "id_number",
        "birth_date",
        "prior_status",
        "person__hukou_division_code",
    ):
        parties.setdefault(party["marriage_id"], []).append(party)
    for pk, day, division_code in rows:
        figures = buckets(day)
        couple = parties.get(pk, [])
        figures.marriages += 1
        figures.first_marriage_persons += sum(p["prior_status"] == PriorStatus.NEVER for p in couple)
        figures.remarriage_persons += sum(p["prior_status"] != PriorStatus.NEVER for p in couple)
        figures.foreign += any(p["id_type"] != IdType.RESIDENT for p in couple)
        hukou = [
            (p["person__hukou_division_code"] or p["id_number"][:6])
            if p["id_type"] == IdType.RESIDENT
            else ""
            for p in couple
        ]
        figures.cross_county += is_cross_county(division_code, hukou)
        for p in couple:
            bands[age_band(full_years(p["birth_date"], day))][0 if p["sex"] == Party.MALE else 1] += 1


def _divorce_figures(divorces, start: date, end: date, buckets) -> None:
    closing = {
        DivorceStatus.REGISTERED: "divorces",
        DivorceStatus.WITHDRAWN: "withdrawn",
        DivorceStatus.DEEMED_WITHDRAWN: "deemed_withdrawn",
        DivorceStatus.REFUSED: "refused",
    }
    window = Q(received_on__range=(start, end)) | Q(closed_on__range=(start, end))
    for received, closed, status in divorces.filter(window).values_list("received_on", "closed_on", "status"):
        if start <= received <= end:
            buckets(received).divorce_applications += 1
        if closed and start <= closed <= end and status in closing:
            figures = buckets(closed)
            setattr(figures, closing[status], getattr(figures, closing[status]) + 1)


def figures_between(prefix: str, start: date, end: date, registry_id: int | None = None) -> Figures:
    """The figures of one period for the registries under ``prefix`` (a division-code prefix)."""
    total = Figures(f"{start:%Y-%m-%d}至{end:%Y-%m-%d}")
    _collect(prefix, start, end, registry_id, lambda day: total, _bands())
    return total


def _bands() -> dict[str, list[int]]:
    return {label: [0, 0] for _, _, label in AGE_BANDS}


def _collect(prefix, start, end, registry_id, buckets, bands) -> None:
    _marriage_figures(_in(MarriageRecord.objects.all(), prefix, registry_id), start, end, buckets, bands)
    _divorce_figures(_in(DivorceApplication.objects.all(), prefix, registry_id), start, end, buckets)
    judgments = CourtJudgment.objects.filter(
        effective_on__range=(start, end), kind__in=[JudgmentKind.DIVORCE, JudgmentKind.MEDIATION]
    )
    if prefix:
        judgments = judgments.filter(division_code__startswith=prefix)
    if registry_id:
        judgments = judgments.filter(marriage__registry_id=registry_id)
    for day in judgments.values_list("effective_on", flat=True):
        buckets(day).judgments += 1
    reissues = _in(Reissue.objects.filter(issued_on__range=(start, end)), prefix, registry_id)
    for day, outcome in reissues.values_list("issued_on", "outcome"):
        if outcome == ReissueOutcome.REISSUED:
            buckets(day).reissued += 1
        else:
            buckets(day).record_proofs += 1


def year_statistics(user, year: int, registry_id: int | None = None) -> YearStatistics:
    """The year month by month inside the user's jurisdiction (optionally one registry of it)."""
    scoped(Registry.objects.none(), user)  # the capability check
    prefix = division_prefix(user.division_code)
    months = [Figures(f"{year}年{m}月") for m in range(1, 13)]
    bands = _bands()
    _collect(
        prefix, date(year, 1, 1), date(year, 12, 31), registry_id, lambda day: months[day.month - 1], bands
    )
    total = Figures(f"{year}年合计")
    for month in months:
        total.add(month)
    return YearStatistics(year, months, total, [(label, m, f) for label, (m, f) in bands.items()])


# ---- figures for plan monitoring (indicator sources), batched over divisions and period ends ----

_COUNTY_OR_ABOVE = [RegistryLevel.COUNTY, RegistryLevel.PROVINCIAL]


def counselling_coverage(prefixes: list[str], ends: list[date]) -> dict[tuple[str, date], tuple[int, int]]:
    """(registries at county level or above with a counselling room in use, such registries) per prefix and
    period end, from two queries: a registry counts from the day it was set up, a room from its opening."""
    registries = list(
        Registry.objects.filter(active=True, level__in=_COUNTY_OR_ABOVE).values_list(
            "pk", "division_code", "created_at"
        )
    )
    opened: dict[int, date] = {}
    for registry_id, day in CounsellingRoom.objects.filter(active=True).values_list(
        "registry_id", "opened_on"
    ):
        opened[registry_id] = min(day, opened.get(registry_id, day))
    result = {}
    for prefix in prefixes:
        mine = [(pk, created.date()) for pk, code, created in registries if code.startswith(prefix)]
        for end in ends:
            existing = [pk for pk, created in mine if created <= end]
            with_room = sum(1 for pk in existing if pk in opened and opened[pk] <= end)
            result[prefix, end] = (with_room, len(existing))
    return result


def digitised_counts(prefixes: list[str], ends: list[date]) -> dict[tuple[str, date], tuple[int, int]]:
    """(marriage records with at least one scanned archive document, records) registered up to each end —
    the 婚姻登记档案电子化 ratio (补录 paper records included: digitising them is the point) — one query."""
    scanned = {
        f"scanned{j}": Exists(
            ArchiveDocument.objects.filter(marriage_id=OuterRef("pk"), uploaded_at__date__lte=end)
        )
        for j, end in enumerate(ends)
    }
    aggregates = {}
    for i, prefix in enumerate(prefixes):
        for j, end in enumerate(ends):
            mine = Q(division_code__startswith=prefix, registered_on__lte=end)
            aggregates[f"n{i}_{j}"] = Count("pk", filter=mine)
            aggregates[f"d{i}_{j}"] = Count("pk", filter=mine & Q(**{f"scanned{j}": True}))
    found = MarriageRecord.objects.annotate(**scanned).aggregate(**aggregates)
    return {
        (prefix, end): (found[f"d{i}_{j}"], found[f"n{i}_{j}"])
        for i, prefix in enumerate(prefixes)
        for j, end in enumerate(ends)
    }
