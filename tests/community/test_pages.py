"""基层治理 pages: each renders in Chinese for the county, every record is a 404 to another county (writes too),
and a round goes through the forms: opened, voters, list published, objection with its clock, results."""

from datetime import date, timedelta

import pytest

from minzheng.community.models import ElectionRound, RoundStatus
from minzheng.community.services import elections as esvc
from minzheng.community.services import facilities as fsvc
from minzheng.community.services import meetings as msvc
from tests.core.factories import PASSWORD

from .factories import residents_committee

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def world(county_caseworker, household):
    cw = county_caseworker
    c = residents_committee(cw)
    r = esvc.open_round(cw, c, round_year=2026, election_on=TODAY + timedelta(days=25), today=TODAY)
    esvc.add_voter(cw, r, name="选民甲", category="1")
    r = esvc.publish_voter_list(cw, r, published_on=TODAY)
    esvc.file_objection(cw, r, filed_on=TODAY, complainant="王五", matter="漏登")
    member = c.members.first()
    recall = esvc.propose_recall(cw, member, by_representatives=False, signatures=200, base=800, proposed_on=TODAY,
                                 reason="不履职")  # fmt: skip
    meeting = msvc.record_meeting(cw, c, kind="representatives", title="议事", notified_on=TODAY, held_on=TODAY,
                                  eligible=30, present=25)  # fmt: skip
    item = msvc.plan_disclosure(
        cw, c, category="finance", period="上月财务", period_end=TODAY - timedelta(days=40)
    )
    grid = fsvc.add_grid(cw, c, number="00200101", name="第1网格")
    leader = fsvc.add_grid_worker(cw, grid, name="网格长", role="leader", number="WG1")
    fsvc.attach_unassigned_households(cw, grid, on=TODAY)
    event = fsvc.report_event(cw, grid, reported_by=leader, reported_on=TODAY, kind="hardship", description="困难",
                              household_number=household.number)  # fmt: skip
    fsvc.add_centre(
        cw, c, name="服务中心", area_m2=120, rooms=5, volunteer_station=True, opened_on=date(2020, 1, 1)
    )
    fsvc.add_worker(cw, c, name="社工", sex="2", post="staff", grade=3, monthly_pay="4200", certificate="",
                    started_on=date(2022, 1, 1))  # fmt: skip
    return {
        "committee": c,
        "round": r,
        "recall": recall,
        "meeting": meeting,
        "item": item,
        "grid": grid,
        "event": event,
    }


def record_urls(w) -> dict[str, str]:
    c, r, x, m, i, g, e = (
        w[k].pk for k in ("committee", "round", "recall", "meeting", "item", "grid", "event")
    )
    urls = {f"community:{name}": f"/community/committees/{c}/{path}/" for name, path in (
        ("round_open", "round"), ("member_add", "member"), ("group_add", "group"), ("supervisor_add", "supervisor"),
        ("appraisal_add", "appraisal"), ("recall_add", "recall"), ("meeting_add", "meeting"),
        ("disclosure_add", "disclosure"), ("centre_add", "centre"), ("worker_add", "worker"), ("grid_add", "grid"),
    )}  # fmt: skip
    urls["community:committee_detail"] = f"/community/committees/{c}/"
    urls.update({f"community:{name}": f"/community/rounds/{r}/{path}" for name, path in (
        ("round_detail", ""), ("voter_add", "voter/"), ("voter_list_publish", "publish/"),
        ("objection_add", "objection/"), ("objection_answer", "answer/"), ("candidate_add", "candidate/"),
        ("results_record", "results/"),
    )})  # fmt: skip
    urls.update({
        "community:recall_detail": f"/community/recalls/{x}/", "community:recall_vote": f"/community/recalls/{x}/vote/",
        "community:meeting_detail": f"/community/meetings/{m}/", "community:decision_add": f"/community/meetings/{m}/decision/",
        "community:disclosure_detail": f"/community/disclosures/{i}/",
        "community:disclosure_publish": f"/community/disclosures/{i}/publish/",
        "community:grid_detail": f"/community/grids/{g}/", "community:grid_worker_add": f"/community/grids/{g}/worker/",
        "community:grid_attach": f"/community/grids/{g}/attach/", "community:event_report": f"/community/grids/{g}/event/",
        "community:event_detail": f"/community/events/{e}/", "community:event_refer": f"/community/events/{e}/refer/",
        "community:event_close": f"/community/events/{e}/close/",
    })  # fmt: skip
    return urls


LISTS = ["/community/", "/community/committees/", "/community/committees/new/", "/community/rounds/",
         "/community/disclosures/", "/community/facilities/", "/community/workers/", "/community/events/"]  # fmt: skip


def test_every_page_renders_for_the_county(client, county_caseworker, world):
    login(client, county_caseworker)
    for url in LISTS + [
        u for u in record_urls(world).values() if u.endswith(("/", "//")) and "/add" not in u
    ]:
        if any(url.endswith(p) for p in ("/round/", "/member/", "/group/", "/supervisor/", "/appraisal/", "/recall/",
                                          "/meeting/", "/disclosure/", "/centre/", "/worker/", "/grid/", "/voter/",
                                          "/publish/", "/objection/", "/answer/", "/candidate/", "/results/", "/vote/",
                                          "/decision/", "/attach/", "/event/", "/refer/", "/close/")):  # fmt: skip
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Traceback" not in response.content.decode()


def test_the_round_page_shows_the_objection_clock(client, county_caseworker, world):
    login(client, county_caseworker)
    html = client.get(f"/community/rounds/{world['round'].pk}/").content.decode()
    assert "申诉截止日" in html and f"{TODAY + timedelta(days=5)}（剩5天）" in html
    assert f"{TODAY + timedelta(days=3)}（剩3天）" in html  # the objection's answer clock


def test_every_record_is_a_404_to_another_county(client, outsider, world):
    login(client, outsider)
    for name, url in record_urls(world).items():
        assert client.get(url).status_code == 404, name
        assert client.post(url, {}).status_code == 404, name


def test_lists_show_nothing_of_another_county(client, outsider, world):
    login(client, outsider)
    assert "城隍庙" not in client.get("/community/committees/").content.decode()
    assert "城隍庙" not in client.get("/community/rounds/").content.decode()


def test_a_round_through_the_forms(client, county_caseworker, divisions):
    c = residents_committee(county_caseworker, code="210602003001")
    login(client, county_caseworker)
    election = TODAY + timedelta(days=30)
    response = client.post(
        f"/community/committees/{c.pk}/round/", {"round_year": 2026, "election_on": election}
    )
    r = ElectionRound.objects.get(committee=c)
    assert response.status_code == 302 and response["Location"] == f"/community/rounds/{r.pk}/"
    for i in range(4):
        client.post(f"/community/rounds/{r.pk}/voter/", {"name": f"选民{i}", "category": "1"})
    client.post(
        f"/community/rounds/{r.pk}/voter/", {"name": "外来", "category": "3"}
    )  # refused: no residence
    late = client.post(
        f"/community/rounds/{r.pk}/publish/", {"published_on": election - timedelta(days=19)}, follow=True
    )
    assert "选举日的20日以前公布" in late.content.decode()
    client.post(f"/community/rounds/{r.pk}/publish/", {"published_on": TODAY})
    r.refresh_from_db()
    assert r.status == RoundStatus.PUBLISHED and r.registered_voters == 4
    client.post(f"/community/rounds/{r.pk}/candidate/", {"name": "甲", "sex": "1", "post": "director"})
    cand = r.candidates.get()
    early = client.post(
        f"/community/rounds/{r.pk}/results/",
        {"held_on": election, "ballots": 3, f"votes_{cand.pk}": 3},
        follow=True,
    )
    assert "选举尚未举行" in early.content.decode()
    ElectionRound.objects.filter(pk=r.pk).update(election_on=TODAY)  # the day has come
    done = client.post(
        f"/community/rounds/{r.pk}/results/",
        {"held_on": TODAY, "ballots": 3, f"votes_{cand.pk}": 3},
        follow=True,
    )
    assert "选举有效" in done.content.decode()
    r.refresh_from_db()
    assert r.status == RoundStatus.HELD and r.candidates.get().elected


def test_bad_input_names_the_field_never_500(client, county_caseworker, world):
    login(client, county_caseworker)
    c = world["committee"]
    response = client.post(f"/community/committees/{c.pk}/centre/", {"name": "x", "area_m2": "abc", "rooms": "1",
                                                                      "opened_on": "2020-01-01"}, follow=True)  # fmt: skip
    assert response.status_code == 200 and "建筑面积" in response.content.decode()
    response = client.post(
        "/community/committees/new/", {"division_code": "2106020020019999", "kind": "residents"}
    )
    assert response.status_code == 200
