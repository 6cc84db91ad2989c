"""基层治理 in a real browser (issue 22's journey): a township caseworker opens the 换届 round of a community,
registers voters, publishes the voter list and sees the objection clock; an objection is filed and answered
within its 3 days; on another community whose election day has come the results are recorded and the new
committee takes office. Every page fits 1280 px."""

import datetime as dt

import pytest
from django.core.management import call_command

from minzheng.community.services import elections
from tests.community.factories import residents_committee
from tests.core.factories import PASSWORD, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TODAY = dt.date.today()
WIDTH = "() => ({scroll: document.documentElement.scrollWidth, view: window.innerWidth})"


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def fits(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    measured = page.evaluate(WIDTH)
    assert measured["scroll"] <= measured["view"], (page.url, measured)


def test_round_opened_list_published_objection_clock_and_results(page, live_server):
    make_divisions()
    call_command("load_policy", verbosity=0)
    county = make_user("caseworker", "210602000000", username="yb_jb")
    make_user("caseworker", "210602002000", username="qd_jb")
    first = residents_committee(county, code="210602002001")
    second = residents_committee(county, code="210602002002")
    # the second community's round began six weeks ago; its election day is today
    r2 = elections.open_round(
        county, second, round_year=2026, election_on=TODAY, today=TODAY - dt.timedelta(days=42)
    )
    for i in range(10):
        elections.add_voter(county, r2, name=f"选民{i}", category="1")
    elections.publish_voter_list(county, r2, published_on=r2.publish_by)
    for name, sex, post in (("赵一", "1", "director"), ("钱二", "2", "deputy"), ("孙三", "1", "member"),
                            ("李四", "2", "member"), ("周五", "1", "member")):  # fmt: skip
        elections.add_candidate(county, r2, name=name, sex=sex, post=post)
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    login(page, base, "qd_jb")
    page.goto(f"{base}/community/committees/{first.pk}/")
    fits(page)
    election = TODAY + dt.timedelta(days=30)
    opener = page.get_by_test_id("round-open-form")
    opener.locator("input[name=election_on]").fill(election.isoformat())
    opener.locator("button[type=submit]").click()
    assert f"选民名单最迟{election - dt.timedelta(days=20)}公布" in page.inner_text(".messages")
    round_url = page.url
    for name in ("王一", "王二", "王三"):
        voter = page.get_by_test_id("voter-form")
        voter.locator("input[name=name]").fill(name)
        voter.locator("select[name=category]").select_option("1")
        voter.locator("button[type=submit]").click()
        assert "已登记选民" in page.inner_text(".messages")
    publish = page.get_by_test_id("publish-form")
    publish.locator("input[name=published_on]").fill(TODAY.isoformat())
    publish.locator("button[type=submit]").click()
    assert f"申诉截止{TODAY + dt.timedelta(days=5)}" in page.inner_text(".messages")
    fields = page.inner_text("dl.fields")
    assert f"{TODAY + dt.timedelta(days=5)}（剩5天）" in fields and "登记选民" in fields
    fits(page)

    objection = page.get_by_test_id("objection-form")
    objection.locator("input[name=complainant]").fill("张五")
    objection.locator("textarea[name=matter]").fill("本人户籍在本社区且在本社区居住，未列入选民名单")
    objection.locator("button[type=submit]").click()
    assert f"应于{TODAY + dt.timedelta(days=3)}前处理" in page.inner_text(".messages")
    assert f"{TODAY + dt.timedelta(days=3)}（剩3天）" in page.inner_text("body")
    page.goto(f"{base}/worklist/")
    assert "选民名单申诉" in page.inner_text("body")
    page.goto(round_url)
    answer = page.get_by_test_id("answer-form")
    answer.locator("select[name=upheld]").select_option("1")
    answer.locator("textarea[name=answer]").fill("经核实，补登张五")
    answer.locator("button[type=submit]").click()
    assert "已处理申诉" in page.inner_text(".messages")

    page.goto(f"{base}/community/rounds/{r2.pk}/")
    results = page.get_by_test_id("results-form")
    results.locator("input[name=ballots]").fill("8")
    for i, box in enumerate(results.locator("input[name^=votes_]").all()):
        box.fill(str(7 - (i == 4) * 4))  # 周五 gets 3 of 8: not elected
    fits(page)
    results.locator("button[type=submit]").click()
    assert "选举有效，新一届委员会已就任" in page.inner_text(".messages")
    page.goto(f"{base}/community/committees/{second.pk}/")
    body = page.inner_text("body")
    assert "第9届" in body and "赵一" in body
    page.goto(f"{base}/community/")
    assert "七道街道" in page.inner_text("body")
    fits(page)
