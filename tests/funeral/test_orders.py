"""殡葬服务订单: only the home's list, 惠民殡葬 waivers from 社会救助 status at the date of death, the bill."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.http import Http404
from django.utils import timezone

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.funeral.errors import FuneralConflict, InvalidFuneralInput
from minzheng.funeral.services import homes, orders, waivers
from minzheng.funeral.services.deaths import UnidentifiedInput, record_certificate, record_unidentified
from tests.assistance.casework import approved_case, desks
from tests.core.factories import HouseholdFactory, make_user

from .factories import certificate, make_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau(divisions):
    return make_user("approver", "210602000000", username="yb_mzj")


def _order(desk, death, home, **overrides):
    data = orders.OrderInput(
        home=home, ordered_on=death.death_date, contact_name="王强", pickup_distance_km=Decimal("12.5"),
        storage_days=3, cremation_at=timezone.make_aware(datetime(2026, 7, 23, 9, 0)), furnace=home.furnaces.first(),
        ash_handling="niche",
    )  # fmt: skip
    for key, value in overrides.items():
        setattr(data, key, value)
    return orders.open_order(desk, death, data)


def _bill(desk, order, lines):
    for code, qty in lines:
        orders.add_line(desk, order, item_code=code, quantity=qty)
    order.refresh_from_db()
    return order


BASIC = [("J01", "12.5"), ("J02", 1), ("J03", 3), ("J04", 1), ("J05", 1), ("J06", 1)]


def test_a_dibao_member_gets_the_six_basic_services_waived_and_pays_the_rest(divisions, bureau):
    load_assistance_policy()
    waivers.load_funeral_policy()
    caseworker, reviewer, approver = desks()
    household = HouseholdFactory(size=2)
    approved_case(caseworker, reviewer, approver, household)
    member = household.memberships.exclude(person=household.head).first().person
    death = record_certificate(caseworker, certificate(member), today=date(2026, 8, 1))
    home = make_home(bureau)
    order = _order(caseworker, death, home)
    assert order.eligible_categories == ["dibao"]
    order = _bill(caseworker, order, [*BASIC, ("Y01", 1)])
    # 125 + 150 + 240 + 400 + 200 + 100 = 1215 waived; the 告别厅 600 is not a basic service
    assert (order.total, order.waived, order.payable) == (
        Decimal("1815.00"),
        Decimal("1215.00"),
        Decimal("600.00"),
    )
    billed = orders.issue_bill(caseworker, order, on=date(2026, 7, 24))
    assert billed.status == "billed"
    with pytest.raises(FuneralConflict):
        orders.add_line(caseworker, order, item_code="P01", quantity=1)


def test_a_county_rule_with_caps_waives_only_up_to_the_cap(divisions, bureau, desk):
    waivers.load_funeral_policy()
    waivers.set_waiver_rule(
        bureau, division_code="210602000000", basic_service="pickup", categories=["unidentified"],
        effective_from=date(2026, 1, 1), cap_quantity=10, cap_unit="公里", source_note="测试：接运10公里内免费",
    )  # fmt: skip
    body = record_unidentified(
        desk,
        UnidentifiedInput("丹公验字〔2026〕3号", "元宝分局", date(2026, 7, 21), date(2026, 7, 20), "210602002001",
                          "other", "unnatural", "男性"),
        today=date(2026, 8, 1),
    )  # fmt: skip
    order = _bill(desk, _order(desk, body, make_home(bureau)), [("J01", "12.5"), ("J04", 1)])
    # 10 of 12.5 km at 10 元 = 100 waived, 25 paid; cremation wholly waived (Liaoning rule)
    assert (order.total, order.waived, order.payable) == (
        Decimal("525.00"),
        Decimal("500.00"),
        Decimal("25.00"),
    )


def test_someone_without_an_eligible_status_pays_the_full_bill(desk, household, bureau):
    waivers.load_funeral_policy()
    death = record_certificate(desk, certificate(household.head), today=date(2026, 8, 1))
    order = _bill(desk, _order(desk, death, make_home(bureau)), BASIC)
    assert order.eligible_categories == [] and order.waived == 0 and order.payable == order.total


def test_an_item_outside_the_list_is_refused(desk, household, bureau):
    death = record_certificate(desk, certificate(household.head), today=date(2026, 8, 1))
    order = _order(desk, death, make_home(bureau))
    with pytest.raises(InvalidFuneralInput) as error:
        orders.add_line(desk, order, item_code="X99", quantity=1)
    assert error.value.field == "item_code" and "清单外项目不得收费" in error.value.message


def test_a_price_change_applies_to_orders_from_its_date(desk, household, bureau):
    home = make_home(bureau)
    homes.set_item(
        bureau, home, code="J04", name="遗体火化", category="basic", basic_service="cremation", unit="具",
        unit_price=Decimal("450.00"), price_kind="set", effective_from=date(2026, 8, 1),
    )  # fmt: skip
    death = record_certificate(desk, certificate(household.head), today=date(2026, 8, 1))
    line = orders.add_line(desk, _order(desk, death, home), item_code="J04", quantity=1)
    assert line.unit_price == Decimal("400.00")  # ordered 2026-07-20, before the new price


def test_basic_services_must_carry_the_government_price(bureau, divisions):
    home = homes.register_home(bureau, name="测试馆", kind="funeral_home", division_code="210602000000")
    with pytest.raises(InvalidFuneralInput) as error:
        homes.set_item(
            bureau, home, code="J04", name="火化", category="basic", basic_service="cremation", unit="具",
            unit_price=Decimal("400"), price_kind="market", effective_from=date(2026, 1, 1),
        )  # fmt: skip
    assert error.value.field == "price_kind"


def test_a_furnace_slot_is_booked_once(desk, divisions, bureau):
    home = make_home(bureau)
    a, b = HouseholdFactory(size=1), HouseholdFactory(size=1)
    first = record_certificate(desk, certificate(a.head), today=date(2026, 8, 1))
    second = record_certificate(desk, certificate(b.head), today=date(2026, 8, 1))
    _order(desk, first, home)
    with pytest.raises(FuneralConflict) as error:
        _order(desk, second, home)
    assert error.value.field == "cremation_at"
    with pytest.raises(FuneralConflict):
        _order(desk, first, home, furnace=home.furnaces.last())  # one order per death


def test_another_county_cannot_open_an_order(desk, other_desk, household, bureau):
    death = record_certificate(desk, certificate(household.head), today=date(2026, 8, 1))
    with pytest.raises(Http404):
        _order(other_desk, death, make_home(bureau))
