"""Court judgments on a marriage: nullity/annulment void it from the start (民法典 1054), judicial divorce ends
it on the effective day (1079–1080); the record is annotated and the status query follows."""

from datetime import date

import pytest

from minzheng.marriage.errors import MarriageConflict
from minzheng.marriage.interface import marital_status_on
from minzheng.marriage.models import DivorceStatus, MarriageStatus
from minzheng.marriage.rules.status import Registration, marital_status_code
from minzheng.marriage.services.divorces import Agreement, receive_divorce
from minzheng.marriage.services.judgments import record_judgment
from tests.core.factories import PASSWORD

from .factories import marry, party

pytestmark = pytest.mark.django_db


def test_void_registration_never_counts_civil_code_1054():
    void = Registration("J1", date(2010, 1, 1), date(2010, 1, 1), False, void=True)
    assert marital_status_code([void], date(2012, 1, 1)) == ("10", None)


def test_judicial_divorce_ends_the_marriage_and_closes_an_open_application(registry, registrar, client):
    groom = party(date(1985, 1, 1), True)
    m = marry(registrar, registry, male=groom, female=party(date(1986, 1, 1), False), on=date(2015, 1, 1))
    app = receive_divorce(registrar, m, registry=registry, agreement=Agreement("无", "无", "无"))
    assert client.login(username=registrar.username, password=PASSWORD)
    client.post(f"/marriage/marriages/{m.pk}/judgments/", {"kind": "divorce", "court": "丹东市元宝区人民法院",
                "case_number": "(2026)辽0602民初88号", "effective_on": "2026-03-01"})  # fmt: skip
    m.refresh_from_db()
    app.refresh_from_db()
    assert (m.status, m.ended_on) == (MarriageStatus.DIVORCED, date(2026, 3, 1))
    assert app.status == DivorceStatus.TERMINATED
    assert "(2026)辽0602民初88号" in client.get(f"/marriage/marriages/{m.pk}/").content.decode()
    assert marital_status_on(groom.id_number, date(2026, 2, 28)).married
    assert not marital_status_on(groom.id_number, date(2026, 3, 1)).married
    with pytest.raises(MarriageConflict):
        record_judgment(
            registrar, m, kind="divorce", court="某法院", case_number="X2", effective_on=date(2026, 3, 2)
        )


def test_nullity_voids_from_the_start_and_frees_the_parties(registry, registrar, outsider, client):
    groom = party(date(1985, 1, 1), True)
    m = marry(registrar, registry, male=groom, female=party(date(1986, 1, 1), False), on=date(2015, 1, 1))
    record_judgment(registrar, m, kind="nullity", court="丹东市元宝区人民法院", case_number="(2026)辽0602民特1号",
                    effective_on=date(2026, 2, 1))  # fmt: skip
    m.refresh_from_db()
    assert m.status == MarriageStatus.VOID
    assert not marital_status_on(groom.id_number, date(2020, 1, 1)).married
    from minzheng.marriage.services.status_queries import query_marital_status

    answer = query_marital_status(registrar, id_number=groom.id_number, as_of=date(2020, 1, 1), agency="法院",
                                  legal_basis="民事诉讼法第六十七条")  # fmt: skip
    assert answer.code == "10"
    marry(registrar, registry, male=groom, female=party(date(1990, 1, 1), False))
    assert client.login(username=outsider.username, password=PASSWORD)
    assert client.post(f"/marriage/marriages/{m.pk}/judgments/", {"kind": "divorce"}).status_code == 404
