"""年检年报, 撤销登记 proposals and the credit lists through the real services, clocks at their boundaries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.socialorgs.errors import InvalidSocialOrgInput, SocialOrgConflict
from minzheng.socialorgs.models import (
    CreditListing,
    ListingStatus,
    OrgStatus,
    RevocationProposal,
    RevocationStatus,
)
from minzheng.socialorgs.rules.dates import add_months, add_years
from minzheng.socialorgs.services import credit, reports

from .factories import registered

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()
LAST = TODAY.year - 1


def _finance(**over):
    values = {
        "total_income": Decimal(100000),
        "previous_year_income": Decimal(90000),
        "charitable_spending": Decimal(70000),
        "management_fees": Decimal(8000),
        "total_spending": Decimal(90000),
        "full_time_staff": 3,
    }
    values.update(over)
    return values


@pytest.fixture
def org(county_caseworker, reviewer):
    return registered(county_caseworker, reviewer, received_on=date(2023, 1, 2))


def test_report_late_after_31_may_and_fee_ratio_over_10_percent(county_caseworker, org):
    report = reports.submit(
        county_caseworker,
        org,
        year=LAST - 1,
        registry_submitted_on=date(LAST, 6, 1),
        **_finance(management_fees=Decimal(9001)),
    )
    assert report.late
    r = reports.ratios(report)
    assert r.fees_over and r.management_fee_ratio == Decimal(
        "0.1000"
    )  # 9001/90000 = 0.10001 → shown 10.00 %, over
    on_time = reports.submit(
        county_caseworker, org, year=LAST, registry_submitted_on=date(TODAY.year, 1, 2), **_finance()
    )
    assert not on_time.late and not reports.ratios(on_time).fees_over


def test_one_report_per_year(county_caseworker, org):
    reports.submit(
        county_caseworker, org, year=LAST, registry_submitted_on=date(TODAY.year, 1, 2), **_finance()
    )
    with pytest.raises(SocialOrgConflict, match="已报送"):
        reports.submit(
            county_caseworker, org, year=LAST, registry_submitted_on=date(TODAY.year, 1, 3), **_finance()
        )


def test_report_for_a_year_not_ended_is_refused(county_caseworker, org):
    with pytest.raises(InvalidSocialOrgInput) as error:
        reports.submit(county_caseworker, org, year=TODAY.year, registry_submitted_on=TODAY, **_finance())
    assert error.value.field == "year"


def test_unqualified_gets_three_months_and_the_entrant_cannot_decide(county_caseworker, reviewer, org):
    report = reports.submit(
        county_caseworker, org, year=LAST, registry_submitted_on=date(TODAY.year, 1, 2), **_finance()
    )
    with pytest.raises(PermissionDenied):  # the caseworker lacks the capability
        reports.decide(county_caseworker, report, result="unqualified", decided_on=TODAY, note="x")
    with pytest.raises(InvalidSocialOrgInput, match="结论意见"):
        reports.decide(reviewer, report, result="unqualified", decided_on=TODAY, note="")
    done = reports.decide(reviewer, report, result="unqualified", decided_on=TODAY, note="财务制度不健全")
    assert done.rectification_due_on == add_months(TODAY, 3)


def test_two_consecutive_unqualified_years_propose_revocation_and_revoking_lists_it(
    county_caseworker, reviewer, org, divisions
):
    from tests.core.factories import make_user

    approver = make_user("approver", "210602000000")
    for year in range(2023, LAST + 1):
        rep = reports.submit(
            county_caseworker, org, year=year, registry_submitted_on=date(year + 1, 1, 5), **_finance()
        )
        reports.decide(
            reviewer,
            rep,
            result="unqualified" if year >= LAST - 1 else "qualified",
            decided_on=TODAY,
            note="不合格",
        )
    proposal = RevocationProposal.objects.get(organisation=org)
    assert "连续2年年度检查不合格" in proposal.grounds and proposal.due_on > TODAY
    reports.decide_revocation(approver, proposal, revoke=True, decided_on=TODAY, note="依法撤销")
    org.refresh_from_db()
    assert org.status == OrgStatus.REVOKED
    serious = CreditListing.objects.get(organisation=org, list_kind="serious")
    assert serious.status == ListingStatus.LISTED and serious.grounds.get().reason == "registration_revoked"


def test_nightly_proposes_missing_reports_after_31_may_only(county_caseworker, org):
    for year in range(2023, LAST):
        reports.submit(
            county_caseworker, org, year=year, registry_submitted_on=date(year + 1, 1, 5), **_finance()
        )
    assert credit.propose_missing_reports(date(TODAY.year, 5, 31)) == 0
    assert credit.propose_missing_reports(date(TODAY.year, 6, 1)) == 1
    assert credit.propose_missing_reports(date(TODAY.year, 6, 2)) == 0  # idempotent
    listing = CreditListing.objects.get(organisation=org)
    assert listing.status == ListingStatus.PROPOSED and listing.proposed_by is None
    assert listing.grounds.get().established_on == date(TODAY.year, 6, 1)


def test_nightly_proposes_revocation_for_two_missed_years(org):
    assert reports.propose_revocations_for_missing(date(TODAY.year, 6, 1)) == 1
    assert "连续2年未参加年度检查" in RevocationProposal.objects.get(organisation=org).grounds
    assert reports.propose_revocations_for_missing(date(TODAY.year, 6, 2)) == 0


# --- credit lists ---------------------------------------------------------------------------------------


def _listed(caseworker, reviewer, org, reason="no_annual_report", on=None):
    on = on or TODAY - timedelta(days=3)
    listing = credit.propose(caseworker, org, reason=reason, basis="测试依据", established_on=on)
    return credit.decide(reviewer, listing, listed=True, decided_on=on)


def test_listing_due_five_working_days_after_the_ground(county_caseworker, org):
    listing = credit.propose(
        county_caseworker,
        org,
        reason="unreachable",
        basis="挂号信两次未签收",
        established_on=date(2026, 9, 30),
    )
    # 国庆 1–7 Oct off; 8, 9, 10 (Saturday, 调休上班), 12, 13 Oct are the five working days
    assert listing.listing_due_on == date(2026, 10, 13)
    assert AuditEvent.objects.filter(object_type="socialorgs.creditlisting").exists()


def test_the_proposer_cannot_decide_and_rejection_withdraws(county_caseworker, reviewer, org, divisions):
    listing = credit.propose(
        county_caseworker, org, reason="unreachable", basis="挂号信", established_on=TODAY
    )
    done = credit.decide(reviewer, listing, listed=False, decided_on=TODAY, note="已联系上")
    assert done.status == ListingStatus.WITHDRAWN


def test_removal_only_after_obligation_verified_then_due_in_5_working_days(county_caseworker, reviewer, org):
    listing = _listed(county_caseworker, reviewer, org)
    with pytest.raises(SocialOrgConflict, match="未履行"):
        credit.remove(reviewer, listing, removed_on=TODAY, reason="x")
    ground = listing.grounds.get()
    listing = credit.verify_fixed(county_caseworker, listing, ground, fixed_on=TODAY, note="已补报年报")
    assert listing.removal_due_on is not None and listing.removal_due_on > TODAY
    removed = credit.remove(reviewer, listing, removed_on=TODAY, reason="已履行义务")
    assert removed.status == ListingStatus.REMOVED


def test_warning_is_removed_automatically_on_the_six_month_day_not_before(county_caseworker, reviewer, org):
    listing = _listed(county_caseworker, reviewer, org, reason="warning_or_small_fine", on=date(2026, 1, 15))
    assert credit.run_clocks(date(2026, 7, 14)).removed == 0
    assert credit.run_clocks(date(2026, 7, 15)).removed == 1
    listing.refresh_from_db()
    assert listing.status == ListingStatus.REMOVED and listing.removed_on == date(2026, 7, 15)


def test_a_new_ground_restarts_the_six_months(county_caseworker, reviewer, org):
    listing = _listed(county_caseworker, reviewer, org, reason="warning_or_small_fine", on=date(2026, 1, 15))
    again = credit.propose(
        county_caseworker,
        org,
        reason="warning_or_small_fine",
        basis="第二次警告",
        established_on=date(2026, 5, 1),
    )
    assert again.pk == listing.pk
    credit.decide(reviewer, again, listed=True, decided_on=date(2026, 5, 1))
    assert credit.run_clocks(date(2026, 7, 15)).removed == 0
    assert credit.run_clocks(date(2026, 11, 1)).removed == 1


def test_two_years_on_abnormal_escalates_on_the_day_and_carries_the_obligation(
    county_caseworker, reviewer, org
):
    first = date(2024, 3, 1)
    listing = _listed(county_caseworker, reviewer, org, reason="no_annual_report", on=first)
    assert credit.run_clocks(add_years(first, 2) - timedelta(days=1)).escalated == 0
    assert credit.run_clocks(add_years(first, 2)).escalated == 1
    assert credit.run_clocks(add_years(first, 2)).escalated == 0  # idempotent
    listing.refresh_from_db()
    serious = listing.escalated_to
    assert listing.status == ListingStatus.ESCALATED and serious.status == ListingStatus.LISTED
    assert {g.reason for g in serious.grounds.all()} == {"abnormal_two_years", "no_annual_report"}
    # two years later it is still listed: the carried obligation is open
    assert credit.run_clocks(add_years(first, 4)).serious_removed == 0


def test_serious_list_removed_two_years_after_listing(county_caseworker, reviewer, org):
    listing = _listed(county_caseworker, reviewer, org, reason="large_fine", on=date(2024, 2, 29))
    assert credit.run_clocks(date(2026, 2, 27)).serious_removed == 0
    assert credit.run_clocks(date(2026, 2, 28)).serious_removed == 1
    listing.refresh_from_db()
    assert listing.status == ListingStatus.REMOVED


def test_nightly_command_runs(org, capsys):
    CreditListing.objects.all().delete()
    call_command("socialorgs_nightly", "--today", f"{TODAY.year}-06-01")
    assert "年报逾期提请列入1家" in capsys.readouterr().out


def test_two_years_abnormal_cannot_be_proposed_by_hand(county_caseworker, org):
    with pytest.raises(InvalidSocialOrgInput, match="自动转入"):
        credit.propose(county_caseworker, org, reason="abnormal_two_years", basis="x", established_on=TODAY)


def test_revocation_decision_is_reviewers(county_caseworker, org):
    reports.propose_revocations_for_missing(date(TODAY.year, 6, 1))
    proposal = RevocationProposal.objects.get(organisation=org)
    with pytest.raises(PermissionDenied):
        reports.decide_revocation(county_caseworker, proposal, revoke=True, decided_on=TODAY, note="x")
    assert proposal.status == RevocationStatus.OPEN
