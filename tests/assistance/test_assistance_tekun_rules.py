"""特困人员认定 rules (《特困人员认定办法》, 民发〔2021〕43号), property-tested against small oracles written
from the article text: 无劳动能力 (第五条), 法定义务人无履行义务能力 (第四条（三）、第八条), the minor kept on
while in school, and the county's 30 % spot check (sample size and a reproducible draw)."""

from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules.tekun import (
    DisabilityGradeLimits,
    Obligor,
    ObligorInability,
    TekunAgeLimits,
    draw_spot_check_sample,
    spot_check_sample_size,
    tekun_has_no_able_obligor,
    tekun_minor_continues,
    tekun_unable_to_work,
)

NATIONAL_AGES = TekunAgeLimits(elderly_age=60, minor_entry_age=16)
LIAONING_AGES = TekunAgeLimits(elderly_age=60, minor_entry_age=18)
ART5_DISABILITY = DisabilityGradeLimits(intellectual_mental=3, physical=2, visual=1)
CATEGORIES = ["", "视力", "听力", "言语", "肢体", "智力", "精神", "多重"]


def _oracle_unable_to_work(age, category, grade, minor_entry_age):
    """第五条: 60周岁以上; 未满16周岁 (辽宁 18); 一至三级智力、精神, 一、二级肢体, 一级视力残疾."""
    if age >= 60 or age < minor_entry_age:
        return True
    if grade is None:
        return False
    return (
        (category in ("智力", "精神") and grade <= 3)
        or (category == "肢体" and grade <= 2)
        or (category == "视力" and grade == 1)
    )


@given(
    age=st.integers(0, 110),
    category=st.sampled_from(CATEGORIES),
    grade=st.one_of(st.none(), st.integers(1, 4)),
    liaoning=st.booleans(),
)
def test_tekun_unable_to_work_matches_the_listed_cases_art5(age, category, grade, liaoning):
    ages = LIAONING_AGES if liaoning else NATIONAL_AGES
    expected = _oracle_unable_to_work(age, category, grade, ages.minor_entry_age)
    assert tekun_unable_to_work(age, category, grade, ages=ages, disability=ART5_DISABILITY) is expected


def test_tekun_a_17_year_old_is_unable_to_work_only_where_the_entry_age_is_18_art5():
    assert not tekun_unable_to_work(17, "", None, ages=NATIONAL_AGES, disability=ART5_DISABILITY)
    assert tekun_unable_to_work(17, "", None, ages=LIAONING_AGES, disability=ART5_DISABILITY)


def test_tekun_working_age_person_with_grade_3_physical_disability_is_not_unable_to_work_art5():
    assert not tekun_unable_to_work(40, "肢体", 3, ages=NATIONAL_AGES, disability=ART5_DISABILITY)
    assert tekun_unable_to_work(40, "精神", 3, ages=NATIONAL_AGES, disability=ART5_DISABILITY)


@given(age=st.integers(0, 30), in_school=st.booleans(), liaoning=st.booleans())
def test_tekun_minor_continues_past_the_age_limit_only_while_in_school_art5(age, in_school, liaoning):
    ages = LIAONING_AGES if liaoning else NATIONAL_AGES
    assert tekun_minor_continues(age, in_school=in_school, ages=ages) is (
        age < ages.minor_entry_age or in_school
    )


def test_tekun_no_obligor_at_all_meets_the_obligor_test_art4():
    assert tekun_has_no_able_obligor([]) is True


def test_tekun_obligor_without_a_listed_inability_fails_the_obligor_test_art8():
    obligors = [
        Obligor("王大", "子女", ObligorInability.SERVING_SENTENCE_OR_MISSING),
        Obligor("王二", "子女", None),
    ]
    assert tekun_has_no_able_obligor(obligors) is False
    assert tekun_has_no_able_obligor(obligors[:1]) is True


@given(population=st.integers(0, 500), percent=st.integers(1, 100))
def test_tekun_spot_check_sample_is_at_least_the_share_art17(population, percent):
    from decimal import Decimal

    size = spot_check_sample_size(population, Decimal(percent) / 100)
    # "不得低于30%": the smallest whole number of files that is at least the share.
    assert size * 100 >= population * percent
    assert size == 0 or (size - 1) * 100 < population * percent
    assert size <= population


def test_tekun_spot_check_draw_is_reproducible_from_its_seed_and_has_the_size_art17():
    ids = list(range(1, 21))
    first = draw_spot_check_sample(ids, 6, seed="210602-2026-03")
    assert first == draw_spot_check_sample(list(reversed(ids)), 6, seed="210602-2026-03")
    assert len(set(first)) == 6 and set(first) <= set(ids)
