"""救助案件 pages: list, new application, the case page (history, inquiry, benefit, the moves this user may
make), every step's form posting to one endpoint, files, and the notice and decision PDFs."""

import json
from datetime import date

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.background.interface import latest_job
from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_id_numbers_in
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.read_audit import Channel
from minzheng.core.services.audit import record_event
from minzheng.core.views.common import paginate
from minzheng.web.kit.evidence import evidence_lines
from minzheng.web.kit.forms import error_lines, row_error_lines

from ..documents import decision_pdf, materials_notice_pdf
from ..models import CaseSource, CaseStatus
from ..page_forms import CaseForm, CaseStepForm, MemberFactsFormSet
from ..rules import DailyActivity
from ..rules.care import CareGrade
from ..rules.household import IncomeKind, MemberExclusion
from ..rules.tekun import ObligorInability
from ..rules.workflow import Action
from ..selectors import cases as case_selectors
from ..selectors.program_settings import program_configuration
from ..selectors.programs import program_list
from ..services import case_records, decisions, eligibility_facts, workflow
from ..services.case_benefits import compute_case_benefit, household_members
from ..services.cases import open_case
from ..services.decision_numbers import decision_number
from .common import page_context

VERIFICATION_CONCLUSIONS = {"eligible": "符合", "ineligible": "不符合", "manual_review": "需人工复核"}
_BENEFIT_STAGES = {"investigating", "township_review", "publicity", "approval"}


def _filters(request) -> case_selectors.CaseFilter:
    return case_selectors.CaseFilter(
        status=request.GET.get("status", ""),
        program=request.GET.get("program", ""),
        division_code=request.GET.get("division", "").strip(),
        q=request.GET.get("q", "").strip(),
        overdue=request.GET.get("overdue") == "1",
        open_only=request.GET.get("open") == "1",
        month=request.GET.get("month", "") if len(request.GET.get("month", "")) == 7 else "",
    )


def case_list(request):
    filters = _filters(request)
    page = paginate(request, case_selectors.case_list(request.user, filters, today=timezone.localdate()))
    return render(
        request,
        "assistance/case_list.html",
        {
            **page_context("cases", "救助申请"),
            "page_obj": page,
            "filters": filters,
            "statuses": CaseStatus.choices,
            "programs": program_list(request.user),
            "today": timezone.localdate(),
            "can_create": has_capability(request.user, Capability.HANDLE_CASES),
        },
    )


def case_create(request):
    if not has_capability(request.user, Capability.HANDLE_CASES):
        raise Http404("页面不存在")
    errors, values = {}, {"applied_on": timezone.localdate().isoformat(), "source": CaseSource.SELF}
    form = CaseForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST":
        values = request.POST.dict()
        typed = form.cleaned_data if form.is_valid() else {}
        # The page shows errors next to 家庭, 救助项目 and 申请日期; any other field's above the form.
        shown = ("household", "program_code", "applied_on")
        errors.update({name if name in shown else "form": found[0] for name, found in form.errors.items()})
        if typed:
            try:
                case = open_case(
                    request.user,
                    household_id=typed["household"].pk,
                    program_code=typed["program_code"],
                    source=typed["source"],
                    applied_on=typed["applied_on"] or timezone.localdate(),
                    reason=typed["reason"],
                )
            except MinzhengError as exc:
                errors[exc.field or "form"] = exc.message
            else:
                messages.success(request, f"已登记申请 {case.number}")
                return redirect("assistance:case_detail", pk=case.pk)
    return render(
        request,
        "assistance/case_form.html",
        {
            **page_context("cases", "登记救助申请", ("登记申请", None)),
            "form": form,
            "errors": errors,
            "values": values,
            "programs": [p for p in program_list(request.user) if p.enabled],
            "sources": CaseSource.choices,
        },
    )


def case_detail(request, pk: int):
    case = case_selectors.read_case(request.user, pk, channel=Channel.PAGE)
    today = timezone.localdate()
    moves = workflow.allowed_moves(request.user, case)
    verification_job = latest_job(request.user, workflow.verification_job_key(case.pk))
    if verification_job is not None and verification_job.is_active:
        moves = [m for m in moves if m.action != Action.START_VERIFICATION]  # it is under way
    elif verification_job is not None and not (
        verification_job.status == "failed" and case.status == "accepted"
    ):
        verification_job = None  # finished: the history tells the outcome
    benefit = None
    if case.status in _BENEFIT_STAGES:
        benefit = compute_case_benefit(case, today)
    config = program_configuration(case.program, case.division_code, case.applied_on)
    return render(
        request,
        "assistance/case_detail.html",
        {
            **page_context("cases", f"救助案件 {case.number}", (case.number, None)),
            "case": case,
            "history": case_selectors.case_history(case),
            "visits": case_selectors.case_visits(case),
            "attachments": case_selectors.case_attachments(case),
            "objections": case_selectors.case_objections(case),
            "members": household_members(case.household_id, today),
            "benefit": benefit,
            "moves": moves,
            "verification_job": verification_job,
            "move_actions": {m.action.value for m in moves},
            "materials": config.materials,
            "activities": [a.value for a in DailyActivity],
            "care_grades": [g.value for g in CareGrade],
            "obligor_rows": [*(case.eligibility_facts or {}).get("obligors", []), {}, {}][:3],
            "no_obligor_recorded": (case.eligibility_facts or {}).get("obligors") == [],
            "obligor_reasons": [reason.value for reason in ObligorInability],
            "exclusion_reasons": [reason.value for reason in MemberExclusion],
            "income_kinds": [kind.value for kind in IncomeKind],
            "member_facts": _member_facts(case, household_members(case.household_id, today)),
            "can_handle": has_capability(request.user, Capability.HANDLE_CASES) and not case.is_closed,
            "can_review": has_capability(request.user, Capability.REVIEW_CASES)
            and case.created_by_id != request.user.pk,
            "today": today,
            "enrolment": case.enrolments.first(),
            "prefill": [
                (PREFILL_LABELS.get(key, key), _readable(key, value))
                for key, value in (case.prefill or {}).items()
            ],
            "status_labels": dict(CaseStatus.choices),
            "conclusion_labels": VERIFICATION_CONCLUSIONS,
        },
    )


def _member_facts(case, members) -> list[dict]:
    facts = case.eligibility_facts or {}
    status, overrides = facts.get("member_status") or {}, facts.get("member_overrides") or {}
    refusals = facts.get("job_refusals") or {}
    rows = []
    for m in members:
        key = str(m.person_id)
        override = overrides.get(key) or {}
        rows.append(
            {
                "person_id": m.person_id, "name": m.name, "status": (status.get(key) or {}).get("reason", ""),
                "years": (status.get(key) or {}).get("years"), "override": override.get("counted"),
                "override_reason": override.get("reason", ""), "refusals": refusals.get(key),
            }
        )  # fmt: skip
    return rows


def _household_facts(request, case) -> tuple[dict, dict, dict]:
    """The 共同生活家庭成员认定 grid (one row per member): the exclusions, the corrections and the job refusals
    it records. A bad row is refused naming the member's row and the field."""
    rows = MemberFactsFormSet(request.POST, prefix="members")
    if not rows.is_valid():
        names = {m.person_id: m.name for m in household_members(case.household_id, timezone.localdate())}

        def row_label(index: int, form) -> str:
            name = names.get(form.cleaned_data.get("person")) if hasattr(form, "cleaned_data") else None
            return f"第{index + 1}行（{name}）" if name else f"第{index + 1}行"

        raise MinzhengError("；".join(row_error_lines(rows, row_label)))
    statuses, overrides, refusals = {}, {}, {}
    for row in rows.cleaned_data:
        if not row:  # a row beyond the members shown, left empty
            continue
        pid = row["person"]
        if row["status"]:
            statuses[pid] = {"reason": row["status"], "years": row["years"]}
        if row["override"]:
            overrides[pid] = {"counted": row["override"] == "1", "reason": row["override_reason"]}
        if row["refusals"] is not None:
            refusals[pid] = row["refusals"]
    return statuses, overrides, refusals


# the keys a monitoring warning's transfer writes (monitoring/services/lifecycle.py ``_prefill``)
PREFILL_LABELS = {
    "warning_number": "预警编号", "rule": "预警规则", "severity": "风险等级", "event_date": "事件日期",
    "reason": "预警原因", "evidence": "依据数据", "visits": "入户核实",
}  # fmt: skip


def _readable(key: str, value) -> str:
    """A prefill value as the caseworker reads it: evidence through the page kit's one evidence renderer
    (Chinese datasets and fields), visits as date, visitor and findings, every 公民身份号码 masked — the data
    came from another domain and the page shows it as it is."""
    if key == "evidence" and isinstance(value, list):
        return "\n".join(evidence_lines(value)) or "—"
    if key == "visits" and isinstance(value, list):
        lines = [f"{v.get('visited_on', '')} {v.get('visitor', '')}：{v.get('findings', '')}" for v in value]
        return mask_id_numbers_in("\n".join(lines)) or "—"
    text = json.dumps(value, ensure_ascii=False, indent=1) if isinstance(value, dict | list) else str(value)
    return mask_id_numbers_in(text)


def _step_form(request) -> CaseStepForm:
    """The step's fields, checked; the first error (naming its field) is the step's refusal."""
    form = CaseStepForm(request.POST, request.FILES)
    if not form.is_valid():
        raise MinzhengError("；".join(error_lines(form)))
    return form


def _on(day: date | None, today: date) -> date:
    """A step's date as entered (today if left empty): a step is recorded when it happened, never ahead."""
    if day is None:
        return today
    if day > today:
        raise MinzhengError("办理日期不能晚于今天", field="on")
    return day


def _run_action(request, case) -> str:
    form, user, case_id = _step_form(request), request.user, case.pk
    typed = form.cleaned_data
    action = typed["action"]
    on = _on(typed["on"], timezone.localdate())
    if action == Action.REQUEST_MATERIALS:
        extra = [line for line in typed["other"].splitlines() if line.strip()]
        workflow.request_materials(user, case_id, missing=typed["missing"] + extra, note=typed["note"])
        return "已一次性告知需补齐的材料"
    if action == Action.ACCEPT:
        workflow.accept(user, case_id, on=on)
        return "已受理"
    if action == Action.REFUSE:
        workflow.refuse(user, case_id, reason=typed["reason"])
        return "已不予受理"
    if action == Action.WITHDRAW:
        workflow.withdraw(user, case_id, reason=typed["reason"])
        return "已撤回"
    if action == Action.START_VERIFICATION:
        workflow.start_verification_in_background(user, case_id, on=on)
        return "已发起核对，正在后台核对（本页显示进度，可继续其他操作）"
    if action == Action.RECORD_VERIFICATION:
        workflow.record_verification_by_hand(
            user, case_id, per_capita_income=typed["per_capita_income"], per_capita_assets=typed["per_capita_assets"],
            note=typed["note"], income_items=form.income_items() or None,
        )  # fmt: skip
        return "已录入核对结果"
    if action == Action.SUBMIT_INVESTIGATION:
        workflow.submit_investigation(user, case_id)
        return "已提交乡镇（街道）审核"
    if action in (
        Action.TOWNSHIP_APPROVE, Action.TOWNSHIP_APPROVE_WITHOUT_PUBLICITY, Action.TOWNSHIP_REJECT,
        Action.TOWNSHIP_RETURN,
    ):  # fmt: skip
        decision = {
            Action.TOWNSHIP_APPROVE: "approve",
            Action.TOWNSHIP_APPROVE_WITHOUT_PUBLICITY: "approve_without_publicity",
            Action.TOWNSHIP_REJECT: "reject",
            Action.TOWNSHIP_RETURN: "return",
        }[Action(action)]
        workflow.township_review(user, case_id, decision=decision, reason=typed["reason"], on=on)
        return "审核意见已保存"
    if action == Action.END_PUBLICITY:
        workflow.end_publicity(user, case_id, on=on)
        return "公示期满，已报送审批"
    if action in (Action.APPROVE, Action.REJECT, Action.RETURN_TO_TOWNSHIP):
        decision = {Action.APPROVE: "approve", Action.REJECT: "reject", Action.RETURN_TO_TOWNSHIP: "return"}[
            Action(action)
        ]
        decisions.decide(user, case_id, decision=decision, reason=typed["reason"], on=on)
        return "审批意见已保存"
    return _run_record(request, form, case, action, on)


def _run_record(request, form: CaseStepForm, case, action: str, on: date) -> str:
    typed, user, case_id = form.cleaned_data, request.user, case.pk
    if action == "record_visit":
        visit = case_records.record_visit(
            user, case_id, visited_on=on, investigators=typed["investigators"],
            living_conditions=typed["living_conditions"], findings=typed["findings"],
            unable_activities=typed["unable"], democratic_appraisal=typed["democratic_appraisal"],
        )  # fmt: skip
        for upload in typed["photos"]:
            case_records.add_attachment(user, case_id, upload=upload, kind="photo", visit_id=visit.pk)
        return "已录入入户调查"
    if action == "add_attachment":
        upload = request.FILES.get("file")
        if upload is None:
            raise MinzhengError("请选择文件", field="file")
        case_records.add_attachment(user, case_id, upload=upload, kind=typed["kind"] or "material")
        return "附件已上传"
    if action == "set_benefit_inputs":
        case_records.set_benefit_inputs(
            user, case_id, persons=typed["persons"], seriously_ill_ids=form.ids("seriously_ill"),
            requested_amount=typed["requested_amount"], care_grade_value=typed["care_grade"],
        )  # fmt: skip
        return "计发要素已保存"
    if action == "record_tekun_facts":
        rows = zip(typed["obligor_name"], typed["obligor_relation"], typed["obligor_inability"], strict=False)
        obligors = [{"name": n, "relation": r, "inability": i} for n, r, i in rows if n.strip() or r.strip()]
        if obligors or typed["no_obligor"]:
            eligibility_facts.record_tekun_obligors(user, case_id, obligors=obligors)
        eligibility_facts.record_members_in_school(user, case_id, person_ids=form.ids("in_school"))
        return "特困认定事实已保存"
    if action == "record_household_facts":
        statuses, overrides, refusals = _household_facts(request, case)
        eligibility_facts.record_member_exclusions(user, case_id, statuses=statuses, overrides=overrides)
        eligibility_facts.record_job_refusals(user, case_id, refusals=refusals)
        return "共同生活家庭成员认定已保存"
    if action == "record_objection":
        case_records.record_objection(
            user, case_id, received_on=on, raised_by=typed["raised_by"], content=typed["content"]
        )
        return "异议已登记"
    if action == "resolve_objection":
        case_records.resolve_objection(
            user, case_id, typed["objection"] or 0, resolution=typed["resolution"], upheld=typed["upheld"]
        )
        return "异议处理结果已保存"
    if action == "advance_relief":
        case_records.advance_relief(user, case_id, requested=typed["requested"], on=on)
        return "已从备用金先行救助，请后续补办手续"
    raise MinzhengError("未知的操作")


@require_POST
def case_action(request, pk: int):
    case = case_selectors.case_detail(request.user, pk)  # 404 outside the jurisdiction before anything else
    try:
        # The step is the button pressed (its ``action`` value); the step's fields come through its form.
        messages.success(request, _run_action(request, case))
    except MinzhengError as exc:
        messages.error(request, exc.message)
    return redirect(reverse("assistance:case_detail", args=[case.pk]))


def attachment_download(request, pk: int, attachment_pk: int):
    attachment = case_records.open_attachment(request.user, pk, attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), content_type=attachment.content_type, filename=attachment.original_name
    )


def _pdf(request, case, content: bytes, name: str) -> HttpResponse:
    record_event(
        request.user, AuditEvent.EXPORT, object_type="assistance_case", object_id=case.pk,
        division_code=case.division_code, summary=f"下载 {name}（{case.number}）",
    )  # fmt: skip
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f"inline; filename={case.number}-{'notice' if '告知' in name else 'decision'}.pdf"
    )
    return response


def materials_notice(request, pk: int):
    case = case_selectors.case_detail(request.user, pk)
    if not case.missing_materials:
        raise Http404("本案件没有需补齐的材料")
    return _pdf(request, case, materials_notice_pdf(case), "一次性告知书")


def decision_document(request, pk: int):
    case = case_selectors.case_detail(request.user, pk)
    if case.status not in (CaseStatus.APPROVED, CaseStatus.REJECTED):
        raise Http404("案件尚未作出决定")
    return _pdf(request, case, decision_pdf(case, decision_number(request.user, case)), "决定书")
