"""Projects (重大项目/工程): rows of a project table and numbered items of a 专栏 box."""

from __future__ import annotations

import re

from .model import Project
from .tables import Table, join_fragments

NUMBER = re.compile(r"^[约近]?\d+(?:\.\d+)?(?:万|亿)?元?$")
DEADLINE = re.compile(r"20\d\d|持续|长期|年底|年内|—|-")
QUANTITY = re.compile(
    r"[^，,；;。]*?(?:\d+(?:\.\d+)?\s*(?:%|％|‰|个|家|所|张|户|人次|人|名|处|项|平方米|万元|亿元|元|倍|版本)|全覆盖)[^，,；;。]*"
)


def projects_from_table(table: Table) -> list[Project]:
    """One Project per numbered row of a 重大项目 table."""
    roles = [r for r in table.roles if r != "no"]
    projects = []
    for row in table.rows:
        if not row or not row[0].isdigit() or len(row) < 2:
            continue
        cells = _fit_cells(row[1:], roles)
        project = Project(name=cells.get("name", ""), no=int(row[0]), source=table.title)
        project.location = cells.get("location", "")
        project.scale = cells.get("scale", "")
        project.deadline = cells.get("deadline", "")
        project.investment = cells.get("investment", "")
        project.investment_unit = _investment_unit(table.unit_note, project.investment)
        projects.append(project)
    return projects


def _fit_cells(tokens: list[str], roles: list[str]) -> dict[str, str]:
    """Map tokens to roles; surplus tokens (wrapped cells) are glued into the 建设规模 column."""
    if len(tokens) <= len(roles):
        return dict(zip(roles, tokens, strict=False))
    cells: dict[str, str] = {}
    head, tail = list(tokens), []
    for role in reversed(roles):
        if role in ("investment", "deadline") and len(head) > 1:
            tail.insert(0, (role, head.pop()))
        else:
            break
    front_roles = [r for r in roles if r not in {role for role, _ in tail}]
    for role in front_roles[:-1]:
        if head:
            cells[role] = head.pop(0)
    if front_roles and head:
        cells[front_roles[-1]] = join_fragments(head)
    cells.update(dict(tail))
    return cells


def _investment_unit(unit_note: str, investment: str) -> str:
    m = re.search(r"(万元|亿元|元)$", investment)
    if m:
        return m.group(1)
    return unit_note if re.search(r"元", unit_note) else ""


def box_item(box_title: str, number: str, lead: str, body: str) -> Project:
    """A numbered 专栏 item: the lead is the project name, quantities in the body are its targets."""
    targets = [m.group(0).strip() for m in QUANTITY.finditer(body)]
    return Project(
        name=lead,
        no=int(number) if number.isdigit() else None,
        source=box_title,
        description=body,
        targets=targets,
    )


_BUILD = r"(?:新建|建成|打造|搭建完成|搭建|建设)"
_COUNT = r"\d+(?:\.\d+)?\s*(?:个|处|所|座|家|张)(?:以上|左右)?"
TEXT_PROJECT = re.compile(
    rf"{_BUILD}\s*(?P<name1>[^，,。；;\d]{{2,30}}?)\s*(?P<n1>{_COUNT})|{_BUILD}\s*(?P<n2>{_COUNT})\s*(?P<name2>[^，,。；;]{{2,30}})"
)


def projects_in_text(quote: str, year: str) -> list[Project]:
    """Construction stated in running text (浑南: “2025年前新建“城市家园”项目5个”)."""
    found = []
    for m in TEXT_PROJECT.finditer(quote):
        name = (m.group("name1") or m.group("name2") or "").strip()
        scale = re.sub(r"\s+", "", m.group("n1") or m.group("n2") or "")
        if name:
            found.append(Project(name=name, source="text", scale=scale, deadline=year, description=quote))
    return found
