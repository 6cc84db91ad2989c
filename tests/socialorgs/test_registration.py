"""成立/变更/注销登记 through the real services: the 60-day clock, conditions, USCC, maker-checker, history."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.http import Http404
from stdnum.cn import uscc

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.socialorgs.errors import InvalidSocialOrgInput, SocialOrgConflict
from minzheng.socialorgs.models import ApplicationStatus, OrgStatus
from minzheng.socialorgs.services import registration as reg

from .factories import particulars, received, registered

pytestmark = pytest.mark.usefixtures("policy")


def test_receipt_starts_the_60_day_clock_article_12(county_caseworker):
    app = received(county_caseworker, received_on=date(2026, 10, 1))
    assert app.due_on == date(2026, 11, 30)
    assert app.division_code == "210602000000"
    assert AuditEvent.objects.filter(object_type="socialorgs.application", object_id=str(app.pk)).exists()


def test_approval_issues_a_valid_unique_uscc_and_certificate(county_caseworker, reviewer):
    orgs = [registered(county_caseworker, reviewer) for _ in range(3)]
    codes = [o.uscc for o in orgs]
    assert len(set(codes)) == 3 and all(uscc.is_valid(c) for c in codes)
    assert all(c.startswith("51210602MJ") for c in codes)
    assert orgs[0].certificate_number and orgs[0].names.get().valid_to is None


def test_foundation_gets_type_digit_3_and_service_institution_2(county_caseworker, reviewer):
    f = registered(
        county_caseworker,
        reviewer,
        kind="foundation",
        form="non_public",
        name="丹东市元宝区助学基金会",
        funds=Decimal(2_000_000),
    )
    s = registered(
        county_caseworker,
        reviewer,
        kind="service",
        form="individual",
        name="元宝区阳光养护院",
        individual_members=0,
    )
    assert f.uscc[:2] == "53" and s.uscc[:2] == "52"


def test_the_receiver_cannot_decide_maker_checker(county_caseworker, reviewer):
    app = received(county_caseworker)
    with pytest.raises(PermissionDenied):
        reg.decide(county_caseworker, app, approve=True, decided_on=date.today(), note="")


def test_a_reviewer_cannot_decide_what_they_received(divisions):
    from tests.core.factories import make_user

    both = make_user("caseworker", "210602000000", username="both")
    both.roles.add(*make_user("reviewer", "210602000000", username="rv2").roles.all())
    app = received(both)
    with pytest.raises(SocialOrgConflict, match="本人受理"):
        reg.decide(both, app, approve=True, decided_on=date.today(), note="")


def test_approval_refused_when_members_are_too_few_citing_article_10(county_caseworker, reviewer):
    app = received(county_caseworker, individual_members=49)
    with pytest.raises(InvalidSocialOrgInput, match="第十条"):
        reg.decide(reviewer, app, approve=True, decided_on=date.today(), note="")
    rejected = reg.decide(reviewer, app, approve=False, decided_on=date.today(), note="会员不足50个")
    assert rejected.status == ApplicationStatus.REJECTED and rejected.organisation is None


def test_one_person_is_not_legal_representative_of_two_associations_article_12(county_caseworker, reviewer):
    first = registered(county_caseworker, reviewer)
    app = received(county_caseworker, legal_rep_id_number=first.legal_rep_id_number)
    with pytest.raises(InvalidSocialOrgInput, match="不得同时担任"):
        reg.decide(reviewer, app, approve=True, decided_on=date.today(), note="")
    # a 社会服务机构 may have the same 负责人
    ok = received(
        county_caseworker,
        kind="service",
        form="legal_person",
        name="元宝区某培训中心",
        legal_rep_id_number=first.legal_rep_id_number,
    )
    assert reg.decide(reviewer, ok, approve=True, decided_on=date.today(), note="").organisation


def test_the_same_name_twice_in_one_registry_is_refused(county_caseworker, reviewer):
    first = registered(county_caseworker, reviewer)
    app = received(county_caseworker, name=first.name)
    with pytest.raises(InvalidSocialOrgInput, match="名称不得重复"):
        reg.decide(reviewer, app, approve=True, decided_on=date.today(), note="")


def test_township_staff_cannot_register(divisions):
    from tests.core.factories import make_user

    township = make_user("caseworker", "210602002000")
    with pytest.raises(InvalidSocialOrgInput, match="县级以上"):
        received(township)


def test_bad_id_number_names_the_field(county_caseworker):
    with pytest.raises(InvalidSocialOrgInput) as error:
        received(county_caseworker, legal_rep_id_number="210602198001011234")
    assert error.value.field == "legal_rep_id_number"


def test_change_keeps_name_history_and_flags_late_filing_article_18(county_caseworker, reviewer):
    org = registered(county_caseworker, reviewer)
    old = org.name
    p = particulars(**{f: getattr(org, f) for f in reg.ORG_FIELDS})
    p.name = "丹东市元宝区棋类运动协会"
    p.supervisor_approved_on = date.today() - timedelta(days=31)
    app = reg.receive_change(county_caseworker, org, particulars=p, received_on=date.today(), reason="更名")
    assert "超过变更申请期限" in app.late_filing
    reg.decide(reviewer, app, approve=True, decided_on=date.today(), note="")
    org.refresh_from_db()
    history = [(n.name, n.valid_to) for n in org.names.all()]
    assert org.name == "丹东市元宝区棋类运动协会" and history == [(old, date.today()), (org.name, None)]


def test_change_with_nothing_changed_is_refused(county_caseworker, reviewer):
    org = registered(county_caseworker, reviewer)
    p = particulars(**{f: getattr(org, f) for f in reg.ORG_FIELDS})
    with pytest.raises(InvalidSocialOrgInput, match="没有变更内容"):
        reg.receive_change(county_caseworker, org, particulars=p, received_on=date.today(), reason="无")


def test_deregistration_ends_the_organisation(county_caseworker, reviewer):
    org = registered(county_caseworker, reviewer)
    app = reg.receive_deregistration(
        county_caseworker,
        org,
        liquidated_on=date.today() - timedelta(days=20),
        received_on=date.today(),
        reason="自行解散",
    )
    assert "超过注销申请期限" in app.late_filing
    reg.decide(reviewer, app, approve=True, decided_on=date.today(), note="")
    org.refresh_from_db()
    assert org.status == OrgStatus.DEREGISTERED and org.ended_on == date.today()


def test_another_county_cannot_act_on_the_record(county_caseworker, reviewer, outsider, outsider_reviewer):
    org = registered(county_caseworker, reviewer)
    app = received(county_caseworker)
    with pytest.raises(Http404):
        reg.decide(outsider_reviewer, app, approve=True, decided_on=date.today(), note="")
    with pytest.raises(Http404):
        reg.receive_deregistration(
            outsider, org, liquidated_on=date.today(), received_on=date.today(), reason="x"
        )


def test_the_city_sees_but_does_not_decide_for_the_county_registry(county_caseworker, divisions):
    from tests.core.factories import make_user

    city_reviewer = make_user("reviewer", "210600000000", username="dd_so_reviewer")
    app = received(county_caseworker)
    with pytest.raises(SocialOrgConflict, match="登记管理机关本级"):
        reg.decide(city_reviewer, app, approve=True, decided_on=date.today(), note="")
