"""Every write of the planning domain, and the only door other apps use.

``plan_import`` stores a reviewed draft (idempotent by file hash, audited); ``seeds`` loads the four seed
plans; ``review`` keeps an upload for review and records 分解落实.
"""

from .entries import review_entry, submit_entry
from .indicators import DefinitionInput, SyncResult, save_definition, sync_indicators, update_binding
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
from .progress import add_status_rule, report_project_progress, report_task_progress, seed_status_rules
from .review import save_upload, stage_upload, update_task
from .seeds import SEED_PLANS, SeedPlan, load_seed_plans, seed_dir, seed_division_of
from .statforms import (
    bind_row,
    enter_values,
    generate_report,
    load_stat_forms,
    save_report,
    set_report_header,
    submit_report,
)

__all__ = [
    "SEED_PLANS",
    "SYSTEM_USERNAME",
    "DefinitionInput",
    "SeedPlan",
    "SyncResult",
    "add_status_rule",
    "bind_row",
    "clip_text",
    "enter_values",
    "file_sha256",
    "find_imported",
    "generate_report",
    "import_plan",
    "load_seed_plans",
    "load_stat_forms",
    "nearest_ancestor_plan",
    "parse_plan_file",
    "plan_by_id",
    "plan_counts",
    "report_project_progress",
    "report_task_progress",
    "review_entry",
    "save_definition",
    "save_report",
    "save_upload",
    "seed_dir",
    "seed_division_of",
    "seed_status_rules",
    "set_report_header",
    "stage_upload",
    "submit_entry",
    "submit_report",
    "sync_indicators",
    "update_binding",
    "update_task",
]
