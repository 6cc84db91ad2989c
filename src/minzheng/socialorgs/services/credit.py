"""活动异常名录 and 严重违法失信名单 (民政部令第60号): proposing a ground (caseworker, or the nightly job for a
missing annual report), deciding the listing within 5 working days (reviewing staff, never on their own
proposal), verifying an obligation fulfilled, removal, and the nightly clocks — 6-month automatic removal,
2 years on 活动异常 → 严重违法失信, 2-year removal from 严重违法失信."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import CreditGround, CreditListing, ListingStatus, Organisation
from ..rules import credit as rules
from ..rules.credit import LIST_OF, REASON_LABELS, ListKind, Reason
from . import parameters
from .common import (
    Capability,
    audit,
    check_in_jurisdiction,
    not_own_work,
    own_registry,
    require,
    require_text,
)

SYSTEM = "系统定时任务"
OPEN = (ListingStatus.PROPOSED, ListingStatus.LISTED)


def grounds_of(listing: CreditListing) -> list[rules.Ground]:
    return [
        rules.Ground(Reason(g.reason), g.listed_on, g.fixed_on)
        for g in listing.grounds.all()
        if g.listed_on is not None and not g.rejected
    ]


def _clocks(listing: CreditListing, on: date) -> rules.Clocks:
    return parameters.credit_clocks(listing.division_code, on)


def _event(actor, action, row, summary, fields):
    if actor is None:
        from minzheng.core.services.audit import snapshot

        record_event(
            None, action, object_type=f"socialorgs.{row._meta.model_name}", object_id=row.pk,
            division_code=row.division_code, summary=summary, after=snapshot(row, fields), username=SYSTEM,
        )  # fmt: skip
    else:
        audit(actor, action, row, summary, fields)


def _propose(actor, org: Organisation, reason: Reason, basis: str, established_on: date) -> CreditListing:
    kind = LIST_OF[reason]
    listing = (
        CreditListing.objects.select_for_update()
        .filter(organisation=org, list_kind=kind, status__in=OPEN)
        .first()
    )
    clocks = parameters.credit_clocks(org.division_code, established_on)
    due = rules.listing_due(established_on, parameters.working_days_after, clocks)
    if listing is None:
        listing = CreditListing.objects.create(
            organisation=org, division_code=org.division_code, list_kind=kind, proposed_on=established_on,
            listing_due_on=due, proposed_by=actor,
        )  # fmt: skip
    else:
        listing.listing_due_on = (
            min(listing.listing_due_on, due) if listing.status == ListingStatus.PROPOSED else due
        )
        listing.proposed_by = actor
        listing.save(update_fields=["listing_due_on", "proposed_by"])
    CreditGround.objects.create(
        listing=listing, reason=reason, basis=basis, established_on=established_on, recorded_by=actor
    )
    _event(
        actor,
        AuditEvent.CREATE,
        listing,
        f"提请列入{listing.get_list_kind_display()}：{org.name}（{REASON_LABELS[reason]}）",
        ["list_kind", "status", "listing_due_on"],
    )
    return listing


@transaction.atomic
def propose(actor, org: Organisation, *, reason: str, basis: str, established_on: date) -> CreditListing:
    """提请列入: a ground (reason code + basis) on the organisation's open listing of that list, or a new one;
    the listing decision is due 5 working days after the ground was established."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, org.division_code)
    if reason not in [r.value for r in Reason]:
        raise InvalidSocialOrgInput("请选择列入事由", field="reason")
    if reason == Reason.ABNORMAL_TWO_YEARS:
        raise InvalidSocialOrgInput("“列入活动异常名录满2年”由系统每日自动转入，不能手工提请", field="reason")
    if established_on > date.today():
        raise InvalidSocialOrgInput("事实认定日期不能晚于今天", field="established_on")
    if established_on < org.registered_on:
        raise InvalidSocialOrgInput("事实认定日期不能早于成立登记日期", field="established_on")
    return _propose(actor, org, Reason(reason), require_text(basis, "basis", "依据", 300), established_on)


@transaction.atomic
def decide(actor, listing: CreditListing, *, listed: bool, decided_on: date, note: str = "") -> CreditListing:
    """列入 or 不予列入 the pending grounds. Listing while already listed restarts the removal clock."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, listing.division_code)
    listing = CreditListing.objects.select_for_update().get(pk=listing.pk)
    pending = list(listing.grounds.filter(listed_on__isnull=True, rejected=False))
    if not pending or listing.status not in OPEN:
        raise SocialOrgConflict("没有待决定的列入事由")
    if any(g.recorded_by_id == actor.pk for g in pending):
        not_own_work(actor, actor.pk, "列入提请")
    if decided_on < max(g.established_on for g in pending) or decided_on > date.today():
        raise InvalidSocialOrgInput("决定日期应在事实认定日期与今天之间", field="decided_on")
    for g in pending:
        if listed:
            g.listed_on = decided_on
        else:
            g.rejected, g.fix_note = True, f"不予列入：{note}"[:300]
        g.save(update_fields=["listed_on", "rejected", "fix_note"])
    if listed:
        listing.status = ListingStatus.LISTED
        listing.first_listed_on = listing.first_listed_on or decided_on
        listing.clock_from = decided_on
        listing.removal_due_on = None
    elif listing.status == ListingStatus.PROPOSED:
        listing.status = ListingStatus.WITHDRAWN
    listing.decided_by = actor
    listing.save()
    what = "列入" if listed else "不予列入"
    _event(
        actor,
        AuditEvent.UPDATE,
        listing,
        f"{what}{listing.get_list_kind_display()}：{listing.organisation.name}",
        ["status", "first_listed_on", "clock_from"],
    )
    return listing


@transaction.atomic
def verify_fixed(
    actor, listing: CreditListing, ground: CreditGround, *, fixed_on: date, note: str
) -> CreditListing:
    """核实已履行义务 (报送年报、整改、恢复联系 …): once no obligation is open, removal is due in 5 working days."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, listing.division_code)
    if ground.listing_id != listing.pk or listing.status != ListingStatus.LISTED or ground.listed_on is None:
        raise SocialOrgConflict("该事由不在在列的名录记录中")
    if not rules.needs_fixing(Reason(ground.reason)) or ground.fixed_on:
        raise SocialOrgConflict("该事由无需履行义务，或已核实")
    if fixed_on < ground.listed_on or fixed_on > date.today():
        raise InvalidSocialOrgInput("核实日期应在列入日期与今天之间", field="fixed_on")
    ground.fixed_on, ground.fix_note = fixed_on, require_text(note, "note", "整改情况", 300)
    ground.save(update_fields=["fixed_on", "fix_note"])
    if not rules.open_obligations(grounds_of(listing)):
        listing.removal_due_on = rules.removal_due(
            fixed_on, parameters.working_days_after, _clocks(listing, fixed_on)
        )
        listing.save(update_fields=["removal_due_on"])
    audit(
        actor,
        AuditEvent.UPDATE,
        listing,
        f"核实履行义务：{listing.organisation.name}（{ground.get_reason_display()}）",
        ["removal_due_on"],
    )
    return listing


def removable_on(listing: CreditListing, today: date) -> tuple[bool, str]:
    """(can it be removed today, why not)."""
    grounds = grounds_of(listing)
    clocks = _clocks(listing, today)
    if listing.status != ListingStatus.LISTED:
        return False, "不在列"
    if rules.open_obligations(grounds):
        return False, "尚有未履行的义务（需先核实整改）"
    if listing.list_kind == ListKind.ABNORMAL:
        if rules.abnormal_removable(grounds, today, clocks):
            return True, ""
        return False, f"无需整改的事由须自最近一次列入起满{clocks.abnormal_auto_removal_months}个月"
    if any(g.reason == Reason.REGISTRATION_REVOKED for g in grounds):
        return False, "被撤销登记的组织在办理注销后移出"
    due = rules.serious_removal_on(grounds, clocks)
    if due and today >= due:
        return True, ""
    return False, f"严重违法失信名单须列入满{clocks.serious_removal_years}年且未再出现列入情形（{due}）"


@transaction.atomic
def remove(actor, listing: CreditListing, *, removed_on: date, reason: str) -> CreditListing:
    """移出 by reviewing staff, when the rules allow it on ``removed_on``."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, listing.division_code)
    listing = CreditListing.objects.select_for_update().get(pk=listing.pk)
    if removed_on > date.today():
        raise InvalidSocialOrgInput("移出日期不能晚于今天", field="removed_on")
    ok, why = removable_on(listing, removed_on)
    if not ok:
        raise SocialOrgConflict(f"不能移出：{why}")
    return _remove(actor, listing, removed_on, require_text(reason, "reason", "移出理由", 300))


def _remove(actor, listing: CreditListing, on: date, reason: str) -> CreditListing:
    listing.status, listing.removed_on, listing.removal_reason = ListingStatus.REMOVED, on, reason
    listing.save(update_fields=["status", "removed_on", "removal_reason"])
    _event(
        actor,
        AuditEvent.UPDATE,
        listing,
        f"移出{listing.get_list_kind_display()}：{listing.organisation.name}（{reason}）",
        ["status", "removed_on"],
    )
    return listing


def list_now(actor, org: Organisation, reason: Reason, basis: str, on: date) -> CreditListing:
    """A ground that lists by operation of a decision already taken (撤销登记) — listed at once."""
    listing = _propose(actor, org, reason, basis, on)
    for g in listing.grounds.filter(listed_on__isnull=True, rejected=False):
        g.listed_on = on
        g.save(update_fields=["listed_on"])
    listing.status = ListingStatus.LISTED
    listing.first_listed_on = listing.first_listed_on or on
    listing.clock_from = on
    listing.decided_by = actor
    listing.save()
    return listing


@dataclass
class ClockRun:
    removed: int = 0
    escalated: int = 0
    serious_removed: int = 0


@transaction.atomic
def run_clocks(today: date) -> ClockRun:
    """The nightly job (idempotent): 6-month automatic removal from 活动异常 where nothing is to fix; 2 years on
    活动异常 → 严重违法失信 (open obligations carried over); 2-year removal from 严重违法失信."""
    run = ClockRun()
    listed = (
        CreditListing.objects.select_for_update()
        .filter(status=ListingStatus.LISTED)
        .select_related("organisation")
    )
    for listing in listed.prefetch_related("grounds"):
        grounds = grounds_of(listing)
        if not grounds:
            continue
        clocks = _clocks(listing, today)
        if listing.list_kind == ListKind.ABNORMAL:
            escalate_on = rules.escalation_on(listing.first_listed_on, clocks)
            if today >= escalate_on:
                _escalate(listing, escalate_on)
                run.escalated += 1
                continue
            auto = rules.abnormal_auto_removal_on(grounds, clocks)
            if auto and today >= auto:
                _remove(
                    None, listing, auto, f"无需整改，列入满{clocks.abnormal_auto_removal_months}个月自动移出"
                )
                run.removed += 1
        else:
            if any(g.reason == Reason.REGISTRATION_REVOKED for g in grounds):
                continue
            due = rules.serious_removal_on(grounds, clocks)
            if due and today >= due:
                _remove(
                    None, listing, due, f"列入满{clocks.serious_removal_years}年且未再出现列入情形，自动移出"
                )
                run.serious_removed += 1
    return run


def _escalate(listing: CreditListing, on: date) -> None:
    listing.status, listing.removed_on = ListingStatus.ESCALATED, on
    listing.removal_reason = "列入活动异常名录满2年，转入严重违法失信名单"
    listing.save(update_fields=["status", "removed_on", "removal_reason"])
    serious = CreditListing.objects.create(
        organisation=listing.organisation, division_code=listing.division_code, list_kind=ListKind.SERIOUS,
        status=ListingStatus.LISTED, proposed_on=on, listing_due_on=on, first_listed_on=on, clock_from=on,
        escalated_from=listing,
    )  # fmt: skip
    CreditGround.objects.create(
        listing=serious, reason=Reason.ABNORMAL_TWO_YEARS, basis=f"活动异常名录自{listing.first_listed_on}起满2年",
        established_on=on, listed_on=on,
    )  # fmt: skip
    for g in listing.grounds.filter(listed_on__isnull=False, rejected=False, fixed_on__isnull=True):
        if rules.needs_fixing(Reason(g.reason)):
            CreditGround.objects.create(
                listing=serious, reason=g.reason, basis=f"（自活动异常名录转入）{g.basis}"[:300],
                established_on=g.established_on, listed_on=g.listed_on,
            )  # fmt: skip
    _event(
        None,
        AuditEvent.UPDATE,
        listing,
        f"活动异常名录满2年转入严重违法失信名单：{listing.organisation.name}",
        ["status", "removed_on"],
    )
    _event(
        None,
        AuditEvent.CREATE,
        serious,
        f"列入严重违法失信名单：{listing.organisation.name}（活动异常满2年）",
        ["list_kind", "status", "first_listed_on"],
    )


@transaction.atomic
def propose_missing_reports(today: date) -> int:
    """After the registry's deadline (31 May) for year Y, every organisation registered before Y ended and
    holding no report for Y gets a proposed 活动异常 ground (未按规定报送年度工作报告); idempotent by basis."""
    from ..models import AnnualReport, OrgStatus

    count = 0
    year = today.year - 1
    orgs = Organisation.objects.filter(status=OrgStatus.REGISTERED, registered_on__lte=date(year, 12, 31))
    reported = AnnualReport.objects.filter(year=year).values("organisation_id")
    for org in orgs.exclude(pk__in=reported):
        month, day = parameters.month_day("report_registry_deadline", org.division_code, today)
        if today <= date(year + 1, month, day):
            continue
        basis = f"{year}年度工作报告逾期未报送"
        if CreditGround.objects.filter(
            listing__organisation=org, reason=Reason.NO_ANNUAL_REPORT, basis=basis
        ).exists():
            continue
        _propose(None, org, Reason.NO_ANNUAL_REPORT, basis, date(year + 1, month, day) + timedelta(days=1))
        count += 1
    return count
