"""Plan document importer (规划文本导入): a 十四五 plan as text or .docx → a structured PlanDraft.

Pure Python, no Django: ``parse_plan_text(text)`` / ``parse_plan_docx(path)`` return a
:class:`PlanDraft` with outline, indicators, projects, tasks and text targets for review.
"""

from __future__ import annotations

from pathlib import Path

from .compare import normalise_label
from .docx_reader import docx_to_text
from .model import NOT_A_PLAN, Indicator, OutlineNode, PlanDraft, Project, Task, TextTarget
from .pipeline import parse_text


def parse_plan_text(text: str) -> PlanDraft:
    """Parse plan text (Word export, PDF extraction or web copy) into a draft."""
    return parse_text(text)


def parse_plan_docx(path: str | Path) -> PlanDraft:
    """Parse a .docx plan; paragraphs and tables are read in document order."""
    return parse_text(docx_to_text(path))


__all__ = [
    "NOT_A_PLAN",
    "Indicator",
    "OutlineNode",
    "PlanDraft",
    "Project",
    "Task",
    "TextTarget",
    "normalise_label",
    "parse_plan_docx",
    "parse_plan_text",
]
