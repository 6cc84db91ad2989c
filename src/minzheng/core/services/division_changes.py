"""行政区划变更 writes: recording a change with its links (never touching the Division rows' history other
than closing a superseded version), marking it implemented or its code published; the shipped history loader."""

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from ..errors import MinzhengError
from ..jurisdiction import division_prefix, full_code, parse_division_code
from ..models import AuditEvent, DivisionChange, DivisionChangeKind, DivisionSuccession
from .audit import record_event, snapshot

HISTORY_FILE = Path(__file__).resolve().parent.parent / "data" / "division_changes.csv"
_FIELDS = ["kind", "title", "approved_on", "effective_on", "implemented_on", "code_published_on"]


class InvalidDivisionChange(MinzhengError, ValueError):
    code = "invalid_division_change"


@dataclass(frozen=True)
class Link:
    predecessor_code: str
    predecessor_name: str
    successor_code: str
    successor_name: str


def _check(kind: str, approved_on: date, effective_on: date, links: list[Link]) -> None:
    if kind not in DivisionChangeKind.values:
        raise InvalidDivisionChange("变更类型不正确", field="kind")
    if effective_on < approved_on:
        raise InvalidDivisionChange("生效日期不能早于批准日期", field="effective_on")
    if not links:
        raise InvalidDivisionChange("请至少填写一条原区划与新区划的承继关系", field="links")
    for n, link in enumerate(links, start=1):
        if not link.predecessor_code or not link.predecessor_name:
            raise InvalidDivisionChange(f"第{n}条承继关系缺少原区划代码或名称", field="links")
        if kind != DivisionChangeKind.ABOLISH and not link.successor_code:
            raise InvalidDivisionChange(f"第{n}条承继关系缺少新区划代码", field="links")
    if kind == DivisionChangeKind.MERGE and len({x.successor_code for x in links}) != 1:
        raise InvalidDivisionChange("合并只能有一个新区划", field="links")
    if kind == DivisionChangeKind.SPLIT and len({x.predecessor_code for x in links}) != 1:
        raise InvalidDivisionChange("拆分只能有一个原区划", field="links")


def record_change(
    actor,
    *,
    kind: str,
    title: str,
    approved_on: date,
    effective_on: date,
    links: list[Link],
    approved_by: str = "",
    approval_document: str = "",
    source: str = "",
    note: str = "",
    date_is_approximate: bool = False,
    extension_granted: bool = False,
    implemented_on: date | None = None,
    code_published_on: date | None = None,
) -> DivisionChange:
    """Record one approved change (the caller checked the capability). Codes are parsed by the one parser;
    the change is owned by the parent of its first predecessor (the level that follows its clocks)."""
    links = [
        Link(
            full_code(parse_division_code(x.predecessor_code, field="links")),
            x.predecessor_name.strip(),
            parse_division_code(x.successor_code, field="links") if x.successor_code else "",
            x.successor_name.strip(),
        )
        for x in links
    ]
    _check(kind, approved_on, effective_on, links)
    owner = division_prefix(links[0].predecessor_code)
    owner = full_code(owner[: max(len(owner) - (3 if len(owner) > 6 else 2), 0)]) if owner else ""
    with transaction.atomic():
        change = DivisionChange.objects.create(
            kind=kind,
            title=title.strip(),
            approved_by=approved_by,
            approval_document=approval_document,
            approved_on=approved_on,
            effective_on=effective_on,
            date_is_approximate=date_is_approximate,
            extension_granted=extension_granted,
            implemented_on=implemented_on,
            code_published_on=code_published_on,
            source=source,
            note=note,
            division_code=owner,
        )
        DivisionSuccession.objects.bulk_create(DivisionSuccession(change=change, **x.__dict__) for x in links)
        record_event(
            actor,
            AuditEvent.CREATE,
            object_type="core.divisionchange",
            object_id=change.pk,
            division_code=owner,
            summary=f"记录行政区划变更：{change.title}",
            after=snapshot(change, _FIELDS),
        )
    return change


def mark_progress(
    actor,
    change: DivisionChange,
    *,
    implemented_on: date | None = None,
    code_published_on: date | None = None,
    extension_granted: bool | None = None,
) -> None:
    """实施完成 / 新代码公布 / 批准延期: dates recorded once (a later correction is a new audit entry)."""
    before = snapshot(change, [*_FIELDS, "extension_granted"])
    if implemented_on and implemented_on < change.approved_on:
        raise InvalidDivisionChange("实施完成日期不能早于批准日期", field="implemented_on")
    if code_published_on and code_published_on < change.approved_on:
        raise InvalidDivisionChange("代码公布日期不能早于批准日期", field="code_published_on")
    with transaction.atomic():
        if implemented_on:
            change.implemented_on = implemented_on
        if code_published_on:
            change.code_published_on = code_published_on
        if extension_granted is not None:
            change.extension_granted = extension_granted
        change.save()
        record_event(
            actor,
            AuditEvent.UPDATE,
            object_type="core.divisionchange",
            object_id=change.pk,
            division_code=change.division_code,
            summary=f"行政区划变更进度：{change.title}",
            before=before,
            after=snapshot(change, [*_FIELDS, "extension_granted"]),
        )


def load_history(actor=None, path: Path = HISTORY_FILE) -> tuple[int, int]:
    """Load the shipped, sourced history (one row per link; rows of one change share ``change_id``). Changes
    already present (same title and effective date) are skipped: the command can run on every ``make db``."""
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if not r["change_id"].startswith("#")]
    grouped: dict[str, list[dict]] = {}
    for r in rows:
        grouped.setdefault(r["change_id"], []).append(r)
    created = skipped = 0
    for group in grouped.values():
        head = group[0]
        effective_on = date.fromisoformat(head["effective_on"])
        if DivisionChange.objects.filter(title=head["title"], effective_on=effective_on).exists():
            skipped += 1
            continue
        record_change(
            actor,
            kind=head["kind"],
            title=head["title"],
            approved_by=head["approved_by"],
            approval_document=head["approval_document"],
            approved_on=date.fromisoformat(head["approved_on"]),
            effective_on=effective_on,
            date_is_approximate=head["approximate"] == "1",
            source=head["source"],
            note=head["note"],
            implemented_on=effective_on,
            code_published_on=effective_on,
            links=[
                Link(r["predecessor_code"], r["predecessor_name"], r["successor_code"], r["successor_name"])
                for r in group
            ],
        )
        created += 1
    return created, skipped
