"""未成年人保护案件 end to end: 强制报告 → 移送公安 → 临时监护 (Art 92) → 调查评估 → 帮扶 → 监护干预 → 长期监护
(Art 94) → 结案 with the reporter informed → 复核; a case is visible only to its handlers and their supervisors."""

from datetime import date

import pytest
from django.http import Http404
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.children.errors import ChildrenConflict, InvalidChildInput
from minzheng.children.rules import protection as rules
from minzheng.children.selectors.protection import read_case, visible_cases
from minzheng.children.services import protection as svc
from minzheng.children.work_items import open_cases
from minzheng.core.models import AuditEvent
from tests.core.factories import PASSWORD, make_user

from .factories import make_child

pytestmark = pytest.mark.django_db
TODAY = date.today()


def report(actor, **extra):
    values = dict(
        division_code="210602002001", child_description="女孩，约8岁，独自在家多日", channel="committee",
        reporter_kind="institution", reporter_name="城隍庙一社区居委会", situation="neglect",
        description="邻居反映儿童独自在家，无人照料",
    )  # fmt: skip
    values.update(extra)
    return svc.receive_report(actor, **values)


@settings(deadline=None)
@given(st.sampled_from(list(rules.MOVES)), st.sampled_from(list(rules.STATUS_LABELS)))
def test_the_chain_moves_only_forward(action, status):
    """发现报告 → 应急处置 → 评估帮扶 → 监护干预 → 结案: nothing after 结案; 评估 once; 计划 after 评估."""
    allowed = {
        "refer_police": status != "closed",
        "place": status != "closed",
        "assess": status == "received",
        "plan": status == "assessed",
        "intervene": status in ("helping", "intervening"),
        "close": status != "closed",
    }[action]
    assert (rules.move_error(action, status) is None) == allowed


@settings(deadline=None)
@given(st.sampled_from(["temporary", "long_term"]), st.integers(0, 9), st.booleans())
def test_placement_grounds_minors_law_arts_92_and_94(kind, ground, revoked):
    errors = rules.placement_errors(kind, ground, revoked)
    if kind == "temporary":
        assert (not errors) == (1 <= ground <= 7)
    else:
        assert (not errors) == (1 <= ground <= 5 and (ground != 4 or revoked))


def test_the_whole_chain_with_clocks_and_the_reporter_informed(policy, director, supervisor, county_approver):
    case = report(director, child=make_child(name="周小花"))
    assert case.status == "received" and case.assessment_due > TODAY
    svc.refer_to_police(director, case, referred_on=TODAY, police_unit="七道派出所")
    svc.add_handler(supervisor, case, county_approver)
    episode = svc.place_child(
        county_approver, case, kind="temporary", ground=4, placement="protection", institution_name="元宝区未成年人救助保护中心",
        started_on=TODAY,
    )  # fmt: skip
    case = svc.assess(
        supervisor, case, assessed_on=TODAY, participants="七道街道、区民政局、七道派出所", safety="无人照料",
        guardianship="父母外出未委托", health="营养不良", risk_level="high",
    )  # fmt: skip
    assert case.status == "assessed" and case.plan_due >= TODAY
    svc.make_plan(
        director, case, items=["guidance", "assistance"], note="督促父母返回，申请临时救助", planned_on=TODAY
    )
    svc.intervene(supervisor, case, kind="admonition", taken_on=TODAY, note="训诫书 2026-01")
    with pytest.raises(InvalidChildInput, match="第十一条"):
        svc.close_case(county_approver, case, closed_on=TODAY, note="父母返回")
    with pytest.raises(ChildrenConflict, match="临时监护尚未结束"):
        svc.close_case(
            county_approver,
            case,
            closed_on=TODAY,
            note="父母返回",
            reporter_informed_on=TODAY,
            reporter_result="已妥善处置",
        )
    svc.end_placement(
        county_approver, episode, ended_on=TODAY, end_note="经评估监护人具备条件，送回监护人（第九十三条）"
    )
    case = svc.close_case(
        county_approver,
        case,
        closed_on=TODAY,
        note="父母返回",
        reporter_informed_on=TODAY,
        reporter_result="已妥善处置",
    )
    assert case.status == "closed" and case.review_due > TODAY
    with pytest.raises(ChildrenConflict, match="结案人不能复核"):
        svc.review_closure(county_approver, case, reviewed_on=TODAY, note="同意")
    svc.review_closure(supervisor, case, reviewed_on=TODAY, note="处置得当")
    assert AuditEvent.objects.filter(object_type="children.protectioncase").count() >= 7


def test_long_term_guardianship_on_ground_4_needs_the_court_judgment(
    policy, director, supervisor, county_approver
):
    case = report(director)
    svc.assess(
        supervisor,
        case,
        assessed_on=TODAY,
        participants="x",
        safety="x",
        guardianship="x",
        health="x",
        risk_level="critical",
    )
    svc.make_plan(director, case, items=["legal_aid"], note="申请撤销监护资格", planned_on=TODAY)
    with pytest.raises(InvalidChildInput, match="第九十四条第（四）项"):
        svc.place_child(
            county_approver,
            case,
            kind="long_term",
            ground=4,
            placement="welfare",
            institution_name="丹东市儿童福利院",
            started_on=TODAY,
        )
    with pytest.raises(InvalidChildInput, match="请先登记向人民法院申请"):
        svc.intervene(county_approver, case, kind="court_revocation", taken_on=TODAY, note="判决")
    with pytest.raises(Exception, match="县级民政"):
        svc.intervene(supervisor, case, kind="court_application", taken_on=TODAY, note="申请")
    svc.intervene(
        county_approver, case, kind="court_application", taken_on=TODAY, note="（2026）辽0602民特1号"
    )
    svc.intervene(
        county_approver, case, kind="court_revocation", taken_on=TODAY, note="判决撤销，指定民政部门监护"
    )
    episode = svc.place_child(
        county_approver,
        case,
        kind="long_term",
        ground=4,
        placement="welfare",
        institution_name="丹东市儿童福利院",
        started_on=TODAY,
    )
    assert episode.ground_label().startswith("人民法院判决")


def test_unassessed_case_closes_only_as_unfounded(policy, director, county_approver):
    case = report(director, reporter_kind="anonymous", reporter_name="")
    with pytest.raises(InvalidChildInput, match="报告不属实"):
        svc.close_case(county_approver, case, closed_on=TODAY, note="核实无此事")
    svc.close_case(county_approver, case, closed_on=TODAY, note="经核实报告不属实")


def test_a_case_is_visible_only_to_its_handlers_and_their_supervisors(
    policy, director, supervisor, county_approver, city_leader, outsider
):
    """Another 儿童主任 of the same community, a leader and another county see nothing — not even in lists."""
    case = report(director)
    peer = make_user("caseworker", "210602002001", username="yb_peer")
    assert [c.pk for c in visible_cases(director)] == [case.pk]
    assert [c.pk for c in visible_cases(supervisor)] == [case.pk]
    assert [c.pk for c in visible_cases(county_approver)] == [case.pk]
    for stranger in (peer, outsider):
        assert not visible_cases(stranger).exists()
        with pytest.raises(Http404):
            read_case(stranger, case.pk)
        with pytest.raises(Http404):
            svc.refer_to_police(stranger, case, referred_on=TODAY, police_unit="x")
    with pytest.raises(Http404):  # a leader reads no child protection cases
        read_case(city_leader, case.pk)
    svc.add_handler(supervisor, case, peer)
    assert [c.pk for c in visible_cases(peer)] == [case.pk]
    assert open_cases(peer, TODAY)[0].subject == case.number


def test_pages_of_a_case_answer_404_to_strangers(client, policy, director, outsider):
    case = report(director)
    peer = make_user("caseworker", "210602002001", username="yb_peer2")
    for stranger in (outsider, peer):
        assert client.login(username=stranger.username, password=PASSWORD)
        assert client.get(f"/children/cases/{case.pk}/").status_code == 404
        assert client.post(f"/children/cases/{case.pk}/assess/").status_code == 404
        assert case.number not in client.get("/children/cases/").content.decode()
    assert client.login(username=director.username, password=PASSWORD)
    body = client.get(f"/children/cases/{case.pk}/").content.decode()
    assert case.number in body and "调查评估" in body
    assert AuditEvent.objects.filter(action="read_detail", object_type="children.protectioncase").exists()


def test_the_report_form_receives_at_once(client, policy, director):
    assert client.login(username=director.username, password=PASSWORD)
    response = client.post(
        "/children/cases/new/",
        {"division_code": "210602002001", "child_description": "男孩约10岁", "situation": "abuse", "description": "学校发现身上多处伤痕",
         "channel": "school", "reporter_kind": "institution", "reporter_name": "七道街道中心小学"},
        follow=True,
    )  # fmt: skip
    body = response.content.decode()
    assert "已接报，案件编号 WB210602" in body
    bad = client.post(
        "/children/cases/new/",
        {
            "division_code": "210603001001",
            "child_description": "x",
            "situation": "abuse",
            "description": "x",
            "channel": "school",
            "reporter_kind": "anonymous",
        },
    )
    assert "不在您的管辖范围内" in bad.content.decode()
