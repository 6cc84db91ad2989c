"""收养 conditions (民法典 1093–1105) and clocks (中国公民收养子女登记办法 Art 8) against small oracles written from
the article texts, one article at a time."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.children.rules import adoption as r

ON = date(2026, 6, 1)
births = st.dates(date(1950, 1, 1), date(2026, 5, 1))
child_births = st.dates(date(2008, 6, 2), date(2026, 5, 1))  # minors on ON
sexes = st.sampled_from(["1", "2"])
case_types = st.sampled_from(sorted(r.CASE_TYPES))


def full_years(birth: date, day: date) -> int:
    """周岁 counted by hand: birthdays passed."""
    years = 0
    while True:
        try:
            anniversary = birth.replace(year=birth.year + years + 1)
        except ValueError:  # 29 February
            anniversary = date(birth.year + years + 1, 3, 1)
        if anniversary > day:
            return years
        years += 1


def app(adopter, child_birth, child_sex="1", case_type=r.HARDSHIP, spouse=None, consents=True):
    adopters = (adopter,) if spouse is None else (adopter, spouse)
    return r.Application(case_type, adopters, r.Adoptee(child_birth, child_sex), ON, consents)


def has(errors, article: str) -> bool:
    return any(article in e for e in errors)


@settings(max_examples=200)
@given(births, births)
def test_age_on_matches_counting_birthdays(birth, day):
    if birth <= day:
        assert r.age_on(birth, day) == full_years(birth, day)


@settings(max_examples=200)
@given(births, child_births, case_types)
def test_1098_5_adopter_at_least_30_except_stepchild_1103(adopter_birth, child_birth, case_type):
    """1098(五) 年满三十周岁; 1103: a step-parent is not bound by 1098."""
    adopter = r.Adopter(adopter_birth, "1", has_spouse=True, children=0)
    spouse = r.Adopter(date(1980, 1, 1), "2", has_spouse=True, children=0)
    errors = r.adoption_errors(app(adopter, child_birth, case_type=case_type, spouse=spouse))
    expected = case_type != r.STEPCHILD and full_years(adopter_birth, ON) < 30
    assert has(errors, "第一千零九十八条第五项") == expected


@settings(max_examples=200)
@given(st.integers(0, 4), case_types, st.booleans())
def test_1098_1_and_1100_child_count(children, case_type, disabled):
    """1098(一) 无子女或者只有一名子女 / 1100: not for orphans, disabled minors, institution foundlings, stepchildren."""
    adopter = r.Adopter(date(1980, 1, 1), "1", has_spouse=True, children=children)
    spouse = r.Adopter(date(1981, 1, 1), "2", has_spouse=True, children=children)
    application = r.Application(
        case_type, (adopter, spouse), r.Adoptee(date(2020, 1, 1), "1", disabled=disabled), ON, None
    )
    exempt = disabled or case_type in (r.INSTITUTION, r.GUARDIAN_ORPHAN, r.STEPCHILD)
    assert has(r.adoption_errors(application), "第一千一百条") == (children > 1 and not exempt)


@settings(max_examples=300)
@given(births, child_births, sexes, sexes, case_types)
def test_1102_single_adopter_of_opposite_sex_40_years(
    adopter_birth, child_birth, adopter_sex, child_sex, case_type
):
    """1102 无配偶者收养异性子女 → 相差四十周岁以上; 1099: not for 三代以内同辈旁系血亲的子女."""
    adopter = r.Adopter(adopter_birth, adopter_sex, has_spouse=False, children=0)
    errors = r.adoption_errors(app(adopter, child_birth, child_sex, case_type))
    gap_short = full_years(adopter_birth, child_birth) < 40 if adopter_birth <= child_birth else True
    expected = adopter_sex != child_sex and case_type != r.KIN and gap_short
    assert has(errors, "第一千一百零二条") == expected


@settings(max_examples=200)
@given(child_births, st.sampled_from([True, False, None]))
def test_1104_consent_from_8(child_birth, consents):
    """1104 收养八周岁以上未成年人的，应当征得被收养人的同意."""
    adopter = r.Adopter(date(1975, 1, 1), "1", has_spouse=True, children=0)
    spouse = r.Adopter(date(1976, 1, 1), "2", has_spouse=True, children=0)
    errors = r.adoption_errors(app(adopter, child_birth, spouse=spouse, consents=consents))
    assert has(errors, "第一千一百零四条") == (full_years(child_birth, ON) >= 8 and consents is not True)


def test_1101_spouses_adopt_jointly_and_1093_minors_only():
    married_alone = r.Adopter(date(1980, 1, 1), "1", has_spouse=True, children=0)
    assert has(r.adoption_errors(app(married_alone, date(2020, 1, 1))), "第一千一百零一条")
    adult = app(r.Adopter(date(1960, 1, 1), "1", has_spouse=False, children=0), date(2007, 1, 1))
    assert has(r.adoption_errors(adult), "第一千零九十三条")


def test_1098_2_to_4_capability_health_record():
    bad = r.Adopter(
        date(1980, 1, 1), "1", has_spouse=False, children=0, capable=False, healthy=False, no_record=False
    )
    errors = r.adoption_errors(app(bad, date(2020, 1, 1)))
    assert all(has(errors, f"第一千零九十八条第{n}项") for n in ("二", "三", "四"))


@given(st.dates(date(2020, 1, 1), date(2030, 1, 1)), st.integers(0, 200))
def test_review_30_days_from_the_next_day_with_pauses_not_counted(received, paused):
    """登记办法 Art 8: 自次日起30日内; the 公告 (and 评估) periods are not counted."""
    assert r.review_due(received, paused_days=paused) == received + timedelta(days=30 + paused)


@given(st.dates(date(2020, 1, 1), date(2030, 1, 1)))
def test_notice_60_days_and_evaluation_30_or_60(start):
    """登记办法 Art 8 自公告之日起满60日; 评估 30 days, extendable to at most 60 (民发〔2015〕168号)."""
    assert (r.notice_ends(start) - start).days + 1 == 60
    assert r.evaluation_due(start, extended=False) == start + timedelta(days=30)
    assert r.evaluation_due(start, extended=True) == start + timedelta(days=60)


def test_evaluation_needs_two_evaluators_and_stepchildren_are_not_evaluated():
    assert r.evaluation_errors(["张评估"], 85, True)
    assert r.evaluation_errors(["张评估", "李评估"], 85, True) == []
    assert not r.needs_evaluation(r.STEPCHILD) and r.needs_evaluation(r.FOUND)
    assert r.needs_notice(r.FOUND) and r.needs_notice(r.INSTITUTION) and not r.needs_notice(r.KIN)
