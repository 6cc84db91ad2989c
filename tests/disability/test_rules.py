"""Eligibility per domain-rules-2 §9 (国发〔2015〕52号): an oracle written from the rule text, checked with
hypothesis against ``disability.rules.eligibility``."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from minzheng.disability.rules import eligibility as e

CATS = st.sampled_from(e.CATEGORIES)
DAY = date(2026, 3, 15)


def oracle(kind, category, grade, valid, dibao, edge, ext_edge, ext_mental):
    """§9: 生活补贴 — 低保家庭中的持证残疾人 (低保边缘 where extended); 护理补贴 — 一、二级, or 三、四级智力/精神
    where adopted. No valid certificate, no subsidy."""
    if not valid:
        return False
    if kind == "living":
        return dibao or (ext_edge and edge)
    return grade <= 2 or (ext_mental and category in ("智力", "精神"))


@given(
    st.sampled_from(["living", "care"]), CATS, st.integers(1, 4), st.booleans(), st.booleans(), st.booleans(),
    st.booleans(), st.booleans(),
)  # fmt: skip
def test_section_9_eligibility_matches_the_rule_text(
    kind, category, grade, valid, dibao, edge, ext_edge, ext_mental
):
    until = DAY + timedelta(days=1) if valid else DAY - timedelta(days=1)
    certificate = e.Certificate(category, grade, date(2020, 1, 1), until)
    got = e.eligible(kind, certificate, e.Household(dibao, edge), e.Options(ext_edge, ext_mental), DAY)
    assert got == oracle(kind, category, grade, valid, dibao, edge, ext_edge, ext_mental)
    assert (
        e.refusal_reason(kind, certificate, e.Household(dibao, edge), e.Options(ext_edge, ext_mental), DAY)
        == ""
    ) == got


def test_section_9_no_certificate_no_subsidy_even_in_dibao():
    assert not e.eligible("living", None, e.Household(True, False), e.Options(), DAY)
    assert (
        e.refusal_reason("living", None, e.Household(True, False), e.Options(), DAY)
        == "未查到该人员的残疾人证"
    )


def test_section_9_certificate_valid_through_its_last_day():
    c = e.Certificate("肢体", 1, date(2020, 1, 1), DAY)
    assert e.certificate_valid_on(c, DAY) and not e.certificate_valid_on(c, DAY + timedelta(days=1))


@given(st.dates(min_value=date(2016, 1, 1), max_value=date(2035, 12, 31)))
def test_section_9_paid_from_the_month_of_application(applied_on):
    assert e.first_paid_month(applied_on) == applied_on.replace(day=1)


def test_section_9_publicity_at_least_seven_days():
    assert e.publicity_ends(date(2026, 3, 2), 7) == date(2026, 3, 8)
