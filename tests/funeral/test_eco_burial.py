"""节地生态安葬 (民发〔2016〕21号): tree/sea/deep burial, scattering and niches recorded per deceased, the 奖补 read from
the dated per-division rule in force on the burial day, paid through a monthly list with the waiver settlement's
maker-checker, and the two plan indicators (节地生态安葬率, 县级公益性安葬（放）设施覆盖率)."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from minzheng.core.errors import PermissionDenied
from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.core.models import AuditEvent
from minzheng.funeral.errors import FuneralConflict, InvalidFuneralInput
from minzheng.funeral.models import EcoBurial, Plot
from minzheng.funeral.rules.eco import eco_award, percentage
from minzheng.funeral.services import cemeteries, eco
from minzheng.funeral.services.deaths import record_certificate
from tests.core.factories import HouseholdFactory, make_user

from .factories import certificate

pytestmark = pytest.mark.django_db
TODAY = date(2026, 9, 10)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    amount=st.one_of(st.none(), st.decimals(min_value=-10, max_value=100000, places=2, allow_nan=False)),
    family=st.booleans(),
)
def test_the_award_is_the_rules_amount_for_a_named_family_only_minfa_2016_21(amount, family):
    """民发〔2016〕21号: 奖补 set locally per deceased; nobody to receive it, or no rule, means nothing is paid."""
    expected = amount if (amount is not None and amount > 0 and family) else Decimal(0)
    assert eco_award(amount, family_named=family) == expected


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(part=st.integers(0, 10_000), extra=st.integers(0, 10_000))
def test_the_rate_is_part_over_whole_and_undefined_without_a_denominator(part, extra):
    whole = part + extra
    value = percentage(part, whole)
    if whole == 0:
        assert value is None
    else:
        assert abs(value - Decimal(part) * 100 / Decimal(whole)) <= Decimal("0.005")


@pytest.fixture
def bureau(divisions):
    return make_user("approver", "210602000000", username="yb_mzj")


@pytest.fixture
def rules(bureau):
    city = make_user("approver", "210600000000", username="ds_mzj")
    eco.set_award_rule(city, division_code="210600000000", method="sea", amount="1000", effective_from=date(2026, 1, 1), source_note="演示数据")  # fmt: skip
    eco.set_award_rule(bureau, division_code="210602000000", method="sea", amount="1500", effective_from=date(2026, 8, 1), source_note="演示数据")  # fmt: skip
    eco.set_award_rule(city, division_code="210600000000", method="tree", amount="800", effective_from=date(2026, 1, 1), source_note="演示数据")  # fmt: skip


def _death(desk, died=date(2026, 7, 20)):
    person = HouseholdFactory(size=1).head
    return record_certificate(
        desk, certificate(person, death_date=died, issued_on=died, certificate_form="paper"), today=TODAY
    )


def test_the_award_is_the_rule_in_force_for_the_deceaseds_division_on_the_burial_day(desk, rules):
    before = eco.record_eco_burial(desk, _death(desk), method="sea", buried_on=date(2026, 7, 30), family_name="王强", today=TODAY)  # fmt: skip
    after = eco.record_eco_burial(desk, _death(desk), method="sea", buried_on=date(2026, 8, 2), family_name="李梅", today=TODAY)  # fmt: skip
    tree = eco.record_eco_burial(desk, _death(desk), method="tree", buried_on=date(2026, 8, 2), family_name="张华", today=TODAY)  # fmt: skip
    unclaimed = eco.record_eco_burial(desk, _death(desk), method="scatter", buried_on=date(2026, 8, 2), today=TODAY)  # fmt: skip
    # July: only the city's 1,000; from 1 August the county's own 1,500; tree burials keep the city's 800
    assert (before.award, after.award, tree.award, unclaimed.award) == (
        Decimal("1000.00"), Decimal("1500.00"), Decimal("800.00"), Decimal("0.00")
    )  # fmt: skip
    assert AuditEvent.objects.filter(object_type="funeral.ecoburial").count() == 4


def test_one_eco_burial_per_deceased_and_never_before_the_death(desk, rules):
    death = _death(desk)
    with pytest.raises(InvalidFuneralInput) as early:
        eco.record_eco_burial(desk, death, method="sea", buried_on=date(2026, 7, 1), today=TODAY)
    assert early.value.field == "buried_on"
    eco.record_eco_burial(desk, death, method="sea", buried_on=date(2026, 7, 25), today=TODAY)
    with pytest.raises(FuneralConflict):
        eco.record_eco_burial(desk, death, method="tree", buried_on=date(2026, 7, 26), today=TODAY)


def test_another_countys_deceased_is_answered_like_a_missing_record(desk, other_desk, rules):
    death = _death(desk)
    with pytest.raises(Http404):
        eco.record_eco_burial(other_desk, death, method="sea", buried_on=date(2026, 7, 25), today=TODAY)


def test_the_award_list_is_prepared_by_one_and_approved_by_another_each_award_once(desk, bureau, rules):
    for family in ("王强", "李梅"):
        eco.record_eco_burial(desk, _death(desk), method="sea", buried_on=date(2026, 8, 2), family_name=family, today=date(2026, 8, 5))  # fmt: skip
    eco.record_eco_burial(desk, _death(desk), method="scatter", buried_on=date(2026, 8, 2), today=date(2026, 8, 5))  # fmt: skip
    awards = eco.prepare_award_list(desk, division_code="210602000000", month=date(2026, 8, 1), today=TODAY)
    assert (awards.awards_count, awards.total) == (2, Decimal("3000.00"))
    again = eco.prepare_award_list(desk, division_code="210602000000", month=date(2026, 8, 1), today=TODAY)
    assert (again.pk, again.awards_count) == (awards.pk, 2)
    eco.submit(desk, awards)
    with pytest.raises(PermissionDenied):
        eco.approve(desk, awards)
    approver = make_user("approver", "210602000000", username="yb_sp2")
    eco.send_back(approver, awards, reason="家属姓名待核实")
    awards.refresh_from_db()
    assert awards.status == "draft" and awards.return_note == "家属姓名待核实"
    eco.submit(desk, awards)
    approved = eco.approve(approver, awards)
    assert approved.status == "approved" and approved.approved_by == approver
    with pytest.raises(FuneralConflict):
        eco.prepare_award_list(desk, division_code="210602000000", month=date(2026, 8, 1), today=TODAY)
    sheet = (
        CalamineWorkbook.from_filelike(io.BytesIO(eco.export(desk, approved)))
        .get_sheet_by_index(0)
        .to_python()
    )
    assert ["合计", "", "", "", 3000.0] in [row[:5] for row in sheet]
    assert EcoBurial.objects.filter(award_list=approved).count() == 2


def test_the_eco_burial_rate_counts_eco_against_all_burials_in_one_call_for_many_periods(desk, bureau, rules):
    cemetery = cemeteries.register_cemetery(
        bureau, name="元宝区凤凰山公益性公墓", kind="public", division_code="210602000000", approving_level="province",
        approval_document="辽民函〔2019〕12号", approved_on=date(2019, 5, 1),
    )  # fmt: skip
    cemeteries.load_plot_limits()
    cemeteries.add_section(bureau, cemetery, name="A", rows=2, columns=4, plot_kind="single_ashes", area_m2="0.8", on=date(2026, 1, 1))  # fmt: skip
    cemeteries.bury(desk, Plot.objects.get(number="A-01-01"), _death(desk), on=date(2026, 7, 25))
    eco.record_eco_burial(desk, _death(desk), method="sea", buried_on=date(2026, 7, 26), today=TODAY)
    eco.record_eco_burial(desk, _death(desk), method="tree", buried_on=date(2026, 7, 27), cemetery=cemetery, today=TODAY)  # fmt: skip
    source = collect_indicator_sources()["funeral.eco_burial_rate"]
    july = source.compute("210602000000", date(2026, 7, 1), date(2026, 7, 31))
    assert (july.value, july.numerator, july.denominator) == (Decimal("66.67"), 2, 3)
    periods = [(date(2026, 6, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 7, 31))]
    series = source.compute_series("210600000000", periods)
    assert [v.value for v in series] == [None, Decimal("66.67")]
    side_by_side = source.compute_divisions(
        ["210602000000", "210603000000"], date(2026, 7, 1), date(2026, 7, 31)
    )
    assert [v.value for v in side_by_side] == [Decimal("66.67"), None]


def test_county_coverage_counts_counties_with_an_approved_public_cemetery(desk, bureau):
    cemeteries.register_cemetery(
        bureau, name="元宝区凤凰山公益性公墓", kind="public", division_code="210602000000", approving_level="province",
        approval_document="辽民函〔2019〕12号", approved_on=date(2019, 5, 1),
    )  # fmt: skip
    source = collect_indicator_sources()["funeral.county_public_burial_coverage"]
    city = source.compute("210600000000", date(2026, 1, 1), date(2026, 12, 31))
    assert (city.value, city.numerator, city.denominator) == (Decimal("50.00"), 1, 2)
    early = source.compute_series("210600000000", [(date(2018, 1, 1), date(2018, 12, 31)), (date(2026, 1, 1), date(2026, 12, 31))])  # fmt: skip
    assert [v.value for v in early] == [Decimal("0.00"), Decimal("50.00")]
