"""驾驶舱大屏: key figures across the domains for the viewer's division, each from its domain's interface; a
domain with nothing to say shows 暂无数据 instead of a zero (degrading gracefully)."""

from dataclasses import dataclass, field
from datetime import date

from minzheng.assistance.interface import enrolments_in_force
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.dashboard import dashboard_figures
from minzheng.eldercare.interface import summary as eldercare_summary
from minzheng.onestop.interface import open_counts

from .quality import latest_run, scores_by_domain


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""


@dataclass
class Screen:
    figures: list[Figure]
    by_division: list[tuple[str, int, int]]  # name, households, persons
    age_bands: list[tuple[str, int]]
    quality: list[tuple[str, float]] = field(default_factory=list)  # domain, score


def _n(value) -> str:
    return f"{value:,}" if value else "暂无数据"


def screen(user, today: date) -> Screen:
    require(user, Capability.VIEW_REGISTRY)
    registry = dashboard_figures(user, today)
    enrolled = enrolments_in_force(today, division_code=user.division_code).count()
    elder = eldercare_summary(user, today)
    counts = open_counts(user)
    figures = [
        Figure("户籍家庭（户）", _n(registry.households)),
        Figure("登记人口（人）", _n(registry.persons)),
        Figure("社会救助在保（户）", _n(enrolled)),
        Figure("养老机构（家）", _n(elder["institutions"]), f"床位 {elder['beds']:,} 张"),
        Figure("养老机构入住（人）", _n(elder["occupied"])),
        Figure("待受理申请（件）", _n(counts.applications_waiting)),
        Figure("在办工单（件）", _n(counts.tickets_open)),
    ]
    run = latest_run()
    quality = []
    if run is not None:
        quality = [(row.label, float(row.score)) for row in scores_by_domain(user, run) if row.checked]
    return Screen(
        figures=figures,
        by_division=[
            (name, households, persons) for _code, name, households, persons in registry.by_division
        ],
        age_bands=registry.age_bands,
        quality=quality,
    )
