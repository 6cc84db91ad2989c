"""Crash safety of 资金发放 (issue 27): the web server is killed with SIGKILL in the middle of a payroll
generation (API) and of a bank-results import (page upload), once each has written its first payroll lines.
After the restart nothing is half-written, and the same action again gives the complete result once."""

from decimal import Decimal

import pytest

from minzheng.payments.services.approval import approve_roster, submit_roster
from minzheng.payments.services.generation import generate_roster
from tests.core.factories import PASSWORD, HouseholdFactory
from tests.payments.conftest import MONTH, enrol

from .crash_harness import WebServer, csrf_token, manage, shared_world
from .test_crash_safety import _Background

pytestmark = pytest.mark.django_db(transaction=True)

HOUSEHOLDS = 40
LINES = (
    "SELECT COUNT(*), COUNT(DISTINCT enrolment_id), COALESCE(SUM(amount), 0) FROM payments_payrollline "
    "WHERE roster_id IN (SELECT id FROM payments_payrollroster WHERE month = ?)"
)


def _caseload(user) -> Decimal:
    amounts = [Decimal("300.00") + n for n in range(HOUSEHOLDS)]
    for n, amount in enumerate(amounts):
        home = HouseholdFactory(village=("210602002001", "210602003001")[n % 2], size=1 + n % 3)
        enrol(user, home, amount=str(amount), persons=home.memberships.count())
    return sum(amounts)


def _generate(server, token: str):
    import requests

    return requests.post(
        f"{server.base}/api/payments/rosters",
        json={"program_code": "dibao_urban", "division_code": "210602000000", "month": MONTH.isoformat()},
        headers={"Authorization": f"Bearer {token}"},
        timeout=300,
    )


def test_web_server_killed_mid_payroll_generation_leaves_no_roster_and_regenerating_pays_each_once(
    programs, county_caseworker, tmp_path
):
    """花名册 generated "set-based in one transaction, never paying twice" (README, 资金发放)."""
    total = _caseload(county_caseworker)
    world = shared_world(tmp_path)
    month = MONTH.isoformat()

    server = WebServer(world, crash_table="payments_payrollline")
    token = server.token(county_caseworker.username, PASSWORD)
    call = _Background(lambda: _generate(server, token))
    try:
        server.process.kill_when_writing()
    finally:
        server.stop()
    call.join()
    assert world.read(LINES, (month,)) == [(0, 0, 0)]
    assert world.one("SELECT COUNT(*) FROM payments_payrollroster") == 0

    server = WebServer(world)
    try:
        token = server.token(county_caseworker.username, PASSWORD)
        for generation in (1, 2):  # a second generation of the draft replaces it: still each household once
            answer = _generate(server, token)
            assert answer.status_code == 201, answer.text
            assert (answer.json()["line_count"], Decimal(str(answer.json()["total_amount"]))) == (
                HOUSEHOLDS,
                total,
            )
            count, enrolments, amount = world.read(LINES, (month,))[0]
            assert (count, enrolments, Decimal(str(amount))) == (HOUSEHOLDS, HOUSEHOLDS, total)
            assert world.one("SELECT generation FROM payments_payrollroster") == generation
    finally:
        server.stop()
    manage(world, "verify_audit_chain")


def _results_file(roster) -> bytes:
    from minzheng.core.spreadsheets import Sheet, write_workbook

    rows = [
        [
            line.bank_account,
            f"{line.amount}",
            "失败" if line.seq == 1 else "成功",
            "账户已销户" if line.seq == 1 else "",
        ]
        for line in roster.lines.order_by("seq")
    ]
    return write_workbook([Sheet("回盘", ["账号", "金额", "处理结果", "失败原因"], rows)])


STATUSES = "SELECT payment_status, COUNT(*) FROM payments_payrollline GROUP BY payment_status ORDER BY 1"


def test_web_server_killed_mid_bank_results_import_leaves_every_payment_pending_and_the_file_applies_once(
    programs, county_caseworker, approver, tmp_path
):
    """银行回盘 "applied atomically; the same file twice changes nothing" (payments/services/results.py)."""
    _caseload(county_caseworker)
    roster = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=MONTH
    ).roster
    submit_roster(county_caseworker, roster)
    roster = approve_roster(approver, roster)
    data = _results_file(roster)
    world = shared_world(tmp_path)
    url = f"/payments/rosters/{roster.pk}/results/"
    imports = "SELECT COUNT(*) FROM payments_bankresultimport"
    assert world.read(STATUSES) == [("pending", HOUSEHOLDS)]

    def upload(server, session):
        page = session.get(f"{server.base}/payments/rosters/{roster.pk}/", timeout=60)
        return session.post(
            f"{server.base}{url}",
            data={"csrfmiddlewaretoken": csrf_token(page.text), "format": ""},
            files={"file": ("回盘.xlsx", data)},
            headers={"Referer": f"{server.base}{url}"},
            timeout=300,
        )

    server = WebServer(world, crash_table="payments_payrollline")
    session = server.login(county_caseworker.username, PASSWORD)
    call = _Background(lambda: upload(server, session))
    try:
        server.process.kill_when_writing()
    finally:
        server.stop()
    call.join()
    assert world.read(STATUSES) == [("pending", HOUSEHOLDS)]
    assert world.one(imports) == 0
    assert world.one("SELECT status FROM payments_payrollroster") == "approved"

    server = WebServer(world)
    try:
        session = server.login(county_caseworker.username, PASSWORD)
        assert "回盘已导入：成功39笔，失败1笔" in upload(server, session).text
        assert world.read(STATUSES) == [("failed", 1), ("paid", HOUSEHOLDS - 1)]
        assert "此前已导入" in upload(server, session).text
        assert world.read(STATUSES) == [("failed", 1), ("paid", HOUSEHOLDS - 1)]
        assert (world.one(imports), world.one("SELECT status FROM payments_payrollroster")) == (1, "settled")
    finally:
        server.stop()
    manage(world, "verify_audit_chain")
