"""The review step of an upload (导入 → 审核 → 保存) and 分解落实 of task items."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from minzheng.core.errors import PermissionDenied
from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot

from ..drafts import DraftEditError, apply_review, draft_from_dict, draft_to_dict
from ..errors import InvalidPlan
from ..models import Plan, PlanDraftUpload, PlanTask, TaskStatus
from .plan_import import clip_text, file_sha256, import_plan, parse_plan_file


def stage_upload(actor, file_name: str, content: bytes) -> PlanDraftUpload:
    """Parse an uploaded plan file and keep the draft for review; nothing of the plan is stored yet."""
    require(actor, Capability.MANAGE_PLANS)
    draft = parse_plan_file(file_name, content)
    with transaction.atomic():
        upload = PlanDraftUpload.objects.create(
            file_name=clip_text(file_name, 255),
            sha256=file_sha256(content),
            draft=draft_to_dict(draft),
            division_code=actor.division_code,
            uploaded_by=actor,
        )
        record_event(
            actor,
            AuditEvent.CREATE,
            object_type="plan_draft_upload",
            object_id=upload.pk,
            division_code=actor.division_code,
            summary=f"上传规划文件待审核：{upload.file_name}",
        )
    return upload


def save_upload(
    actor,
    upload: PlanDraftUpload,
    *,
    title: str,
    status: str,
    division_code: str,
    parent: Plan | None,
    edited: dict[str, list[dict[str, str]]] | None = None,
) -> Plan:
    """保存: the reviewer's corrections — metadata and the edited indicator, text-target, task and project
    tables (rows changed, deleted or added) — applied to the stored draft, then ``import_plan``."""
    draft = draft_from_dict(upload.draft)
    draft.title, draft.status = title.strip(), status.strip()
    try:
        draft = apply_review(draft, edited or {})
    except DraftEditError as exc:
        raise InvalidPlan(str(exc), field="draft") from None
    plan = import_plan(
        draft,
        source_name=upload.file_name,
        sha256=upload.sha256,
        actor=actor,
        division_code=division_code,
        parent=parent,
    )
    PlanDraftUpload.objects.filter(pk=upload.pk).update(plan=plan)
    upload.plan = plan
    return plan


def update_task(
    actor, task: PlanTask, *, responsible_unit: str, deadline: date | None, status: str
) -> PlanTask:
    """分解落实: record who is responsible for a task, by when, and how far it has come."""
    require(actor, Capability.MANAGE_PLANS)
    if not covers(actor.division_code, task.plan.division_code):
        raise PermissionDenied("只能分解落实本辖区的规划任务")
    if status not in TaskStatus.values:
        raise InvalidPlan("任务状态不正确", field="status")
    fields = ["responsible_unit", "deadline", "status"]
    before = snapshot(task, fields)
    task.responsible_unit, task.deadline, task.status = (
        clip_text(responsible_unit.strip(), 200),
        deadline,
        status,
    )
    with transaction.atomic():
        task.save(update_fields=[*fields, "updated_at"])
        record_event(
            actor,
            AuditEvent.UPDATE,
            object_type="plan_task",
            object_id=task.pk,
            division_code=task.plan.division_code,
            summary=f"分解落实：{task.lead}",
            before=before,
            after=snapshot(task, fields),
        )
    return task
