"""标准已超过一年未调整: 丹东's 2020 plan figure is kept (no invented figures) but flagged on the standards
page and the dashboard, and the 提标 screen starts from it."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules.standards import standard_is_stale
from minzheng.assistance.services.seed import load_assistance_policy
from tests.core.factories import make_user


@given(days=st.integers(0, 3000), months=st.integers(1, 36))
def test_a_standard_is_stale_once_it_has_run_longer_than_the_interval(days, months):
    from minzheng.policy.rules import add_months

    effective = date(2020, 1, 1)
    on = date.fromordinal(effective.toordinal() + days)
    assert standard_is_stale(effective, on, months=months) is (on > add_months(effective, months))


@pytest.mark.django_db
def test_standards_page_and_dashboard_warn_of_the_2020_dandong_standard_and_link_to_raise(client, divisions):
    load_assistance_policy()
    user = make_user("approver", "210602000000", username="yb_sp")
    client.force_login(user)
    page = client.get("/assistance/standards/").content.decode()
    assert "标准已超过一年未调整" in page and "2020-01-01" in page
    assert "/assistance/raise/?division=210600000000&amp;area=urban" in page
    assert "标准已超过一年未调整" in client.get("/assistance/").content.decode()
    assert "标准已超过一年未调整" in client.get("/").content.decode()  # the home dashboard
    raise_page = client.get("/assistance/raise/?division=210600000000&area=urban").content.decode()
    assert "现行标准 ¥663.00" in raise_page and "2020-01-01" in raise_page
