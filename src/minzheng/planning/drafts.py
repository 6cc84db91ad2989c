"""A PlanDraft back from its JSON form (``PlanDraft.to_dict()``), so the review step can keep it in a row.

Pure Python, no Django.
"""

from __future__ import annotations

from typing import Any

from .importer import Indicator, OutlineNode, PlanDraft, Project, Task, TextTarget


def _node(data: dict[str, Any]) -> OutlineNode:
    return OutlineNode(
        kind=data.get("kind", ""),
        heading=data.get("heading", ""),
        title=data.get("title", ""),
        number=data.get("number", ""),
        children=[_node(child) for child in data.get("children", [])],
    )


def _only(cls, data: dict[str, Any]):
    """Build a dataclass from the keys it knows (a newer draft may carry more)."""
    fields = cls.__dataclass_fields__
    return cls(**{key: value for key, value in data.items() if key in fields})


def draft_to_dict(draft: PlanDraft) -> dict[str, Any]:
    """``PlanDraft.to_dict()`` plus each indicator's table caption, which that form leaves out."""
    data = draft.to_dict()
    for row, indicator in zip(data["indicators"], draft.indicators, strict=True):
        if indicator.table:
            row["table"] = indicator.table
    return data


def draft_from_dict(data: dict[str, Any]) -> PlanDraft:
    """Inverse of ``draft_to_dict`` (and of ``PlanDraft.to_dict()``)."""
    return PlanDraft(
        title=data.get("title", ""),
        status=data.get("status", ""),
        level=data.get("level", ""),
        region=data.get("region", ""),
        parent=data.get("parent", ""),
        parent_regions=list(data.get("parent_regions", [])),
        outline=[_node(node) for node in data.get("outline", [])],
        indicators=[_only(Indicator, row) for row in data.get("indicators", [])],
        projects=[_only(Project, row) for row in data.get("projects", [])],
        tasks=[_only(Task, row) for row in data.get("tasks", [])],
        text_targets=[_only(TextTarget, row) for row in data.get("text_targets", [])],
        notes=list(data.get("notes", [])),
    )


# ------------------------------------------------------------------------------------------ review edits

_ATTRIBUTES = ("", "预期性", "约束性")
_SECTIONS = {
    # prefix: (draft attribute, fields a reviewer edits)
    "ind": ("indicators", ("no", "name", "unit", "target", "attribute", "baseline")),
    "tt": ("text_targets", ("name", "value")),
    "task": ("tasks", ("lead", "chapter", "section")),
    "proj": ("projects", ("name", "location", "scale", "investment", "investment_unit", "deadline")),
}
_LABELS = {"ind": "主要指标", "tt": "正文量化目标", "task": "重点任务", "proj": "重大项目"}


class DraftEditError(ValueError):
    """A reviewer's correction that cannot be applied; the message names the table and row."""


def apply_review(draft: PlanDraft, edited: dict[str, list[dict[str, str]]]) -> PlanDraft:
    """The draft with the reviewer's corrections: each table replaced by its edited rows (rows marked
    ``delete`` dropped, blank new rows ignored). Tables not in ``edited`` stay as parsed."""
    for prefix, rows in edited.items():
        attribute, fields = _SECTIONS[prefix]
        existing = getattr(draft, attribute)
        kept = []
        for index, row in enumerate(rows):
            if row.get("delete") or not any(row.get(f) for f in fields):
                continue
            base = existing[index] if index < len(existing) else None
            kept.append(_edited(prefix, base, row, index + 1))
        setattr(draft, attribute, kept)
    return draft


def _edited(prefix: str, base, row: dict[str, str], number: int):
    where = f"{_LABELS[prefix]}第{number}行"
    if prefix == "ind":
        if not row["name"]:
            raise DraftEditError(f"{where}：指标名称不能为空")
        if row["attribute"] not in _ATTRIBUTES:
            raise DraftEditError(f"{where}：指标属性应为预期性或约束性")
        if row["no"] and not row["no"].isdigit():
            raise DraftEditError(f"{where}：序号应为正整数")
        values = {**{f: row[f] for f in ("name", "unit", "target", "attribute", "baseline")}}
        values["no"] = int(row["no"]) if row["no"] else number
        return Indicator(**{**(base.__dict__ if base else {}), **values})
    if prefix == "tt":
        if not row["value"]:
            raise DraftEditError(f"{where}：目标不能为空")
        return TextTarget(
            **{**(base.__dict__ if base else {"quote": ""}), "name": row["name"], "value": row["value"]}
        )
    if prefix == "task":
        if not row["lead"]:
            raise DraftEditError(f"{where}：任务不能为空")
        return Task(lead=row["lead"], chapter=row["chapter"], section=row["section"])
    if not row["name"]:
        raise DraftEditError(f"{where}：项目名称不能为空")
    investment = row["investment"].replace(",", "")
    if investment:
        try:
            float(investment)
        except ValueError:
            raise DraftEditError(f"{where}：投资额应为数字") from None
    values = {f: row[f] for f in ("name", "location", "scale", "investment_unit", "deadline")}
    return Project(**{**(base.__dict__ if base else {}), **values, "investment": investment})
