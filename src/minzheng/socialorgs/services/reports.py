"""年检/年度工作报告: a caseworker enters the report the organisation files (with its finance summary),
reviewing staff give the result (合格/基本合格/不合格, 3 months' 整改 for the latter two); two consecutive years
missed or 不合格 raise a 撤销登记 proposal, decided by reviewing staff (revocation lists the organisation on
严重违法失信)."""

from datetime import date

from django.db import IntegrityError, transaction

from minzheng.core.models import AuditEvent

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import AnnualReport, Organisation, OrgStatus, ReportStatus, RevocationProposal, RevocationStatus
from ..rules import annual
from ..rules.credit import Reason
from . import credit, parameters
from .common import (
    Capability,
    audit,
    check_in_jurisdiction,
    not_own_work,
    own_registry,
    require,
    require_text,
)

FINANCE = [
    "total_income",
    "previous_year_income",
    "charitable_spending",
    "management_fees",
    "total_spending",
    "net_assets",
]


def deadlines_for(org: Organisation, year: int) -> tuple[date, date]:
    on = date(year + 1, 1, 1)
    return annual.report_deadlines(
        year,
        parameters.month_day("report_supervisor_deadline", org.division_code, on),
        parameters.month_day("report_registry_deadline", org.division_code, on),
    )


def ratios(report: AnnualReport) -> annual.Ratios:
    on = date(report.year, 12, 31)
    return annual.finance_ratios(
        report.charitable_spending,
        report.previous_year_income,
        report.management_fees,
        report.total_spending,
        parameters.value("charitable_spending_floor", report.division_code, on),
        parameters.value("management_fee_ceiling", report.division_code, on),
    )


@transaction.atomic
def submit(actor, org: Organisation, *, year: int, registry_submitted_on: date, supervisor_submitted_on=None,
           full_time_staff: int = 0, **finance) -> AnnualReport:  # fmt: skip
    """登记年度工作报告 as filed (one per year); lateness against 31 March / 31 May is recorded, not refused."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, org.division_code)
    if org.status != OrgStatus.REGISTERED:
        raise SocialOrgConflict("该组织已注销或被撤销登记")
    today = date.today()
    if not org.registered_on.year <= year < today.year:
        raise InvalidSocialOrgInput(
            f"年度应在{org.registered_on.year}年至{today.year - 1}年之间（年度结束后报送）", field="year"
        )
    if registry_submitted_on > today or registry_submitted_on.year <= year:
        raise InvalidSocialOrgInput(
            "报送登记管理机关日期应在该年度结束后、不晚于今天", field="registry_submitted_on"
        )
    if supervisor_submitted_on and (
        supervisor_submitted_on > registry_submitted_on or supervisor_submitted_on.year <= year
    ):
        raise InvalidSocialOrgInput(
            "报送业务主管单位日期应在年度结束后、不晚于报送登记管理机关日期", field="supervisor_submitted_on"
        )
    for name in FINANCE:
        if finance.get(name) is not None and finance[name] < 0:
            raise InvalidSocialOrgInput("金额不能为负数", field=name)
    if finance["charitable_spending"] + finance["management_fees"] > finance["total_spending"]:
        raise InvalidSocialOrgInput("公益支出与管理费用之和不能超过本年总支出", field="total_spending")
    supervisor_due, registry_due = deadlines_for(org, year)
    late = (
        registry_submitted_on > registry_due
        or (supervisor_submitted_on or registry_submitted_on) > supervisor_due
    )
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(
                organisation=org, division_code=org.division_code, year=year,
                registry_submitted_on=registry_submitted_on, supervisor_submitted_on=supervisor_submitted_on,
                full_time_staff=full_time_staff, late=late, entered_by=actor,
                **{k: finance.get(k) for k in FINANCE},
            )  # fmt: skip
    except IntegrityError:
        raise SocialOrgConflict(f"{org.name}已报送{year}年度报告") from None
    org.full_time_staff = full_time_staff
    org.save(update_fields=["full_time_staff"])
    audit(
        actor,
        AuditEvent.CREATE,
        report,
        f"登记{year}年度报告：{org.name}{'（逾期）' if late else ''}",
        ["year", "late", *FINANCE],
    )
    return report


@transaction.atomic
def decide(actor, report: AnnualReport, *, result: str, decided_on: date, note: str = "") -> AnnualReport:
    """年检结论; 基本合格/不合格 set the 3-month 整改 deadline; the revocation rule is checked."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, report.division_code)
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status == ReportStatus.DECIDED:
        raise SocialOrgConflict("该年度报告已出结论")
    not_own_work(actor, report.entered_by_id, "年度报告")
    if result not in [r.value for r in annual.Result]:
        raise InvalidSocialOrgInput("请选择年检结论", field="result")
    if decided_on < report.registry_submitted_on or decided_on > date.today():
        raise InvalidSocialOrgInput("结论日期应在报送日期与今天之间", field="decided_on")
    if result != annual.Result.QUALIFIED:
        note = require_text(note, "note", "结论意见（须写明问题和整改要求）", 500)
    months = parameters.integer("rectification_months", report.division_code, decided_on)
    report.result, report.result_note, report.decided_on = result, note.strip()[:500], decided_on
    report.rectification_due_on = annual.rectification_due(annual.Result(result), decided_on, months)
    report.status, report.decided_by = ReportStatus.DECIDED, actor
    report.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        report,
        f"{report.year}年度年检结论：{report.get_result_display()}（{report.organisation.name}）",
        ["result", "decided_on", "rectification_due_on"],
    )
    check_revocation(report.organisation, report.year, decided_on)
    return report


@transaction.atomic
def record_rectified(actor, report: AnnualReport, *, rectified_on: date) -> AnnualReport:
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, report.division_code)
    if report.rectification_due_on is None or report.rectified_on:
        raise SocialOrgConflict("该年度报告无需整改或已整改")
    if rectified_on < report.decided_on or rectified_on > date.today():
        raise InvalidSocialOrgInput("整改完成日期应在结论日期与今天之间", field="rectified_on")
    report.rectified_on = rectified_on
    report.save(update_fields=["rectified_on"])
    audit(
        actor,
        AuditEvent.UPDATE,
        report,
        f"{report.year}年度年检整改完成：{report.organisation.name}",
        ["rectified_on"],
    )
    return report


def year_results(org: Organisation, last_year: int) -> dict[int, annual.Result | None]:
    """Every year the organisation owed a report up to ``last_year``: its result, or None (missing)."""
    found = {
        r.year: (annual.Result(r.result) if r.result else annual.Result.QUALIFIED) for r in org.reports.all()
    }
    # a report filed but not yet decided counts as taken part (not missed, not 不合格)
    return {y: found.get(y) for y in range(org.registered_on.year, last_year + 1)}


def check_revocation(org: Organisation, last_year: int, on: date) -> RevocationProposal | None:
    """Raise the 撤销登记 proposal (a work item) when the rule holds; idempotent per (organisation, year)."""
    consecutive = parameters.integer("revocation_consecutive_years", org.division_code, on)
    grounds = annual.revocation_grounds(year_results(org, last_year), last_year, consecutive)
    if not grounds or org.status != OrgStatus.REGISTERED:
        return None
    days = parameters.integer("revocation_working_days", org.division_code, on)
    proposal, created = RevocationProposal.objects.get_or_create(
        organisation=org, last_year=last_year,
        defaults={"division_code": org.division_code, "grounds": grounds, "proposed_on": on,
                  "due_on": parameters.working_days_after(on, days)},
    )  # fmt: skip
    if created:
        credit._event(
            None, AuditEvent.CREATE, proposal, f"建议撤销登记：{org.name}（{grounds}）", ["grounds", "due_on"]
        )
    return proposal


def propose_revocations_for_missing(today: date) -> int:
    """Nightly: after the registry deadline of last year, organisations that missed it and the year before."""
    year = today.year - 1
    count = 0
    orgs = Organisation.objects.filter(status=OrgStatus.REGISTERED, registered_on__lte=date(year - 1, 12, 31))
    pending = orgs.exclude(reports__year=year).exclude(revocations__last_year=year)
    for org in pending.prefetch_related("reports"):
        month, day = parameters.month_day("report_registry_deadline", org.division_code, today)
        if today > date(year + 1, month, day) and check_revocation(org, year, today):
            count += 1
    return count


@transaction.atomic
def decide_revocation(
    actor, proposal: RevocationProposal, *, revoke: bool, decided_on: date, note: str
) -> RevocationProposal:
    """撤销登记 or not; revocation ends the organisation and lists it on 严重违法失信 (被撤销登记)."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, proposal.division_code)
    proposal = RevocationProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != RevocationStatus.OPEN:
        raise SocialOrgConflict("该建议已作出决定")
    if decided_on < proposal.proposed_on or decided_on > date.today():
        raise InvalidSocialOrgInput("决定日期应在提出日期与今天之间", field="decided_on")
    proposal.status = RevocationStatus.REVOKED if revoke else RevocationStatus.DISMISSED
    proposal.decided_by, proposal.decided_on = actor, decided_on
    proposal.decision_note = require_text(note, "note", "决定意见", 500)
    proposal.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        proposal,
        f"撤销登记建议：{proposal.get_status_display()}（{proposal.organisation.name}）",
        ["status", "decided_on"],
    )
    if revoke:
        org = Organisation.objects.select_for_update().get(pk=proposal.organisation_id)
        org.status, org.ended_on = OrgStatus.REVOKED, decided_on
        org.save(update_fields=["status", "ended_on"])
        org.names.filter(valid_to__isnull=True).update(valid_to=decided_on)
        audit(actor, AuditEvent.UPDATE, org, f"撤销登记：{org.name}", ["status", "ended_on"])
        credit.list_now(
            actor,
            org,
            Reason.REGISTRATION_REVOKED,
            f"撤销登记决定（{decided_on}）：{proposal.grounds}",
            decided_on,
        )
    return proposal
