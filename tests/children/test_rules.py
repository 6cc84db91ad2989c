"""Oracles written from the texts: 民发〔2019〕62号 (事实无人抚养), 国办发〔2010〕54号 (孤儿), 国发〔2016〕13号
(留守), 未成年人保护法 Arts 2, 22–23, and the categories that exclude each other."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.children.rules import allowances, care, categories, guardianship
from minzheng.children.rules.categories import AgeLimits, Flag
from minzheng.children.rules.guardianship import ParentSituation as P

LIMITS = AgeLimits(minor=18, left_behind=16)
ON = date(2026, 6, 1)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
conditions = st.sampled_from(list(guardianship.LABELS))


def parent():
    return st.builds(
        P,
        condition=conditions,
        since=st.one_of(st.none(), days),
        until=st.one_of(st.none(), days),
        disability_grade=st.one_of(st.none(), st.integers(1, 4)),
        disability_kind=st.sampled_from(["", "智力", "精神", "肢体"]),
    )


def _six_months_after(d: date) -> date:
    # obviously-correct: add 6 to the month, clamp the day
    y, m = d.year + (d.month + 5) // 12, (d.month + 5) % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            pass


def _qualifies(p: P, on: date) -> bool:
    """62号 一, read literally."""
    if p.since is not None and p.since > on:
        return False
    if p.until is not None and on > p.until:
        return False
    if p.condition == "severe_disability":
        return p.disability_grade in (1, 2) or (
            p.disability_grade in (3, 4) and p.disability_kind in ("智力", "精神")
        )
    if p.condition == "severe_illness":
        return True
    if p.condition == "lost_contact":
        return p.since is not None and _six_months_after(p.since) <= on
    if p.condition in ("imprisoned", "drug_rehab", "restricted"):
        return p.since is not None and p.until is not None and _six_months_after(p.since) <= p.until
    return False


def _gone(p: P, on: date) -> bool:
    return p.condition in ("dead", "missing") and (p.since is None or p.since <= on)


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(parent(), parent(), days)
def test_de_facto_unattended_follows_mingfa_2019_62_section_1(father, mother, on):
    """事实无人抚养: both parents in a listed condition, or one dead/missing and the other in one (62号 一)."""
    expected = (_qualifies(father, on) and _qualifies(mother, on)) or (
        (_gone(father, on) and _qualifies(mother, on)) or (_gone(mother, on) and _qualifies(father, on))
    )
    assert guardianship.is_de_facto_unattended(father, mother, on, 6) == expected


def test_lost_contact_counts_only_after_six_months_mingfa_2019_62():
    since = date(2025, 12, 1)
    lost = P("lost_contact", since=since)
    dead = P("dead", since=date(2020, 1, 1))
    assert not guardianship.is_de_facto_unattended(dead, lost, date(2026, 5, 31), 6)
    assert guardianship.is_de_facto_unattended(dead, lost, date(2026, 6, 1), 6)


def test_imprisonment_under_six_months_does_not_qualify_mingfa_2019_62():
    dead = P("dead", since=date(2020, 1, 1))
    short = P("imprisoned", since=date(2026, 1, 1), until=date(2026, 6, 30))
    long = P("imprisoned", since=date(2026, 1, 1), until=date(2026, 7, 1))
    assert not guardianship.is_de_facto_unattended(dead, short, date(2026, 3, 1), 6)
    assert guardianship.is_de_facto_unattended(dead, long, date(2026, 3, 1), 6)


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(st.integers(1, 4), st.sampled_from(["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]))
def test_severe_disability_is_grade_1_2_or_3_4_intellectual_psychiatric_mingfa_2019_62(grade, kind):
    expected = grade <= 2 or kind in ("智力", "精神")
    assert guardianship.severely_disabled(grade, kind) == expected


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(parent(), parent(), days)
def test_orphan_lost_both_parents_guobanfa_2010_54(father, mother, on):
    """孤儿: 失去父母、查找不到生父母."""

    def lost(p):
        return p.condition in ("dead", "missing", "unknown") and (p.since is None or p.since <= on)

    assert guardianship.is_orphan(father, mother, on) == (lost(father) and lost(mother))


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(parent(), parent(), days)
def test_left_behind_parents_guofa_2016_13(father, mother, on):
    """留守: 父母双方外出务工或一方外出务工另一方无监护能力."""

    def live(p):
        return (p.since is None or p.since <= on) and (p.until is None or on <= p.until)

    away = [p.condition == "working_away" and live(p) for p in (father, mother)]
    unable = [
        p.condition in ("incapable", "severe_disability", "severe_illness") and live(p)
        for p in (father, mother)
    ]
    expected = (away[0] and away[1]) or (away[0] and unable[1]) or (away[1] and unable[0])
    assert guardianship.is_left_behind(father, mother, on) == expected


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(
    st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 12, 31)),
    st.sampled_from(list(categories.LABELS)),
)
def test_a_category_needs_a_minor_and_left_behind_under_16_minors_law_art_2_guofa_2016_13(birth, category):
    limit = 16 if category == categories.LEFT_BEHIND else 18
    old_enough = (
        birth.replace(year=birth.year + limit)
        if not (birth.month == 2 and birth.day == 29)
        else date(birth.year + limit, 3, 1)
    )
    errors = categories.flag_errors(Flag(category, ON, None), birth, [], LIMITS)
    assert bool(errors) == (old_enough <= ON)
    if errors:
        assert "周岁" in errors[0]


def test_open_flag_ends_the_day_before_the_birthday():
    assert categories.last_valid_day(categories.LEFT_BEHIND, date(2012, 3, 10), LIMITS) == date(2028, 3, 9)
    assert categories.last_valid_day(categories.DE_FACTO, date(2012, 2, 29), LIMITS) == date(2030, 2, 28)


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(
    st.sampled_from(list(categories.LABELS)), st.sampled_from(list(categories.LABELS)), days, days, days, days
)
def test_excluded_or_repeated_categories_cannot_overlap(a, b, a_from, a_to, b_from, b_to):
    a_from, a_to = min(a_from, a_to), max(a_from, a_to)
    b_from, b_to = min(b_from, b_to), max(b_from, b_to)
    birth = date(2020, 1, 1)  # young enough for every date before 2036
    errors = categories.flag_errors(Flag(b, b_from, b_to), birth, [Flag(a, a_from, a_to)], LIMITS)
    share_a_day = a_from <= b_to and b_from <= a_to
    exclusive = {a, b} in [
        {"orphan_institutional", "orphan_scattered"},
        {"orphan_institutional", "de_facto_unattended"},
        {"orphan_scattered", "de_facto_unattended"},
        {"orphan_institutional", "left_behind"},
        {"orphan_scattered", "left_behind"},
        {"de_facto_unattended", "left_behind"},
    ]
    age_errors = [e for e in errors if "周岁" in e]
    overlap_errors = [e for e in errors if "重叠" in e or "不能同时成立" in e]
    assert not age_errors or b_from >= date(2036, 1, 1) or b_to > categories.last_valid_day(b, birth, LIMITS)
    assert bool(overlap_errors) == (share_a_day and (a == b or exclusive))


def test_disqualified_carer_is_warned_minors_law_art_22():
    warnings = care.carer_warnings(
        disqualifications=["vice"], carer_age=60, adult_age=18, agreement_signed_on=date(2026, 1, 1),
        school_notified_on=date(2026, 1, 2), committee_notified_on=date(2026, 1, 2),
    )  # fmt: skip
    assert len(warnings) == 1 and "吸毒、酗酒、赌博" in warnings[0] and "第二十二条" in warnings[0]


def test_unwritten_entrustment_is_warned_minors_law_art_23():
    warnings = care.carer_warnings(
        disqualifications=[], carer_age=15, adult_age=18, agreement_signed_on=None,
        school_notified_on=None, committee_notified_on=date(2026, 1, 2),
    )  # fmt: skip
    assert any("未成年" in w for w in warnings)
    assert any("书面委托照护协议" in w for w in warnings)
    assert any("第二十三条" in w for w in warnings)


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(days, st.lists(st.integers(0, 120), max_size=20), st.integers(0, 150))
def test_missed_weeks_counts_whole_weeks_without_contact_minors_law_art_23(start, offsets, length):
    contacts = [start + timedelta(days=o) for o in offsets]
    until = start + timedelta(days=length)
    expected = sum(
        1
        for week in range((length + 1) // 7)
        if not any(
            start + timedelta(days=7 * week) <= c <= start + timedelta(days=7 * week + 6) for c in contacts
        )
    )
    assert care.missed_weeks(start, contacts, until, 7) == expected
    assert care.contact_due(start, contacts, 7) == max([start, *contacts]) + timedelta(days=7)


money = st.decimals(min_value=0, max_value=5000, places=2)


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(
    st.sampled_from([allowances.ORPHAN_INSTITUTIONAL, allowances.ORPHAN_SCATTERED, allowances.DE_FACTO]),
    money,
    money,
)
def test_top_up_for_de_facto_children_only_mingfa_2019_62_section_3(kind, standard, other):
    """已获得低保金、特困供养金或困难残疾人生活补贴且未达到标准的进行补差发放，其他全额发放."""
    amount = allowances.monthly_allowance(kind, standard, other)
    if kind == allowances.DE_FACTO and other > 0:
        assert amount == max(standard - other, Decimal(0))
    else:
        assert amount == standard


@settings(deadline=None)  # 2 shared cores: timing is not what these tests check
@given(days)
def test_paid_from_the_month_after_confirmation_mingfa_2019_62(confirmed_on):
    first = allowances.first_paid_month(confirmed_on)
    assert first.day == 1 and first > confirmed_on and (first - timedelta(days=1)).month == confirmed_on.month
