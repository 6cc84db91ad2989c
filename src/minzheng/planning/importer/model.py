"""Plain dataclasses for a draft plan (规划草稿) extracted from a 十四五 plan document.

Nothing here touches Django: the draft is what a reviewer checks before anything is stored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

NOT_A_PLAN = "未识别到规划内容"


@dataclass
class OutlineNode:
    """One heading of the plan: 章 / 节 / 一、 / （一） / 1. / 专栏 (box) / 表 (table caption)."""

    kind: str
    heading: str
    title: str
    number: str = ""
    children: list[OutlineNode] = field(default_factory=list)

    def walk(self) -> list[OutlineNode]:
        """This node and all its descendants, in document order."""
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "title": self.title,
            "heading": self.heading,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class Indicator:
    """A row of the 主要指标 table: 指标名称, 单位, 目标值, 属性 (预期性/约束性), 基期值 if printed."""

    no: int
    name: str
    unit: str = ""
    target: str = ""
    attribute: str = ""
    baseline: str = ""
    table: str = ""


@dataclass
class Project:
    """A 重大项目 table row or a numbered 专栏 item (工程)."""

    name: str
    no: int | None = None
    source: str = ""
    location: str = ""
    scale: str = ""
    deadline: str = ""
    investment: str = ""
    investment_unit: str = ""
    description: str = ""
    targets: list[str] = field(default_factory=list)


@dataclass
class Task:
    """A task item (重点任务): its lead phrase and where it sits in the outline."""

    lead: str
    chapter: str = ""
    section: str = ""


@dataclass
class TextTarget:
    """A quantified target stated in running text, e.g. “到2025年…达到60%”, with its quote."""

    value: str
    quote: str
    name: str = ""
    year: str = ""
    chapter: str = ""
    section: str = ""


@dataclass
class PlanDraft:
    """Structured draft of one plan document (十四五规划)."""

    title: str = ""
    status: str = ""
    level: str = ""
    region: str = ""
    parent: str = ""
    # Every region above the plan's, nearest first (浑南区: 沈阳市, 辽宁省); ``parent`` is the first.
    parent_regions: list[str] = field(default_factory=list)
    outline: list[OutlineNode] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    text_targets: list[TextTarget] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def recognised(self) -> bool:
        """Does the text read as a plan at all? An empty file or a non-plan text (a notice, an article)
        gives no title and no structure; the caller refuses it with ``NOT_A_PLAN``."""
        nodes = self.outline_nodes()
        content = bool(nodes or self.indicators or self.tasks or self.projects or self.text_targets)
        if self.title:
            return content
        return bool(self.indicators) or (len(nodes) >= 3 and bool(self.tasks))

    def outline_nodes(self) -> list[OutlineNode]:
        """Every outline node flattened in document order."""
        return [node for root in self.outline for node in root.walk()]

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form; indicators carry exactly no/name/unit/target/attribute (+ baseline if any)."""
        indicators = []
        for ind in self.indicators:
            row: dict[str, Any] = {
                "no": ind.no,
                "name": ind.name,
                "unit": ind.unit,
                "target": ind.target,
                "attribute": ind.attribute,
            }
            if ind.baseline:
                row["baseline"] = ind.baseline
            indicators.append(row)
        return {
            "title": self.title,
            "status": self.status,
            "level": self.level,
            "region": self.region,
            "parent": self.parent,
            "parent_regions": list(self.parent_regions),
            "outline": [node.to_dict() for node in self.outline],
            "indicators": indicators,
            "projects": [asdict(p) for p in self.projects],
            "tasks": [asdict(t) for t in self.tasks],
            "text_targets": [asdict(t) for t in self.text_targets],
            "notes": list(self.notes),
        }
