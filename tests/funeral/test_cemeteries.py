"""公墓 and 墓位 through the services: approval level, area limits as data, burial with the cycle, 寿穴 and the
spouse, village cemeteries, renewal, 年检."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.funeral.errors import FuneralConflict, InvalidFuneralInput
from minzheng.funeral.models import Plot
from minzheng.funeral.services import cemeteries as svc
from minzheng.funeral.services.deaths import record_certificate
from tests.core.factories import HouseholdFactory, make_user

from .factories import certificate

pytestmark = pytest.mark.django_db
TODAY = date(2026, 8, 10)


@pytest.fixture
def bureau(divisions):
    svc.load_plot_limits()
    return make_user("approver", "210602000000", username="yb_mzj")


def _cemetery(bureau, **overrides):
    values = dict(
        name="元宝区凤凰山公益性公墓", kind="public", division_code="210602000000", approving_level="province",
        approval_document="辽民函〔2019〕12号", approved_on=date(2019, 5, 1),
    )  # fmt: skip
    values.update(overrides)
    return svc.register_cemetery(bureau, **values)


def test_a_cemetery_approved_at_the_wrong_level_is_refused(bureau):
    with pytest.raises(InvalidFuneralInput) as error:
        _cemetery(bureau, approving_level="county")
    assert error.value.field == "approving_level" and "省级民政部门" in error.value.message


def test_plots_larger_than_the_national_limit_are_refused_and_a_province_may_be_stricter(bureau):
    cemetery = _cemetery(bureau)
    with pytest.raises(InvalidFuneralInput) as error:
        svc.add_section(
            bureau, cemetery, name="A", rows=2, columns=3, plot_kind="single_ashes", area_m2="1.2", on=TODAY
        )
    assert error.value.field == "area_m2" and "1.00" in error.value.message
    svc.add_section(
        bureau, cemetery, name="A", rows=2, columns=3, plot_kind="single_ashes", area_m2="0.8", on=TODAY
    )
    assert Plot.objects.filter(section__cemetery=cemetery).count() == 6
    city = make_user("approver", "210600000000", username="dd_mzj")
    svc.set_area_limit(city, division_code="210600000000", plot_kind="single_ashes", max_area_m2="0.5", effective_from=date(2026, 1, 1), source_note="测试：市级更严上限")  # fmt: skip
    with pytest.raises(InvalidFuneralInput):
        svc.add_section(
            bureau, cemetery, name="B", rows=1, columns=1, plot_kind="single_ashes", area_m2="0.8", on=TODAY
        )


def test_burial_starts_a_twenty_year_cycle_and_renewal_adds_another(bureau, household, desk):
    cemetery = _cemetery(bureau)
    svc.add_section(
        bureau, cemetery, name="A", rows=1, columns=2, plot_kind="single_ashes", area_m2="0.8", on=TODAY
    )
    plot = Plot.objects.get(number="A-01-01")
    death = record_certificate(desk, certificate(household.head), today=TODAY)
    plot = svc.bury(desk, plot, death, on=date(2026, 7, 25))
    assert (plot.state, plot.cycle_ends_on) == ("occupied", date(2046, 7, 25))
    with pytest.raises(FuneralConflict):
        svc.bury(desk, Plot.objects.get(number="A-01-02"), death, on=date(2026, 7, 25))
    assert svc.renew(desk, plot, on=date(2046, 6, 1)).cycle_ends_on == date(2066, 7, 25)


def test_a_double_plot_keeps_the_place_of_the_surviving_spouse_and_a_single_one_does_not(bureau, desk):
    cemetery = _cemetery(bureau)
    svc.add_section(
        bureau, cemetery, name="S", rows=1, columns=1, plot_kind="single_ashes", area_m2="0.8", on=TODAY
    )
    svc.add_section(
        bureau, cemetery, name="D", rows=1, columns=1, plot_kind="double_ashes", area_m2="1.0", on=TODAY
    )
    couple = HouseholdFactory(size=2)
    husband, wife = [m.person for m in couple.memberships.order_by("pk")]
    first = record_certificate(desk, certificate(husband), today=TODAY)
    with pytest.raises(InvalidFuneralInput) as error:
        svc.bury(
            desk, Plot.objects.get(number="S-01-01"), first, on=date(2026, 7, 25), reserved_for=wife.name
        )
    assert error.value.field == "reserved_for"
    double = svc.bury(
        desk, Plot.objects.get(number="D-01-01"), first, on=date(2026, 7, 25), reserved_for=wife.name
    )
    assert double.state == "reserved"
    second = record_certificate(
        desk, certificate(wife, death_date=date(2026, 8, 1), issued_on=date(2026, 8, 2)), today=TODAY
    )
    double = svc.bury(desk, double, second, on=date(2026, 8, 5))
    assert double.state == "occupied" and double.second_occupant == second


def test_a_village_cemetery_buries_only_its_villagers(bureau, desk):
    village = svc.register_cemetery(
        bureau, name="七道村公益性墓地", kind="village", division_code="210602002001", approving_level="county",
        approval_document="元民发〔2020〕3号", approved_on=date(2020, 4, 1),
    )  # fmt: skip
    svc.add_section(
        bureau, village, name="A", rows=1, columns=2, plot_kind="single_body", area_m2="3.5", on=TODAY
    )
    villager = HouseholdFactory(village="210602002001", size=1).head
    outsider = HouseholdFactory(village="210602002002", size=1).head
    away = record_certificate(desk, certificate(outsider), today=TODAY)
    with pytest.raises(InvalidFuneralInput) as error:
        svc.bury(desk, Plot.objects.get(number="A-01-01"), away, on=date(2026, 7, 25))
    assert "本村村民" in error.value.message
    home = record_certificate(desk, certificate(villager), today=TODAY)
    assert svc.bury(desk, Plot.objects.get(number="A-01-01"), home, on=date(2026, 7, 25)).state == "occupied"


def test_annual_inspection_needs_a_note_unless_passed_and_is_once_a_year(bureau):
    cemetery = _cemetery(bureau)
    with pytest.raises(InvalidFuneralInput):
        svc.record_inspection(bureau, cemetery, year=2026, result="basic", inspected_on=TODAY)
    svc.record_inspection(bureau, cemetery, year=2026, result="passed", inspected_on=TODAY)
    with pytest.raises(FuneralConflict):
        svc.record_inspection(bureau, cemetery, year=2026, result="passed", inspected_on=TODAY)


def test_another_county_cannot_bury_in_this_cemetery(bureau, desk, other_desk, household):
    cemetery = _cemetery(bureau)
    svc.add_section(bureau, cemetery, name="A", rows=1, columns=1, plot_kind="eco", area_m2="0.3", on=TODAY)
    death = record_certificate(desk, certificate(household.head), today=TODAY)
    with pytest.raises(Http404):
        svc.bury(other_desk, Plot.objects.get(), death, on=date(2026, 7, 25))
    assert Decimal(Plot.objects.get().area_m2) == Decimal("0.30")


def test_open_orders_and_plots_near_the_end_of_their_cycle_are_in_the_work_queue(
    bureau, desk, other_desk, household
):
    from django.http import Http404 as NotFound

    from minzheng.funeral import work_items
    from minzheng.funeral.services import orders
    from tests.funeral.factories import make_home

    cemetery = _cemetery(bureau)
    svc.add_section(
        bureau, cemetery, name="A", rows=1, columns=1, plot_kind="single_ashes", area_m2="0.8", on=TODAY
    )
    death = record_certificate(desk, certificate(household.head), today=TODAY)
    plot = svc.bury(desk, Plot.objects.get(), death, on=date(2026, 7, 25))
    order = orders.open_order(desk, death, orders.OrderInput(home=make_home(bureau), ordered_on=date(2026, 7, 20), contact_name="王强"))  # fmt: skip
    assert [i.key for i in work_items.open_orders(desk, TODAY)] == [str(order.pk)]
    assert work_items.due_plots(desk, date(2046, 3, 1)) == []  # more than 90 days before 2046-07-25
    due = work_items.due_plots(desk, date(2046, 5, 1))
    assert [(i.key, i.due_on) for i in due] == [(str(plot.pk), date(2046, 7, 25))]
    assert work_items.open_orders(other_desk, TODAY) == [] and work_items.open_orders(bureau, TODAY) == []
    with pytest.raises(NotFound):
        work_items.find_order(other_desk, str(order.pk), TODAY)
    orders.add_line(desk, order, item_code="J04", quantity=1)
    orders.issue_bill(desk, order, on=TODAY)
    assert work_items.open_orders(desk, TODAY) == []
