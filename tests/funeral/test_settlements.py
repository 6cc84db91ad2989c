"""惠民殡葬结算: the month's waived bills of a funeral home, each in one list, prepared by a caseworker and approved
by an approver who did not prepare it (maker-checker), exported like a payroll."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404
from python_calamine import CalamineWorkbook

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.funeral.errors import FuneralConflict
from minzheng.funeral.services import orders, settlements, waivers
from minzheng.funeral.services.deaths import UnidentifiedInput, record_unidentified
from tests.core.factories import make_user

from .factories import make_home

pytestmark = pytest.mark.django_db
TODAY = date(2026, 9, 10)


@pytest.fixture
def billed(desk, divisions):
    waivers.load_funeral_policy()
    bureau = make_user("approver", "210602000000", username="yb_mzj")
    home = make_home(bureau)
    done = []
    for n, (died, billed_on) in enumerate([(date(2026, 7, 20), date(2026, 7, 25)), (date(2026, 7, 28), date(2026, 8, 2)), (date(2026, 8, 3), date(2026, 8, 9))]):  # fmt: skip
        body = record_unidentified(
            desk,
            UnidentifiedInput(f"丹公验字〔2026〕{n + 1}号", "元宝分局", died, died, "210602002001", "other", "unnatural", "男性"),
            today=TODAY,
        )  # fmt: skip
        order = orders.open_order(
            desk, body, orders.OrderInput(home=home, ordered_on=died, contact_name="民政局")
        )
        orders.add_line(desk, order, item_code="J04", quantity=1)
        done.append(orders.issue_bill(desk, order, on=billed_on))
    return bureau, home, done


def test_a_month_lists_the_waived_bills_issued_that_month_once(desk, billed):
    _bureau, home, _done = billed
    august = settlements.prepare(desk, home, month=date(2026, 8, 1), today=TODAY)
    assert (august.orders_count, august.total) == (2, Decimal("800.00"))
    again = settlements.prepare(desk, home, month=date(2026, 8, 1), today=TODAY)
    assert again.pk == august.pk and again.orders_count == 2
    july = settlements.prepare(desk, home, month=date(2026, 7, 1), today=TODAY)
    assert july.orders_count == 1


def test_the_preparer_cannot_approve_and_an_approved_list_is_final(desk, billed):
    bureau, home, _ = billed
    settlement = settlements.prepare(desk, home, month=date(2026, 8, 1), today=TODAY)
    settlements.submit(desk, settlement)
    with pytest.raises(PermissionDenied):
        settlements.approve(desk, settlement)
    maker_approver = make_user("approver", "210602000000", username="yb_sp2")
    settlement.prepared_by = maker_approver
    settlement.save(update_fields=["prepared_by"])
    with pytest.raises(FuneralConflict):
        settlements.approve(maker_approver, settlement)
    settlements.send_back(bureau, settlement, reason="缺少火化证明")
    settlement.refresh_from_db()
    assert settlement.status == "draft" and settlement.return_note == "缺少火化证明"
    settlements.submit(desk, settlement)
    approved = settlements.approve(bureau, settlement)
    assert approved.status == "approved" and approved.approved_by == bureau
    with pytest.raises(FuneralConflict):
        settlements.prepare(desk, home, month=date(2026, 8, 1), today=TODAY)


def test_the_export_is_the_payable_list_and_is_audited(desk, billed):
    _bureau, home, _ = billed
    settlement = settlements.prepare(desk, home, month=date(2026, 8, 1), today=TODAY)
    sheet = CalamineWorkbook.from_filelike(
        io.BytesIO(settlements.export(desk, settlement))
    ).get_sheet_by_index(0)
    rows = sheet.to_python()
    assert rows[1][:2] == ["订单编号", "逝者"] and rows[-1][0] == "合计" and rows[-1][5] == 800.0
    assert AuditEvent.objects.filter(
        action=AuditEvent.EXPORT, object_type="funeral.waiversettlement"
    ).exists()


def test_another_county_cannot_settle_this_home(other_desk, billed):
    _, home, _ = billed
    with pytest.raises(Http404):
        settlements.prepare(other_desk, home, month=date(2026, 8, 1), today=TODAY)
