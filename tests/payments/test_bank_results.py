"""Bank results: matched to the roster's transfers, failures flagged for follow-up, whole file refused on
any bad row (Chinese messages naming row and column), the same file twice changes nothing."""

from datetime import date

import pytest

from minzheng.core.errors import ImportRejected
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.payments.errors import PayrollError
from minzheng.payments.models import FollowUp, LineKind, PaymentStatus, PayrollLine, RosterStatus
from minzheng.payments.selectors import follow_up_queue
from minzheng.payments.services.approval import approve_roster, submit_roster
from minzheng.payments.services.follow_ups import decide_follow_up
from minzheng.payments.services.generation import generate_roster
from minzheng.payments.services.results import import_results

pytestmark = pytest.mark.django_db


def _results(roster, failed_account=None, *, mutate=None):
    rows = []
    for line in roster.lines.order_by("seq"):
        failed = line.bank_account == failed_account
        rows.append(
            [
                line.bank_account,
                f"{line.amount}",
                "失败" if failed else "成功",
                "账户已销户" if failed else "",
            ]
        )
    if mutate:
        mutate(rows)
    return write_workbook([Sheet("回盘", ["账号", "金额", "处理结果", "失败原因"], rows)])


def test_failures_are_flagged_and_successes_recorded(approved_roster, county_caseworker):
    failing = approved_roster.lines.order_by("seq")[1]
    summary = import_results(
        county_caseworker,
        approved_roster,
        data=_results(approved_roster, failing.bank_account),
        file_name="回盘.xlsx",
    )
    assert (summary.paid, summary.failed, summary.pending, summary.duplicate) == (3, 1, 0, False)
    failing.refresh_from_db()
    assert (failing.payment_status, failing.failure_reason, failing.follow_up) == (
        PaymentStatus.FAILED,
        "账户已销户",
        FollowUp.OPEN,
    )
    assert approved_roster.lines.filter(payment_status=PaymentStatus.PAID).count() == 3
    approved_roster.refresh_from_db()
    assert approved_roster.status == RosterStatus.SETTLED
    assert list(follow_up_queue(county_caseworker)) == [failing]


def test_the_same_file_twice_changes_nothing(approved_roster, county_caseworker):
    failing = approved_roster.lines.order_by("seq")[0]
    data = _results(approved_roster, failing.bank_account)
    import_results(county_caseworker, approved_roster, data=data, file_name="a.xlsx")
    decide_follow_up(county_caseworker, failing, action="resolve", note="已现金发放")
    again = import_results(county_caseworker, approved_roster, data=data, file_name="a.xlsx")
    assert again.duplicate
    failing.refresh_from_db()
    assert failing.follow_up == FollowUp.RESOLVED
    assert approved_roster.result_imports.count() == 1


def test_bad_rows_refuse_the_whole_file_with_chinese_messages(approved_roster, county_caseworker):
    def spoil(rows):
        rows[0][1] = "abc"
        rows[1][2] = "处理中"
        rows[2][0] = "6230000000000000000"
        rows.append(list(rows[3]))

    with pytest.raises(ImportRejected) as error:
        import_results(
            county_caseworker,
            approved_roster,
            data=_results(approved_roster, mutate=spoil),
            file_name="x.xlsx",
        )
    messages = {(e["row"], e["column"]): e["message"] for e in error.value.errors}
    assert "不是有效的金额" in messages[(2, "金额")]
    assert "无法识别" in messages[(3, "状态")]
    assert "不在本花名册" in messages[(4, "银行账号")]
    assert "与第5行重复" in messages[(6, "银行账号")]
    assert not approved_roster.lines.exclude(payment_status=PaymentStatus.PENDING).exists()
    assert approved_roster.result_imports.count() == 0


def test_amount_mismatch_and_gbk_csv_in_fen(approved_roster, county_caseworker):
    lines = list(approved_roster.lines.order_by("seq"))
    body = "收款人账号,金额（分）,交易结果,失败原因\r\n" + "".join(
        f"{line.bank_account},{int(line.amount * 100)},交易成功,\r\n" for line in lines
    )
    import_results(
        county_caseworker, approved_roster, data=body.encode("gbk"), file_name="r.csv", amount_unit="fen"
    )
    assert approved_roster.lines.filter(payment_status=PaymentStatus.PAID).count() == 4
    wrong = "账号,金额,状态\r\n" + f"{lines[0].bank_account},1.00,成功\r\n"
    with pytest.raises(ImportRejected) as error:
        import_results(county_caseworker, approved_roster, data=wrong.encode("utf-8"), file_name="w.csv")
    assert "与代发金额" in error.value.errors[0]["message"]


def test_results_only_for_approved_rosters(beneficiaries, county_caseworker):
    draft = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=date(2026, 6, 1)
    ).roster
    with pytest.raises(PayrollError):
        import_results(county_caseworker, draft, data=_results(draft), file_name="x.xlsx")


def test_failed_payment_reissued_once_in_a_later_roster(approved_roster, county_caseworker, approver):
    failing = approved_roster.lines.order_by("seq")[2]
    import_results(
        county_caseworker,
        approved_roster,
        data=_results(approved_roster, failing.bank_account),
        file_name="r.xlsx",
    )
    with pytest.raises(PayrollError):
        decide_follow_up(county_caseworker, failing, action="resolve", note="")
    decide_follow_up(county_caseworker, failing, action="reissue")
    july = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=date(2026, 7, 1)
    ).roster
    reissue = july.lines.get(kind=LineKind.REISSUE)
    assert (reissue.adjusts_line_id, reissue.amount, reissue.for_month) == (
        failing.pk,
        failing.amount,
        date(2026, 6, 1),
    )
    # A failed June payment is not also "补发" by the retroactive comparison: reissue only.
    assert not july.lines.filter(kind=LineKind.ARREARS).exists()
    submit_roster(county_caseworker, july)
    approve_roster(approver, july)
    failing.refresh_from_db()
    assert failing.follow_up == FollowUp.REISSUED
    august = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=date(2026, 8, 1)
    ).roster
    assert not august.lines.filter(kind=LineKind.REISSUE).exists()
    assert PayrollLine.objects.filter(kind=LineKind.REISSUE, adjusts_line=failing).count() == 1
    # July's reissue is booked for June now, so August sees nothing left to settle for June.
    assert not august.lines.exclude(kind=LineKind.REGULAR).exists()


def test_a_township_sees_its_failed_lines_without_a_link_to_the_countys_roster(
    approved_roster, county_caseworker, client
):
    """The failed line is the township's to handle; the county's roster would answer it 404 (issue 16: no
    link on a page may lead to a page the user cannot open)."""
    from tests.core.factories import make_user

    failing = approved_roster.lines.order_by("seq")[1]
    import_results(
        county_caseworker, approved_roster, data=_results(approved_roster, failing.bank_account),
        file_name="回盘.xlsx",
    )  # fmt: skip
    roster_url = f"/payments/rosters/{approved_roster.pk}/"
    client.force_login(county_caseworker)
    assert roster_url in client.get("/payments/follow-ups/").content.decode()
    township = make_user("caseworker", failing.division_code[:9] + "000", username="qd_jb2")
    client.force_login(township)
    body = client.get("/payments/follow-ups/").content.decode()
    assert failing.payee_name in body and roster_url not in body
