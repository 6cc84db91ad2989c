"""民政报表: load the forms, generate a report for a division and period (computed rows from their bound
sources, sums of child rows, entries kept), record entries, submit, and keep every report so the next
period's 上期 is there. 环比 follows ``statform_rules``."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import F, Q
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
    """The shipped form versions with their rows and row bindings. Idempotent: a version is made once and a
    version already installed is brought to the shipped header and rows (``_sync_rows``: rows added later,
    such as 二、社会工作, reach it; rows keep their ids, so stored reports keep their values); bindings
    shipped later reach forms already installed (``_ship_bindings``). Returns the versions made."""
    created = 0
    with transaction.atomic():
        for seed in FORMS:
            header = {
                "name": seed.name, "period_type": seed.period_type, "approval_no": seed.approval_no,
                "approver": seed.approver, "valid_from": seed.valid_from, "valid_to": seed.valid_to,
                "previous_label": seed.previous_label, "note": seed.note, "last_month_column": seed.last_month,
            }  # fmt: skip
            form, made = StatForm.objects.get_or_create(code=seed.code, version=seed.version, defaults=header)
            if made:
                created += 1
            else:
                changed = [field for field, value in header.items() if getattr(form, field) != value]
                for field in changed:
                    setattr(form, field, header[field])
                if changed:
                    form.save(update_fields=changed)
            _sync_rows(form, seed.rows)
            _ship_bindings(form)
    return created


def _row_key(label: str, seen: dict[str, int]) -> tuple[str, int]:
    seen[label] = seen.get(label, 0) + 1
    return label, seen[label]


def _sync_rows(form: StatForm, rows) -> None:
    """The form's rows as shipped: matched by label as printed (and occurrence), updated in place, new rows
    added; parents follow the levels (a row's parent is the nearest row above it with a smaller level)."""
    existing: dict[tuple[str, int], StatFormRow] = {}
    seen: dict[str, int] = {}
    for row in form.rows.order_by("order"):
        existing[_row_key(row.label, seen)] = row
    if existing:  # free the orders first: (form, order) is unique
        form.rows.update(order=F("order") + 100_000)
    seen = {}
    stack: list[StatFormRow] = []
    for order, seed in enumerate(rows, start=1):
        while stack and stack[-1].level >= seed.level:
            stack.pop()
        fields = {
            "order": order, "level": seed.level, "unit": seed.unit, "code": seed.code,
            "parent": stack[-1] if stack else None, "is_heading": seed.heading,
            "sum_of_children": seed.sum, "confirmed": seed.confirmed,
        }  # fmt: skip
        saved = existing.pop(_row_key(seed.label, seen), None)
        if saved is None:
            saved = StatFormRow.objects.create(form=form, label=seed.label, **fields)
        else:
            for field, value in fields.items():
                setattr(saved, field, value)
            saved.save()
        stack.append(saved)
    for gone in existing.values():  # a row no longer shipped: dropped unless a report holds its value
        if StatReportValue.objects.filter(row=gone).exists():
            gone.order = StatFormRow.objects.filter(form=form).count() + 100_000 + gone.pk
            gone.save(update_fields=["order"])
        else:
            gone.delete()


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
    """The form version in force at the period's end (of the given 表号, or any of the period type). None in
    force: refused, naming the versions there are and the years they cover."""
    forms = StatForm.objects.filter(period_type=period_type, valid_from__lte=period.end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.end)
    )
    if code:
        forms = forms.filter(code=code)
    form = forms.order_by("-valid_from").first()
    if form is None:
        kind = "月报" if period_type == "month" else "季报"
        versions = "；".join(
            f"{f.code}（{version_label(f)}，适用{years_label(f)}）"
            for f in StatForm.objects.filter(period_type=period_type).order_by("valid_from")
        )
        raise InvalidStatReport(
            f"{period.label}没有适用的{kind}表式。现有{kind}表式版本：{versions or '无'}", field="period"
        )
    return form


def version_label(form: StatForm) -> str:
    return form.version if "号" in form.version else f"{form.version}年版"


def years_label(form: StatForm) -> str:
    start = form.valid_from.year
    if form.valid_to is None:
        return f"{start}年起"
    return f"{start}年" if form.valid_to.year == start else f"{start}—{form.valid_to.year}年"


def parse_report_period(period_type: str, key: str) -> Period:
    """月报: 2024M03. 季报: 2024Q1, or a month (2024M10) for the quarterly form filled monthly (湖南 cities
    publish JZH01 every month, stat-forms.md §2)."""
    try:
        period = Period.parse(key)
    except InvalidPeriod as exc:
        raise InvalidStatReport(str(exc), field="period") from None
    if period.type != period_type and not (period_type == "quarter" and period.type == "month"):
        raise InvalidStatReport(
            "月报的期别如 2024M03，季报的期别如 2024Q1（按月编制季报表时如 2024M10）", field="period"
        )
    if period.start > timezone.localdate():
        raise InvalidStatReport("不能编制未来期别的报表", field="period")
    return period


def last_month_of(period: Period) -> Period:
    """The 上月 of a quarterly report: the month before the quarter's last month (2022Q3 → 2022M08)."""
    return Period.of("month", period.year, period.last_month).previous()


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
    """编制: compute every bound row, keep entered rows, add up sum rows. The report 上期 is read from (the
    previous period) is generated too when it is missing, and so is the previous month's edition of a
    quarterly form with a 上月 column, so both columns are available."""
    require(actor, Capability.FILL_STAT_REPORTS)
    if not covers(actor.division_code, division_code) or division_level(division_code) == 0:
        raise PermissionDenied("只能编制本辖区的统计报表")
    period = parse_report_period(period_type, period_key)
    form = form_for(period_type, period, form_code)
    report = _generate(actor, form, division_code, period)
    wanted = [period.previous()]
    if form.last_month_column and period.type == "quarter":
        wanted.append(last_month_of(period))
    for earlier in wanted:
        if not StatReport.objects.filter(
            form__period_type=period_type, division_code=division_code, period=earlier.key
        ).exists():
            # No form version may cover it: the column then stays blank, as on the printed form.
            with contextlib.suppress(InvalidStatReport):
                _generate(actor, form_for(period_type, earlier), division_code, earlier)
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
    # Parent rows bottom-up (deepest first), from whatever their children hold: a 合计 row is the sum of its
    # children; a row with 其中 parts (≥ their sum, §7) left blank takes their sum until someone enters it —
    # "2.社会救助" is never blank while its parts hold money.
    children: dict[int, list[StatFormRow]] = {}
    for row in rows:
        if row.parent_id:
            children.setdefault(row.parent_id, []).append(row)
    for row in sorted((r for r in rows if r.pk in children and not r.is_heading), key=lambda r: -r.level):
        values = [results[c.pk].value for c in children[row.pk] if results[c.pk].value is not None]
        if not values:
            continue
        current = results[row.pk]
        # 合计: unless a source computes it; 其中 parent: only while nobody entered it.
        takes_sum = (
            current.origin != ValueOrigin.COMPUTED
            if row.sum_of_children
            else current.value is None and current.origin == ValueOrigin.EMPTY
        )
        if takes_sum:
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
    require(actor, Capability.FILL_STAT_REPORTS)
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


def save_report(actor, report: StatReport, values: dict[int, Decimal | None], **header) -> int:
    """The report page's 保存: the entered rows and the header block together, all or nothing."""
    with transaction.atomic():
        changed = enter_values(actor, report, values)
        set_report_header(actor, report, **header)
    return changed


def set_report_header(
    actor, report: StatReport, *, principal: str, preparer: str, reported_on: date | None
) -> StatReport:
    """The block printed with the form: 单位负责人, 填表人, 报出日期 (填报单位 is the division's office)."""
    require(actor, Capability.FILL_STAT_REPORTS)
    if not covers(actor.division_code, report.division_code):
        raise PermissionDenied("只能填报本辖区的统计报表")
    if report.status == StatReportStatus.SUBMITTED:
        raise InvalidStatReport("报表已上报，不能修改", field="status")
    principal, preparer = principal.strip(), preparer.strip()
    if len(principal) > 30 or len(preparer) > 30:
        raise InvalidStatReport("单位负责人、填表人不能超过30个字", field="principal")
    if reported_on is not None and reported_on > timezone.localdate():
        raise InvalidStatReport("报出日期不能晚于今天", field="reported_on")
    if (report.principal, report.preparer, report.reported_on) == (principal, preparer, reported_on):
        return report
    with transaction.atomic():
        report.principal, report.preparer, report.reported_on = principal, preparer, reported_on
        report.save(update_fields=["principal", "preparer", "reported_on"])
        record_event(
            actor, AuditEvent.UPDATE, object_type="stat_report", object_id=report.pk,
            division_code=report.division_code, summary=f"填报{report.form.name} {report.period}：表头",
        )  # fmt: skip
    return report


def submit_report(actor, report: StatReport, findings=(), explanation: str = "") -> StatReport:
    """上报 after 表内审核 (``findings`` from ``statform_selectors.report_findings``): refused while a
    强制性审核 fails; a failed 核实性审核 needs a 审核说明, kept with the report and printed under it."""
    require(actor, Capability.SUBMIT_STAT_REPORTS)
    if not covers(actor.division_code, report.division_code):
        raise PermissionDenied("只能上报本辖区的统计报表")
    if report.status == StatReportStatus.SUBMITTED:
        raise InvalidStatReport("报表已上报", field="status")
    blocking = [f.message for f in findings if f.blocking]
    if blocking:
        raise InvalidStatReport("表内审核未通过，不能上报：" + "；".join(blocking), field="status")
    explanation = explanation.strip()
    if any(not f.blocking for f in findings) and len(explanation) < 4:
        raise InvalidStatReport(
            "核实性审核未通过：请在“审核说明”中说明原因（至少4个字）后再上报", field="explanation"
        )
    if len(explanation) > 500:
        raise InvalidStatReport("审核说明不能超过500个字", field="explanation")
    with transaction.atomic():
        report.status, report.submitted_by, report.submitted_at = (
            StatReportStatus.SUBMITTED,
            actor,
            timezone.now(),
        )
        report.explanation = explanation
        report.reported_on = report.reported_on or timezone.localdate()
        if not report.preparer and report.generated_by is not None:
            report.preparer = report.generated_by.display_name
        report.save(
            update_fields=["status", "submitted_by", "submitted_at", "explanation", "reported_on", "preparer"]
        )
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
