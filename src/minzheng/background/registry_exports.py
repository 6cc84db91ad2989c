"""家庭户 / 人员 exports as 后台任务: a city user's 人员 export takes ~8 s on the demo. The registry lists live in
``core`` (below this app), so their 导出 button posts here; the job calls core's export (masked, audited) with
the list's own filters and reports the rows as they are written."""

import hashlib
import json

from minzheng.core.permissions import Capability
from minzheng.core.selectors.registry import HouseholdFilter, PersonFilter
from minzheng.core.services import exports

from .errors import BackgroundJobError
from .registry import background_job
from .services import JobContext, JobResult, start_job

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LISTS = {"households": "家庭户", "persons": "人员"}


def filters_from(what: str, params) -> dict:
    """The list page's query string (same names as its search form) as the export's filters."""
    if what == "households":
        return {
            "q": params.get("q", "").strip()[:100],
            "division_code": params.get("division", "").strip()[:12],
            "area_type": params.get("area_type", "")[:10],
            "include_dissolved": params.get("include_dissolved") == "1",
        }
    if what == "persons":
        return {
            "q": params.get("q", "").strip()[:100],
            "division_code": params.get("division", "").strip()[:12],
            "sex": params.get("sex", "")[:2],
            "disabled_only": params.get("disabled") == "1",
        }
    raise BackgroundJobError("导出类型无效")


def start_registry_export(actor, what: str, params):
    filters = filters_from(what, params)
    digest = hashlib.sha256(json.dumps(filters, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    return start_job(
        actor,
        runner=registry_export_job,
        params={"what": what, "filters": filters},
        key=f"core.registry_export:{what}:{actor.pk}:{digest}",
        title=f"导出{LISTS[what]}",
        division_code=actor.division_code,
        capability=Capability.EXPORT,
    )


@background_job
def registry_export_job(job: JobContext, *, what: str, filters: dict) -> JobResult:
    if what == "households":
        content = exports.export_households(job.actor, HouseholdFilter(**filters), progress=job.progress)
    else:
        content = exports.export_persons(job.actor, PersonFilter(**filters), progress=job.progress)
    return JobResult(
        content=content, file_name=f"{LISTS[what]}.xlsx", content_type=XLSX, label=f"{LISTS[what]}导出"
    )
