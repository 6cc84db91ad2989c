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
from .services.statforms import row_is_entered
from .statform_rules import format_ratio, format_value, part_violations, ring_ratio


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


def previous_report(report: StatReport) -> StatReport | None:
    previous = Period.parse(report.period).previous()
    return (
        StatReport.objects.filter(
            form__period_type=report.form.period_type, division_code=report.division_code, period=previous.key
        )
        .select_related("form")
        .first()
    )


def report_lines(report: StatReport) -> list[ReportLine]:
    """Every row with 数量, 上期 (the previous period's report — another form version is matched by 代码,
    else by label) and 环比."""
    values = {v.row_id: v for v in report.values.all()}
    before = previous_report(report)
    by_code: dict[str, Decimal | None] = {}
    by_label: dict[str, Decimal | None] = {}
    if before is not None:
        for v in before.values.select_related("row"):
            if v.row.code:
                by_code[v.row.code] = v.value
            by_label[v.row.label] = v.value
    available = sources()
    lines = []
    for row in form_rows(report.form):
        current = values.get(row.pk)
        value = current.value if current else None
        previous = by_code.get(row.code) if row.code and row.code in by_code else by_label.get(row.label)
        lines.append(
            ReportLine(
                row=row,
                value=value,
                previous=previous,
                ratio=None if row.is_heading else ring_ratio(value, previous, row.unit),
                origin=current.origin if current else "empty",
                origin_label=current.get_origin_display() if current else "",
                drilldown_url=current.drilldown_url if current else "",
                entered=row_is_entered(row, available),
            )
        )
    return lines


def report_problems(lines: list[ReportLine]) -> list[str]:
    """表内审核 of a report's lines: rows with parts that add up to more than the row."""
    by_row = {line.row.pk: line for line in lines}
    parts: dict[int, list] = {}
    for line in lines:
        if line.row.parent_id in by_row:
            parts.setdefault(line.row.parent_id, []).append(line.value)
    return part_violations(
        [
            (line.row.label, line.value, parts[line.row.pk])
            for line in lines
            if line.row.pk in parts and not line.row.sum_of_children and not line.row.is_heading
        ]
    )
