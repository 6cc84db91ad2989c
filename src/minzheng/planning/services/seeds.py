"""The four seed plans in data/plans/ (辽宁省, 丹东市, 阜新市, 浑南区), loaded at setup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from ..models import Plan
from ..rules import plan_period
from .plan_import import file_sha256, import_plan, nearest_ancestor_plan, parse_plan_file


@dataclass(frozen=True)
class SeedPlan:
    file_name: str
    region: str
    division_code: str


# Province first, so each later plan finds the plan it implements (沈阳's plan is absent: 浑南 → 辽宁).
SEED_PLANS = (
    SeedPlan("liaoning-province-plan.txt", "辽宁省", "210000000000"),
    SeedPlan("dandong-city-plan.txt", "丹东市", "210600000000"),
    SeedPlan("fuxin-city-plan.txt", "阜新市", "210900000000"),
    SeedPlan("hunnan-district-plan.txt", "浑南区", "210112000000"),
)


def seed_division_of(region: str) -> str:
    """The division code of a seed plan's region (辽宁省 → 210000000000); '' for any other region."""
    return next((seed.division_code for seed in SEED_PLANS if seed.region == region), "")


def seed_dir() -> Path:
    return Path(settings.BASE_DIR) / "data" / "plans"


def load_seed_plans(actor=None) -> list[Plan]:
    """The four seed plans in data/plans/, each linked to the nearest higher plan. Idempotent."""
    plans = []
    for seed in SEED_PLANS:
        content = (seed_dir() / seed.file_name).read_bytes()
        draft = parse_plan_file(seed.file_name, content)
        start, _ = plan_period(draft.title)
        plans.append(
            import_plan(
                draft,
                source_name=seed.file_name,
                sha256=file_sha256(content),
                actor=actor,
                division_code=seed.division_code,
                parent=nearest_ancestor_plan(seed.division_code, start),
            )
        )
    return plans
