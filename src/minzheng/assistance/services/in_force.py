"""Which 保障标准 are in force (parameters: ``policy.interface``), as other domains and casework ask.

Every answer is a plain dataclass or ``Decimal`` — never a model. Resolution: the most specific division
wins (a county's own figure over its city's), then the latest version effective on or before the day.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from minzheng.policy.interface import normalise_division_code
from minzheng.verification.interface import VerificationPolicy

from ..errors import InvalidPolicyValue, StandardNotFound
from ..models import Area, AssistanceProgram, StandardKind, StandardPeriod
from ..models.choices import DERIVED_KINDS
from ..policy_book import DerivedStandards, PolicyBook
from ..selectors.books import policy_book


@dataclass(frozen=True)
class StandardInForce:
    """A 保障标准 in force for a division on a day (``derived``: computed from the 低保标准)."""

    kind: str
    kind_label: str
    area: str
    division_code: str  # the division whose figure applies (the asked one or an ancestor)
    effective_from: date
    amount: Decimal  # as published (per ``period``); for derived standards the monthly figure
    period: str
    monthly_amount: Decimal
    derived: bool
    basis: str
    source_note: str = ""


def standard_in_force(
    division_code: str, program: str, on: date, *, area: str | None = None
) -> StandardInForce:
    """The standard a program (code, e.g. ``dibao_urban``) or a standard kind (``StandardKind``) pays from.

    Programs for both areas (特困, 孤儿 …) take ``area`` for standards that differ between 城市 and 农村.
    Raises ``StandardNotFound`` when no version covers the division on the day.
    """
    division_code = normalise_division_code(division_code)
    kind, area = _kind_and_area(program, area)
    book = policy_book([division_code])
    return in_force_from_book(book, kind, area, division_code, on)


def in_force_from_book(
    book: PolicyBook, kind: str, area: str, division_code: str, on: date
) -> StandardInForce:
    label = StandardKind(kind).label
    if kind in DERIVED_KINDS:
        derived = book.derived(division_code, area, on)
        amount = None
        if derived is not None:
            amount, basis = (
                (derived.dibao_edge_line, derived.dibao_edge_basis)
                if kind == StandardKind.DIBAO_EDGE
                else (derived.tekun_basic, derived.tekun_basis)
            )
        if amount is None:
            raise StandardNotFound(f"{division_code} 在 {on:%Y-%m-%d} 没有可用的{label}（缺低保标准或倍数）")
        return StandardInForce(
            kind, label, area, derived.dibao.division_code, derived.dibao.effective_from, amount,
            StandardPeriod.PER_MONTH, amount, True, basis, derived.dibao.source_note,
        )  # fmt: skip
    version = book.standard(kind, area, division_code, on)
    if version is None:
        raise StandardNotFound(f"{division_code} 在 {on:%Y-%m-%d} 没有{Area(area).label}{label}")
    return StandardInForce(
        kind, label, version.area, version.division_code, version.effective_from, version.amount,
        version.period, version.monthly_amount, False, "公布标准", version.source_note,
    )  # fmt: skip


def _kind_and_area(program: str, area: str | None) -> tuple[str, str]:
    if program in StandardKind.values:
        kind, default_area = program, Area.ALL
    else:
        found = AssistanceProgram.objects.filter(code=program).values_list("base_standard", "area").first()
        if found is None:
            raise InvalidPolicyValue(f"未知的救助项目：{program}", field="program")
        kind, default_area = found
    area = area or default_area
    if area not in Area.values:
        raise InvalidPolicyValue("城乡类别须为 urban、rural 或 all", field="area")
    if area == Area.ALL and kind in (StandardKind.DIBAO, *DERIVED_KINDS):
        raise InvalidPolicyValue("低保及其派生标准分城市、农村，请指定 area", field="area")
    return kind, area


def standard_in_force_for_each(
    division_codes: list[str], kind: str, area: str, on: date
) -> dict[str, StandardInForce | None]:
    """The standard of ``kind`` and ``area`` in force in each division (None where none covers it), from one
    policy book (two queries, however many divisions) — for figures over many divisions, such as the
    average 低保标准 of a city's counties."""
    codes = [normalise_division_code(code) for code in division_codes]
    book = policy_book(codes)
    found: dict[str, StandardInForce | None] = {}
    for code in codes:
        try:
            found[code] = in_force_from_book(book, kind, area, code, on)
        except StandardNotFound:
            found[code] = None
    return found


def standard_in_force_for_each_day(
    division_codes: list[str], kinds_and_areas: list[tuple[str, str]], days: list[date]
) -> dict[tuple[str, str, date], dict[str, StandardInForce | None]]:
    """Like ``standard_in_force_for_each`` for several standards and days at once, from one policy book (two
    queries): a plan cockpit reads the average 低保标准 at the end of every year of the plan."""
    codes = [normalise_division_code(code) for code in division_codes]
    book = policy_book(codes)
    found: dict[tuple[str, str, date], dict[str, StandardInForce | None]] = {}
    for kind, area in kinds_and_areas:
        for day in days:
            each: dict[str, StandardInForce | None] = {}
            for code in codes:
                try:
                    each[code] = in_force_from_book(book, kind, area, code, day)
                except StandardNotFound:
                    each[code] = None
            found[(kind, area, day)] = each
    return found


def standards_in_force(division_code: str, on: date) -> list[StandardInForce]:
    """Every published standard in force for a division (one per kind and area), plus the derived ones."""
    division_code = normalise_division_code(division_code)
    book = policy_book([division_code])
    found: list[StandardInForce] = []
    for kind in StandardKind.values:
        for area in Area.values:
            if area == Area.ALL and kind in (StandardKind.DIBAO, *DERIVED_KINDS):
                continue
            try:
                standard = in_force_from_book(book, kind, area, division_code, on)
            except StandardNotFound:
                continue
            if standard.area == area:  # a 不分城乡 figure is listed once, under 不分城乡
                found.append(standard)
    return found


def derived_standards(division_code: str, on: date) -> list[DerivedStandards]:
    """低保标准 per area with the 低保边缘 line and 特困基本生活标准 derived from it (unless overridden)."""
    division_code = normalise_division_code(division_code)
    book = policy_book([division_code])
    found = (book.derived(division_code, area, on) for area in (Area.URBAN, Area.RURAL))
    return [derived for derived in found if derived is not None]


def verification_policies(division_areas: dict[str, str], on: date) -> dict[str, VerificationPolicy]:
    """For each division code (mapped to its area, 城市 ``urban`` / 农村 ``rural``) the figures a household
    economic verification uses (registered as 核对's policy source in ``AssistanceConfig.ready``) — resolved from one policy book (two queries, however many divisions)."""
    book = policy_book(division_areas)
    found = {}
    for code, area in division_areas.items():
        dibao = book.standard(StandardKind.DIBAO, area, code, on)
        found[code] = VerificationPolicy(
            dibao_monthly=dibao.monthly_amount if dibao is not None else None,
            dibao_edge_multiplier=book.value("dibao_edge_multiplier", code, on),
            asset_limit_months=book.value("asset_limit_months", code, on),
        )
    return found
