"""Monitoring writes: the dated status rules, and progress evidence of task items and key projects."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction

from minzheng.core.errors import PermissionDenied
from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidIndicator, InvalidPlan
from ..models import (
    PlanProject,
    PlanTask,
    ProjectProgress,
    ProjectStatus,
    StatusRule,
    TaskProgress,
    TaskStatus,
)

NATIONAL = "000000000000"


def seed_status_rules() -> None:
    """The shipped default: 进度正常 at ≥ 90% of the time elapsed, 预警 below 60%, projection counts,
    约束性 lagging escalates. A platform default (no national rule exists), changeable as data."""
    StatusRule.objects.get_or_create(
        division_code=NATIONAL,
        effective_from=date(2021, 1, 1),
        defaults={
            "normal_ratio": Decimal("0.90"),
            "lagging_ratio": Decimal("0.60"),
            "use_projection": True,
            "binding_escalates": True,
            "note": "平台缺省规则：完成进度不低于时间进度的90%为进度正常，低于60%为预警",
        },
    )


def add_status_rule(
    actor,
    *,
    division_code: str,
    effective_from: date,
    normal_ratio: Decimal,
    lagging_ratio: Decimal,
    use_projection: bool,
    binding_escalates: bool,
    note: str,
) -> StatusRule:
    require(actor, Capability.MANAGE_PLANS)
    if not covers(actor.division_code, division_code):
        raise PermissionDenied("只能为本辖区设置监测规则")
    if not (Decimal(0) < lagging_ratio <= normal_ratio <= Decimal(2)):
        raise InvalidIndicator("比例应满足 0 < 滞后比例 ≤ 进度正常比例 ≤ 2", field="lagging_ratio")
    if not note.strip():
        raise InvalidIndicator("请填写规则依据", field="note")
    try:
        with transaction.atomic():
            rule = StatusRule.objects.create(
                division_code=division_code,
                effective_from=effective_from,
                normal_ratio=normal_ratio,
                lagging_ratio=lagging_ratio,
                use_projection=use_projection,
                binding_escalates=binding_escalates,
                note=note.strip()[:300],
                created_by=actor,
            )
            record_event(
                actor,
                AuditEvent.CREATE,
                object_type="status_rule",
                object_id=rule.pk,
                division_code=division_code,
                summary=f"监测状态规则：{effective_from:%Y-%m-%d}起 进度正常≥{normal_ratio}，滞后≥{lagging_ratio}",
            )
    except IntegrityError:
        raise InvalidIndicator("该区划同一生效日期已有规则", field="effective_from") from None
    return rule


def report_task_progress(
    actor, task: PlanTask, *, reported_on: date, status: str, progress_percent: int | None, evidence: str
) -> TaskProgress:
    """重点任务进展 with evidence; the task's current status follows the latest report."""
    require(actor, Capability.MANAGE_PLANS)
    if not covers(actor.division_code, task.plan.division_code):
        raise PermissionDenied("只能报告本辖区规划任务的进展")
    if status not in TaskStatus.values:
        raise InvalidPlan("任务状态不正确", field="status")
    if progress_percent is not None and not 0 <= progress_percent <= 100:
        raise InvalidPlan("完成进度应在0—100之间", field="progress_percent")
    if not evidence.strip():
        raise InvalidPlan("请填写进展情况和佐证材料", field="evidence")
    with transaction.atomic():
        progress = TaskProgress.objects.create(
            task=task, reported_on=reported_on, status=status, progress_percent=progress_percent,
            evidence=evidence.strip(), reported_by=actor,
        )  # fmt: skip
        latest = task.progress.order_by("-reported_on", "-pk").first()
        if latest is not None and latest.status != task.status:
            task.status = latest.status
            task.save(update_fields=["status", "updated_at"])
        record_event(
            actor, AuditEvent.CREATE, object_type="task_progress", object_id=progress.pk,
            division_code=task.plan.division_code, summary=f"任务进展：{task.lead}（{progress.get_status_display()}）",
        )  # fmt: skip
    return progress


def report_project_progress(
    actor,
    project: PlanProject,
    *,
    reported_on: date,
    status: str,
    progress_percent: int,
    spent: Decimal,
    evidence: str,
) -> ProjectProgress:
    """重大项目进展: 形象进度 and 累计完成投资 (万元) to date; money spent never goes down."""
    require(actor, Capability.MANAGE_PLANS)
    if not covers(actor.division_code, project.plan.division_code):
        raise PermissionDenied("只能报告本辖区规划项目的进展")
    if status not in ProjectStatus.values:
        raise InvalidPlan("项目状态不正确", field="status")
    if not 0 <= progress_percent <= 100:
        raise InvalidPlan("形象进度应在0—100之间", field="progress_percent")
    if spent < 0:
        raise InvalidPlan("累计完成投资不能为负数", field="spent")
    earlier = project.progress.filter(reported_on__lte=reported_on).order_by("-reported_on", "-pk").first()
    if earlier is not None and spent < earlier.spent:
        raise InvalidPlan(
            f"累计完成投资不能少于{earlier.reported_on:%Y-%m-%d}报告的{earlier.spent}万元", field="spent"
        )
    with transaction.atomic():
        progress = ProjectProgress.objects.create(
            project=project, reported_on=reported_on, status=status, progress_percent=progress_percent,
            spent=spent, evidence=evidence.strip(), reported_by=actor,
        )  # fmt: skip
        record_event(
            actor, AuditEvent.CREATE, object_type="project_progress", object_id=progress.pk,
            division_code=project.plan.division_code,
            summary=f"项目进展：{project.name} {progress_percent}%，累计完成投资{spent}万元",
        )  # fmt: skip
    return progress
