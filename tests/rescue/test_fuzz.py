"""Every 救助管理 page with real records, fetched and posted with the architecture suite's malformed input by a
handler and by a leader: no server error (the suite-wide fuzzer only reaches pk 1, which may not be ours)."""

import pytest
from django.urls import reverse

from tests.architecture.test_ui_fuzzing import MALFORMED_FORM, MALFORMED_QUERIES
from tests.core.factories import PASSWORD, make_user

from .factories import admit, register_elder

pytestmark = pytest.mark.django_db

EXTRA = {"station": "999999", "source": "police", "admitted_at": "0001-01-01T00:00", "at": "9999-12-31T23:59",
         "estimated_age": "99999999999", "room": "abc", "proposal": "99999999999999999999", "decision": "confirm",
         "kind": "settled", "until": "0001-01-01", "handed_over_on": "2026-02-30", "birth_year": "-1", "sex": "x",
         "beds": "-5", "consent_on": "99999-01-01", "found_code": "x" * 13, "hometown_code": "1" * 12}  # fmt: skip


def test_rescue_pages_give_no_server_error_on_malformed_input(client, desk, station):
    person = admit(desk, station)
    entry = register_elder(desk)
    leader = make_user("leader", "210602000000", username="yb_ld_fz")
    from tests.rescue.test_pages import ACTIONS

    urls = ["/rescue/", "/rescue/clients/", "/rescue/clients/new/", "/rescue/reports/", "/rescue/reports/new/",
            "/rescue/registry/", "/rescue/registry/new/", "/rescue/stations/", "/rescue/stations/new/",
            f"/rescue/clients/{person.pk}/", f"/rescue/registry/{entry.pk}/", f"/rescue/stations/{station.pk}/",
            f"/rescue/registry/{entry.pk}/visits/", f"/rescue/stations/{station.pk}/rooms/",
            *[f"/rescue/clients/{person.pk}/{name}/" for name in ACTIONS]]  # fmt: skip
    assert reverse("rescue:dashboard") == "/rescue/"
    for user in (desk, leader):
        assert client.login(username=user.username, password=PASSWORD)
        for url in urls:
            for query in MALFORMED_QUERIES:
                assert client.get(url, query).status_code < 500, (user.username, url, query)
            for form in (MALFORMED_FORM, {**MALFORMED_FORM, **EXTRA}):
                assert client.post(url, form).status_code < 500, (user.username, url)
