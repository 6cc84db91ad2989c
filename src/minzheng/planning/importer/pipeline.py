"""The import pipeline: cleaned text → units → outline, indicators, projects, tasks, text targets."""

from __future__ import annotations

from dataclasses import dataclass, field

from .cleaning import clean_text
from .headings import HeadingMatch, is_bare_heading, match_heading
from .indicators import indicators_from_table
from .metadata import find_title, parent_regions, region_and_level
from .model import OutlineNode, PlanDraft, Task
from .projects import box_item, projects_from_table, projects_in_text
from .segments import Paragraph, segment
from .tables import Table
from .targets import text_targets
from .tasks import is_retrospective, is_strong_lead, lead_of

BARE_RANK = 2  # a bare 发展基础 sits where a 第X节 would
BOX_ENDERS = ("part", "chapter", "section", "cn", "paren_cn", "bare")


@dataclass
class _Walker:
    """State while walking the units in document order."""

    draft: PlanDraft
    stack: list[tuple[int, OutlineNode]] = field(default_factory=list)
    box: OutlineNode | None = None
    seen_chapter: bool = False
    # The latest heading, until we know whether it is a leaf whose own title is the task.
    open_leaf: tuple[int, OutlineNode, int] | None = None
    leaf_has_text: bool = False
    # The task a numbered heading (1. / （1）) was taken as, until its paragraphs show they have leads of
    # their own: then the heading is a section and those leads are the tasks.
    numbered_task: Task | None = None
    numbered_paragraphs: int = 0
    numbered_leads: list[Task] = field(default_factory=list)
    numbered_is_section: bool = False
    # Kinds of numbered heading (arabic, paren_arabic) already shown to be sections in this document.
    section_kinds: set[str] = field(default_factory=set)

    def close_leaf(self, next_rank: int | None) -> None:
        """A leaf heading with body text but no lead of its own is itself a task (浑南: （二）完善资金筹措机制)."""
        if self.open_leaf is None:
            return
        rank, node, tasks_before = self.open_leaf
        if next_rank is not None and next_rank > rank:
            self.open_leaf = None  # it has children, so it is not a leaf
            return
        titles = self.titles_to(node)
        if (
            self.leaf_has_text
            and len(self.draft.tasks) == tasks_before
            and node.kind not in ("chapter", "part", "box", "table", "item", "arabic", "paren_arabic")
            and not is_retrospective(titles)
            and "目标" not in node.title
        ):
            self.draft.tasks.append(Task(lead=node.heading, chapter=self.chapter(), section=node.heading))
        self.open_leaf = None

    def titles_to(self, node: OutlineNode) -> list[str]:
        titles = []
        for _, n in self.stack:
            if n.kind not in ("box", "table"):
                titles.append(n.title)
            if n is node:
                break
        return titles

    def add_heading(self, node: OutlineNode, rank: int) -> None:
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        if self.stack:
            self.stack[-1][1].children.append(node)
        else:
            self.draft.outline.append(node)
        self.stack.append((rank, node))

    def titles(self) -> list[str]:
        return [node.title for _, node in self.stack if node.kind not in ("box", "table")]

    def chapter(self) -> str:
        return self.stack[0][1].heading if self.stack else ""

    def section(self) -> str:
        headings = [node.heading for _, node in self.stack if node.kind not in ("box", "table", "item")]
        return headings[-1] if headings else ""


def parse_text(text: str) -> PlanDraft:
    """Run the whole pipeline on plain text (docx input is flattened to the same text first)."""
    clean = clean_text(text)
    draft = PlanDraft()
    draft.title, draft.status = find_title(clean.lines)
    draft.region, draft.level = region_and_level(draft.title)
    draft.parent_regions = parent_regions(text, draft.region, draft.level)
    draft.parent = draft.parent_regions[0] if draft.parent_regions else ""
    draft.notes.extend(f"removed annotation: {r}" for r in clean.removed)
    walker = _Walker(draft)
    for unit in segment(clean):
        if isinstance(unit, Table):
            _on_table(walker, unit)
        else:
            _on_paragraph(walker, unit)
    walker.close_leaf(None)
    return draft


def _on_table(walker: _Walker, table: Table) -> None:
    draft = walker.draft
    if table.kind == "indicator":
        draft.indicators.extend(indicators_from_table(table))
    elif table.kind == "project":
        draft.projects.extend(projects_from_table(table))
    # A caption that is not already the open 专栏 heading becomes its own outline node.
    if table.title and not (walker.box and walker.box.heading == table.title):
        node = OutlineNode(kind="table", heading=table.title, title=table.title)
        walker.add_heading(node, rank=7)
        walker.box = node
        walker.stack.pop()


def _on_paragraph(walker: _Walker, paragraph: Paragraph) -> None:
    text = paragraph.text
    heading = match_heading(text)
    if heading is not None and heading.kind == "chapter":
        walker.seen_chapter = True
    if heading is None and walker.seen_chapter and paragraph.standalone and is_bare_heading(text):
        heading = HeadingMatch("section", "", text.strip(), text.strip())
        heading_kind = "bare"
    else:
        heading_kind = heading.kind if heading else ""
    if heading is not None and not heading.is_item:
        _on_heading(walker, heading, heading_kind)
        return
    if heading is not None and heading.is_item:
        _on_item(walker, heading)
        return
    _on_running_text(walker, text)


def _on_heading(walker: _Walker, heading: HeadingMatch, kind: str) -> None:
    if kind == "box":
        node = OutlineNode(kind="box", heading=heading.heading, title=heading.title, number=heading.number)
        # A box hangs under the current heading but does not become a parent itself.
        walker.add_heading(node, rank=7)
        walker.stack.pop()
        walker.box = node
        return
    if kind in BOX_ENDERS or walker.box is None:
        walker.box = None
    rank = BARE_RANK if kind == "bare" else heading.rank
    node = OutlineNode(kind=kind, heading=heading.heading, title=heading.title, number=heading.number)
    if walker.box is not None:
        return  # a numbered line inside a 专栏 without body text: a box item title, not outline
    walker.close_leaf(rank)
    walker.add_heading(node, rank)
    walker.open_leaf = (rank, node, len(walker.draft.tasks))
    walker.leaf_has_text = False
    walker.numbered_task = None
    walker.numbered_paragraphs = 0
    walker.numbered_leads = []
    walker.numbered_is_section = False
    # The heading's own title counts: “1、 发展成就” under a neutral chapter title is still a look back.
    if kind in ("arabic", "paren_arabic") and not is_retrospective(walker.titles()):
        task = Task(lead=heading.heading, chapter=walker.chapter(), section=walker.section())
        walker.draft.tasks.append(task)
        walker.numbered_task = task


def _on_item(walker: _Walker, item: HeadingMatch) -> None:
    draft = walker.draft
    if walker.box is not None:
        draft.projects.append(box_item(walker.box.heading, item.number, item.title, item.body.lstrip("。")))
        _collect_targets(walker, item.body)
        return
    if item.kind in ("part", "chapter", "section", "box"):
        return
    if item.kind in ("arabic", "paren_arabic", "paren_cn", "cn"):
        node = OutlineNode(kind="item", heading=item.heading, title=item.title, number=item.number)
        walker.add_heading(node, rank=item.rank)
        if not is_retrospective(walker.titles()):
            draft.tasks.append(Task(lead=item.heading, chapter=walker.chapter(), section=walker.section()))
        _collect_targets(walker, item.body)


def _on_running_text(walker: _Walker, text: str) -> None:
    if walker.box is not None:
        # Text after a box item continues it; stray fragments under a table caption (“单”) do not.
        last = walker.draft.projects[-1] if walker.draft.projects else None
        if walker.box.kind == "box" and last is not None and last.source == walker.box.heading:
            project = walker.draft.projects[-1]
            project.description = (project.description + text).strip()
        _collect_targets(walker, text)
        return
    if not walker.stack or is_retrospective(walker.titles()):
        return
    walker.leaf_has_text = True
    under_numbered = walker.stack[-1][1].kind in ("arabic", "paren_arabic")
    lead = lead_of(text)
    if lead is not None and walker.stack[-1][1].kind in ("cn", "paren_cn") and not is_strong_lead(lead):
        # Under （五）推进人才队伍建设 a long first sentence is its text; the heading is the task.
        lead = None
    if under_numbered:
        _under_numbered_heading(walker, lead)
    elif lead is not None:
        walker.draft.tasks.append(Task(lead=lead, chapter=walker.chapter(), section=walker.section()))
    _collect_targets(walker, text)


def _under_numbered_heading(walker: _Walker, lead: str | None) -> None:
    """Under “1.完善社会救助相关机制” (浑南) the heading is the task and its paragraphs are its text. Under
    “（1）完善基本生活救助” whose paragraphs open with leads (“健全最低生活保障制度。…”), the heading is a
    section and each lead is a task. The first paragraph's lead, or a second lead, decides."""
    walker.numbered_paragraphs += 1
    task = Task(lead=lead, chapter=walker.chapter(), section=walker.section()) if lead else None
    if walker.numbered_is_section:
        if task is not None:
            walker.draft.tasks.append(task)
        return
    if task is None:
        return
    walker.numbered_leads.append(task)
    strong = [t for t in walker.numbered_leads if is_strong_lead(t.lead)]
    kind = walker.stack[-1][1].kind
    decided = walker.numbered_paragraphs == 1 or len(strong) >= 2 or kind in walker.section_kinds
    if not strong or not decided:
        return
    walker.numbered_is_section = True
    walker.section_kinds.add(kind)
    if walker.numbered_task is not None and walker.numbered_task in walker.draft.tasks:
        walker.draft.tasks.remove(walker.numbered_task)
    walker.draft.tasks.extend(walker.numbered_leads)


def _collect_targets(walker: _Walker, text: str) -> None:
    if not walker.stack or is_retrospective(walker.titles()):
        return
    targets = text_targets(text, walker.chapter(), walker.section())
    walker.draft.text_targets.extend(targets)
    if walker.box is None:
        # One project per name: a total stated later (“建成…服务中心30个”) is no second project.
        known = {p.name for p in walker.draft.projects}
        for project in projects_in_text(text, walker.draft.region):
            if project.name not in known:
                known.add(project.name)
                walker.draft.projects.append(project)
