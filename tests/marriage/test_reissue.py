"""补领: re-issue while the status the certificate shows still holds, otherwise a 婚姻登记记录证明."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.marriage.models import ReissueOutcome
from minzheng.marriage.rules.reissue import Change, status_change_since
from minzheng.marriage.services.divorces import Agreement, receive_divorce, register_divorce
from minzheng.marriage.services.reissues import reissue_certificate
from tests.core.factories import PASSWORD

from .factories import marry, party


@given(st.booleans(), st.booleans(), st.booleans())
def test_reissue_only_if_the_status_is_unchanged_work_norms(in_force, divorced, remarried):
    """婚姻登记工作规范: 补领 only while the certificate's status holds (divorce, death, remarriage change it)."""
    bj = status_change_since(
        "BJ", marriage_in_force=in_force, divorce_registered=divorced, remarried_since=remarried
    )
    assert (bj is Change.NONE) == in_force
    bl = status_change_since(
        "BL", marriage_in_force=in_force, divorce_registered=divorced, remarried_since=remarried
    )
    assert (bl is Change.NONE) == (divorced and not remarried)


@pytest.mark.django_db
def test_bj_while_married_then_proof_after_divorce_bl_until_remarriage(registry, registrar, client):
    groom = party(date(1990, 1, 1), True)
    m = marry(registrar, registry, male=groom, on=date(2020, 1, 1))
    bj = reissue_certificate(
        registrar, m, kind="BJ", applicant_sex="1", registry=registry, on=date(2026, 3, 1)
    )
    assert (bj.outcome, bj.certificate_number) == (ReissueOutcome.REISSUED, "BJ210602-2026-000001")
    app = receive_divorce(
        registrar, m, registry=registry, agreement=Agreement("无", "无", "无"), on=date(2026, 6, 1)
    )
    register_divorce(registrar, app, both_present=True, on=date(2026, 7, 2))
    proof = reissue_certificate(
        registrar, m, kind="BJ", applicant_sex="2", registry=registry, on=date(2026, 7, 3)
    )
    assert proof.outcome == ReissueOutcome.RECORD_PROOF and not proof.certificate_number
    assert "已终止" in proof.reason
    bl = reissue_certificate(
        registrar, m, kind="BL", applicant_sex="1", registry=registry, on=date(2026, 7, 3)
    )
    assert bl.certificate_number == "BL210602-2026-000001"
    marry(registrar, registry, male=groom, on=date(2026, 7, 10))
    after = reissue_certificate(
        registrar, m, kind="BL", applicant_sex="1", registry=registry, on=date(2026, 7, 11)
    )
    assert after.outcome == ReissueOutcome.RECORD_PROOF and "再婚" in after.reason
    # Pages: the record shows the proof; another county gets 404.
    assert client.login(username=registrar.username, password=PASSWORD)
    page = client.get(f"/marriage/reissues/{after.pk}/").content.decode()
    assert "婚姻登记记录证明" in page and groom.id_number not in page
    response = client.post(f"/marriage/marriages/{m.pk}/reissue/",
                           {"kind": "BL", "applicant_sex": "2", "registry": str(registry.pk)}, follow=True)  # fmt: skip
    assert "已补发离婚证" in response.content.decode()


@pytest.mark.django_db
def test_outsider_gets_404_on_reissue(registry, registrar, client, outsider):
    m = marry(registrar, registry, on=date(2020, 1, 1))
    r = reissue_certificate(registrar, m, kind="BJ", applicant_sex="1", registry=registry)
    assert client.login(username=outsider.username, password=PASSWORD)
    assert client.get(f"/marriage/reissues/{r.pk}/").status_code == 404
    assert client.post(f"/marriage/marriages/{m.pk}/reissue/", {"kind": "BJ"}).status_code == 404
