"""资金大数据比对 in the platform: a payee the registry knows dead is found, once however often the checks run;
the county records the outcome (确认 → 追回, or 核实无问题); the 待办 lists the open findings."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.batch.intake import ExchangeStore
from minzheng.core.models import Person
from minzheng.funds.errors import FundsConflict, InvalidFundInput
from minzheng.funds.models import Finding, FindingStatus
from minzheng.funds.selectors.funds import recovery_statistics
from minzheng.funds.services.checks import decide_finding, run_checks

from .conftest import MONTH

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_payee(approved_roster, beneficiaries):
    payee = beneficiaries[0].payee
    Person.objects.filter(pk=payee.pk).update(is_deceased=True, death_date=date(2026, 4, 2))
    return payee


def _run(user, tmp_path):
    return run_checks(
        user, division_code="210602", month_from=date(2026, 1, 1), month_to=date(2026, 6, 1),
        store=ExchangeStore(tmp_path / "exchange"),
    )  # fmt: skip


def test_a_payee_dead_before_the_month_is_found_once(dead_payee, city_fund_manager, policy, tmp_path):
    run = _run(city_fund_manager, tmp_path)
    assert run.payments == 4
    finding = Finding.objects.get(check_code="paid_after_death")
    assert finding.month == MONTH and finding.payee_name == dead_payee.name
    assert "死亡日期 2026-04-02" in finding.evidence
    assert finding.payee_id_masked.count("*") == 8
    assert _run(city_fund_manager, tmp_path).findings == 0
    assert Finding.objects.count() == 1


def test_the_county_confirms_and_records_the_recovery(
    dead_payee, city_fund_manager, county_caseworker, policy, tmp_path
):
    _run(city_fund_manager, tmp_path)
    finding = Finding.objects.get()
    with pytest.raises(InvalidFundInput) as refused:
        decide_finding(
            county_caseworker, finding, confirmed=True, recovered_amount="9999.00", explanation="已追回"
        )
    assert "不能超过" in refused.value.message
    decide_finding(
        county_caseworker,
        finding,
        confirmed=True,
        recovered_amount=str(finding.amount),
        explanation="家属退回",
    )
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CONFIRMED and finding.recovered_amount == finding.amount
    with pytest.raises(FundsConflict):
        decide_finding(county_caseworker, finding, confirmed=False, explanation="再次登记")
    [stats] = recovery_statistics(county_caseworker)
    assert stats["confirmed"] == 1 and stats["recovered"] == Decimal("500.00")


def test_an_explained_finding_records_no_recovery(
    dead_payee, city_fund_manager, county_caseworker, policy, tmp_path
):
    _run(city_fund_manager, tmp_path)
    finding = Finding.objects.get()
    with pytest.raises(InvalidFundInput):
        decide_finding(
            county_caseworker, finding, confirmed=False, recovered_amount="1.00", explanation="误报"
        )
    decide_finding(county_caseworker, finding, confirmed=False, explanation="死亡信息登记错误，已更正")
    assert Finding.objects.get().status == FindingStatus.EXPLAINED


def test_open_findings_are_the_countys_work(
    dead_payee, city_fund_manager, county_caseworker, outsider, policy, tmp_path
):
    from minzheng.funds.work_items import open_findings

    _run(city_fund_manager, tmp_path)
    [item] = open_findings(county_caseworker, date(2026, 7, 1))
    assert item.matter == "资金疑点 · 死亡后仍发放"
    assert open_findings(outsider, date(2026, 7, 1)) == []


def test_checks_outside_the_jurisdiction_are_refused(county_approver, tmp_path, policy):
    with pytest.raises(InvalidFundInput):
        run_checks(
            county_approver, division_code="210603", month_from=date(2026, 1, 1), month_to=date(2026, 6, 1),
            store=ExchangeStore(tmp_path / "exchange"),
        )  # fmt: skip
