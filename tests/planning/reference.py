"""Compare a PlanDraft with the reference YAML extractions in fixtures/ (shared by the seed-plan tests)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from minzheng.planning.importer import PlanDraft, normalise_label, parse_plan_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PLANS = ROOT / "data" / "plans"
PLAN_NAMES = ["dandong-city-plan", "liaoning-province-plan", "fuxin-city-plan", "hunnan-district-plan"]


@cache
def draft(name: str) -> PlanDraft:
    return parse_plan_text((PLANS / f"{name}.txt").read_text(encoding="utf-8"))


@cache
def reference(name: str, full: bool = True) -> dict[str, Any]:
    suffix = ".full.yaml" if full else ".yaml"
    return yaml.safe_load((FIXTURES / f"{name}{suffix}").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    """Compare text ignoring width of brackets/punctuation and every space."""
    return normalise_label(text).replace("，", ",")


@dataclass
class Score:
    matched: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)

    def add(self, ok: bool, label: str) -> None:
        self.total += 1
        if ok:
            self.matched += 1
        else:
            self.missing.append(label)

    @property
    def ratio(self) -> float:
        return self.matched / self.total if self.total else 1.0


def _strip_number(text: str) -> str:
    return re.sub(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]+[)）])", "", text)


def outline_score(name: str) -> Score:
    """Every chapter, section and box heading of the reference structure is in the outline."""
    headings = {squash(n.heading) for n in draft(name).outline_nodes()}
    titles = {squash(n.title) for n in draft(name).outline_nodes()}
    score = Score()
    for chapter in reference(name)["structure"]:
        items = [chapter["chapter"], *chapter.get("sections", []), *chapter.get("boxes", [])]
        for item in items:
            key = squash(item)
            score.add(key in headings or squash(_strip_number(item)) in titles, item)
    return score


def task_score(name: str) -> Score:
    leads = {squash(_strip_number(t.lead)) for t in draft(name).tasks}
    score = Score()
    for section in reference(name)["tasks"]:
        for item in section["items"]:
            score.add(squash(_strip_number(item["lead"])) in leads, item["lead"])
    return score


def target_quotes(name: str) -> list[str]:
    ref = reference(name)["indicators"]
    quotes = [item["quote"] for item in ref.get("items", []) if "quote" in item]
    quotes += [item["quote"] for item in ref.get("other_quantified_targets_in_text", []) or []]
    return quotes


def target_score(name: str) -> Score:
    """A reference target counts as found when its quote lies within an extracted target's quote."""
    found = [squash(t.quote) for t in draft(name).text_targets]
    score = Score()
    for quote in target_quotes(name):
        key = squash(quote)
        score.add(any(key in q or (len(q) >= 8 and q in key) for q in found), quote)
    return score


def project_score(name: str) -> Score:
    projects = draft(name).projects
    names = {squash(p.name) for p in projects}
    score = Score()
    ref = reference(name)["projects"]
    for table in ref.get("major_project_tables") or []:
        for item in table["items"]:
            match = next((p for p in projects if squash(p.name) == squash(item["name"])), None)
            ok = match is not None and all(
                squash(getattr(match, attr)) == squash(str(item[key]))
                for attr, key in [
                    ("location", "location"),
                    ("scale", "scale"),
                    ("deadline", "deadline"),
                    ("investment", "total_investment"),
                ]
            )
            score.add(ok, item["name"])
    for box in ref.get("boxes") or []:
        for item in box["items"]:
            score.add(squash(item["title"]) in names, item["title"])
    for item in ref.get("projects_in_text") or []:
        score.add(
            any(squash(item["quote"]) in squash(p.description) for p in projects if p.source == "text"),
            item["name"],
        )
    return score


# ------------------------------------------------------------------------------ per-field measurement
# The figures the issue asks for: for each field, (matched, expected, extracted). "matched" is an exact
# match after squash(); "extracted" is how many items the importer produced (the difference is noise).


@dataclass
class Measure:
    matched: int
    expected: int
    extracted: int
    missing: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.matched}/{self.expected} (extracted {self.extracted})"


def reference_task_leads(name: str) -> list[str]:
    return [item["lead"] for section in reference(name)["tasks"] for item in section["items"]]


def measure_tasks(name: str, plan: PlanDraft | None = None) -> Measure:
    plan = plan or draft(name)
    leads = {squash(_strip_number(t.lead)) for t in plan.tasks}
    expected = reference_task_leads(name)
    missing = [lead for lead in expected if squash(_strip_number(lead)) not in leads]
    return Measure(len(expected) - len(missing), len(expected), len(plan.tasks), missing)


def reference_project_names(name: str) -> list[str]:
    ref = reference(name)["projects"]
    names = [item["name"] for table in ref.get("major_project_tables") or [] for item in table["items"]]
    names += [item["title"] for box in ref.get("boxes") or [] for item in box["items"]]
    names += [item["name"] for item in ref.get("projects_in_text") or []]
    return names


# Where a reference name and the plan text disagree, the text wins (浑南 prints “公益行公墓”).
TEXT_WINS = {"村级公益性公墓": "村级公益行公墓"}


def measure_projects(name: str, plan: PlanDraft | None = None) -> Measure:
    plan = plan or draft(name)
    found = {squash(p.name) for p in plan.projects}
    expected = reference_project_names(name)
    missing = [n for n in expected if squash(TEXT_WINS.get(n, n)) not in found]
    return Measure(len(expected) - len(missing), len(expected), len(plan.projects), missing)


def _numbers(text: str) -> list[str]:
    # Brackets in a reference target (“100% (2022年)”, “150 (由83家)”) are its notes, not the figure.
    text = re.sub(r"\([^)]*\)", "", str(text))
    return re.findall(r"\d+(?:\.\d+)?", text)


def _table_row(item: dict[str, Any]) -> tuple[str, str, str, str]:
    target = item.get("target", item.get("target_2025"))
    return (squash(item["name"]), squash(item["unit"]), squash(str(target)), item["attribute"])


def measure_indicators(name: str, plan: PlanDraft | None = None) -> Measure:
    """Table plans: every printed row exactly (name, unit, target, attribute). Plans without a table:
    every quantified target of the reference quoted by a text target that carries its figure."""
    plan = plan or draft(name)
    ref = reference(name)["indicators"]
    if "主要指标" in str(ref.get("source", "")):
        got = {(squash(i.name), squash(i.unit), squash(i.target), i.attribute) for i in plan.indicators}
        expected = reference(name, full=False)["indicators"]
        missing = [item["name"] for item in expected if _table_row(item) not in got]
        return Measure(len(expected) - len(missing), len(expected), len(plan.indicators), missing)
    missing = []
    expected = ref["items"]
    for item in expected:
        key = squash(item["quote"])
        values = [t.value for t in plan.text_targets if key in squash(t.quote) or squash(t.quote) in key]
        figures = {n for v in values for n in _numbers(v)}
        if not values or not set(_numbers(item["target_2025"])) <= figures:
            missing.append(f"{item['name']}: {item['target_2025']}")
    return Measure(len(expected) - len(missing), len(expected), len(plan.text_targets), missing)


def measure_outline(name: str, plan: PlanDraft | None = None) -> Measure:
    plan = plan or draft(name)
    headings = {squash(n.heading) for n in plan.outline_nodes()}
    titles = {squash(n.title) for n in plan.outline_nodes()}
    expected = [
        item
        for chapter in reference(name)["structure"]
        for item in [chapter["chapter"], *chapter.get("sections", []), *chapter.get("boxes", [])]
    ]
    missing = [i for i in expected if squash(i) not in headings and squash(_strip_number(i)) not in titles]
    return Measure(len(expected) - len(missing), len(expected), len(plan.outline_nodes()), missing)


def reference_parents(name: str) -> list[str]:
    return [p for p in reference(name)["plan"]["parent_regions"] if not p.startswith("中国")]


def measure_metadata(name: str, plan: PlanDraft | None = None) -> Measure:
    plan = plan or draft(name)
    meta = reference(name)["plan"]
    checks = {
        "title": plan.title == meta["title"],
        "level": plan.level == meta["issuing_level"],
        "region": plan.region == meta["region"],
        "parents": list(getattr(plan, "parent_regions", [plan.parent])) == reference_parents(name),
    }
    missing = [key for key, ok in checks.items() if not ok]
    return Measure(len(checks) - len(missing), len(checks), len(checks), missing)


MEASURES = {
    "tasks": measure_tasks,
    "projects": measure_projects,
    "indicators": measure_indicators,
    "outline": measure_outline,
    "metadata": measure_metadata,
}
