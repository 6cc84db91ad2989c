"""基层治理 services: composition, the 村务监督委员会's kinship check, a whole 换届 with its clocks, recall,
meetings, 村务公开, 民主评议, facilities and a grid event referred to 社会救助."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.community.errors import CommunityConflict, InvalidCommunityInput
from minzheng.community.models import Member, MemberRole, RoundStatus
from minzheng.community.services import committees as svc
from minzheng.community.services import elections as esvc
from minzheng.community.services import facilities as fsvc
from minzheng.community.services import meetings as msvc
from minzheng.core.models import AuditEvent, HouseholdMembership

from .factories import residents_committee, village_committee

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()


def test_a_village_committee_without_a_woman_is_flagged_art6(county_caseworker, village_division):
    c = village_committee(county_caseworker, women=False)
    assert "村民委员会成员中应当有妇女成员（村民委员会组织法第六条）" in svc.composition_problems(c)


def test_an_eighth_village_member_is_refused_art6(county_caseworker, village_division):
    c = village_committee(county_caseworker)
    for i in range(4):
        svc.add_member(
            county_caseworker, c, name=f"委员{i}", sex="1", role=MemberRole.MEMBER, term_start=TODAY
        )
    with pytest.raises(InvalidCommunityInput, match="已满7人"):
        svc.add_member(county_caseworker, c, name="第八人", sex="1", role=MemberRole.MEMBER, term_start=TODAY)


def test_a_small_residents_committee_gets_a_warning_not_a_refusal(county_caseworker):
    c = residents_committee(county_caseworker, households=80)
    assert "少于一般设立范围下限100户" in svc.size_warning(c)


def test_one_committee_per_village_level_division(county_caseworker):
    residents_committee(county_caseworker)
    with pytest.raises(CommunityConflict):
        residents_committee(county_caseworker, members=0)
    with pytest.raises(InvalidCommunityInput, match="村级区划"):
        svc.create_committee(county_caseworker, division_code="210602002000", kind="residents", households=1,
                             population=1, adults=1)  # fmt: skip


def test_another_county_cannot_set_up_a_committee(outsider):
    with pytest.raises(Http404):
        residents_committee(outsider)


def test_a_declared_close_relative_cannot_sit_on_the_supervision_committee_art32(
    county_caseworker, village_division
):
    c = village_committee(county_caseworker)
    director = c.members.get(role=MemberRole.DIRECTOR)
    with pytest.raises(InvalidCommunityInput, match="近亲属"):
        svc.add_supervisor(county_caseworker, c, name="李四", sex="1", appointed_on=TODAY, related_member=director,
                           relation="spouse")  # fmt: skip
    ok = svc.add_supervisor(county_caseworker, c, name="李四", sex="1", appointed_on=TODAY, related_member=director,
                            relation="other")  # fmt: skip
    assert ok.pk
    with pytest.raises(InvalidCommunityInput, match="第三十二条"):
        svc.add_supervisor(county_caseworker, c, name="村主任", sex="1", appointed_on=TODAY)


def test_a_member_of_the_same_registry_household_is_refused_art32(
    county_caseworker, village_division, household
):
    c = village_committee(county_caseworker)
    people = [
        m.person for m in HouseholdMembership.objects.filter(household=household).select_related("person")
    ]
    svc.add_member(county_caseworker, c, name=people[0].name, sex=people[0].sex, role=MemberRole.MEMBER,
                   term_start=TODAY, id_number=people[0].id_number)  # fmt: skip
    with pytest.raises(InvalidCommunityInput, match="同一家庭户"):
        svc.add_supervisor(county_caseworker, c, name=people[1].name, sex=people[1].sex, appointed_on=TODAY,
                           id_number=people[1].id_number)  # fmt: skip


START = TODAY - timedelta(days=40)  # rounds opened in the past, so their results can be recorded today


def _round(actor, c, election_on):
    r = esvc.open_round(actor, c, round_year=2026, election_on=election_on, today=START)
    for i in range(10):
        esvc.add_voter(actor, r, name=f"选民{i}", category="1")
    return r


def test_a_whole_round_publication_objection_results_and_the_new_term(township_caseworker, county_caseworker):
    c = residents_committee(county_caseworker)
    election = START + timedelta(days=25)
    r = _round(township_caseworker, c, election)
    assert r.publish_by == election - timedelta(days=20)
    with pytest.raises(InvalidCommunityInput, match="20日以前"):
        esvc.publish_voter_list(township_caseworker, r, published_on=election - timedelta(days=19))
    r = esvc.publish_voter_list(township_caseworker, r, published_on=r.publish_by)
    assert r.objections_until == r.publish_by + timedelta(days=5)
    with pytest.raises(InvalidCommunityInput, match="5日内"):
        esvc.file_objection(township_caseworker, r, filed_on=r.published_on + timedelta(days=6), complainant="王五",
                            matter="漏登")  # fmt: skip
    o = esvc.file_objection(township_caseworker, r, filed_on=r.published_on + timedelta(days=5), complainant="王五",
                            matter="漏登")  # fmt: skip
    assert o.answer_by == o.filed_on + timedelta(days=3)
    for name, sex, post in (("甲", "1", "director"), ("乙", "2", "deputy"), ("丙", "1", "member"), ("丁", "2", "member"),
                            ("戊", "1", "member"), ("己", "2", "member")):  # fmt: skip
        esvc.add_candidate(township_caseworker, r, name=name, sex=sex, post=post)
    votes = {cand.pk: 5 + (cand.name != "己") for cand in r.candidates.all()}
    with pytest.raises(CommunityConflict, match="未处理"):
        esvc.record_results(township_caseworker, r, held_on=election, ballots=10, votes=votes)
    esvc.answer_objection(township_caseworker, o, answered_on=o.filed_on + timedelta(days=1), upheld=True,
                          answer="补登")  # fmt: skip
    esvc.add_voter(township_caseworker, r, name="王五", category="1")
    r.refresh_from_db()
    assert r.registered_voters == 11
    r = esvc.record_results(township_caseworker, r, held_on=election, ballots=10, votes=votes)
    assert r.status == RoundStatus.HELD
    c.refresh_from_db()
    assert c.term_number == 9 and c.term_start == election and c.term_end == date(election.year + 5, election.month,
                                                                                   election.day) - timedelta(days=1)  # fmt: skip
    assert sorted(c.members.filter(ended_on__isnull=True).values_list("name", flat=True)) == [
        "丁",
        "丙",
        "乙",
        "戊",
        "甲",
    ]
    assert AuditEvent.objects.filter(
        action=AuditEvent.UPDATE, object_type="community.electionround", summary="登记选举结果"
    ).exists()


def test_a_round_with_half_the_voters_voting_is_void_art15(county_caseworker):
    c = residents_committee(county_caseworker)
    election = START + timedelta(days=20)
    r = _round(county_caseworker, c, election)
    r = esvc.publish_voter_list(county_caseworker, r, published_on=START)
    with pytest.raises(InvalidCommunityInput, match="尚未举行"):
        esvc.record_results(county_caseworker, r, held_on=TODAY + timedelta(days=1), ballots=5, votes={})
    esvc.add_candidate(county_caseworker, r, name="甲", sex="1", post="director")
    r = esvc.record_results(county_caseworker, r, held_on=election, ballots=5, votes={})
    assert r.status == RoundStatus.FAILED
    assert c.members.filter(ended_on__isnull=True).count() == 5  # the old committee stays


def test_a_round_too_late_for_the_list_is_refused(county_caseworker):
    c = residents_committee(county_caseworker)
    with pytest.raises(InvalidCommunityInput, match="推后选举日"):
        esvc.open_round(
            county_caseworker, c, round_year=2026, election_on=TODAY + timedelta(days=19), today=TODAY
        )


def test_recall_needs_a_fifth_of_voters_then_a_majority_art16(county_caseworker, village_division):
    c = village_committee(county_caseworker)
    member = c.members.get(name="委员甲")
    with pytest.raises(InvalidCommunityInput, match="5分之一"):
        esvc.propose_recall(county_caseworker, member, by_representatives=False, signatures=99, base=500,
                            proposed_on=TODAY, reason="长期不履职")  # fmt: skip
    recall = esvc.propose_recall(county_caseworker, member, by_representatives=False, signatures=100, base=500,
                                 proposed_on=TODAY, reason="长期不履职")  # fmt: skip
    recall = esvc.record_recall_vote(
        county_caseworker, recall, registered=500, ballots=251, yes_votes=126, voted_on=TODAY
    )
    assert recall.passed
    member.refresh_from_db()
    assert member.ended_on == TODAY and "第十六条" in member.end_reason


def test_representatives_recall_needs_a_third(county_caseworker, village_division):
    c = village_committee(county_caseworker)
    member = c.members.get(name="委员甲")
    with pytest.raises(InvalidCommunityInput, match="3分之一"):
        esvc.propose_recall(county_caseworker, member, by_representatives=True, signatures=9, base=30,
                            proposed_on=TODAY, reason="x")  # fmt: skip
    assert esvc.propose_recall(county_caseworker, member, by_representatives=True, signatures=10, base=30,
                               proposed_on=TODAY, reason="x").pk  # fmt: skip


def test_meeting_quorum_notice_and_decisions_art21_22_24(county_caseworker, village_division):
    c = village_committee(county_caseworker)  # 300 households, 600 adults
    held = TODAY
    m = msvc.record_meeting(county_caseworker, c, kind="assembly", title="集体收益", notified_on=held - timedelta(days=9),
                            held_on=held, eligible=600, present=250, households_present=200)  # fmt: skip
    assert m.quorum_met and not m.notice_in_time  # 200 of 300 households = 2/3; notice one day short
    d = msvc.add_decision(county_caseworker, m, category="2", subject="修路", yes_votes=126)
    assert d.passed
    short = msvc.record_meeting(county_caseworker, c, kind="assembly", title="x", notified_on=held - timedelta(days=10),
                                held_on=held, eligible=600, present=300, households_present=199)  # fmt: skip
    assert not short.quorum_met and short.notice_in_time
    with pytest.raises(CommunityConflict, match="法定人数"):
        msvc.add_decision(county_caseworker, short, category="2", subject="修路", yes_votes=200)
    reps = msvc.record_meeting(county_caseworker, c, kind="representatives", title="y", notified_on=held,
                               held_on=held, eligible=30, present=20)  # fmt: skip
    assert reps.quorum_met


def test_disclosure_due_dates_and_publication_art30(county_caseworker, village_division):
    c = village_committee(county_caseworker)
    q = msvc.plan_disclosure(county_caseworker, c, category="decisions", period="2026年第1季度",
                             period_end=date(2026, 3, 31))  # fmt: skip
    f = msvc.plan_disclosure(
        county_caseworker, c, category="finance", period="2026年3月", period_end=date(2026, 3, 31)
    )
    major = msvc.plan_disclosure(
        county_caseworker, c, category="major", period="征地补偿", period_end=date(2026, 4, 2)
    )
    assert (q.frequency, q.due_on) == ("quarterly", date(2026, 4, 10))
    assert (f.frequency, f.due_on) == ("monthly", date(2026, 4, 10))
    assert (major.frequency, major.due_on) == ("immediate", date(2026, 4, 7))
    msvc.publish_disclosure(county_caseworker, q, published_on=date(2026, 4, 8), channel="board")
    with pytest.raises(CommunityConflict):
        msvc.publish_disclosure(county_caseworker, q, published_on=date(2026, 4, 9), channel="board")


def test_two_consecutive_unfit_appraisals_end_the_office_art33(county_caseworker, village_division):
    c = village_committee(county_caseworker)
    member = c.members.get(name="委员甲")
    svc.record_appraisal(
        county_caseworker, member, year=2024, result="unfit", appraised_on=date(2024, 12, 20)
    )
    svc.record_appraisal(
        county_caseworker, member, year=2025, result="unfit", appraised_on=date(2025, 12, 20)
    )
    member = Member.objects.get(pk=member.pk)
    assert member.ended_on == date(2025, 12, 20) and "第三十三条" in member.end_reason


def test_grid_households_from_the_registry_and_a_hardship_referred_to_assistance(
    county_caseworker, household
):
    from minzheng.assistance.models import AssistanceCase as Case
    from minzheng.assistance.models import CaseSource
    from minzheng.assistance.services.seed import load_assistance_policy

    load_assistance_policy()
    c = residents_committee(county_caseworker)
    grid = fsvc.add_grid(county_caseworker, c, number="00200101", name="第1网格")
    leader = fsvc.add_grid_worker(county_caseworker, grid, name="网格长", role="leader", number="WG1")
    assert fsvc.attach_unassigned_households(county_caseworker, grid, on=TODAY) == 1
    assert fsvc.attach_unassigned_households(county_caseworker, grid, on=TODAY) == 0
    event = fsvc.report_event(county_caseworker, grid, reported_by=leader, reported_on=TODAY, kind="hardship",
                              description="户主重病", household_number=household.number)  # fmt: skip
    number = fsvc.refer_to_assistance(county_caseworker, event, program_code="dibao_urban", today=TODAY)
    case = Case.objects.get(number=number)
    assert case.source == CaseSource.PROACTIVE and case.source_reference == f"网格事件{event.pk}"
    with pytest.raises(CommunityConflict):
        fsvc.refer_to_assistance(county_caseworker, event, program_code="dibao_urban", today=TODAY)


def test_workers_pay_is_money_checked(county_caseworker):
    c = residents_committee(county_caseworker)
    with pytest.raises(InvalidCommunityInput, match="月薪酬"):
        fsvc.add_worker(county_caseworker, c, name="张", sex="1", post="staff", grade=3, monthly_pay="-1",
                        certificate="", started_on=TODAY)  # fmt: skip
    w = fsvc.add_worker(county_caseworker, c, name="张", sex="1", post="staff", grade=3, monthly_pay="4,500.50",
                        certificate="social", started_on=TODAY)  # fmt: skip
    assert w.monthly_pay == Decimal("4500.50")
