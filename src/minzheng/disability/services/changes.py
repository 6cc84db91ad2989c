"""Stops and changes (应退尽退) and the yearly 应补尽补、应退尽退 review: each raises the caseworker's task.

- the registry's outbox (``core`` 登记变更: 死亡, 迁移) read from this domain's own position, one change per
  transaction with the cursor's advance (a second run never acts twice);
- a daily sweep of those receiving: 生活补贴 whose household left 低保 (社会救助's enrolments), certificates
  expired (残联 data);
- the yearly review: the 残联's certificate list against recipients — eligible and not receiving → an
  outreach task (应补尽补), receiving without a valid certificate → a task (应退尽退).
Tasks are idempotent by key; the caseworker records the outcome, the county 民政 stops the payment.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from minzheng.core.models import AuditEvent, RegistryChange
from minzheng.core.permissions import Capability, require
from minzheng.core.services.registry import changes_since

from ..errors import DisabilityConflict
from ..models import LIVE, ChangeTask, DisabilityCertificate, FeedCursor, Status, SubsidyApplication, TaskKind
from ..rules import eligibility
from .common import audit, check_in_jurisdiction, due, households_status, options, require_text

CONSUMER = "disability.registry_changes"


def raise_task(
    kind: str, person, division_code: str, detail: str, today: date, *, key: str, application=None
):
    """A task once per key (a rerun finds it)."""
    task, created = ChangeTask.objects.get_or_create(
        key=key[:80],
        defaults={
            "kind": kind, "person": person, "division_code": division_code, "application": application,
            "detail": detail[:300], "raised_on": today,
            "due_on": due(today, "disability_change_task_working_days", division_code),
        },
    )  # fmt: skip
    if created:
        audit(
            None,
            AuditEvent.CREATE,
            task,
            f"两项补贴变更任务：{task.get_kind_display()}",
            ["kind", "detail", "due_on"],
        )
    return task


@dataclass
class FeedResult:
    processed: int = 0
    tasks: int = 0


def consume_registry_changes(today: date, *, limit: int = 1000) -> FeedResult:
    cursor, _ = FeedCursor.objects.get_or_create(name=CONSUMER)
    result, position = FeedResult(), cursor.position
    while changes := changes_since(position, limit=limit):
        for change in changes:
            with transaction.atomic():
                locked = FeedCursor.objects.select_for_update().get(name=CONSUMER)
                if change.pk > locked.position:
                    result.tasks += _act_on(change, today)
                    locked.position = change.pk
                    locked.save(update_fields=["position", "updated_at"])
                    result.processed += 1
            position = change.pk
    return result


_CHANGE = {RegistryChange.DECEASED: TaskKind.DEATH, RegistryChange.MOVED: TaskKind.MOVED}


def _act_on(change: RegistryChange, today: date) -> int:
    kind = _CHANGE.get(change.kind)
    if kind is None or not change.person_id:
        return 0
    count = 0
    for application in SubsidyApplication.objects.filter(person_id=change.person_id, status__in=LIVE):
        what = "死亡" if kind == TaskKind.DEATH else "户籍迁移"
        raise_task(
            kind, application.person, application.division_code,
            f"登记变更：{what}（{change.effective_date}），请核实并报县民政停发或终止办理", today,
            key=f"{kind}:{application.pk}:{change.pk}", application=application,
        )  # fmt: skip
        count += 1
    return count


def sweep(today: date) -> int:
    """Daily: 生活补贴 recipients whose household is no longer in 低保 (nor 低保边缘 where extended), and
    recipients whose certificate expired."""
    paying = list(SubsidyApplication.objects.filter(status=Status.PAYING).select_related("person"))
    status = households_status([a.person_id for a in paying], today)
    certificates = {
        c.person_id: c
        for c in DisabilityCertificate.objects.filter(person_id__in=[a.person_id for a in paying])
    }
    count = 0
    for application in paying:
        c = certificates.get(application.person_id)
        cert = c and eligibility.Certificate(c.category, c.grade, c.valid_from, c.valid_until)
        if not eligibility.certificate_valid_on(cert, today):
            raise_task(
                TaskKind.EXPIRED, application.person, application.division_code,
                f"残疾人证已过期（有效期至 {c.valid_until if c else '无证'}），请告知换证，逾期报县民政停发", today,
                key=f"expired:{application.pk}:{c.valid_until if c else 'none'}", application=application,
            )  # fmt: skip
            count += 1
        elif application.kind == eligibility.LIVING and not eligibility.living_eligible(
            cert, status[application.person_id], options(application.division_code, today), today
        ):
            raise_task(
                TaskKind.LEFT_DIBAO, application.person, application.division_code,
                "所在家庭已退出低保，困难残疾人生活补贴应停发，请核实并报县民政停发", today,
                key=f"left_dibao:{application.pk}:{today:%Y-%m}", application=application,
            )  # fmt: skip
            count += 1
    return count


def yearly_review(today: date) -> int:
    """应补尽补、应退尽退: every valid certificate holder eligible for a subsidy they neither receive nor have
    applied for → an outreach task; every recipient missing from the 残联's valid list → a task."""
    count = 0
    holders = list(DisabilityCertificate.objects.select_related("person").filter(person__is_deceased=False))
    status = households_status([c.person_id for c in holders], today)
    live = set(SubsidyApplication.objects.filter(status__in=LIVE).values_list("person_id", "kind"))
    for c in holders:
        cert = eligibility.Certificate(c.category, c.grade, c.valid_from, c.valid_until)
        opts = options(c.division_code, today)
        for kind, label in (
            (eligibility.LIVING, "困难残疾人生活补贴"),
            (eligibility.CARE, "重度残疾人护理补贴"),
        ):
            if (c.person_id, kind) in live:
                continue
            if eligibility.eligible(kind, cert, status[c.person_id], opts, today):
                raise_task(
                    TaskKind.OUTREACH, c.person, c.division_code,
                    f"持证（{c.category}{c.grade}级）符合{label}条件但未享受，请主动告知并协助申请", today,
                    key=f"outreach:{c.person_id}:{kind}:{today.year}",
                )  # fmt: skip
                count += 1
    valid = {c.person_id for c in holders if eligibility.certificate_valid_on(
        eligibility.Certificate(c.category, c.grade, c.valid_from, c.valid_until), today)}  # fmt: skip
    for application in SubsidyApplication.objects.filter(status=Status.PAYING).exclude(person_id__in=valid):
        raise_task(
            TaskKind.NOT_CERTIFIED, application.person, application.division_code,
            "发放对象不在残联有效持证名单中，请核实后报县民政停发", today,
            key=f"not_certified:{application.pk}:{today.year}", application=application,
        )  # fmt: skip
        count += 1
    return count


@transaction.atomic
def complete_task(actor, task: ChangeTask, *, outcome: str, done_on: date) -> ChangeTask:
    require(actor, Capability.HANDLE_DISABILITY_SUBSIDY)
    check_in_jurisdiction(actor, task.division_code)
    task = ChangeTask.objects.select_for_update().get(pk=task.pk)
    if task.done_on is not None:
        raise DisabilityConflict("该任务已办结")
    task.outcome = require_text(outcome, "outcome", "处理结果", 300)
    task.done_on, task.done_by = done_on, actor
    task.save(update_fields=["outcome", "done_on", "done_by"])
    audit(
        actor,
        AuditEvent.UPDATE,
        task,
        f"办结两项补贴变更任务：{task.get_kind_display()}",
        ["outcome", "done_on"],
    )
    return task


def run_daily(today: date) -> dict[str, int]:
    """The nightly job: the registry feed, the sweep, and the yearly review in January (idempotent)."""
    feed = consume_registry_changes(today)
    swept = sweep(today)
    review = yearly_review(today) if today.month == 1 else 0
    return {"processed": feed.processed, "tasks": feed.tasks + swept + review}
