"""民政报表 reads, scoped to the user's jurisdiction: the forms, the reports, and one report's lines with
数量 / 上期 / 环比 as the form prints them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404, scope

from .figures import sources
from .models import StatForm, StatFormRow, StatReport
from .periods import Period
from .services.statforms import last_month_of, row_is_entered
from .statform_rules import (
    AT_LEAST,
    EQUALS,
    RING,
    AuditFinding,
    AuditRule,
    Column,
    audit,
    format_ratio,
    format_value,
    layout,
    ring_ratio,
)
from .statform_seed import FORMS


def stat_forms() -> QuerySet[StatForm]:
    return StatForm.objects.order_by("period_type", "-valid_from")


def stat_form(pk: int) -> StatForm:
    form = StatForm.objects.filter(pk=pk).first()
    if form is None:
        raise Http404("报表表式不存在")
    return form


def form_rows(form: StatForm) -> list[StatFormRow]:
    return list(form.rows.order_by("order").select_related("binding"))


def stat_row(pk: int) -> StatFormRow:
    row = StatFormRow.objects.select_related("form", "binding").filter(pk=pk).first()
    if row is None:
        raise Http404("报表行不存在")
    return row


def report_list(user, period_type: str = "") -> QuerySet[StatReport]:
    reports = scope(StatReport.objects.select_related("form"), user, field="division_code")
    if period_type:
        reports = reports.filter(form__period_type=period_type)
    return reports.order_by("-period_end", "division_code", "form__period_type")


def report_detail(user, pk: int) -> StatReport:
    return get_in_jurisdiction_or_404(
        StatReport.objects.select_related("form", "submitted_by", "generated_by"),
        user,
        field="division_code",
        pk=pk,
    )


@dataclass(frozen=True)
class ReportLine:
    row: StatFormRow
    value: Decimal | None
    previous: Decimal | None
    ratio: Decimal | None
    origin: str
    origin_label: str
    drilldown_url: str
    entered: bool
    last_month: Decimal | None = None
    year_ago: Decimal | None = None
    yoy: Decimal | None = None

    @property
    def indent(self) -> str:
        return "\u3000" * self.row.level

    @property
    def value_text(self) -> str:
        return format_value(self.value, self.row.unit)

    @property
    def previous_text(self) -> str:
        return format_value(self.previous, self.row.unit)

    @property
    def ratio_text(self) -> str:
        return format_ratio(self.ratio)

    def amount(self, key: str) -> Decimal | None:
        """The value of one layout column (``statform_rules.layout``)."""
        return None if self.row.is_heading else getattr(self, key)

    def text(self, key: str) -> str:
        value = self.amount(key)
        return format_ratio(value) if key in ("ratio", "yoy") else format_value(value, self.row.unit)


def _report_in_series(report: StatReport, period: Period) -> StatReport | None:
    """The report of the same series (月报 / 季报表, whatever its version) for another period."""
    return (
        StatReport.objects.filter(
            form__period_type=report.form.period_type, division_code=report.division_code, period=period.key
        )
        .select_related("form")
        .first()
    )


def previous_report(report: StatReport) -> StatReport | None:
    return _report_in_series(report, Period.parse(report.period).previous())


def last_month_report(report: StatReport) -> StatReport | None:
    """The previous month's edition of a quarterly form with the 上月 column (2022Q3 → 2022M08)."""
    period = Period.parse(report.period)
    if not report.form.last_month_column or period.type != "quarter":
        return None
    return _report_in_series(report, last_month_of(period))


def year_ago_report(report: StatReport) -> StatReport | None:
    period = Period.parse(report.period)
    return _report_in_series(report, Period(period.year - 1, period.index, period.type))


def _matcher(other: StatReport | None):
    """Another report's values for this form's rows: another version is matched by 代码, else by label."""
    by_code: dict[str, Decimal | None] = {}
    by_label: dict[str, Decimal | None] = {}
    if other is not None:
        for v in other.values.select_related("row"):
            if v.row.code:
                by_code[v.row.code] = v.value
            by_label[v.row.label] = v.value

    def value_for(row: StatFormRow) -> Decimal | None:
        return by_code.get(row.code) if row.code and row.code in by_code else by_label.get(row.label)

    return value_for


def report_lines(report: StatReport) -> list[ReportLine]:
    """Every row with 数量, 上期 (the previous period's report), 环比, 上月 (forms with that column), 上年数据
    and 同比 (the same period a year before)."""
    values = {v.row_id: v for v in report.values.all()}
    previous = _matcher(previous_report(report))
    last_month = _matcher(last_month_report(report))
    year_ago = _matcher(year_ago_report(report))
    available = sources()
    lines = []
    for row in form_rows(report.form):
        current = values.get(row.pk)
        value = current.value if current else None
        before, a_year_ago = previous(row), year_ago(row)
        lines.append(
            ReportLine(
                row=row,
                value=value,
                previous=before,
                ratio=None if row.is_heading else ring_ratio(value, before, row.unit),
                origin=current.origin if current else "empty",
                origin_label=current.get_origin_display() if current else "",
                drilldown_url=current.drilldown_url if current else "",
                entered=row_is_entered(row, available),
                last_month=last_month(row),
                year_ago=a_year_ago,
                yoy=None if row.is_heading else ring_ratio(value, a_year_ago, row.unit),
            )
        )
    return lines


def report_columns(report: StatReport, compare: str = RING) -> list[Column]:
    period = Period.parse(report.period)
    return layout(
        form_period_type=report.form.period_type,
        period_type=period.type,
        previous_label=report.form.previous_label,
        last_month=report.form.last_month_column,
        previous_month=period.previous().last_month if period.type == "month" else period.last_month,
        compare=compare,
    )


def tree_rules(rows: list[StatFormRow]) -> list[AuditRule]:
    """表内审核 from the row tree (§7): a 合计 row equals the sum of its rows; any other row with rows under it
    (其中 parts) is never smaller than their sum. Headings carry no values and are not checked."""
    children: dict[int, list[StatFormRow]] = {}
    for row in rows:
        if row.parent_id and not row.is_heading:
            children.setdefault(row.parent_id, []).append(row)
    return [
        AuditRule(
            row.label, EQUALS if row.sum_of_children else AT_LEAST, tuple(c.label for c in children[row.pk])
        )
        for row in rows
        if row.pk in children and not row.is_heading
    ]


def form_checks(form: StatForm) -> list[AuditRule]:
    """The cross-row checks shipped with the form's version (``statform_seed``)."""
    seed = next((f for f in FORMS if (f.code, f.version) == (form.code, form.version)), None)
    return list(seed.checks) if seed else []


def report_findings(report: StatReport, lines: list[ReportLine]) -> list[AuditFinding]:
    """表内审核 of a filled form: its relations (tree and cross-row) run on the stored values."""
    rows = [line.row for line in lines]
    return audit(
        tree_rules(rows) + form_checks(report.form),
        {line.row.label: line.value for line in lines if not line.row.is_heading},
        {line.row.label: line.row.unit for line in lines},
    )
