"""等级评估 through the real services: eligibility, score → level, 公示 with objection, confirmation, downgrade."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from minzheng.socialorgs.errors import InvalidSocialOrgInput, SocialOrgConflict
from minzheng.socialorgs.models import Rating, RatingStatus
from minzheng.socialorgs.services import credit, ratings, reports

from .factories import registered

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()


@pytest.fixture
def org(county_caseworker, reviewer):
    org = registered(county_caseworker, reviewer, received_on=date(2022, 1, 3))
    report = reports.submit(
        county_caseworker, org, year=TODAY.year - 1, registry_submitted_on=TODAY - timedelta(days=40),
        total_income=Decimal(1), charitable_spending=Decimal(0), management_fees=Decimal(0), total_spending=Decimal(1),
    )  # fmt: skip
    reports.decide(reviewer, report, result="qualified", decided_on=TODAY - timedelta(days=30))
    return org


def test_full_cycle_with_objection(county_caseworker, reviewer, org):
    r = ratings.apply(county_caseworker, org, applied_on=TODAY - timedelta(days=30))
    with pytest.raises(SocialOrgConflict):
        ratings.apply(county_caseworker, org, applied_on=TODAY)
    r = ratings.score(reviewer, r, score=850, scored_on=TODAY - timedelta(days=20))
    assert r.level == 4 and r.publicity_until == TODAY - timedelta(days=13)
    r = ratings.object_to(
        county_caseworker, r, objection="财务评分有误", objected_on=TODAY - timedelta(days=15)
    )
    assert r.objection_due_on == TODAY
    with pytest.raises(SocialOrgConflict, match="异议尚未答复"):
        ratings.confirm(reviewer, r, confirmed_on=TODAY)
    r = ratings.answer(reviewer, r, answer="复核后加分", answered_on=TODAY - timedelta(days=2), new_score=905)
    r = ratings.confirm(reviewer, r, confirmed_on=TODAY)
    assert (r.status, r.level) == (RatingStatus.CONFIRMED, 5)
    assert r.valid_to == date(TODAY.year + 5, TODAY.month, TODAY.day) - timedelta(days=1)
    r = ratings.change(reviewer, r, new_level=3, changed_on=TODAY, reason="年检基本合格")
    assert r.status == RatingStatus.DOWNGRADED and r.plaque_due_on == TODAY + timedelta(days=15)
    with pytest.raises(InvalidSocialOrgInput, match="降低评估等级未满2年"):
        ratings.apply(county_caseworker, org, applied_on=TODAY)


def test_listed_organisation_may_not_apply(county_caseworker, reviewer, org):
    listing = credit.propose(
        county_caseworker, org, reason="unreachable", basis="挂号信", established_on=TODAY
    )
    credit.decide(reviewer, listing, listed=True, decided_on=TODAY)
    with pytest.raises(InvalidSocialOrgInput, match="名录"):
        ratings.apply(county_caseworker, org, applied_on=TODAY)
    assert not Rating.objects.exists()


def test_the_applicant_cannot_score_and_confirmation_waits_for_publicity(county_caseworker, reviewer, org):
    r = ratings.apply(county_caseworker, org, applied_on=TODAY - timedelta(days=3))
    r = ratings.score(reviewer, r, score=450, scored_on=TODAY - timedelta(days=1))
    assert r.level is None
    with pytest.raises(InvalidSocialOrgInput, match="公示期满"):
        ratings.confirm(reviewer, r, confirmed_on=TODAY)
