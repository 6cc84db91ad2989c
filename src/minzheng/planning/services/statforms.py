"""民政报表: load the forms, generate a report for a division and period (computed rows from their bound
sources, sums of child rows, entries kept), record entries, submit, and keep every report so the next
period's 上期 is there. 环比 follows ``statform_rules``."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from minzheng.core.errors import PermissionDenied
from minzheng.core.jurisdiction import covers, division_level
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidStatReport
from ..figures import sources
from ..models import (
    StatForm,
    StatFormRow,
    StatReport,
    StatReportStatus,
    StatReportValue,
    StatRowBinding,
    ValueOrigin,
)
from ..periods import InvalidPeriod, Period
from ..statform_seed import FORMS, ROW_BINDINGS

BINDING_AUDIT_TYPE = "stat_row_binding"


def load_stat_forms() -> int:
    """The shipped form versions with their rows and row bindings. Idempotent: a version is loaded once;
    bindings shipped later reach forms already installed (``_ship_bindings``). Returns the versions made."""
    created = 0
    with transaction.atomic():
        for seed in FORMS:
            form, made = StatForm.objects.get_or_create(
                code=seed.code,
                version=seed.version,
                defaults={
                    "name": seed.name, "period_type": seed.period_type, "approval_no": seed.approval_no,
                    "approver": seed.approver, "valid_from": seed.valid_from, "valid_to": seed.valid_to,
                    "previous_label": seed.previous_label, "note": seed.note,
                },
            )  # fmt: skip
            if made:
                created += 1
                _create_rows(form, seed.rows)
            _ship_bindings(form)
    return created


def _create_rows(form: StatForm, rows) -> None:
    stack: list[StatFormRow] = []
    for order, row in enumerate(rows, start=1):
        while stack and stack[-1].level >= row.level:
            stack.pop()
        saved = StatFormRow.objects.create(
            form=form, order=order, level=row.level, label=row.label, unit=row.unit, code=row.code,
            parent=stack[-1] if stack else None, is_heading=row.heading, sum_of_children=row.sum,
            confirmed=row.confirmed,
        )  # fmt: skip
        stack.append(saved)


def _ship_bindings(form: StatForm) -> None:
    """Shipped 报表行取数 for rows still without one. A row whose binding an administrator has set or removed
    (``bind_row`` audits every change) is theirs: an upgrade never overrides that choice."""
    shipped = [(label, source, note) for code, label, source, note in ROW_BINDINGS if code == form.code]
    if not shipped:
        return
    rows: dict[str, StatFormRow] = {}
    for row in form.rows.filter(binding__isnull=True).order_by("order"):
        rows.setdefault(row.label, row)  # the first row of a label, as the forms are read top-down
    chosen = set(
        AuditEvent.objects.filter(
            object_type=BINDING_AUDIT_TYPE, object_id__in=[str(row.pk) for row in rows.values()]
        ).values_list("object_id", flat=True)
    )
    for label, source_code, note in shipped:
        row = rows.get(label)
        if row is not None and str(row.pk) not in chosen:
            StatRowBinding.objects.create(row=row, source_code=source_code, note=note)


def form_for(period_type: str, period: Period, code: str = "") -> StatForm:
    """The form version in force at the period's end (of the given 表号, or any of the period type)."""
    forms = StatForm.objects.filter(period_type=period_type, valid_from__lte=period.end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.end)
    )
    if code:
        forms = forms.filter(code=code)
    form = forms.order_by("-valid_from").first()
    if form is None:
        raise InvalidStatReport(
            f"{period.label}没有适用的{'月报' if period_type == 'month' else '季报'}表式", field="period"
        )
    return form


def parse_report_period(period_type: str, key: str) -> Period:
    try:
        period = Period.parse(key)
    except InvalidPeriod as exc:
        raise InvalidStatReport(str(exc), field="period") from None
    if period.type != period_type:
        raise InvalidStatReport("月报的期别如 2024M03，季报的期别如 2024Q1", field="period")
    if period.start > timezone.localdate():
        raise InvalidStatReport("不能编制未来期别的报表", field="period")
    return period


def _window(row: StatFormRow, period: Period) -> tuple[date, date]:
    # 累计 rows (every 万元 row of 民政事业费累计支出) are year-to-date; stock rows are end-of-period values.
    return (period.year_start if row.unit == "万元" else period.start), period.end


@dataclass(frozen=True)
class GeneratedRow:
    value: Decimal | None
    origin: str
    source_code: str = ""
    drilldown_url: str = ""


def generate_report(
    actor, period_type: str, division_code: str, period_key: str, *, form_code: str = ""
) -> StatReport:
    """编制: compute every bound row, keep entered rows, add up sum rows; the previous period's report is
    generated too when it is missing, so 上期 is available."""
    require(actor, Capability.ENTER_INDICATORS)
    if not covers(actor.division_code, division_code) or division_level(division_code) == 0:
        raise PermissionDenied("只能编制本辖区的统计报表")
    period = parse_report_period(period_type, period_key)
    report = _generate(actor, form_for(period_type, period, form_code), division_code, period)
    previous = period.previous()
    if not StatReport.objects.filter(
        form__period_type=period_type, division_code=division_code, period=previous.key
    ).exists():
        # No form version may cover the previous period: 上期 then stays blank, as on the printed form.
        with contextlib.suppress(InvalidStatReport):
            _generate(actor, form_for(period_type, previous), division_code, previous)
    return report


def _generate(actor, form: StatForm, division_code: str, period: Period) -> StatReport:
    with transaction.atomic():
        report, created = StatReport.objects.get_or_create(
            form=form, division_code=division_code, period=period.key,
            defaults={"period_end": period.end, "generated_by": actor},
        )  # fmt: skip
        if report.status == StatReportStatus.SUBMITTED:
            return report
        rows = list(form.rows.order_by("order").select_related("binding"))
        kept = {v.row_id: v for v in report.values.all()}
        results = _compute_rows(rows, kept, division_code, period)
        for row in rows:
            StatReportValue.objects.update_or_create(
                report=report, row=row,
                defaults={
                    "value": results[row.pk].value, "origin": results[row.pk].origin,
                    "source_code": results[row.pk].source_code, "drilldown_url": results[row.pk].drilldown_url,
                },
            )  # fmt: skip
        report.generated_by = actor
        report.save()
        record_event(
            actor, AuditEvent.CREATE if created else AuditEvent.UPDATE, object_type="stat_report",
            object_id=report.pk, division_code=division_code, summary=f"编制{form.name} {period.label}",
        )  # fmt: skip
    return report


def _compute_rows(rows, kept, division_code: str, period: Period) -> dict[int, GeneratedRow]:
    available = sources()
    results: dict[int, GeneratedRow] = {}
    for row in rows:
        binding = getattr(row, "binding", None)
        source = available.get(binding.source_code) if binding else None
        if row.is_heading:
            results[row.pk] = GeneratedRow(None, ValueOrigin.EMPTY)
        elif source is not None:
            start, end = _window(row, period)
            found = source.compute(division_code, start, end)
            value = None if found.value is None else found.value * binding.scale
            results[row.pk] = GeneratedRow(
                value, ValueOrigin.COMPUTED, source.code, found.drilldown_url or ""
            )
        elif row.pk in kept and kept[row.pk].origin == ValueOrigin.ENTERED:
            results[row.pk] = GeneratedRow(kept[row.pk].value, ValueOrigin.ENTERED)
        else:
            results[row.pk] = GeneratedRow(None, ValueOrigin.EMPTY)
    # Sum rows bottom-up (deepest first), from whatever their children hold.
    children: dict[int, list[StatFormRow]] = {}
    for row in rows:
        if row.parent_id:
            children.setdefault(row.parent_id, []).append(row)
    for row in sorted((r for r in rows if r.sum_of_children), key=lambda r: -r.level):
        values = [results[c.pk].value for c in children.get(row.pk, []) if results[c.pk].value is not None]
        if values and results[row.pk].origin != ValueOrigin.COMPUTED:
            results[row.pk] = GeneratedRow(sum(values), ValueOrigin.SUM)
    return results


def row_is_entered(row: StatFormRow, available=None) -> bool:
    """A row a person fills in: not a heading, not a sum, and no installed source bound to it."""
    available = sources() if available is None else available
    binding = getattr(row, "binding", None)
    return (
        not row.is_heading and not row.sum_of_children and not (binding and binding.source_code in available)
    )


def enter_values(actor, report: StatReport, values: dict[int, Decimal | None]) -> int:
    """填报 the rows without a source; sums are recomputed. Refused once the report is submitted."""
    require(actor, Capability.ENTER_INDICATORS)
    if not covers(actor.division_code, report.division_code):
        raise PermissionDenied("只能填报本辖区的统计报表")
    if report.status == StatReportStatus.SUBMITTED:
        raise InvalidStatReport("报表已上报，不能修改", field="status")
    rows = {row.pk: row for row in report.form.rows.select_related("binding")}
    available = sources()
    changed = 0
    with transaction.atomic():
        for row_id, value in values.items():
            row = rows.get(row_id)
            if row is None or not row_is_entered(row, available):
                raise InvalidStatReport(f"“{row.label if row else row_id}”不是填报行", field=str(row_id))
            if value is not None and value < 0:
                raise InvalidStatReport(f"“{row.label}”不能为负数", field=str(row_id))
            if (
                value is not None
                and row.unit in ("个", "人", "户", "张", "件", "对", "具")
                and value != value.to_integral_value()
            ):
                raise InvalidStatReport(f"“{row.label}”应为整数", field=str(row_id))
            current = report.values.filter(row=row).first()
            if current is not None and current.value == value:
                continue
            StatReportValue.objects.update_or_create(
                report=report, row=row,
                defaults={"value": value, "origin": ValueOrigin.ENTERED if value is not None else ValueOrigin.EMPTY, "entered_by": actor},
            )  # fmt: skip
            changed += 1
        if changed:
            _generate(actor, report.form, report.division_code, Period.parse(report.period))
            record_event(
                actor, AuditEvent.UPDATE, object_type="stat_report", object_id=report.pk,
                division_code=report.division_code, summary=f"填报{report.form.name} {report.period}：{changed}行",
            )  # fmt: skip
    return changed


def submit_report(actor, report: StatReport, problems: list[str] | None = None) -> StatReport:
    """上报: refused while 表内审核 finds problems (``problems`` from ``statform_selectors.report_problems``)."""
    require(actor, Capability.APPROVE_INDICATORS)
    if not covers(actor.division_code, report.division_code):
        raise PermissionDenied("只能上报本辖区的统计报表")
    if report.status == StatReportStatus.SUBMITTED:
        raise InvalidStatReport("报表已上报", field="status")
    if problems:
        raise InvalidStatReport("表内审核未通过：" + "；".join(problems), field="status")
    with transaction.atomic():
        report.status, report.submitted_by, report.submitted_at = (
            StatReportStatus.SUBMITTED,
            actor,
            timezone.now(),
        )
        report.save(update_fields=["status", "submitted_by", "submitted_at"])
        record_event(
            actor, AuditEvent.UPDATE, object_type="stat_report", object_id=report.pk,
            division_code=report.division_code, summary=f"上报{report.form.name} {report.period}",
        )  # fmt: skip
    return report


def bind_row(
    actor, row: StatFormRow, *, source_code: str, scale: Decimal, note: str
) -> StatRowBinding | None:
    """报表行取数: bind a row to a source (empty code removes the binding)."""
    require(actor, Capability.MANAGE_PLANS)
    if row.is_heading or row.sum_of_children:
        raise InvalidStatReport("标题行和合计行不能绑定来源", field="source_code")
    existing = getattr(row, "binding", None)
    with transaction.atomic():
        if not source_code:
            if existing is not None:
                existing.delete()
            found = None
        else:
            if source_code not in sources():
                raise InvalidStatReport(f"计算来源 {source_code} 不存在", field="source_code")
            if scale <= 0:
                raise InvalidStatReport("换算系数必须大于0", field="scale")
            found, _ = StatRowBinding.objects.update_or_create(
                row=row,
                defaults={
                    "source_code": source_code,
                    "scale": scale,
                    "note": note.strip()[:200],
                    "updated_by": actor,
                },
            )
        record_event(
            actor, AuditEvent.UPDATE, object_type=BINDING_AUDIT_TYPE, object_id=row.pk,
            summary=f"报表行取数：{row.form.code} {row.label} → {source_code or '（填报）'}",
        )  # fmt: skip
    return found
