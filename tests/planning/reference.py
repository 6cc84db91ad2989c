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
