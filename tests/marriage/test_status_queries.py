"""授权机关查询婚姻状况: status on a day from the registrations (GB/T 2261.2), every call logged with its basis."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.core.services.accounts import issue_api_token
from minzheng.marriage.models import StatusQuery
from minzheng.marriage.rules.status import Registration, marital_status_code
from minzheng.marriage.services.divorces import Agreement, receive_divorce, register_divorce
from tests.core.factories import PASSWORD

from .factories import marry, party

spans = st.lists(
    st.tuples(
        st.dates(date(1990, 1, 1), date(2025, 1, 1)),
        st.one_of(st.none(), st.integers(1, 4000)),
        st.booleans(),
    ),
    max_size=3,
)


@given(spans, st.dates(date(1989, 1, 1), date(2036, 1, 1)))
def test_status_on_a_day_civil_code_1049_1080(rows, on):
    """民法典 第一千零四十九条 (marriage from registration), 第一千零八十条 (ends with the divorce registration):
    married iff some registration covers the day; otherwise the last ended one says 离婚/丧偶; none → 未婚."""
    regs = [
        Registration(str(i), start, start + timedelta(days=d) if d else None, death)
        for i, (start, d, death) in enumerate(rows)
    ]
    code, _ = marital_status_code(regs, on)
    covering = [r for r in regs if r.registered_on <= on and (r.ended_on is None or r.ended_on > on)]
    ended = [r for r in regs if r.registered_on <= on and not (r.ended_on is None or r.ended_on > on)]
    # (void registrations — 民法典 1054 — are covered by tests/marriage/test_judgments.py)
    if covering:
        assert code == "20"
    elif not ended:
        assert code == "10"
    else:
        last = max(ended, key=lambda r: (r.ended_on, r.registered_on))
        assert code == ("30" if last.ended_by_death else "40")


@pytest.mark.django_db
def test_api_answers_platform_wide_and_logs_the_legal_basis(client, registry, registrar, outsider):
    groom = party(date(1985, 5, 5), True)
    m = marry(registrar, registry, male=groom, female=party(date(1987, 1, 1), False), on=date(2012, 3, 3))
    app = receive_divorce(
        registrar, m, registry=registry, agreement=Agreement("无", "无", "无"), on=date(2026, 6, 1)
    )
    register_divorce(registrar, app, both_present=True, on=date(2026, 7, 2))
    # A caseworker of another county (e.g. a court's liaison account) asks: the answer is not jurisdiction-bound.
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(outsider)}"}
    body = {"id_number": groom.id_number, "as_of": "2020-01-01", "agency": "丹东市振兴区人民法院",
            "legal_basis": "《中华人民共和国民事诉讼法》第六十七条", "case_reference": "(2026)辽0603民初123号"}  # fmt: skip
    married = client.post(
        "/api/marriage/status-queries", body, content_type="application/json", **auth
    ).json()
    assert (married["code"], married["certificate_number"]) == ("20", m.certificate_number)
    divorced = client.post("/api/marriage/status-queries", body | {"as_of": "2026-07-02"},
                           content_type="application/json", **auth).json()  # fmt: skip
    assert (divorced["code"], divorced["ended_on"]) == ("40", "2026-07-02")
    missing = client.post(
        "/api/marriage/status-queries", body | {"legal_basis": " "}, content_type="application/json", **auth
    )
    assert missing.status_code in (400, 422)
    logs = StatusQuery.objects.order_by("pk")
    assert [q.answer for q in logs] == ["20", "40"] and groom.id_number not in logs[0].id_number_masked
    assert client.login(username=outsider.username, password=PASSWORD)
    assert "民事诉讼法" in client.get("/marriage/status-queries/").content.decode()
    client.logout()
    assert client.login(username=registrar.username, password=PASSWORD)
    assert "民事诉讼法" not in client.get("/marriage/status-queries/").content.decode()


@pytest.mark.django_db
def test_leader_may_not_query(client, registry, city_leader):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(city_leader)}"}
    body = {"id_number": "210602199001011234", "as_of": "2020-01-01", "agency": "x", "legal_basis": "y"}
    assert (
        client.post("/api/marriage/status-queries", body, content_type="application/json", **auth).status_code
        == 403
    )
