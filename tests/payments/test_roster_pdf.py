"""花名册 PDF: bureau heading, one section per township with its subtotal, the total in figures and 大写,
signature lines; ID numbers masked unless revealed by someone allowed to (audited)."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.payments.rules.money import rmb_upper
from minzheng.payments.services.roster_pdf import roster_pdf

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return text.replace("\x00", "").replace(" ", "").replace("\n", "")


def test_roster_pdf_has_heading_township_subtotals_total_and_signatures(approved_roster, county_caseworker):
    text = _text(roster_pdf(county_caseworker, approved_roster))
    assert "丹东市元宝区民政局" in text
    assert "2026年06月城市低保资金发放花名册" in text
    assert "七道街道（2条）" in text and "广济街道（2条）" in text
    assert "920.50" in text and "1,863.00" in text  # subtotals: 500 + 420.50; 663 + 1200
    assert "2,783.50元" in text and "人民币贰仟柒佰捌拾叁元伍角整" in text
    for label in ("制表人：", "审核人：", "分管领导：", "（盖章）"):
        assert label in text
    line = approved_roster.lines.first()
    assert line.payee_id_number not in text
    assert line.payee_id_number[:6] in text and line.bank_account not in text
    assert AuditEvent.objects.filter(action="export", object_type="payroll_roster").exists()


def test_full_id_numbers_only_when_revealed_by_a_caseworker(approved_roster, county_caseworker, city_leader):
    line = approved_roster.lines.first()
    text = _text(roster_pdf(county_caseworker, approved_roster, reveal=True))
    assert line.payee_id_number in text and "不得公开张贴" in text
    assert AuditEvent.objects.filter(action="read_id_number", object_type="payroll_roster").exists()
    with pytest.raises(PermissionDenied):
        roster_pdf(city_leader, approved_roster, reveal=True)
    assert line.payee_id_number not in _text(roster_pdf(city_leader, approved_roster))


def test_one_township_at_a_time(approved_roster, county_caseworker):
    text = _text(roster_pdf(county_caseworker, approved_roster, township_code="210602003000"))
    assert "广济街道（2条）" in text and "七道街道" not in text and "1,863.00元" in text


@pytest.mark.parametrize(
    ("amount", "upper"),
    [
        ("0", "人民币零元整"),
        ("1005.07", "人民币壹仟零伍元零柒分"),
        ("100000", "人民币壹拾万元整"),
        ("1000010.5", "人民币壹佰万零壹拾元伍角整"),
    ],
)
def test_amount_in_chinese_capitals(amount, upper):
    assert rmb_upper(Decimal(amount)) == upper
