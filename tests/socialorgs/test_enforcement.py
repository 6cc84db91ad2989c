"""执法 through the real services: the kernel's 双随机 draw, the drawn inspectors' results, penalty cases whose
decision proposes the credit ground (5万+ → 严重违法失信), and 等级评估 reading real penalties."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.core.errors import PermissionDenied
from minzheng.socialorgs.errors import InvalidSocialOrgInput, SocialOrgConflict
from minzheng.socialorgs.models import CreditListing, PenaltyCase, PenaltyStatus
from minzheng.socialorgs.rules import enforcement as rules
from minzheng.socialorgs.rules.credit import Reason
from minzheng.socialorgs.services import enforcement as svc
from minzheng.socialorgs.services import ratings
from tests.core.factories import PASSWORD

from .factories import registered

TODAY = date.today()


@given(st.sampled_from(list(rules.PenaltyKind)), st.decimals(Decimal(0), Decimal(200000), places=2))
def test_penalty_gives_the_list_of_order_60(kind, amount):
    """民政部令第60号: 5万元以上罚款、限期停止活动 → 严重违法失信; 警告、不满5万元罚款 → 活动异常."""
    reason = rules.credit_reason(kind, amount, Decimal(50000))
    serious = kind == rules.PenaltyKind.STOP or (kind == rules.PenaltyKind.FINE and amount >= 50000)
    assert (reason in (Reason.LARGE_FINE, Reason.ORDERED_TO_STOP)) == serious


@pytest.mark.usefixtures("policy")
def test_draw_through_the_kernel_and_only_drawn_inspectors_record(county_caseworker, reviewer, outsider):
    orgs = [registered(county_caseworker, reviewer, received_on=date(2023, 1, 2)) for _ in range(4)]
    r = svc.draw_round(
        county_caseworker, title="2026年抽查", drawn_on=TODAY, share_percent=50, team_size=1, seed=7
    )
    again = svc.draw_round(
        county_caseworker, title="复核", drawn_on=TODAY, share_percent=50, team_size=1, seed=7
    )
    picked = sorted(i.organisation_id for i in r.inspections.all())
    assert len(picked) == 2 and picked == sorted(i.organisation_id for i in again.inspections.all())
    assert set(picked) <= {o.pk for o in orgs}
    inspection = r.inspections.first()
    with pytest.raises(SocialOrgConflict, match="抽中的检查人员"):
        svc.record_inspection(reviewer, inspection, inspected_on=TODAY, findings="x", problems=False)
    svc.record_inspection(
        county_caseworker, inspection, inspected_on=TODAY, findings="账目混乱", problems=True
    )
    with pytest.raises(InvalidSocialOrgInput, match="抽查比例"):
        svc.draw_round(county_caseworker, title="x", drawn_on=TODAY, share_percent=0, team_size=1, seed=1)


@pytest.mark.usefixtures("policy")
def test_a_large_fine_proposes_serious_listing_and_bars_rating(county_caseworker, reviewer):
    org = registered(county_caseworker, reviewer, received_on=date(2022, 1, 3))
    case = svc.open_case(county_caseworker, org, kind="fine", amount=Decimal(50000), facts="违规收费",
                         basis="《社会团体登记管理条例》第三十条", opened_on=TODAY - timedelta(days=3))  # fmt: skip
    with pytest.raises(PermissionDenied):  # a caseworker opens cases, a reviewer decides them
        svc.decide_case(
            county_caseworker, case, penalise=True, decided_on=TODAY, decision_number="丹元民罚〔2026〕1号"
        )
    with pytest.raises(InvalidSocialOrgInput, match="文号"):
        svc.decide_case(reviewer, case, penalise=True, decided_on=TODAY)
    svc.decide_case(reviewer, case, penalise=True, decided_on=TODAY, decision_number="丹元民罚〔2026〕1号")
    assert PenaltyCase.objects.get().status == PenaltyStatus.DECIDED
    listing = CreditListing.objects.get(organisation=org)
    assert listing.list_kind == "serious" and listing.grounds.get().reason == Reason.LARGE_FINE
    standing = ratings.standing(org, date(TODAY.year + 1, 3, 1))
    assert standing.penalised_last_year


@pytest.mark.usefixtures("policy")
def test_case_input_is_checked_and_a_warning_goes_to_abnormal(county_caseworker, reviewer):
    org = registered(county_caseworker, reviewer, received_on=date(2022, 1, 3))
    with pytest.raises(InvalidSocialOrgInput, match="罚款金额"):
        svc.open_case(county_caseworker, org, kind="fine", facts="x", basis="y", opened_on=TODAY)
    with pytest.raises(InvalidSocialOrgInput, match="停止活动期限"):
        svc.open_case(county_caseworker, org, kind="stop", facts="x", basis="y", opened_on=TODAY)
    case = svc.open_case(
        county_caseworker, org, kind="warning", facts="未按期换届", basis="章程", opened_on=TODAY
    )
    svc.decide_case(reviewer, case, penalise=True, decided_on=TODAY, decision_number="丹元民罚〔2026〕2号")
    assert CreditListing.objects.get(organisation=org).list_kind == "abnormal"


@pytest.mark.usefixtures("policy")
def test_pages_render_and_another_county_gets_404(client, county_caseworker, reviewer, outsider):
    org = registered(county_caseworker, reviewer, received_on=date(2022, 1, 3))
    case = svc.open_case(
        county_caseworker, org, kind="warning", facts="未按期换届", basis="章程", opened_on=TODAY
    )
    r = svc.draw_round(
        county_caseworker, title="抽查", drawn_on=TODAY, share_percent=100, team_size=1, seed=3
    )
    assert client.login(username=county_caseworker.username, password=PASSWORD)
    records = [f"/socialorgs/enforcement/{case.pk}/", f"/socialorgs/inspections/{r.pk}/",
               f"/socialorgs/organisations/{org.pk}/penalty/"]  # fmt: skip
    for url in [
        *records,
        "/socialorgs/enforcement/",
        "/socialorgs/inspections/",
        "/socialorgs/inspections/new/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert ">warning<" not in response.content.decode() and ">proposed<" not in response.content.decode()
    assert client.login(username=outsider.username, password=PASSWORD)
    for url in records:
        assert client.get(url).status_code == 404, url
    for url in (f"/socialorgs/enforcement/{case.pk}/decide/", f"/socialorgs/inspections/{r.pk}/result/"):
        assert client.post(url).status_code == 404, url
    assert org.name not in client.get("/socialorgs/enforcement/").content.decode()
