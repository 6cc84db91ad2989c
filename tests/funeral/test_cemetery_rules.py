"""公墓 rules from the text: approval level (殡葬管理条例 Arts 8–9), plot area (民事发〔1998〕10号), the 20-year
cycle, 寿穴 only for a surviving spouse, village cemeteries for villagers only."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from minzheng.funeral.rules import cemeteries as r

KINDS = [r.SINGLE_ASHES, r.DOUBLE_ASHES, r.SINGLE_BODY, r.DOUBLE_BODY, r.ECO]


def test_cemeteries_are_approved_by_the_province_and_village_cemeteries_by_the_county_art_8_9():
    assert [r.approving_level(k) for k in (r.COMMERCIAL, r.PUBLIC, r.VILLAGE)] == [
        "province",
        "province",
        "county",
    ]


@given(
    st.integers(1, 1000).map(lambda n: n / 100),
    st.one_of(st.none(), st.sampled_from([0.5, 0.8, 1.0, 4.0, 6.0])),
)
def test_a_plot_may_not_exceed_the_area_limit_min_shi_fa_1998_10(area, limit):
    assert (r.area_problem(area, limit) == "") == (limit is None or area <= limit)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.integers(1, 50))
def test_the_use_cycle_ends_on_the_anniversary(start, years):
    end = r.cycle_end(start, years)
    assert end.year == start.year + years and end.month == start.month
    assert end.day == start.day or (start.month, start.day, end.day) == (2, 29, 28)


@given(st.sampled_from(KINDS), st.integers(0, 2))
def test_a_plot_is_kept_for_a_living_person_only_beside_a_buried_spouse(kind, buried):
    assert r.may_reserve_for_living(kind, buried) == (kind in {"double_ashes", "double_body"} and buried == 1)


def test_a_village_cemetery_takes_villagers_by_hukou_or_residence():
    village = "210602002001"
    assert r.villager_may_be_buried(village, village, "")
    assert r.villager_may_be_buried(village, "210602002002", village)
    assert not r.villager_may_be_buried(village, "210602002002", "210602002003")
