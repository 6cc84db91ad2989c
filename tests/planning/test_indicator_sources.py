"""Computed indicator sources: the 社会救助 standards figures (from dated standards, through in_force only),
the division counts planning offers itself, and collection from every installed app."""

from datetime import date
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from minzheng.assistance.models import Area, StandardPeriod
from minzheng.core.indicator_sources import collect_indicator_sources
from tests.assistance.factories import add_standard

DANDONG, YUANBAO, ZHENXING = "210600000000", "210602000000", "210603000000"


def compute(code: str, division: str, year: int, end: date | None = None):
    return collect_indicator_sources()[code].compute(division, date(year, 1, 1), end or date(year, 12, 31))


@pytest.fixture
def dandong_standards(divisions):
    """丹东's published figures (2016, 2020), a 2021 raise, and 振兴区 with its own higher urban standard."""
    add_standard(DANDONG, date(2016, 1, 1), "500")
    add_standard(DANDONG, date(2016, 1, 1), "3372", area=Area.RURAL, period=StandardPeriod.PER_YEAR)
    add_standard(DANDONG, date(2020, 1, 1), "663")
    add_standard(DANDONG, date(2020, 1, 1), "5052", area=Area.RURAL, period=StandardPeriod.PER_YEAR)
    add_standard(DANDONG, date(2021, 7, 1), "700")
    add_standard(DANDONG, date(2021, 7, 1), "5460", area=Area.RURAL, period=StandardPeriod.PER_YEAR)
    add_standard(ZHENXING, date(2021, 7, 1), "720")


def test_every_installed_app_offers_its_sources():
    codes = set(collect_indicator_sources())
    assert {
        "assistance.dibao_standard_growth",
        "assistance.dibao_urban_rural_ratio",
        "assistance.dibao_rural_share_of_urban",
        "planning.townships_town",
        "planning.townships_subdistrict",
    } <= codes


@pytest.mark.django_db
def test_urban_rural_ratio_of_a_county_is_its_standards_in_force(dandong_standards):
    found = compute("assistance.dibao_urban_rural_ratio", YUANBAO, 2020)
    assert found.value == Decimal(663 * 12) / Decimal(5052)
    assert (found.numerator, found.denominator) == (Decimal(663 * 12), Decimal(5052))
    # Issue 17: a 低保 figure drills to the cases behind it — the 城乡低保 enrolments of the county paid in the
    # month of the figure — not to the standards page.
    url = urlsplit(found.drilldown_url)
    assert url.path == reverse("assistance:enrolment_list")
    assert parse_qs(url.query) == {
        "program": ["dibao_urban,dibao_rural"],
        "division": [YUANBAO],
        "month": ["2020-12"],
    }


@pytest.mark.django_db
def test_city_average_is_the_unweighted_mean_of_its_counties(dandong_standards):
    urban = compute("assistance.dibao_urban_standard_average", DANDONG, 2021)
    assert urban.value == (Decimal(700) + Decimal(720)) / 2  # 元宝区 inherits 700, 振兴区 has 720
    assert "2个县级区划" in urban.note
    ratio = compute("assistance.dibao_urban_rural_ratio", DANDONG, 2021)
    assert ratio.value == Decimal(710 * 12) / Decimal(5460)


@pytest.mark.django_db
def test_growth_compares_the_average_with_a_year_earlier_and_takes_the_lower_area(dandong_standards):
    urban = compute("assistance.dibao_urban_standard_growth", YUANBAO, 2021)
    rural = compute("assistance.dibao_rural_standard_growth", YUANBAO, 2021)
    both = compute("assistance.dibao_standard_growth", YUANBAO, 2021)
    assert urban.value == (Decimal(700) - 663) / 663 * 100
    assert rural.value == (Decimal(5460) - 5052) / 5052 * 100
    assert both.value == min(urban.value, rural.value)
    assert "取较低者" in both.note


@pytest.mark.django_db
def test_no_standard_in_force_gives_no_value_not_zero(divisions):
    found = compute("assistance.dibao_urban_rural_ratio", YUANBAO, 2020)
    assert found.value is None
    assert compute("assistance.dibao_standard_growth", YUANBAO, 2020).value is None


@pytest.mark.django_db
def test_township_counts_come_from_the_division_registry(divisions):
    assert compute("planning.townships_subdistrict", DANDONG, 2024).value == 3
    assert compute("planning.townships_subdistrict", YUANBAO, 2024).value == 2
    assert compute("planning.townships_town", DANDONG, 2024).value == 0
