"""The value of an indicator definition for a division and period, wherever it comes from.

computed → the domain's ``IndicatorSource`` (collected, never imported); entered → the latest approved
entries, rolled up the division tree (a division's own approved figure wins over its children's); formula →
the referenced definitions' values. Every figure says where it came from and links to the records behind it.
Callers check that the viewer may see the division; this module does not know the viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.indicator_sources import IndicatorSource, collect_indicator_sources
from minzheng.core.jurisdiction import LEVEL_LENGTHS, division_prefix, full_code

from .indicator_rules import aggregate, evaluate_formula, formula_references
from .models import EnteredValue, EntryStatus, IndicatorDefinition, SourceKind
from .periods import Period


@dataclass(frozen=True)
class Figure:
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    drilldown_url: str = ""
    note: str = ""
    origin: str = ""  # computed | entered | formula


def sources() -> dict[str, IndicatorSource]:
    return collect_indicator_sources()


def monitoring_period(definition: IndicatorDefinition, year: int) -> Period:
    """The period a year's monitoring reads: the year itself, or its last quarter/month (year-end stock)."""
    last = {"year": 1, "quarter": 4, "month": 12}[definition.period_type]
    return Period.of(definition.period_type, year, last)


def figure(
    definition: IndicatorDefinition,
    division_code: str,
    period: Period,
    *,
    available: dict[str, IndicatorSource] | None = None,
    _depth: int = 0,
) -> Figure:
    available = sources() if available is None else available
    if definition.source_kind == SourceKind.COMPUTED:
        return _computed(definition, division_code, period, available)
    if definition.source_kind == SourceKind.FORMULA:
        return _formula(definition, division_code, period, available, _depth)
    return _entered(definition, division_code, period)


def _computed(definition, division_code, period, available) -> Figure:
    source = available.get(definition.source_code)
    if source is None:
        return Figure(None, note=f"计算来源 {definition.source_code} 尚未接入", origin="computed")
    try:
        found = source.compute(full_code(division_prefix(division_code)), period.start, period.end)
    except MinzhengError as exc:
        return Figure(None, note=f"计算失败：{exc.message}", origin="computed")
    return Figure(
        found.value, found.numerator, found.denominator, found.drilldown_url or "", found.note, "computed"
    )


def entries_url(definition: IndicatorDefinition, division_code: str, period: Period) -> str:
    query = urlencode({"definition": definition.pk, "division": division_code, "period": period.key})
    return f"{reverse('planning:entry_list')}?{query}"


def approved_entries(
    definition: IndicatorDefinition, division_code: str, period: Period
) -> list[EnteredValue]:
    """The latest approved version per division inside ``division_code`` (one query)."""
    rows = (
        EnteredValue.objects.filter(
            definition=definition,
            period=period.key,
            status=EntryStatus.APPROVED,
            division_code__startswith=division_prefix(division_code),
        )
        .order_by("division_code", "-reviewed_at", "-pk")
        .only("division_code", "value", "numerator", "denominator", "reviewed_at")
    )
    latest: dict[str, EnteredValue] = {}
    for row in rows:
        latest.setdefault(row.division_code, row)
    return list(latest.values())


def _entered(definition, division_code, period, entries=None) -> Figure:
    if entries is None:
        entries = approved_entries(definition, division_code, period)
    by_prefix = {division_prefix(e.division_code): (e.value, e.numerator, e.denominator) for e in entries}
    value, numerator, denominator = rollup(
        by_prefix, division_prefix(division_code), definition.aggregation, definition.factor
    )
    note = "" if entries else "本期无已审核的填报数据"
    if entries and (division_prefix(division_code) not in by_prefix):
        note = f"由{len(entries)}个下级区划的填报汇总"
    return Figure(
        value, numerator, denominator, entries_url(definition, division_code, period), note, "entered"
    )


def rollup(values: dict[str, tuple], prefix: str, aggregation: str, factor: Decimal) -> tuple:
    """A division's (value, numerator, denominator): its own approved figure, else the roll-up of the
    nearest divisions below that reported (each of them resolved the same way)."""
    if prefix in values:
        return values[prefix]
    if aggregation == "none":
        return None, None, None
    longer = [length for length in LEVEL_LENGTHS if length > len(prefix)]
    if not longer:
        return None, None, None
    children = {key[: longer[0]] for key in values if key.startswith(prefix) and len(key) >= longer[0]}
    parts = [rollup(values, child, aggregation, factor) for child in sorted(children)]
    parts = [part for part in parts if part[0] is not None]
    return aggregate(aggregation, parts, factor)


def _formula(definition, division_code, period, available, depth) -> Figure:
    if depth > 5:
        return Figure(None, note="公式引用层级过深（可能循环引用）", origin="formula")
    codes = formula_references(definition.expression)
    referenced = {d.code: d for d in IndicatorDefinition.objects.filter(code__in=codes)}
    values = {}
    for code in codes:
        found = referenced.get(code)
        values[code] = (
            figure(found, division_code, period, available=available, _depth=depth + 1).value
            if found
            else None
        )
    missing = [code for code in codes if values.get(code) is None]
    note = ("缺少：" + "、".join(missing)) if missing else ""
    return Figure(evaluate_formula(definition.expression, values), note=note, origin="formula")


class FigureBook:
    """Figures of one page, read in batches: every entered definition's approved entries for all the periods
    in one query, each computed source's periods in one call (``compute_series`` where the source offers it),
    and no figure asked twice. The values are exactly those of ``figure`` (same roll-up, same notes)."""

    def __init__(self, available: dict[str, IndicatorSource] | None = None):
        self.available = sources() if available is None else available
        self._figures: dict[tuple[int, str, str], Figure] = {}
        self._entries: dict[tuple[int, str], list[EnteredValue]] | None = None
        self._entries_prefix = ""

    def load_entries(self, definitions, division_code: str, periods: list[Period]) -> None:
        """The latest approved version per division, definition and period inside ``division_code``."""
        prefix = division_prefix(division_code)
        ids = {d.pk for d in definitions if d.source_kind == SourceKind.ENTERED}
        rows = (
            EnteredValue.objects.filter(
                definition_id__in=ids,
                period__in={p.key for p in periods},
                status=EntryStatus.APPROVED,
                division_code__startswith=prefix,
            )
            .order_by("definition_id", "period", "division_code", "-reviewed_at", "-pk")
            .only(
                "definition_id", "period", "division_code", "value", "numerator", "denominator", "reviewed_at"
            )
        )
        latest: dict[tuple[int, str, str], EnteredValue] = {}
        for row in rows:
            latest.setdefault((row.definition_id, row.period, row.division_code), row)
        self._entries = {}
        for (definition_id, period_key, _), row in latest.items():
            self._entries.setdefault((definition_id, period_key), []).append(row)
        self._entries_ids, self._entries_prefix = ids, prefix

    def load_series(self, definition: IndicatorDefinition, division_code: str, periods: list[Period]) -> None:
        """A computed definition's figures for several periods from one ``compute_series`` call."""
        source = (
            self.available.get(definition.source_code)
            if definition.source_kind == SourceKind.COMPUTED
            else None
        )
        wanted = [p for p in periods if (definition.pk, division_code, p.key) not in self._figures]
        if source is None or source.compute_series is None or not wanted:
            return
        code = full_code(division_prefix(division_code))
        try:
            found = source.compute_series(code, [(p.start, p.end) for p in wanted])
        except MinzhengError:
            return  # each period is asked again one by one, which reports the failure in its note
        for period, value in zip(wanted, found, strict=True):
            self._figures[(definition.pk, division_code, period.key)] = Figure(
                value.value,
                value.numerator,
                value.denominator,
                value.drilldown_url or "",
                value.note,
                "computed",
            )

    def load_divisions(
        self, definition: IndicatorDefinition, division_codes: list[str], period: Period
    ) -> None:
        """A computed definition's figures of several divisions for one period (``compute_divisions``)."""
        source = (
            self.available.get(definition.source_code)
            if definition.source_kind == SourceKind.COMPUTED
            else None
        )
        wanted = [c for c in division_codes if (definition.pk, c, period.key) not in self._figures]
        if source is None or source.compute_divisions is None or not wanted:
            return
        codes = [full_code(division_prefix(code)) for code in wanted]
        try:
            found = source.compute_divisions(codes, period.start, period.end)
        except MinzhengError:
            return  # asked again one by one, which reports the failure in each note
        for code, value in zip(wanted, found, strict=True):
            self._figures[(definition.pk, code, period.key)] = Figure(
                value.value,
                value.numerator,
                value.denominator,
                value.drilldown_url or "",
                value.note,
                "computed",
            )

    def figure(self, definition: IndicatorDefinition, division_code: str, period: Period) -> Figure:
        key = (definition.pk, division_code, period.key)
        if key not in self._figures:
            self._figures[key] = self._read(definition, division_code, period)
        return self._figures[key]

    def _read(self, definition, division_code, period) -> Figure:
        prefix = division_prefix(division_code)
        if (
            definition.source_kind == SourceKind.ENTERED
            and self._entries is not None
            and definition.pk in self._entries_ids
            and prefix.startswith(self._entries_prefix)
        ):
            entries = [
                e
                for e in self._entries.get((definition.pk, period.key), [])
                if e.division_code.startswith(prefix)
            ]
            return _entered(definition, division_code, period, entries)
        return figure(definition, division_code, period, available=self.available)
