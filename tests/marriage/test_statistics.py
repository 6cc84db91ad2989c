"""婚姻登记统计: monthly/annual counts, age bands, the 跨县 share, the page and its .xlsx, and the figures offered to
plan monitoring (婚姻家庭辅导室覆盖率, 档案电子化率)."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.marriage.models import PriorStatus
from minzheng.marriage.rules.age import full_years
from minzheng.marriage.rules.statistics import AGE_BANDS, age_band, is_cross_county, percentage
from minzheng.marriage.selectors.statistics import year_statistics
from minzheng.marriage.services.archives import add_document
from minzheng.marriage.services.counselling import add_room
from minzheng.marriage.services.divorces import (
    Agreement,
    close_lapsed_applications,
    receive_divorce,
    register_divorce,
    withdraw_divorce,
)
from minzheng.marriage.services.reissues import reissue_certificate
from tests.core.factories import PASSWORD

from .factories import make_registry, marry, party, resident_id

pytestmark = pytest.mark.django_db
AGREEMENT = Agreement(children="无子女", property="各自名下财产归各自所有", debts="无")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# ---- rules (oracles written from the band table and the 跨县 definition) ----


@given(st.integers(min_value=0, max_value=120))
def test_every_age_falls_in_exactly_one_band(age):
    oracle = [label for low, high, label in AGE_BANDS if low <= age and (high is None or age <= high)]
    assert oracle == [age_band(age)]


def test_age_bands_at_their_edges():
    assert [age_band(a) for a in (20, 24, 25, 29, 30, 49, 50, 59, 60)] == [
        "24岁及以下", "24岁及以下", "25—29岁", "25—29岁", "30—34岁", "40—49岁", "50—59岁", "50—59岁", "60岁及以上",
    ]  # fmt: skip


@given(st.lists(st.sampled_from(["210602", "210603", "210103", "110101", ""]), min_size=2, max_size=2))
def test_cross_county_means_no_party_has_hukou_in_the_registrys_county(codes):
    oracle = "210602" not in codes
    assert is_cross_county("210602000000", [c + "001001" if c else "" for c in codes]) is oracle


def test_percentage_is_undefined_without_a_denominator():
    assert percentage(0, 0) is None
    assert str(percentage(1, 3)) == "33.33"


# ---- the year's figures ----


@pytest.fixture
def year_of_business(registry, registrar):
    """2026: 3 marriages (one 再婚, one 跨县 couple from 沈阳), 3 divorce applications of which one registered,
    one withdrawn and one 视为撤回, one 补领."""
    marry(registrar, registry, on=date(2026, 1, 10))
    marry(registrar, registry, on=date(2026, 1, 20),
          male=party(date(1970, 1, 1), True, prior=PriorStatus.DIVORCED), female=party(date(1975, 1, 1), False))  # fmt: skip
    marry(registrar, registry, on=date(2026, 3, 5),
          male=party(date(1996, 1, 1), True, number=resident_id(date(1996, 1, 1), True, county="210103")),
          female=party(date(1997, 1, 1), False, number=resident_id(date(1997, 1, 1), False, county="210104")))  # fmt: skip
    old = [marry(registrar, registry, on=date(2020, 1, 1)) for _ in range(3)]
    registered = receive_divorce(
        registrar, old[0], registry=registry, agreement=AGREEMENT, on=date(2026, 6, 1)
    )
    register_divorce(registrar, registered, both_present=True, on=date(2026, 7, 2))
    withdrawn = receive_divorce(
        registrar, old[1], registry=registry, agreement=AGREEMENT, on=date(2026, 6, 1)
    )
    withdraw_divorce(registrar, withdrawn, party_sex="1", on=date(2026, 6, 10))
    receive_divorce(registrar, old[2], registry=registry, agreement=AGREEMENT, on=date(2026, 4, 1))
    close_lapsed_applications(today=date(2026, 7, 1))
    reissue_certificate(
        registrar, old[2], kind="BJ", applicant_sex="2", registry=registry, on=date(2026, 8, 3)
    )


def test_the_year_month_by_month(year_of_business, registrar):
    data = year_statistics(registrar, 2026)
    jan, mar = data.months[0], data.months[2]
    assert (jan.marriages, jan.first_marriage_persons, jan.remarriage_persons) == (2, 3, 1)
    assert (mar.marriages, mar.cross_county) == (1, 1)
    total = data.total
    assert (total.marriages, total.cross_county, str(total.cross_county_share)) == (3, 1, "33.33")
    assert (total.divorce_applications, total.divorces, total.withdrawn, total.deemed_withdrawn) == (
        3,
        1,
        1,
        1,
    )
    assert data.months[6].divorces == 1 and data.months[5].withdrawn == 1
    assert total.reissued == 1 and data.months[7].reissued == 1
    assert sum(m + f for _, m, f in data.age_bands) == 6
    bands = {label: (m, f) for label, m, f in data.age_bands}
    assert bands["50—59岁"] == (1, 1)  # born 1970-01-01 and 1975-01-01, registered 2026-01-20
    assert full_years(date(1970, 1, 1), date(2026, 1, 20)) == 56


def test_another_county_sees_none_of_it(year_of_business, outsider):
    assert year_statistics(outsider, 2026).total.marriages == 0


def test_the_statistics_page_and_its_workbook(client, year_of_business, registrar, registry):
    assert client.login(username=registrar.username, password=PASSWORD)
    page = client.get("/marriage/statistics/?year=2026")
    text = page.content.decode()
    assert (
        page.status_code == 200 and "2026年婚姻登记统计" in text and "33.33%" in text and "视为撤回" in text
    )
    assert client.get("/marriage/statistics/?year=99999").status_code == 400
    assert client.get(f"/marriage/statistics/?year=2026&registry={registry.pk}").status_code == 200
    response = client.get("/marriage/statistics/?year=2026&export=xlsx")
    assert response.status_code == 200
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    header = next(r for r in sheet if r and r[0] == "月份")
    total = next(r for r in sheet if r and r[0] == "2026年合计")
    assert total[header.index("结婚登记（对）")] == 3 and total[header.index("视为撤回（件）")] == 1


# ---- indicator sources ----


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_counselling_room_coverage_counts_county_level_registries_with_a_room(registry, registry_admin):
    source = collect_indicator_sources()["marriage.counselling_room_coverage"]
    make_registry(registry_admin, name="元宝区第二婚姻登记处")
    make_registry(registry_admin, name="七道街道婚姻登记点", division_code="210602002000", level="township")
    add_room(registry_admin, registry, name="婚姻家庭辅导室", opened_on=date(2026, 3, 1))
    value = source.compute("210602000000", date(2026, 1, 1), date(2026, 12, 31))
    assert (value.numerator, value.denominator, str(value.value)) == (
        1,
        2,
        "50.00",
    )  # the township one is not counted
    before = source.compute_series("210602000000", [(date(2026, 1, 1), date(2026, 2, 28))])[0]
    assert before.numerator == 0
    other = source.compute_divisions(["210603000000"], date(2026, 1, 1), date(2026, 12, 31))[0]
    assert other.value is None  # no registry there: undefined, not 0


def test_archive_digitisation_rate(media, registry, registrar):
    source = collect_indicator_sources()["marriage.archive_digitisation_rate"]
    first = marry(registrar, registry, on=date(2026, 1, 10))
    marry(registrar, registry, on=date(2026, 1, 11))
    add_document(registrar, first, upload=SimpleUploadedFile("声明书.pdf", PDF), kind="declaration")
    value = source.compute("210602000000", date(2026, 1, 1), date(2026, 12, 31))
    assert (value.numerator, value.denominator, str(value.value)) == (1, 2, "50.00")


def test_marriage_counts_for_the_statistics_forms(registry, registrar):
    sources = collect_indicator_sources()
    marry(registrar, registry, on=date(2026, 1, 10))
    value = sources["marriage.marriages_registered"].compute(
        "210602000000", date(2026, 1, 1), date(2026, 1, 31)
    )
    assert value.value == 1
    share = sources["marriage.cross_county_share"].compute(
        "210602000000", date(2026, 1, 1), date(2026, 1, 31)
    )
    assert share.value == 0
