"""Every write of the planning domain, and the only door other apps use.

``plan_import`` stores a reviewed draft (idempotent by file hash, audited); ``seeds`` loads the four seed
plans; ``review`` keeps an upload for review and records 分解落实.
"""

from .plan_import import (
    SYSTEM_USERNAME,
    clip_text,
    file_sha256,
    find_imported,
    import_plan,
    nearest_ancestor_plan,
    parse_plan_file,
    plan_by_id,
    plan_counts,
)
from .review import save_upload, stage_upload, update_task
from .seeds import SEED_PLANS, SeedPlan, load_seed_plans, seed_dir, seed_division_of

__all__ = [
    "SEED_PLANS",
    "SYSTEM_USERNAME",
    "SeedPlan",
    "clip_text",
    "file_sha256",
    "find_imported",
    "import_plan",
    "load_seed_plans",
    "nearest_ancestor_plan",
    "parse_plan_file",
    "plan_by_id",
    "plan_counts",
    "save_upload",
    "seed_dir",
    "seed_division_of",
    "stage_upload",
    "update_task",
]
