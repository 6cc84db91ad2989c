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
        outline=[_node(node) for node in data.get("outline", [])],
        indicators=[_only(Indicator, row) for row in data.get("indicators", [])],
        projects=[_only(Project, row) for row in data.get("projects", [])],
        tasks=[_only(Task, row) for row in data.get("tasks", [])],
        text_targets=[_only(TextTarget, row) for row in data.get("text_targets", [])],
        notes=list(data.get("notes", [])),
    )
