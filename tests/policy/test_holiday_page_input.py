"""节假日 page: a year outside the platform's range is a Chinese 400, never a server error (issue 14, item 4)."""

import pytest

from tests.core.factories import PASSWORD


@pytest.mark.parametrize("year", ["99999", "0", "-1", "1e9", "２０２６"])
def test_holiday_calendar_with_year_99999_is_not_a_server_error(client, county_caseworker, year):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    response = client.get("/policy/holidays/", {"year": year})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "年份" in response.content.decode()


def test_holiday_calendar_shows_a_year_in_range(client, county_caseworker):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    response = client.get("/policy/holidays/", {"year": "2026"})
    assert response.status_code == 200 and "节假日（2026年）" in response.content.decode()
