"""年度监测分析报告 / 中期评估报告 generated as a 后台任务 (seconds of figures, charts and rendering): started from
the cockpit or the plan page, its stages shown while it runs, the file kept for download (audited)."""

from minzheng.background.interface import JobContext, JobResult, JobView, background_job, start_job
from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import XLSX_CONTENT_TYPE

from .. import selectors
from ..errors import PlanningError
from ..exports import plan_reports

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": XLSX_CONTENT_TYPE,
}
FORMAT_LABELS = {"docx": "Word", "pdf": "PDF", "xlsx": "Excel"}
# The report buttons of the cockpit and the plan page: (kind, format, label).
REPORT_BUTTONS = (
    ("annual", "docx", "年度监测分析报告 Word"),
    ("annual", "pdf", "年度监测分析报告 PDF"),
    ("annual", "xlsx", "年度监测全部数据 Excel"),
    ("midterm", "docx", "中期评估报告 Word"),
    ("midterm", "pdf", "中期评估报告 PDF"),
    ("midterm", "xlsx", "中期评估全部数据 Excel"),
)
_STAGES = (*plan_reports.BUILD_STAGES, "生成文件")


def start_plan_report(actor, plan_id: int, *, kind: str, fmt: str, year: int) -> JobView:
    """Queue the report (or return the same report already being generated for this user)."""
    plan = selectors.plan_detail(actor, plan_id)  # 404 outside the user's view
    if kind not in plan_reports.KINDS:
        raise PlanningError("报告类型无效", field="kind")
    if fmt not in CONTENT_TYPES:
        raise PlanningError("文件格式无效", field="format")
    title = f"{plan.region_name}{plan_reports.KINDS[kind]}（{year}年，{FORMAT_LABELS[fmt]}）"
    job, _ = start_job(
        actor,
        runner=plan_report_job,
        params={"plan_id": plan.pk, "kind": kind, "fmt": fmt, "year": year},
        # the report depends on the reader's jurisdiction (divisions compared), hence the user in the key
        key=f"planning.plan_report:{plan.pk}:{kind}:{year}:{fmt}:{actor.pk}",
        title=title,
        division_code=_data_division(plan.division_code, actor.division_code),
        capability=Capability.EXPORT,
    )
    return job


def _data_division(plan_division: str, reader_division: str) -> str:
    """The narrower of the plan's division and the reader's: the figures a report holds lie there."""
    return max(plan_division, reader_division, key=lambda code: len(division_prefix(code)))


@background_job
def plan_report_job(job: JobContext, *, plan_id: int, kind: str, fmt: str, year: int) -> JobResult:
    plan = selectors.plan_detail(job.actor, plan_id)
    steps = {name: number for number, name in enumerate(_STAGES, start=1)}
    report = plan_reports.build_plan_report(
        plan,
        year,
        kind,
        job.actor.division_code,
        stage=lambda name: job.progress(name, steps[name], len(_STAGES)),
    )
    job.progress(f"生成{FORMAT_LABELS[fmt]}文件", len(_STAGES), len(_STAGES))
    render_to = {"docx": plan_reports.to_docx, "pdf": plan_reports.to_pdf, "xlsx": plan_reports.to_xlsx}[fmt]
    content = render_to(report)
    record_event(
        job.actor, AuditEvent.EXPORT, object_type="plan_report", object_id=plan.pk,
        division_code=plan.division_code, summary=f"生成{report.title}（.{fmt}）",
    )  # fmt: skip
    return JobResult(
        content=content,
        file_name=f"{plan.region_name}{plan_reports.KINDS[kind]}_{year}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
        label=report.title,
    )
