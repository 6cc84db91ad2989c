"""Providers and residents: 统一社会信用代码 checked, occupancy counted from admissions, never typed."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.core.models import AuditEvent
from minzheng.eldercare.errors import EldercareConflict, InvalidEldercareInput
from minzheng.eldercare.selectors.occupancy import occupancy_of
from minzheng.eldercare.selectors.providers import institution_detail
from minzheng.eldercare.services import residents
from minzheng.eldercare.services.providers import register_facility, update_institution

from .factories import institution_fields, make_elder, make_institution


def admit(actor, institution, person, day=date(2026, 3, 1), bed_kind="nursing"):
    return residents.admit(
        actor,
        institution=institution,
        person=person,
        admitted_on=day,
        bed_kind=bed_kind,
        care_grade="grade2",
        monthly_fee=Decimal("3200.00"),
    )


def test_an_institution_with_a_wrong_credit_code_is_refused_naming_the_field(county_caseworker):
    with pytest.raises(InvalidEldercareInput) as error:
        make_institution(county_caseworker, operator_uscc="91210602MA0U123450")
    assert error.value.field == "operator_uscc" and "统一社会信用代码" in error.value.message


def test_nursing_beds_cannot_exceed_all_beds(county_caseworker):
    with pytest.raises(InvalidEldercareInput) as error:
        make_institution(county_caseworker, beds_total=10, nursing_beds=11)
    assert error.value.field == "nursing_beds"


def test_an_institution_outside_the_jurisdiction_cannot_be_registered(county_caseworker):
    with pytest.raises(InvalidEldercareInput, match="不在您的管辖范围内"):
        make_institution(county_caseworker, division_code="210603001001")


def test_registering_is_audited(county_caseworker):
    institution = make_institution(county_caseworker, name="七道街道敬老院")
    event = AuditEvent.objects.get(object_type="eldercare.institution", object_id=str(institution.pk))
    assert event.action == "create" and "七道街道敬老院" in event.summary


def test_occupancy_follows_admissions_discharges_and_transfers(county_caseworker):
    home = make_institution(county_caseworker, beds_total=3, nursing_beds=2)
    other = make_institution(county_caseworker, beds_total=5, nursing_beds=5)
    a, b = make_elder(name="甲"), make_elder(name="乙")
    stay_a = admit(county_caseworker, home, a, date(2026, 3, 1))
    admit(county_caseworker, home, b, date(2026, 3, 5), bed_kind="general")
    assert occupancy_of([home.pk], date(2026, 3, 2))[home.pk].total == 1
    assert occupancy_of([home.pk], date(2026, 3, 5))[home.pk] == type(
        occupancy_of([home.pk], date(2026, 3, 5))[home.pk]
    )(2, 1)
    moved = residents.transfer(
        county_caseworker,
        stay_a,
        to_institution=other,
        on=date(2026, 4, 1),
        bed_kind="nursing",
        care_grade="grade1",
        monthly_fee=Decimal("4100"),
    )
    assert (
        moved.transferred_from == stay_a
        and stay_a.__class__.objects.get(pk=stay_a.pk).discharge_reason == "transfer"
    )
    assert occupancy_of([home.pk, other.pk], date(2026, 4, 1)) == {
        home.pk: occupancy_of([home.pk], date(2026, 4, 1))[home.pk],
        other.pk: occupancy_of([other.pk], date(2026, 4, 1))[other.pk],
    }
    assert occupancy_of([home.pk], date(2026, 4, 1))[home.pk].total == 1
    assert occupancy_of([other.pk], date(2026, 4, 1))[other.pk].nursing == 1
    detail = institution_detail(county_caseworker, home.pk, on=date(2026, 4, 1))
    assert (detail.occupied, detail.occupied_nursing) == (1, 0)


def test_a_full_house_or_full_nursing_wing_refuses_admission(county_caseworker):
    home = make_institution(county_caseworker, beds_total=2, nursing_beds=1)
    admit(county_caseworker, home, make_elder(name="甲"))
    with pytest.raises(EldercareConflict, match="护理型床位已满"):
        admit(county_caseworker, home, make_elder(name="乙"))
    admit(county_caseworker, home, make_elder(name="丙"), bed_kind="general")
    with pytest.raises(EldercareConflict, match="床位已满"):
        admit(county_caseworker, home, make_elder(name="丁"), bed_kind="general")


def test_a_person_lives_in_one_institution_at_a_time(county_caseworker):
    person = make_elder()
    admit(county_caseworker, make_institution(county_caseworker), person)
    with pytest.raises(EldercareConflict, match="正在其他养老机构入住"):
        admit(county_caseworker, make_institution(county_caseworker), person)


def test_beds_cannot_be_cut_below_the_residents_in_them(county_caseworker):
    home = make_institution(county_caseworker, beds_total=3, nursing_beds=2)
    admit(county_caseworker, home, make_elder(name="甲"), day=date(2025, 1, 1))
    admit(county_caseworker, home, make_elder(name="乙"), day=date(2025, 1, 1))
    with pytest.raises(EldercareConflict, match="在住2人"):
        update_institution(county_caseworker, home, institution_fields(beds_total=3, nursing_beds=1))


def test_other_regions_records_are_404_for_writes_and_reads(county_caseworker, outsider):
    home = make_institution(county_caseworker)
    with pytest.raises(Http404):
        institution_detail(outsider, home.pk)
    with pytest.raises(Http404):
        admit(outsider, home, make_elder(village="210603001001"))


def test_only_caseworkers_keep_the_registry(city_leader):
    from minzheng.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        make_institution(city_leader)


def test_a_facility_lists_its_services(county_caseworker):
    facility = register_facility(
        county_caseworker,
        name="七道街道区域养老服务中心",
        kind="regional",
        division_code="210602002000",
        address="七道街道1号",
        services=["meals", "day_care"],
    )
    assert facility.service_labels() == ["日间照料", "助餐"]
    with pytest.raises(InvalidEldercareInput):
        register_facility(
            county_caseworker,
            name="x",
            kind="station",
            division_code="210602002000",
            address="y",
            services=[],
        )
