"""What a case records without changing its state: 入户调查, attachments, the inputs of the benefit,
公示 objections and 急难型 先行救助 from the township's 备用金. Each is audited and shown in the case history."""

from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from minzheng.core.models import AuditEvent, Person
from minzheng.core.money import check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidAttachment, InvalidCase, WorkflowRefused
from ..models import AssistanceCase, CaseAttachment, HomeVisit, Objection
from ..rules import (
    CareGrade,
    DailyActivity,
    care_grade,
    emergency_advance_amount,
    self_care_ability,
    township_reserve_fund,
)
from ..rules.benefits import MemberCategory
from ..rules.workflow import FINAL_STAGES, Action, Stage
from ..selectors.books import policy_book
from ..selectors.cases import attachment_of
from .workflow import apply_move, case_for_update, record_case_event

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".pdf": "application/pdf",
}
# The first bytes of each accepted type: the extension alone is not trusted.
_SIGNATURES = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "application/pdf": (b"%PDF",),
}
_RECORDING_STAGES = {Stage.ACCEPTED, Stage.VERIFYING, Stage.INVESTIGATING, Stage.TOWNSHIP_REVIEW}


def _open_case(user, case_id: int, stages=None) -> AssistanceCase:
    require(user, Capability.HANDLE_CASES)
    case = case_for_update(user, case_id)
    if case.status in FINAL_STAGES:
        raise WorkflowRefused("案件已办结，不能再修改")
    if stages is not None and case.status not in stages:
        raise WorkflowRefused(f"案件当前为“{case.get_status_display()}”，不能录入该信息")
    return case


@transaction.atomic
def record_visit(
    user,
    case_id: int,
    *,
    visited_on: date,
    investigators: str,
    living_conditions: str,
    findings: str,
    unable_activities: list[str] = (),
    democratic_appraisal: str = "",
) -> HomeVisit:
    """入户调查 (with the 生活自理能力 items for 特困, from which the care grade follows)."""
    case = _open_case(user, case_id, {Stage.INVESTIGATING})
    if visited_on > timezone.localdate() or visited_on < case.applied_on:
        raise InvalidCase("调查日期应在申请日期与今天之间", field="visited_on")
    names = [n for n in investigators.replace("，", "、").replace(",", "、").split("、") if n.strip()]
    if len(names) < 2:
        raise InvalidCase(
            "入户调查应由至少两名工作人员进行，请填写调查人员（以顿号分隔）", field="investigators"
        )
    if not living_conditions.strip() or not findings.strip():
        raise InvalidCase("请填写居住生活状况和调查结论", field="findings")
    try:
        activities = sorted({DailyActivity(a).value for a in unable_activities})
    except ValueError:
        raise InvalidCase("日常活动项目无效", field="unable_activities") from None
    visit = HomeVisit.objects.create(
        case=case, visited_on=visited_on, investigators="、".join(n.strip() for n in names),
        living_conditions=living_conditions.strip(), findings=findings.strip(), unable_activities=activities,
        democratic_appraisal=democratic_appraisal.strip(), recorded_by=user,
    )  # fmt: skip
    details = {"visit": visit.pk}
    if case.program.benefit_formula == "standard_plus_care":
        book = policy_book([case.division_code])
        threshold = int(book.value("tekun_fully_lost_from", case.division_code, visited_on) or 4)
        ability = self_care_ability(activities, fully_lost_from=threshold)
        case.care_grade = care_grade(ability).value
        case.save(update_fields=["care_grade", "updated_at"])
        details |= {"self_care": ability.value, "care_grade": case.care_grade}
    record_case_event(
        user, case, "record_visit", "录入入户调查", case.status, findings.strip()[:200], details
    )
    return visit


def _check_upload(upload) -> str:
    suffix = PurePath(upload.name or "").suffix.lower()
    content_type = ALLOWED_TYPES.get(suffix)
    if content_type is None:
        raise InvalidAttachment("只接受 JPG、PNG 图片或 PDF 文件", field="file")
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise InvalidAttachment(f"文件不能超过 {MAX_ATTACHMENT_BYTES // 1024 // 1024} MB", field="file")
    if upload.size == 0:
        raise InvalidAttachment("文件为空", field="file")
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(_SIGNATURES[content_type]):
        raise InvalidAttachment("文件内容与扩展名不符", field="file")
    return content_type


@transaction.atomic
def add_attachment(user, case_id: int, *, upload, kind: str, visit_id: int | None = None) -> CaseAttachment:
    """A material or photo stored under MEDIA_ROOT (served only through the case's jurisdiction check)."""
    case = _open_case(user, case_id)
    if kind not in dict(CaseAttachment.KINDS):
        raise InvalidAttachment("附件类别无效", field="kind")
    content_type = _check_upload(upload)
    visit = case.visits.filter(pk=visit_id).first() if visit_id else None
    original = PurePath(upload.name).name[:200]
    attachment = CaseAttachment(
        case=case, visit=visit, kind=kind, original_name=original, content_type=content_type, size=upload.size,
        uploaded_by=user,
    )  # fmt: skip
    attachment.file.save(
        f"{timezone.now():%Y%m%d%H%M%S%f}{PurePath(original).suffix.lower()}", upload, save=False
    )
    attachment.save()
    record_case_event(
        user, case, "add_attachment", f"上传{attachment.get_kind_display()}", case.status, original
    )
    return attachment


def open_attachment(user, case_id: int, attachment_id: int) -> CaseAttachment:
    """A case file about to be served (page or API): jurisdiction-checked, and the reading audited."""
    attachment = attachment_of(user, case_id, attachment_id)
    record_event(
        user, AuditEvent.READ_DETAIL, object_type="assistance_attachment", object_id=attachment.pk,
        division_code=attachment.case.division_code, summary=f"查看案件附件 {attachment.original_name}",
    )  # fmt: skip
    return attachment


@transaction.atomic
def set_benefit_inputs(
    user,
    case_id: int,
    *,
    persons: int | None,
    seriously_ill_ids: list[int] = (),
    requested_amount: Decimal | None = None,
    care_grade_value: str = "",
) -> AssistanceCase:
    """核定保障人数, 重病患者 (分类施保), the 临时救助 need and the care grade — the inputs the approver will see."""
    case = _open_case(user, case_id, _RECORDING_STAGES)
    members = set(
        Person.objects.filter(
            memberships__household_id=case.household_id, memberships__valid_to__isnull=True
        ).values_list("pk", flat=True)
    )
    if persons is not None and not 1 <= persons <= max(len(members), 1):
        raise InvalidCase(f"保障人数应在 1 至 {max(len(members), 1)} 之间", field="persons")
    if any(pid not in members for pid in seriously_ill_ids):
        raise InvalidCase("重病患者必须是本户现有成员", field="seriously_ill_ids")
    requested_amount = check_money(
        requested_amount, field="requested_amount", label="核定需求", error=InvalidCase
    )
    if care_grade_value and care_grade_value not in {g.value for g in CareGrade}:
        raise InvalidCase("照料护理等级无效", field="care_grade")
    case.persons = persons
    case.member_categories = {str(pid): [MemberCategory.SERIOUSLY_ILL.value] for pid in seriously_ill_ids}
    case.requested_amount = requested_amount
    if care_grade_value:
        case.care_grade = care_grade_value
    case.save(update_fields=["persons", "member_categories", "requested_amount", "care_grade", "updated_at"])
    details = {
        "persons": persons,
        "seriously_ill": list(seriously_ill_ids),
        "requested_amount": str(requested_amount),
        "care_grade": case.care_grade,
    }
    record_case_event(user, case, "set_benefit_inputs", "核定计发要素", case.status, "", details)
    return case


@transaction.atomic
def record_objection(user, case_id: int, *, received_on: date, raised_by: str, content: str) -> Objection:
    """公示期间收到的异议 (the reviewer's desk: the township runs the 公示)."""
    require(user, Capability.REVIEW_CASES)
    case = case_for_update(user, case_id)
    if case.status != Stage.PUBLICITY:
        raise WorkflowRefused("只有公示中的案件可以登记异议")
    if not content.strip():
        raise InvalidCase("请填写异议内容", field="content")
    objection = Objection.objects.create(
        case=case,
        received_on=received_on,
        raised_by=raised_by.strip()[:50],
        content=content.strip(),
        recorded_by=user,
    )
    record_case_event(user, case, "record_objection", "登记公示异议", case.status, content.strip()[:200])
    return objection


@transaction.atomic
def resolve_objection(user, case_id: int, objection_id: int, *, resolution: str, upheld: bool) -> Objection:
    require(user, Capability.REVIEW_CASES)
    case = case_for_update(user, case_id)
    objection = case.objections.filter(pk=objection_id, upheld__isnull=True).first()
    if objection is None:
        raise InvalidCase("异议不存在或已处理", field="objection")
    if not resolution.strip():
        raise InvalidCase("请填写核实处理结果", field="resolution")
    objection.resolution, objection.upheld, objection.resolved_by = resolution.strip(), upheld, user
    objection.save(update_fields=["resolution", "upheld", "resolved_by"])
    label = "异议成立" if upheld else "异议不成立"
    record_case_event(
        user, case, "resolve_objection", f"处理公示异议（{label}）", case.status, resolution.strip()[:200]
    )
    if upheld and case.status == Stage.PUBLICITY:
        # 民发〔2021〕57号 第十九条 / 《特困人员认定办法》第十五条: back to investigation and a new 审核意见.
        apply_move(user, case, Action.REINVESTIGATE, reason=resolution.strip()[:200])
    return objection


def reserve_balance(division_code: str, on: date) -> tuple[Decimal, Decimal]:
    """(annual 备用金 of the township, left this year): residents × 元/人 minus 先行救助 already paid."""
    township = division_code[:9]
    residents = Person.objects.filter(residence_division_code__startswith=township, is_deceased=False).count()
    per_resident = policy_book([division_code]).value(
        "township_reserve_per_resident", division_code, on
    ) or Decimal(0)
    fund = township_reserve_fund(residents, per_resident)
    used = AssistanceCase.objects.filter(
        division_code__startswith=township, advance_paid_on__year=on.year
    ).aggregate(total=Sum("advance_amount"))["total"] or Decimal(0)
    return fund, max(fund - used, Decimal(0))


@transaction.atomic
def advance_relief(user, case_id: int, *, requested: Decimal, on: date | None = None) -> AssistanceCase:
    """急难型 先行救助: paid at once from the township 备用金 (capped per case and by what is left), the
    application then completed (补办) through the normal steps; the final amount deducts it."""
    case = _open_case(user, case_id)
    on = on or timezone.localdate()
    if case.program.code != "temporary_emergency":
        raise WorkflowRefused("只有急难型临时救助可以先行救助")
    if case.advance_amount is not None:
        raise WorkflowRefused("本案件已先行救助")
    requested = check_money(requested, field="requested", label="先行救助金额", error=InvalidCase)
    if requested is None or requested <= 0:
        raise InvalidCase("请填写先行救助金额", field="requested")
    limit = policy_book([case.division_code]).value("emergency_advance_case_limit", case.division_code, on)
    if limit is None:
        raise WorkflowRefused("本地未设置先行救助单次上限（政策参数 emergency_advance_case_limit）")
    fund, left = reserve_balance(case.division_code, on)
    amount = emergency_advance_amount(requested, limit, left)
    if amount <= 0:
        raise WorkflowRefused(f"乡镇（街道）备用金已用完（本年 {fund} 元）")
    case.advance_amount, case.advance_paid_on = amount, on
    case.save(update_fields=["advance_amount", "advance_paid_on", "updated_at"])
    record_case_event(
        user, case, "advance_relief", "备用金先行救助", case.status,
        f"申请 {requested} 元，单次上限 {limit} 元，备用金余额 {left} 元，先行发放 {amount} 元，后续补办手续",
        {"amount": str(amount), "fund": str(fund), "left_before": str(left)},
    )  # fmt: skip
    return case
