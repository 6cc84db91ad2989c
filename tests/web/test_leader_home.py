"""Issue 17: a leader's home page shows the bureau's key figures from the domains' indicator sources, keeps
the 待办 summary, and stays within a bounded number of queries."""

from datetime import date

import pytest

from tests.core.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_leader_sees_the_key_figures_and_other_roles_do_not(client, city_leader, county_caseworker):
    client.post("/login/", {"username": city_leader.username, "password": PASSWORD})
    body = client.get("/").content.decode()
    figures = body[body.index('data-testid="key-figures"') :]
    for label in ("保障人数", "当月发放", "预警", "养老床位"):
        assert label in figures
    client.post("/logout/")
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    assert 'data-testid="key-figures"' not in client.get("/").content.decode()


def test_the_leader_home_page_is_bounded_in_queries(client, city_leader, django_assert_max_num_queries):
    client.post("/login/", {"username": city_leader.username, "password": PASSWORD})
    client.get("/")
    with django_assert_max_num_queries(40):
        assert client.get("/").status_code == 200


def test_key_figures_sum_the_sources(city_leader):
    from minzheng.web.views import leader_key_figures

    labels = [label for label, _, _, _ in leader_key_figures(city_leader, date(2025, 6, 30))]
    assert labels == ["保障人数", "当月发放", "预警", "养老床位"]
