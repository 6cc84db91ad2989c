"""Importing one plan draft: file reading, checks, and the rows of the plan in one audited transaction.

Idempotent by the file's SHA-256: the same document again answers the plan already stored and writes nothing.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import IntegrityError, transaction

from minzheng.core.errors import PermissionDenied
from minzheng.core.jurisdiction import covers, division_level, division_prefix, full_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from .. import importer
from ..errors import InvalidPlan, PlanFileRejected
from ..models import (
    IndicatorAttribute,
    IndicatorSource,
    OutlineKind,
    OutlineNode,
    Plan,
    PlanIndicator,
    PlanLevel,
    PlanProject,
    PlanTask,
)
from ..rules import parse_target, plan_period

SYSTEM_USERNAME = "system"
PLAN_LEVELS = {0: PlanLevel.NATIONAL, 1: PlanLevel.PROVINCE, 2: PlanLevel.CITY, 3: PlanLevel.COUNTY}


def file_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def parse_plan_file(file_name: str, content: bytes) -> importer.PlanDraft:
    """A .txt (UTF-8 or GB18030) or .docx plan document → draft; anything else, and a file in which no plan
    is recognised (empty, a notice), is refused — before the draft's region is ever looked up."""
    draft = _parse_plan_file(file_name, content)
    if not draft.recognised:
        raise PlanFileRejected(f"{importer.NOT_A_PLAN}：请上传规划正文（含标题和章节）")
    return draft


def _parse_plan_file(file_name: str, content: bytes) -> importer.PlanDraft:
    suffix = Path(file_name).suffix.lower()
    if suffix == ".docx":
        with tempfile.NamedTemporaryFile(suffix=".docx") as handle:
            handle.write(content)
            handle.flush()
            try:
                return importer.parse_plan_docx(handle.name)
            except Exception as exc:  # python-docx raises several unrelated types for a broken file
                raise PlanFileRejected("无法读取该 .docx 文件，请确认文件未损坏") from exc
    if suffix == ".txt":
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return importer.parse_plan_text(content.decode(encoding))
            except UnicodeDecodeError:
                continue
        raise PlanFileRejected("无法识别文本文件的编码，请另存为 UTF-8 后重新上传")
    raise PlanFileRejected("只支持 .txt 或 .docx 格式的规划文件")


def find_imported(sha256: str) -> Plan | None:
    return Plan.objects.filter(source_sha256=sha256).first()


def plan_by_id(pk: int) -> Plan | None:
    """For the management command, which acts as the system (no jurisdiction)."""
    return Plan.objects.filter(pk=pk).first()


def nearest_ancestor_plan(division_code: str, period_start: int | None = None) -> Plan | None:
    """The plan a plan of ``division_code`` implements: the closest higher division that has one."""
    prefix = division_prefix(division_code)
    ancestors = [full_code(prefix[:n]) for n in (0, 2, 4, 6, 9) if n < len(prefix)]
    plans = Plan.objects.filter(division_code__in=ancestors)
    if period_start is not None:
        plans = plans.filter(period_start=period_start)
    return max(plans, key=lambda plan: len(division_prefix(plan.division_code)), default=None)


def import_plan(
    draft: importer.PlanDraft,
    *,
    source_name: str,
    sha256: str,
    actor,
    division_code: str,
    parent: Plan | None = None,
) -> Plan:
    """Store a reviewed draft as a plan with its outline, tasks, indicators and projects (one transaction).

    ``actor`` None means the system (seed loading, the management command).
    """
    level = _check_import(draft, actor=actor, division_code=division_code, parent=parent)
    existing = find_imported(sha256)
    if existing is not None:
        return existing
    start, end = plan_period(draft.title)
    try:
        with transaction.atomic():
            plan = Plan.objects.create(
                title=clip_text(draft.title, 200),
                status=clip_text(draft.status, 20),
                level=level,
                region_name=clip_text(draft.region, 50),
                division_code=division_code,
                parent=parent,
                period_start=start,
                period_end=end,
                source_name=clip_text(source_name, 255),
                source_sha256=sha256,
                import_notes=list(draft.notes),
                imported_by=actor if actor is not None and actor.is_authenticated else None,
            )
            _create_outline(plan, draft.outline)
            _create_tasks(plan, draft.tasks)
            _create_indicators(plan, draft)
            _create_projects(plan, draft.projects)
            record_event(
                actor,
                AuditEvent.IMPORT,
                object_type="plan",
                object_id=plan.pk,
                division_code=division_code,
                summary=f"导入规划《{plan.title}》（{source_name}）",
                after={"sha256": sha256, **plan_counts(plan)},
                username="" if actor is not None else SYSTEM_USERNAME,
            )
    except IntegrityError:
        # Someone imported the same file a moment earlier; theirs is the plan.
        existing = find_imported(sha256)
        if existing is None:
            raise
        return existing
    return plan


def _check_import(draft, *, actor, division_code: str, parent: Plan | None) -> str:
    if actor is not None:
        require(actor, Capability.MANAGE_PLANS)
        if not covers(actor.division_code, division_code):
            raise PermissionDenied("只能导入本辖区（本级及下级区划）的规划")
    if not draft.title.strip():
        raise InvalidPlan("未识别出规划名称，请填写后再保存", field="title")
    if not re.fullmatch(r"\d{12}", division_code or ""):
        raise InvalidPlan("规划所属区划代码应为12位数字", field="division_code")
    level = division_level(division_code)
    if level not in PLAN_LEVELS:
        raise InvalidPlan("规划所属区划应为省级、市级或县级", field="division_code")
    if parent is not None:
        own, above = division_prefix(division_code), division_prefix(parent.division_code)
        if not (own.startswith(above) and len(above) < len(own)):
            raise InvalidPlan("上级规划应属于本区划的上级区划", field="parent")
    return PLAN_LEVELS[level]


def plan_counts(plan: Plan) -> dict[str, int]:
    return {
        "outline": plan.outline_nodes.count(),
        "tasks": plan.tasks.count(),
        "indicators": plan.indicators.filter(source=IndicatorSource.TABLE).count(),
        "text_targets": plan.indicators.filter(source=IndicatorSource.TEXT).count(),
        "projects": plan.projects.count(),
    }


def _create_outline(plan: Plan, roots: list[importer.OutlineNode]) -> None:
    """Level by level, so each row's parent already has its key when the row is inserted."""
    order = 0
    level: list[tuple[OutlineNode | None, importer.OutlineNode]] = [(None, root) for root in roots]
    depth = 0
    position: dict[int, int] = {}
    for root in roots:
        for node in root.walk():
            order += 1
            position[id(node)] = order
    while level:
        rows = [
            OutlineNode(
                plan=plan,
                parent=parent,
                kind=_outline_kind(node.kind, depth),
                number=clip_text(node.number, 20),
                title=clip_text(node.title or node.heading, 300),
                heading=clip_text(node.heading, 300),
                depth=depth,
                order=position[id(node)],
            )
            for parent, node in level
        ]
        OutlineNode.objects.bulk_create(rows)
        level = [(row, child) for row, (_, node) in zip(rows, level, strict=True) for child in node.children]
        depth += 1


def _outline_kind(kind: str, depth: int) -> str:
    if kind in ("box", "table"):
        return kind
    return (OutlineKind.CHAPTER, OutlineKind.SECTION)[depth] if depth < 2 else OutlineKind.HEADING


def _create_tasks(plan: Plan, tasks: list[importer.Task]) -> None:
    PlanTask.objects.bulk_create(
        PlanTask(
            plan=plan,
            order=k,
            lead=clip_text(task.lead, 300),
            chapter=clip_text(task.chapter, 300),
            section=clip_text(task.section, 300),
        )
        for k, task in enumerate(tasks, start=1)
    )


def _create_indicators(plan: Plan, draft: importer.PlanDraft) -> None:
    rows = []
    for indicator in draft.indicators:
        target, baseline = parse_target(indicator.target), parse_target(indicator.baseline)
        rows.append(
            PlanIndicator(
                plan=plan,
                order=len(rows) + 1,
                no=indicator.no,
                name=clip_text(indicator.name, 300),
                unit=clip_text(indicator.unit, 30),
                target=clip_text(indicator.target, 200),
                comparison=target.comparison,
                target_value=target.value,
                attribute=indicator.attribute if indicator.attribute in IndicatorAttribute.values else "",
                baseline=clip_text(indicator.baseline, 100),
                baseline_value=baseline.value,
                # The 基期 column of a five-year plan's table is the year before the period.
                baseline_year=plan.period_start - 1 if indicator.baseline else None,
                source=IndicatorSource.TABLE,
                source_table=clip_text(indicator.table, 200),
            )
        )
    for stated in draft.text_targets:
        target = parse_target(stated.value)
        rows.append(
            PlanIndicator(
                plan=plan,
                order=len(rows) + 1,
                name=clip_text(stated.name or stated.quote, 300),
                unit=clip_text(target.unit, 30),
                target=clip_text(stated.value, 200),
                comparison=target.comparison,
                target_value=target.value,
                source=IndicatorSource.TEXT,
                quote=stated.quote,
                year=clip_text(stated.year, 20),
                chapter=clip_text(stated.chapter, 300),
                section=clip_text(stated.section, 300),
            )
        )
    PlanIndicator.objects.bulk_create(rows)


def _create_projects(plan: Plan, projects: list[importer.Project]) -> None:
    PlanProject.objects.bulk_create(
        PlanProject(
            plan=plan,
            order=k,
            no=project.no,
            name=clip_text(project.name, 300),
            source=clip_text(project.source, 200),
            location=clip_text(project.location, 100),
            scale=clip_text(project.scale, 500),
            investment=_decimal(project.investment),
            investment_unit=clip_text(project.investment_unit, 10),
            deadline=clip_text(project.deadline, 50),
            description=project.description,
            targets=list(project.targets),
        )
        for k, project in enumerate(projects, start=1)
    )


def clip_text(text: str, length: int) -> str:
    return (text or "").strip()[:length]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").strip()) if text and text.strip() else None
    except InvalidOperation:
        return None
