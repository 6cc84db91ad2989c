"""资金项目监督 pages: a leader opens a fund and drills to the people paid (masked); the county confirms a
finding and records the recovery; another county's fund or finding answers 404 (read and write)."""

from datetime import date

import pytest
from django.urls import reverse

from minzheng.batch.intake import ExchangeStore
from minzheng.core.models import Person
from minzheng.funds.models import Finding, FindingStatus
from minzheng.funds.services.checks import run_checks
from minzheng.funds.services.ledger import allocate, book_payments, create_fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(approved_roster, beneficiaries, county_approver, policy, tmp_path):
    fund = create_fund(
        county_approver, name="县级低保资金", year=2026, level="county", kind="general",
        division_code="210602", budget="20000.00", program_codes="dibao_urban",
    )  # fmt: skip
    allocation = allocate(
        county_approver, fund, division_code="210602", amount="20000.00", allocated_on=date(2026, 1, 5)
    )
    book_payments(county_approver, allocation, month_from=date(2026, 1, 1), month_to=date(2026, 12, 1))
    Person.objects.filter(pk=beneficiaries[1].payee_id).update(is_deceased=True, death_date=date(2026, 3, 1))
    run_checks(
        county_approver, division_code="210602", month_from=date(2026, 6, 1), month_to=date(2026, 6, 1),
        store=ExchangeStore(tmp_path / "exchange"),
    )  # fmt: skip
    return fund, Finding.objects.get()


def test_a_fund_drills_down_to_the_townships_and_the_masked_payees(client, world, county_approver):
    fund, _ = world
    client.force_login(county_approver)
    page = client.get(reverse("funds:fund_detail", args=[fund.pk])).content.decode()
    assert "执行率" in page and "13.92%" in page and "七道街道" in page
    payments = client.get(reverse("funds:fund_payments", args=[fund.pk]) + "?township_code=210602002000")
    text = payments.content.decode()
    assert payments.status_code == 200 and "********" in text and "共 2 条" in text


def test_the_county_confirms_a_finding_and_records_the_recovery(client, world, county_caseworker):
    _, finding = world
    client.force_login(county_caseworker)
    page = client.get(reverse("funds:finding_detail", args=[finding.pk])).content.decode()
    assert "死亡后仍发放" in page and "死亡日期 2026-03-01" in page
    client.post(
        reverse("funds:finding_decide", args=[finding.pk]),
        {"outcome": "confirmed", "recovered_amount": "420.50", "explanation": "已从账户追回"},
    )
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CONFIRMED and str(finding.recovered_amount) == "420.50"
    assert "¥420.50" in client.get(reverse("funds:statistics")).content.decode()


def test_a_recovery_over_the_payment_is_refused_in_chinese(client, world, county_caseworker):
    _, finding = world
    client.force_login(county_caseworker)
    response = client.post(
        reverse("funds:finding_decide", args=[finding.pk]),
        {"outcome": "confirmed", "recovered_amount": "9999", "explanation": "追回"},
        follow=True,
    )
    assert "不能超过该笔发放金额" in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN


def test_outsider_gets_404_on_every_record_and_sees_nothing_in_lists(client, world, outsider):
    fund, finding = world
    client.force_login(outsider)
    for name, pk in [
        ("funds:fund_detail", fund.pk), ("funds:fund_payments", fund.pk), ("funds:finding_detail", finding.pk),
    ]:  # fmt: skip
        assert client.get(reverse(name, args=[pk])).status_code == 404
    for name, pk, data in [
        ("funds:allocate", fund.pk, {"division_code": "210602", "amount": "1", "allocated_on": "2026-02-01"}),
        ("funds:book", fund.pk, {"allocation": 1, "month_from": "2026-01", "month_to": "2026-02"}),
        ("funds:finding_decide", finding.pk, {"outcome": "explained", "explanation": "x"}),
    ]:  # fmt: skip
        assert client.post(reverse(name, args=[pk]), data).status_code == 404
    assert "县级低保资金" not in client.get(reverse("funds:dashboard")).content.decode()
    assert finding.payee_name not in client.get(reverse("funds:finding_list")).content.decode()
    assert Finding.objects.get().status == FindingStatus.OPEN
