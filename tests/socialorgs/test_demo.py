"""The demo generator runs through the real services and leaves a plausible registry."""

import pytest
from stdnum.cn import uscc

from minzheng.socialorgs import demo
from minzheng.socialorgs.models import AnnualReport, Organisation
from tests.core.factories import make_user


@pytest.mark.usefixtures("policy")
def test_demo_registers_valid_organisations_across_types(divisions):
    make_user("caseworker", "210600000000", username="city_caseworker")
    make_user("reviewer", "210600000000", username="city_reviewer")
    make_user("caseworker", "210602000000", username="county_caseworker")
    make_user("reviewer", "210602000000", username="county_reviewer")
    summary = demo.load_demo(count=40)
    orgs = list(Organisation.objects.all())
    assert summary.organisations == 40 and demo.demo_loaded()
    assert {o.kind for o in orgs} >= {"association", "service"}
    assert all(uscc.is_valid(o.uscc) for o in orgs) and len({o.uscc for o in orgs}) == len(orgs)
    assert AnnualReport.objects.exists()
    assert summary.listed + summary.proposed > 0
    assert summary.rated >= 0
