"""居民死亡医学证明 rules, from the text: who issues it (国卫规划发〔2013〕57号) and paper/electronic by date
(国卫规划发〔2026〕5号)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from minzheng.funeral.rules import deaths as r

PLACES = [r.PLACE_HOSPITAL, r.PLACE_HOME, r.PLACE_CARE_HOME, r.PLACE_OTHER]
ISSUERS = [r.HOSPITAL, r.COMMUNITY, r.POLICE]
CAUSES = [r.NATURAL, r.UNNATURAL]
E_FROM, E_REQUIRED = date(2026, 7, 1), date(2027, 1, 1)


def oracle_may_issue(issuer: str, place: str, cause: str) -> bool:
    """国卫规划发〔2013〕57号: deaths in a medical institution — that institution; normal deaths at home, in a care
    home or elsewhere — the 社区卫生服务机构/乡镇卫生院; unnatural deaths not treated — 公安司法部门."""
    if cause == "unnatural":
        return issuer == "police" or (place == "hospital" and issuer == "hospital")
    return issuer == ("hospital" if place == "hospital" else "community")


@given(st.sampled_from(ISSUERS), st.sampled_from(PLACES), st.sampled_from(CAUSES))
def test_issuer_of_the_death_certificate_follows_guo_wei_gui_hua_fa_2013_57(issuer, place, cause):
    assert (issuer in r.allowed_issuers(place, cause)) == oracle_may_issue(issuer, place, cause)


dates = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


@given(dates, st.sampled_from([r.PAPER, r.ELECTRONIC]))
def test_electronic_certificates_from_2026_07_01_and_required_from_2027_per_guo_wei_2026_5(issued, form):
    facts = r.CertificateFacts(
        r.HOSPITAL, r.PLACE_HOSPITAL, r.NATURAL, form, issued, issued - timedelta(days=1)
    )
    problems = r.certificate_problems(
        facts, today=date(2028, 1, 1), electronic_from=E_FROM, electronic_required_from=E_REQUIRED
    )
    expected_ok = (form == "paper" and issued < E_REQUIRED) or (form == "electronic" and issued >= E_FROM)
    assert ("form" not in problems) == expected_ok


@given(dates, dates)
def test_a_certificate_is_issued_on_or_after_the_death_and_not_in_the_future(died, issued):
    facts = r.CertificateFacts(r.HOSPITAL, r.PLACE_HOSPITAL, r.NATURAL, r.PAPER, issued, died)
    problems = r.certificate_problems(
        facts, today=date(2026, 10, 1), electronic_from=E_FROM, electronic_required_from=None
    )
    assert ("issued_on" in problems) == (issued < died or (issued > date(2026, 10, 1) and died <= issued))
    assert ("death_date" in problems) == (died > date(2026, 10, 1))


def test_the_issuer_message_names_who_should_have_issued():
    facts = r.CertificateFacts(
        r.HOSPITAL, r.PLACE_HOME, r.NATURAL, r.PAPER, date(2026, 5, 2), date(2026, 5, 1)
    )
    problems = r.certificate_problems(
        facts, today=date(2026, 6, 1), electronic_from=E_FROM, electronic_required_from=None
    )
    assert problems == {
        "issuer_kind": "签发机构类别与死亡地点、死亡原因不符（应由社区卫生服务机构或乡镇卫生院出具）"
    }
