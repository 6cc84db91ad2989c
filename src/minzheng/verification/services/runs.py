"""Running verifications: a single household (the door the 社会救助 workflow uses) or a whole area in the
background, with progress and cancellation, results stored set-based (COPY on PostgreSQL).

A run is keyed by what determines its outcome — households, program, request date and the department
deliveries in force — so asking again with nothing changed returns the stored result instead of a duplicate.
"""

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pyarrow as pa
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from minzheng.background.interface import this_worker, worker_is_gone
from minzheng.batch.verification import REQUESTS_SCHEMA, parameters_table, run_verification
from minzheng.core.bulk import insert_rows
from minzheng.core.identity import is_temporary_id_number
from minzheng.core.jurisdiction import covers, full_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.registry import verification_roster
from minzheng.core.services.audit import record_event

from ..errors import NothingToVerify, VerificationError
from ..models import HouseholdVerification, VerificationRun
from .engine_parameters import verification_parameters
from .store import exchange_store

CHUNK_HOUSEHOLDS = 20_000  # progress and cancellation are checked between chunks
# The stages a run passes, in order, reported to a ``progress`` callback (a 后台任务 showing them to the user).
REPORT_STAGES = ("读取户籍数据", "读取部门共享数据", "核对计算", "保存核对结果")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class VerificationReport:
    """核对报告 summary returned to other domains (plain data, not a model)."""

    run_id: int
    result_id: int
    household_id: int
    conclusion: str
    per_capita_monthly_income: Decimal | None
    income_line: Decimal | None
    per_capita_financial_assets: Decimal | None
    asset_limit: Decimal | None
    reasons: list[dict]

    @property
    def conclusion_label(self) -> str:
        """核对结论 in Chinese (符合 / 不符合 / 需人工复核)."""
        return dict(HouseholdVerification.CONCLUSIONS)[self.conclusion]


def request_report(
    actor,
    *,
    household_id: int,
    program: str = "dibao",
    on: dt.date | None = None,
    requested_for: tuple[str, str] | None = None,
    progress: Progress | None = None,
) -> VerificationReport:
    """Verify one household now (an application's 家庭经济状况核对 step) and return the report.
    ``requested_for`` = (label, url) of what asked for it (a case), shown as a link on the report;
    ``progress(stage)`` is told each of ``REPORT_STAGES`` as the run reaches it."""
    require(actor, Capability.VERIFY_HOUSEHOLDS)
    check_choices(program, "duckdb")
    on = on or dt.date.today()
    roster = verification_roster(actor, household_ids=[household_id])
    if not roster:
        raise NothingToVerify("该家庭不存在、不在您的管辖范围内或没有现有成员")
    run, created = _run_for(
        actor, VerificationRun.SINGLE, program, on, roster[0][1], roster, "duckdb", household_id
    )
    if created:
        execute_run(run.pk, progress=progress)
        run.refresh_from_db()
    if run.status != VerificationRun.DONE:
        raise VerificationError(run.error or "核对未能完成")
    result = run.results.get(household_id=household_id)
    if requested_for is not None:
        _link(actor, result, *requested_for)
    return VerificationReport(
        run_id=run.pk,
        result_id=result.pk,
        household_id=household_id,
        conclusion=result.conclusion,
        per_capita_monthly_income=result.per_capita_monthly_income,
        income_line=result.income_line,
        per_capita_financial_assets=result.per_capita_financial_assets,
        asset_limit=result.asset_limit,
        reasons=result.reasons,
    )


def start_batch(
    actor, *, division_code: str, program: str, on: dt.date, engine: str = "duckdb"
) -> VerificationRun:
    """批量核对 of every household in a division, run by the task worker; the same request with the same
    data returns the run already made (or under way)."""
    require(actor, Capability.VERIFY_HOUSEHOLDS)
    check_choices(program, engine)
    division_code = full_code(division_code or actor.division_code)
    if not covers(actor.division_code, division_code):
        raise VerificationError("所选区划不在您的管辖范围内", field="division_code")
    roster = verification_roster(actor, division_code=division_code)
    if not roster:
        raise NothingToVerify("所选区划内没有可核对的家庭")
    run, created = _run_for(actor, VerificationRun.BATCH, program, on, division_code, roster, engine, None)
    if created:
        enqueue(run)
    return run


def run_for_list(actor, household_list, program, on, division_code, roster, engine) -> VerificationRun:
    """The run over an uploaded list's households (``services.lists`` checks the list first)."""
    run, created = _run_for(
        actor, VerificationRun.LIST, program, on, division_code, roster, engine, None, household_list
    )
    if created:
        enqueue(run)
    return run


def check_choices(program: str, engine: str) -> None:
    if program not in dict(VerificationRun.PROGRAMS):
        raise VerificationError("救助项目无效", field="program")
    if engine not in dict(VerificationRun.ENGINES):
        raise VerificationError("计算引擎无效", field="engine")


def enqueue(run: VerificationRun) -> None:
    """Hand the run to the task worker once the transaction that created it has committed."""
    from ..tasks import execute_run_task

    transaction.on_commit(lambda: execute_run_task.enqueue(run.pk))


def cancel_run(actor, run: VerificationRun) -> VerificationRun:
    require(actor, Capability.VERIFY_HOUSEHOLDS)
    if run.status not in (VerificationRun.QUEUED, VerificationRun.RUNNING):
        raise VerificationError("该批次已结束，无法取消")
    VerificationRun.objects.filter(pk=run.pk).update(cancel_requested=True)
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="verification_run",
        object_id=run.pk,
        division_code=run.division_code,
        summary="取消核对批次",
    )
    run.refresh_from_db()
    return run


@transaction.atomic
def _link(actor, result: HouseholdVerification, label: str, url: str) -> None:
    link = {"label": label, "url": url}
    result = HouseholdVerification.objects.select_for_update().get(pk=result.pk)
    if link in result.requested_for:
        return
    result.requested_for = [*result.requested_for, link]
    result.save(update_fields=["requested_for"])
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="household_verification",
        object_id=result.pk,
        division_code=result.division_code,
        summary=f"核对报告关联{label}",
    )


@transaction.atomic
def add_note(actor, result: HouseholdVerification, note: str) -> HouseholdVerification:
    """经办人备注: the only thing a person may add to a report; the figures stay the engine's."""
    require(actor, Capability.VERIFY_HOUSEHOLDS)
    before = {"note": result.note}
    result.note, result.note_by, result.note_at = note.strip()[:2000], actor, timezone.now()
    result.save(update_fields=["note", "note_by", "note_at"])
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="household_verification",
        object_id=result.pk,
        division_code=result.division_code,
        summary="核对报告备注",
        before=before,
        after={"note": result.note},
    )
    return result


def _run_for(
    actor, kind, program, on, division_code, roster, engine, target, household_list=None
) -> tuple[VerificationRun, bool]:
    receipts = sorted(r.delivery_id for r in exchange_store().current(on))
    households = sorted({h for h, _, _ in roster})
    fingerprint = hashlib.sha256(
        json.dumps([households, receipts, program, on.isoformat(), engine]).encode()
    ).hexdigest()[:40]
    run_key = f"{kind}:{division_code}:{fingerprint}"
    with transaction.atomic():
        run, created = VerificationRun.objects.get_or_create(
            run_key=run_key,
            defaults={
                "kind": kind,
                "program": program,
                "division_code": division_code,
                "request_date": on,
                "engine": engine,
                "requested_by": actor,
                "total": len(households),
                "target_household_id": target,
                "household_list": household_list,
            },
        )
        if not created and run.status in (VerificationRun.FAILED, VerificationRun.CANCELLED):
            # A failed or cancelled run is tried again under the same key, from the start.
            run.results.all().delete()
            VerificationRun.objects.filter(pk=run.pk).update(
                status=VerificationRun.QUEUED,
                done=0,
                eligible=0,
                ineligible=0,
                manual_review=0,
                cancel_requested=False,
                error="",
            )
            run.refresh_from_db()
            created = True
        if created:
            record_event(
                actor,
                AuditEvent.CREATE,
                object_type="verification_run",
                object_id=run.pk,
                division_code=division_code,
                summary=f"发起{run.get_kind_display()}：{len(households)}户，基准日{on:%Y-%m-%d}",
            )
    return run, created


def execute_run(run_id: int, progress: Progress | None = None) -> None:
    """The work of one run (called by the task worker, or inline for a single household)."""
    run = VerificationRun.objects.select_related("requested_by", "household_list").get(pk=run_id)
    if run.status == VerificationRun.DONE:
        return
    VerificationRun.objects.filter(pk=run.pk).update(
        status=VerificationRun.RUNNING, started_at=timezone.now(), worker=this_worker()
    )
    try:
        skipped = _execute(run, progress or (lambda stage: None))
    except Exception as exc:  # a failed run must say why on its page; the worker logs the traceback
        with transaction.atomic():
            # never half-stored: the chunks already stored go, the run is retried from the start
            run.results.all().delete()
            VerificationRun.objects.filter(pk=run.pk).update(
                status=VerificationRun.FAILED,
                error=_failure_message(exc),
                finished_at=timezone.now(),
                done=0,
                eligible=0,
                ineligible=0,
                manual_review=0,
            )
        raise
    if skipped is None:
        VerificationRun.objects.filter(pk=run.pk).update(
            status=VerificationRun.CANCELLED, finished_at=timezone.now()
        )
        return
    note = f"{skipped}户有成员无公民身份号码，未纳入（需人工核对）" if skipped else ""
    VerificationRun.objects.filter(pk=run.pk).update(
        status=VerificationRun.DONE, finished_at=timezone.now(), error=note
    )


def _failure_message(error: Exception) -> str:
    """The engine's own Chinese message where it has one; anything else is not shown raw to users."""
    from minzheng.batch.errors import BatchError

    if isinstance(error, BatchError | VerificationError):
        return str(getattr(error, "message", error))[:2000]
    return "核对作业运行失败（系统错误），请联系系统管理员查看日志"


def _execute(run: VerificationRun, progress: Progress) -> int | None:
    """Verify the run's households chunk by chunk; returns how many were skipped, None when cancelled."""
    progress(REPORT_STAGES[0])
    if run.target_household_id:
        roster = verification_roster(run.requested_by, household_ids=[run.target_household_id])
    elif run.household_list_id:
        roster = verification_roster(run.requested_by, household_ids=run.household_list.households)
    else:
        roster = verification_roster(run.requested_by, division_code=run.division_code)
    members: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for household_id, division, id_number in roster:
        members[household_id].append((division, id_number))
    # Persons without a 公民身份号码 (临时编号) cannot be matched with department data.
    skipped = [h for h, m in members.items() if any(is_temporary_id_number(i) for _, i in m)]
    for household_id in skipped:
        members.pop(household_id)
    # A run resumed after its worker died goes on from its last committed chunk.
    stored = set(run.results.values_list("household_id", flat=True))
    households = sorted(h for h in members if h not in stored)
    progress(REPORT_STAGES[1])
    snapshot = exchange_store().snapshot(cutoff=run.request_date)
    divisions = {division for m in members.values() for division, _ in m}
    parameters = parameters_table(verification_parameters(divisions, run.request_date))
    for start in range(0, len(households), CHUNK_HOUSEHOLDS):
        run.refresh_from_db()
        if run.cancel_requested:
            return None
        chunk = households[start : start + CHUNK_HOUSEHOLDS]
        progress(REPORT_STAGES[2])
        result = run_verification(
            _requests(run, chunk, members),
            parameters,
            snapshot,
            backend=_backend(run.engine),
            with_records=True,
        )
        progress(REPORT_STAGES[3])
        with transaction.atomic():  # a chunk's results and the run's counters commit together
            counts = _store(run, result)
            VerificationRun.objects.filter(pk=run.pk).update(
                done=F("done") + len(chunk),
                eligible=F("eligible") + counts[HouseholdVerification.ELIGIBLE],
                ineligible=F("ineligible") + counts[HouseholdVerification.INELIGIBLE],
                manual_review=F("manual_review") + counts[HouseholdVerification.MANUAL_REVIEW],
            )
    return len(skipped)


def recover_interrupted_runs() -> int:
    """Put back in the queue every run whose task worker process has died (``manage.py
    recover_background_jobs``); it resumes from its last committed chunk. Returns how many."""
    resumed = 0
    for run in VerificationRun.objects.filter(status=VerificationRun.RUNNING).exclude(worker=""):
        if not worker_is_gone(run.worker):
            continue
        with transaction.atomic():
            taken = VerificationRun.objects.filter(
                pk=run.pk, status=VerificationRun.RUNNING, worker=run.worker
            ).update(status=VerificationRun.QUEUED, worker="")
            if not taken:
                continue
            resumed += 1
            record_event(
                None,
                AuditEvent.UPDATE,
                object_type="verification_run",
                object_id=run.pk,
                division_code=run.division_code,
                summary=f"核对批次执行进程中断，从已完成的{run.done}户之后继续",
                username="后台任务调度",
            )
            enqueue(run)
    return resumed


def _requests(
    run: VerificationRun, households: list[int], members: dict[int, list[tuple[str, str]]]
) -> pa.Table:
    rows = [
        {
            "request_id": str(household_id),
            "household_id": str(household_id),
            "division_code": division,
            "request_date": run.request_date,
            "program": run.program,
            "id_number": id_number,
        }
        for household_id in households
        for division, id_number in members[household_id]
    ]
    return pa.Table.from_pylist(rows, schema=REQUESTS_SCHEMA)


def _backend(engine: str):
    if engine == "spark":
        from minzheng.batch.backends import SparkBackend
        from minzheng.batch.backends.spark_backend import spark_session

        return SparkBackend(spark_session(settings.SPARK_MASTER, **settings.SPARK_CONF))
    return None  # the engine's default: DuckDB in memory


_RESULT_FIELDS = (
    "run",
    "household",
    "division_code",
    "member_count",
    "per_capita_monthly_income",
    "total_financial_assets",
    "per_capita_financial_assets",
    "dibao_standard",
    "income_line",
    "asset_limit",
    "conclusion",
    "reasons",
    "member_income",
    "member_records",
    "requested_for",
    "note",
)


def _store(run: VerificationRun, result) -> dict[str, int]:
    income: dict[str, list[dict]] = defaultdict(list)
    for row in result.member_income.to_pylist():
        income[row["request_id"]].append(
            {
                k: (str(v) if isinstance(v, Decimal) else v)
                for k, v in row.items()
                if k not in ("request_id", "household_id")
            }
        )
    records: dict[str, list[str]] = defaultdict(list)
    for request_id, record in zip(
        result.member_records["request_id"].to_pylist(),
        result.member_records["record"].to_pylist(),
        strict=True,
    ):
        records[request_id].append(record)
    counts = {c: 0 for c, _ in HouseholdVerification.CONCLUSIONS}
    rows = []
    for row in result.households.to_pylist():
        counts[row["conclusion"]] += 1
        rows.append(
            (
                run.pk,
                int(row["household_id"]),
                row["division_code"],
                row["member_count"],
                row["per_capita_monthly_income"],
                row["total_financial_assets"],
                row["per_capita_financial_assets"],
                row["dibao_standard"],
                row["income_line"],
                row["asset_limit"],
                row["conclusion"],
                row["reasons"],
                json.dumps(income[row["request_id"]], ensure_ascii=False),
                "[" + ",".join(records[row["request_id"]]) + "]",  # already JSON objects from the engine
                "[]",
                "",
            )
        )
    with transaction.atomic():
        insert_rows(HouseholdVerification, _RESULT_FIELDS, rows)
    return counts
