"""资金发放 in a real browser: a caseworker generates the month's roster and submits it, an approver
approves it (locking it), and the bank file downloads."""

import io
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.models import AuditEvent
from minzheng.payments.services.seed import load_bank_formats
from tests.core.factories import HouseholdFactory, make_divisions, make_user
from tests.e2e.test_registry_in_browser import log_in
from tests.payments.conftest import enrol

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_caseworker_generates_approver_approves_and_the_bank_file_downloads(page, live_server):
    make_divisions()
    load_assistance_policy()
    load_bank_formats()
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    make_user("approver", "210602000000", username="yb_sp")
    first = HouseholdFactory(village="210602002001", size=3)
    second = HouseholdFactory(village="210602003001", size=1)
    enrol(caseworker, first, amount="500.00", persons=3, start=date(2026, 3, 1))
    enrol(caseworker, second, amount="663.00", persons=1, start=date(2026, 3, 1), bank="中国邮政储蓄银行")

    log_in(page, live_server, "yb_jb")
    page.click("nav >> text=资金发放")
    page.select_option("select[name=program]", "dibao_urban")
    page.fill("input[name=month]", "2026-06")
    page.click("button:has-text('生成花名册')")
    assert page.get_by_test_id("roster-total").inner_text() == "¥1,163.00"
    assert "七道街道" in page.inner_text("body") and "广济街道" in page.inner_text("body")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('提交审核')")
    assert "待审核" in page.inner_text("#roster-summary")
    assert page.locator("button:has-text('审核通过')").count() == 0  # the maker sees no approve button
    page.click("button:has-text('退出')")

    log_in(page, live_server, "yb_sp")
    page.click("nav >> text=资金发放")
    page.click("tr:has-text('2026-06') >> text=查看")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('审核通过')")
    assert "已审核（锁定）" in page.inner_text("#roster-summary")
    page.select_option("select[name=format]", "generic")
    with page.expect_download() as download:
        page.click("button:has-text('导出代发文件')")
    path = download.value.path()
    with open(path, "rb") as handle:
        rows = CalamineWorkbook.from_filelike(io.BytesIO(handle.read())).get_sheet_by_index(0).to_python()
    assert len(rows) == 3 and rows[0][7] == "银行账号"
    assert {r[4] for r in rows[1:]} == {first.head.name, second.head.name}
    assert AuditEvent.objects.filter(action="export", username="yb_sp", object_type="payroll_roster").exists()
