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
from .entries import review_entry, submit_entry
from .indicators import DefinitionInput, SyncResult, save_definition, sync_indicators, update_binding
from .progress import add_status_rule, report_project_progress, report_task_progress, seed_status_rules
from .review import save_upload, stage_upload, update_task
from .statforms import bind_row, enter_values, generate_report, load_stat_forms, submit_report
from .seeds import SEED_PLANS, SeedPlan, load_seed_plans, seed_dir, seed_division_of

__all__ = [
    "DefinitionInput",
    "SyncResult",
    "add_status_rule",
    "bind_row",
    "enter_values",
    "generate_report",
    "load_stat_forms",
    "report_project_progress",
    "report_task_progress",
    "review_entry",
    "save_definition",
    "seed_status_rules",
    "submit_entry",
    "submit_report",
    "sync_indicators",
    "update_binding",
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
