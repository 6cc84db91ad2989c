"""救助管理 in a real browser (issue 25's journey): an unidentified elderly man is brought in by the police, the
24-hour 寻亲公告 is issued, the matcher proposes his family from the 易走失人员信息库, the caseworker confirms and
he is returned home with the hand-over recorded; the 待办 no longer holds his notice."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from minzheng.core.work_items import collect_work_sources
from minzheng.rescue.models import Client
from tests.core.factories import make_divisions, make_user
from tests.e2e.test_registry_in_browser import log_in
from tests.rescue.factories import make_station, register_elder

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_unidentified_elderly_man_is_traced_through_the_wander_registry_and_returned_home(
    page, live_server
):
    make_divisions()
    desk = make_user("caseworker", "210602000000", username="yb_jz")
    bureau = make_user("approver", "210602000000", username="yb_mzj")
    station = make_station(bureau)
    register_elder(desk)  # 王德福, 1950, dementia, 白发、跛行, family 王强 (guardian)

    log_in(page, live_server, "yb_jz")
    page.goto(f"{live_server.url}/rescue/clients/new/")
    admitted = (timezone.localtime() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    page.select_option("select[name=station]", label=station.name)
    page.select_option("select[name=source]", label="公安机关护送")
    page.fill("input[name=admitted_at]", admitted)
    page.fill("input[name=handover_ref]", "丹公交〔2026〕15号")
    page.fill("input[name=escort_unit]", "站前派出所")
    page.select_option("select[name=sex]", label="男")
    page.fill("input[name=estimated_age]", "76")
    page.fill("input[name=found_code]", "210602002001")
    page.fill("input[name=features]", "白发、跛行")
    page.fill("input[name=dna_sample_ref]", "DNA-2026-001")
    page.click("button:has-text('保存')")
    detail = page.get_by_test_id("client-detail")
    expect(detail).to_contain_text("未发布")
    expect(page.get_by_test_id("status")).to_have_text("在站")
    person = Client.objects.get()
    assert [
        i.key for i in collect_work_sources()["rescue.notice"].open_items(desk, timezone.localdate())
    ] == [str(person.pk)]

    notice = page.get_by_test_id("tracing-action")
    notice.locator("select[name=kind]").select_option(label="发布寻亲公告")
    notice.locator("input[name=at]").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    notice.locator("input[name=reference]").fill("全国救助寻亲网")
    notice.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("已登记寻亲措施")
    expect(detail).to_contain_text("已于")
    assert collect_work_sources()["rescue.notice"].open_items(desk, timezone.localdate()) == []

    candidate = page.locator("tr:has-text('易走失人员')").first
    expect(candidate).to_contain_text("王德福")
    expect(candidate).to_contain_text("待确认")
    proposal_id = candidate.locator("td").first.inner_text().strip()
    decide = page.get_by_test_id("proposal-decide")
    decide.locator("input[name=proposal]").fill(proposal_id)
    decide.locator("select[name=decision]").select_option(label="确认")
    decide.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("候选已确认")
    expect(detail).to_contain_text("王德福")

    handover = page.get_by_test_id("return-add")
    handover.locator("input[name=destination]").fill("元宝区城隍庙一社区")
    handover.locator("input[name=receiving_party]").fill("王强（儿子）")
    handover.locator("input[name=escort]").fill("站内工作人员2名")
    handover.locator("input[name=handed_over_on]").fill(timezone.localdate().isoformat())
    page.once("dialog", lambda dialog: dialog.accept())
    handover.locator("button[type=submit]").click()
    expect(page.get_by_test_id("status")).to_have_text("接送返回")
    expect(page.locator("body")).to_contain_text("王强（儿子）")
    person.refresh_from_db()
    assert (
        person.identified
        and person.discharge == "returned"
        and person.return_trip.receiving_party == "王强（儿子）"
    )
