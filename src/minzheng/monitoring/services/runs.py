"""监测批次: the daily run (incremental from the last run's watermark), full runs, and rule trials.

A run syncs the library with 社会救助, builds the population, runs the job on DuckDB (or Spark) over the
department deliveries in the exchange store, and inserts only warnings whose key is new — re-running a day
evaluates the same window and adds nothing. New warnings are assigned to the township of residence with a
time limit in working days; overdue ones escalate to the county.
"""

import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from minzheng.background.interface import this_worker, worker_is_gone
from minzheng.batch.intake import ExchangeStore
from minzheng.batch.monitoring import (
    MonitoringResult,
    changed_datasets,
    late_events_since,
    rules_table,
    run_monitoring,
)
from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import working_day_deadline

from .. import rules
from ..errors import MonitoringError
from ..models import LibraryPerson, MonitoringRun, RiskRule, RiskWarning, WarningStep
from .library import sync_from_assistance
from .population import population_table, rule_versions

SYSTEM = "system"
#: a full run (and the very first run) looks back this far: events older than a year are history, not news
FULL_RUN_LOOKBACK_DAYS = 365


def exchange_store() -> ExchangeStore:
    return ExchangeStore(root=settings.VAR_DIR / "exchange")


def _backend(engine: str):
    if engine == "spark":
        from minzheng.batch.backends.spark_backend import SparkBackend

        return SparkBackend(master=getattr(settings, "SPARK_MASTER", "local[2]"))
    return None  # DuckDB in memory


def last_run(before: date) -> MonitoringRun | None:
    """The latest successful daily or full run that ended before ``before``: its end date is the watermark
    (the last day already evaluated), its start the moment it took the department data."""
    return (
        MonitoringRun.objects.filter(
            status=MonitoringRun.SUCCEEDED,
            kind__in=[MonitoringRun.DAILY, MonitoringRun.FULL],
            until__lt=before,
        )
        .order_by("-until", "-started_at")
        .first()
    )


def _late_events_since(last: MonitoringRun, until: date, engine: str) -> date | None:
    """The earliest event dated on or before the watermark that arrived after the last run took its data."""
    store = exchange_store()
    seen = store.snapshot(cutoff=last.until, received_before=last.started_at)
    current = store.snapshot(cutoff=until)
    if not changed_datasets(seen, current):
        return None  # the same files as the last run: no engine (a Spark session) is started for nothing
    backend = _backend(engine)
    try:
        return late_events_since(seen, current, last.until, backend=backend)
    finally:
        if backend is not None:
            backend.close()


def _execute(run: MonitoringRun, *, only: RiskRule | None = None) -> MonitoringResult:
    started = time.perf_counter()
    try:
        population = population_table(run.until, division_code=run.division_code)
        backend = _backend(run.engine)
        try:
            result = run_monitoring(
                population,
                rules_table(rule_versions(only=only)),
                exchange_store().snapshot(cutoff=run.until),
                until=run.until,
                since=run.since,
                backend=backend,
            )
        finally:
            if backend is not None:
                backend.close()
    except Exception as exc:
        run.status, run.error = MonitoringRun.FAILED, str(exc)[:2000]
        run.seconds = Decimal(f"{time.perf_counter() - started:.2f}")
        run.save()
        raise
    run.population = population.num_rows
    run.found = result.warnings.num_rows
    run.by_rule = result.counts_by_rule()
    run.seconds = Decimal(f"{time.perf_counter() - started:.2f}")
    return result


def run_day(user, *, until: date, engine: str = "duckdb", full: bool = False) -> MonitoringRun:
    """每日监测 for the events up to ``until`` (a full run, and the first run, the year up to it). ``user`` None is
    the scheduler (``manage.py monitoring_daily``)."""
    if user is not None:
        require(user, Capability.MANAGE_MONITORING)
    if engine not in dict(MonitoringRun.ENGINES):
        raise MonitoringError("请选择计算引擎", field="engine")
    sync_from_assistance(until)
    last = None if full else last_run(until)
    since = last.until if last else None
    late = _late_events_since(last, until, engine) if last else None
    if late is not None:
        since = max(late - timedelta(days=1), until - timedelta(days=FULL_RUN_LOOKBACK_DAYS))
    kind = MonitoringRun.FULL if since is None else MonitoringRun.DAILY
    fail_interrupted_runs()
    run = MonitoringRun.objects.create(
        kind=kind,
        since=since or until - timedelta(days=FULL_RUN_LOOKBACK_DAYS),
        until=until,
        engine=engine,
        requested_by=user,
        worker=this_worker(),
    )
    result = _execute(run)
    with transaction.atomic():
        run.created = store_warnings(run, result)
        run.status = MonitoringRun.SUCCEEDED
        run.save()
        record_event(
            user,
            AuditEvent.CREATE,
            object_type="monitoring_run",
            object_id=run.pk,
            username="" if user else SYSTEM,
            summary=f"监测批次 {run.pk}：{run.since or '全量'}–{run.until}，命中{run.found}条，新增预警{run.created}条"
            + (f"（含迟到数据，最早事件 {late}，区间已前移）" if late is not None else ""),
        )
    escalate_overdue(timezone.localdate())
    return run


INTERRUPTED = "监测进程中断，本批次未写入任何预警（下次运行重新评估这些日期）"


def fail_interrupted_runs() -> int:
    """Mark failed every run left 运行中 by a process that has died (killed, power cut): its warnings were
    never committed — they are stored in one transaction with the run's success — so the next run, whose
    watermark is the last successful run, evaluates the same days again. Returns how many."""
    failed = 0
    for run in MonitoringRun.objects.filter(status=MonitoringRun.RUNNING).exclude(worker=""):
        if worker_is_gone(run.worker):
            failed += MonitoringRun.objects.filter(
                pk=run.pk, status=MonitoringRun.RUNNING, worker=run.worker
            ).update(status=MonitoringRun.FAILED, error=INTERRUPTED)
    return failed


def _due_on(start: date, days: int) -> date:
    # A limit reaching into a year whose 放假安排 is not loaded counts weekends only (assistance's one rule for
    # every domain), so warnings raised in December still fall due and escalate.
    return working_day_deadline(start, days)[0]


def store_warnings(run: MonitoringRun, result: MonitoringResult) -> int:
    """Insert the warnings whose key is new, assigned to the township of residence, with audit rows."""
    rows = result.rows()
    keys = [row["warning_key"] for row in rows]
    known = set()
    for start in range(0, len(keys), 5000):
        known |= set(
            RiskWarning.objects.filter(warning_key__in=keys[start : start + 5000]).values_list(
                "warning_key", flat=True
            )
        )
    new = [row for row in rows if row["warning_key"] not in known]
    if not new:
        return 0
    rules_by_id = RiskRule.objects.in_bulk({row["rule_id"] for row in new})
    names = dict(
        LibraryPerson.objects.filter(id_number__in={row["id_number"] for row in new}).values_list(
            "id_number", "name"
        )
    )
    townships = names_of({rules.township_of(row["division_code"]) for row in new})
    now, today = timezone.now(), timezone.localdate()
    due = {rule_id: _due_on(today, rule.verify_days) for rule_id, rule in rules_by_id.items()}
    warnings = [
        RiskWarning(
            number=f"YJ{run.until:%Y%m%d}{run.pk:05d}{index:06d}",
            warning_key=row["warning_key"],
            run=run,
            rule_id=row["rule_id"],
            rule_code=row["rule_code"],
            severity=row["severity"],
            household_id=int(row["household_id"][1:]) if row["household_id"].startswith("R") else None,
            household_key=row["household_id"],
            id_number=row["id_number"],
            person_name=names.get(row["id_number"], ""),
            division_code=row["division_code"],
            assigned_division_code=rules.township_of(row["division_code"]),
            event_date=row["event_date"],
            reason=row["reason"][:500],
            evidence=row["evidence"],
            status=rules.ASSIGNED,
            assigned_at=now,
            due_on=due[row["rule_id"]],
        )
        for index, row in enumerate(new, start=1)
    ]
    RiskWarning.objects.bulk_create(warnings, batch_size=2000)
    stored = RiskWarning.objects.filter(run=run).values_list(
        "pk", "number", "division_code", "assigned_division_code"
    )
    steps, audits = [], []
    for pk, number, division, township in stored:
        note = f"系统预警并自动分派至{townships.get(township, township)}"
        steps.append(WarningStep(warning_id=pk, action="assigned", note=note))
        audits.append(
            AuditEvent(
                username=SYSTEM,
                action=AuditEvent.CREATE,
                object_type="monitoring_warning",
                object_id=str(pk),
                division_code=division,
                summary=f"预警 {number}：{note}",
            )
        )
    WarningStep.objects.bulk_create(steps, batch_size=2000)
    AuditEvent.objects.bulk_create(audits, batch_size=2000)
    return len(warnings)


@transaction.atomic
def escalate_overdue(today: date) -> int:
    """超期上报: open warnings past their time limit go to the county (once), with a step and an audit row."""
    overdue = list(
        RiskWarning.objects.filter(
            status__in=rules.OPEN_STATUSES, due_on__lt=today, escalated_to=""
        ).select_for_update()
    )
    now = timezone.now()
    for warning in overdue:
        warning.escalated_to = rules.county_of(warning.division_code)
        warning.escalated_at = now
        note = f"超过核实处置时限（{warning.due_on:%Y-%m-%d}），已上报县级民政部门督办"
        WarningStep.objects.create(warning=warning, action="escalated", note=note)
        record_event(
            None,
            AuditEvent.UPDATE,
            username=SYSTEM,
            object_type="monitoring_warning",
            object_id=warning.pk,
            division_code=warning.division_code,
            summary=f"预警 {warning.number}：{note}",
        )
    RiskWarning.objects.bulk_update(overdue, ["escalated_to", "escalated_at"])
    return len(overdue)


@dataclass(frozen=True)
class TrialResult:
    run: MonitoringRun
    samples: list[dict]


def last_month(today: date) -> tuple[date, date]:
    """(since, until) of the previous calendar month: events after ``since`` up to ``until``."""
    first = today.replace(day=1)
    until = first - timedelta(days=1)
    return until.replace(day=1) - timedelta(days=1), until


def trial_run(user, rule: RiskRule, *, today: date | None = None) -> TrialResult:
    """用历史数据试算: how many warnings this version would have raised last month in its division —
    nothing is stored but the trial's own record."""
    require(user, Capability.MANAGE_MONITORING)
    mine = covers(user.division_code, rule.division_code)
    if not mine and not covers(rule.division_code, user.division_code):
        raise MonitoringError("该规则不在您的管辖范围内")
    since, until = last_month(today or timezone.localdate())
    sync_from_assistance(timezone.localdate())
    run = MonitoringRun.objects.create(
        kind=MonitoringRun.TRIAL,
        since=since,
        until=until,
        rule=rule,
        # a rule of the user's region is tried where it applies; one set above it, on the user's region
        division_code=rule.division_code if mine else user.division_code,
        requested_by=user,
    )
    result = _execute(run, only=rule)
    run.status = MonitoringRun.SUCCEEDED
    run.save()
    record_event(
        user,
        AuditEvent.CREATE,
        object_type="monitoring_run",
        object_id=run.pk,
        division_code=run.division_code,
        summary=f"规则试算 {rule.get_code_display()}：{since:%Y-%m} 月将产生预警{run.found}条",
    )
    return TrialResult(run, result.rows()[:20])
