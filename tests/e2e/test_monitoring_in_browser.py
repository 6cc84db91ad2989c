"""A warning's whole path in a real browser: a hospital bill arrives from 医保, the approver runs the daily
monitoring, the community caseworker finds the warning, records the visit and transfers it into a 社会救助
application that is pre-filled with the warning's reason and evidence."""

import datetime as dt
from decimal import Decimal

import pytest

from minzheng.assistance.models import AssistanceCase
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.monitoring.services.risk_rules import seed_default_rules
from tests.core.factories import PASSWORD, HouseholdFactory, make_divisions, make_user
from tests.monitoring.helpers import deliver, enrol, members_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _login(page, url: str, username: str) -> None:
    page.goto(f"{url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_medical_bill_becomes_a_prefilled_assistance_application(page, live_server, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    make_divisions()
    load_assistance_policy()
    seed_default_rules()
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    make_user("approver", "210602000000", username="yb_sp")
    household = HouseholdFactory(village="210602002001", size=2)
    enrol(caseworker, household, program="dibao_edge")
    today = dt.date.today()
    bill = {
        "id_number": members_of(household)[1].id_number,
        "settle_date": today - dt.timedelta(days=1),
        "total_cost": Decimal("68000.00"),
        "self_paid": Decimal("23500.00"),
        "inpatient": True,
    }
    deliver("medical_bills", [bill], today, tmp_path)

    _login(page, live_server.url, "yb_sp")
    page.click("text=低收入人口动态监测")
    page.click("text=监测批次")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('运行监测')")
    assert "新增预警 1 条" in page.inner_text(".messages")
    page.click("button:has-text('退出')")

    _login(page, live_server.url, "yb_jb")
    page.click("text=低收入人口动态监测")
    page.click("a[role=tab]:has-text('预警处置')")
    page.click("tr:has-text('医疗支出骤增') >> text=处理")
    assert (
        "近12个月家庭医疗自付费用23500.00元，超过20000.00元"
        in page.get_by_test_id("warning-reason").inner_text()
    )
    assert page.get_by_test_id("warning-status").inner_text() == "已分派待核实"
    page.fill("#visit-form textarea[name=findings]", "入户核实：住院自付费用属实，家庭无力负担")
    page.set_input_files(
        "#visit-form input[name=files]",
        files=[{"name": "住院清单.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 demo"}],
    )
    page.click("#visit-form button[type=submit]")
    assert page.get_by_test_id("warning-status").inner_text() == "已核实待处置"
    assert "住院清单.pdf" in page.inner_text("body")

    page.select_option("#dispose-form select[name=disposal]", "transfer")
    page.select_option("#dispose-form select[name=program_code]", "expenditure_hardship")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#dispose-form button[type=submit]")
    case = AssistanceCase.objects.get(source="monitoring")
    assert page.get_by_test_id("case-number").inner_text() == case.number
    # the new case's number opens the case (issue 16 item 7)
    assert page.get_by_test_id("case-number").get_attribute("href") == f"/assistance/cases/{case.pk}/"
    assert "23500.00元" in page.get_by_test_id("case-prefill-reason").inner_text()
    assert case.prefill["visits"][0]["findings"].startswith("入户核实")
    assert case.prefill["evidence"][0]["dataset"] == "medical_bills"
