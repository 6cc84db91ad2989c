"""Issue 16 item 7, the caseworker's small frictions: the filing in the case history, the household page's
救助 status, a township's own 公示, the 监督电话, one office heading and sealing each document, and the
决定书's 文号 (numbered per deciding office and year, kept for every reprint)."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from minzheng.assistance.services import decisions
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.policy.services.documents import save_office
from tests.core.factories import PASSWORD, HouseholdFactory, make_user

from .casework import approved_case, desks, dibao_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(settings, tmp_path, divisions):
    settings.MEDIA_ROOT = tmp_path
    load_assistance_policy()


def _login(client, user):
    client.logout()
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def _pdf_text(response) -> str:
    assert response["content-type"] == "application/pdf"
    # pypdf reads these CJK glyphs as UTF-16 units with NULs (see test_verification_app): drop them
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).replace(
        "\x00", ""
    )


def test_the_filing_is_the_first_line_of_the_case_history(client, policy, household):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="accepted")
    history = list(case.events.order_by("at", "id").values_list("label", "to_status"))
    assert history[0] == ("提出申请", "applied") and history[1][1] == "accepted"
    body = _login(client, caseworker).get(f"/assistance/cases/{case.pk}/").content.decode()
    assert "提出申请" in body


def test_the_household_page_shows_what_the_household_receives_and_applied_for(client, policy, household):
    caseworker, reviewer, approver = desks()
    case = approved_case(caseworker, reviewer, approver, household)
    other = HouseholdFactory(village="210602002002", size=2)
    pending = dibao_case(caseworker, other, until="accepted")
    _login(client, caseworker)
    body = client.get(f"/registry/households/{household.pk}/").content.decode()
    assert "社会救助" in body and "在保" in body and "/assistance/enrolments/" in body
    assert "城市最低生活保障" in body or case.program.name in body
    body = client.get(f"/registry/households/{other.pk}/").content.decode()
    assert pending.number in body and "办理中：已受理" in body
    bare = HouseholdFactory(village="210602002002", size=1)
    assert "未在保，无在办申请" in client.get(f"/registry/households/{bare.pk}/").content.decode()


def test_a_townships_staff_see_their_whole_township_on_the_publicity_page(client, policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household)
    _login(client, reviewer)  # 七道街道: "七道街道（全部）" sends no division
    body = client.get("/assistance/publicity/", {"division": ""}).content.decode()
    assert "七道街道 社会救助公示" in body and "监督电话" in body
    _login(client, caseworker)  # a county has many townships: asked to choose one
    assert "请选择乡镇（街道）或村（社区）" in client.get("/assistance/publicity/").content.decode()


def test_the_public_notice_prints_the_configured_supervision_phone(client, policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household)
    client.logout()
    assert "12345" in client.get("/public/gongshi/210602002001/").content.decode()
    save_office(approver, division_code="210602", name="丹东市元宝区民政局", abbreviation="元民",
                supervision_phone="0415-2812345")  # fmt: skip
    assert "0415-2812345" in client.get("/public/gongshi/210602002001/").content.decode()


def test_the_materials_notice_is_headed_and_sealed_by_the_township_that_asks(client, policy, household):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="applied")
    _login(client, caseworker)
    client.post(f"/assistance/cases/{case.pk}/act/", {"action": "request_materials", "missing": ["户口簿"]})
    text = _pdf_text(client.get(f"/assistance/cases/{case.pk}/notice.pdf"))
    assert text.count("七道街道办事处") >= 2 and "民政局" not in text.split("申请材料补正")[0]
    assert "监督电话" in text


def test_decisions_get_numbers_in_sequence_per_bureau_and_year_and_keep_them(client, policy):
    caseworker, reviewer, approver = desks()
    first = approved_case(caseworker, reviewer, approver, HouseholdFactory(village="210602002001", size=2))
    second = approved_case(caseworker, reviewer, approver, HouseholdFactory(village="210602002001", size=3))
    _login(client, approver)
    text = _pdf_text(client.get(f"/assistance/cases/{first.pk}/decision.pdf"))
    assert "元民救决〔2026〕1号" in text
    assert "元民救决〔2026〕2号" in _pdf_text(client.get(f"/assistance/cases/{second.pk}/decision.pdf"))
    assert "元民救决〔2026〕1号" in _pdf_text(client.get(f"/assistance/cases/{first.pk}/decision.pdf"))
    rejected = dibao_case(
        caseworker, HouseholdFactory(village="210602002001", size=2), until="township_review"
    )
    from minzheng.assistance.services import workflow

    workflow.township_review(reviewer, rejected.pk, decision="approve", on=date(2026, 3, 9))
    workflow.end_publicity(reviewer, rejected.pk, on=date(2026, 3, 17))
    decisions.decide(approver, rejected.pk, decision="reject", reason="收入超过标准", on=date(2026, 3, 19))
    text = _pdf_text(client.get(f"/assistance/cases/{rejected.pk}/decision.pdf"))
    assert "不予批准通知书" in text and "元民救决〔2026〕3号" in text


def test_another_bureau_numbers_its_own_decisions(client, policy):
    zx_caseworker = make_user("caseworker", "210603000000", username="zx_jb")
    zx_reviewer = make_user("reviewer", "210603001000", username="zx_sh")
    zx_approver = make_user("approver", "210603000000", username="zx_sp")
    case = approved_case(
        zx_caseworker, zx_reviewer, zx_approver, HouseholdFactory(village="210603001001", size=2)
    )
    text = _pdf_text(_login(client, zx_approver).get(f"/assistance/cases/{case.pk}/decision.pdf"))
    assert "振民救决〔2026〕1号" in text
