"""资金项目监督 test data: the payroll world of tests/payments (an approved 城市低保 roster of 元宝区, June 2026)
and the users who keep the ledger and verify findings."""

import pytest
from django.core.management import call_command

from tests.payments.conftest import MONTH, approved_roster, approver, beneficiaries, enrol, programs  # noqa: F401


@pytest.fixture
def policy(db):
    call_command("load_policy", verbosity=0)


@pytest.fixture
def county_approver(approver):  # noqa: F811
    return approver


@pytest.fixture
def city_fund_manager(divisions):
    from tests.core.factories import make_user

    return make_user("leader", "210600000000", username="dd_funds_ld")


@pytest.fixture
def fund(city_fund_manager):
    from minzheng.funds.services.ledger import create_fund

    return create_fund(
        city_fund_manager, name="城乡低保资金", year=2026, level="city", kind="general",
        division_code="210600000000", budget="100000.00", program_codes="dibao_urban",
    )  # fmt: skip
