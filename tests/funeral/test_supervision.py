"""殡葬监管: the 双随机 draw of homes and cemeteries through the kernel (国办发〔2015〕58号), 四不两直 inspections by the
drawn team, charges checked against the list (《价格法》第十三条; 2026《殡葬管理条例》: nothing outside the list),
violations with fines and 整改, licences."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.core.errors import PermissionDenied
from minzheng.funeral.errors import FuneralConflict, InvalidFuneralInput
from minzheng.funeral.models import SupervisionInspection, Violation
from minzheng.funeral.rules.supervision import price_deviations
from minzheng.funeral.services import cemeteries, supervision
from tests.core.factories import make_user

from .factories import make_home

pytestmark = pytest.mark.django_db

prices = st.dictionaries(
    st.sampled_from(["J01", "J04", "Y01", "X9"]), st.decimals(0, 2000, places=2), max_size=4
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(charged=prices, listed=prices)
def test_a_charge_is_a_deviation_only_above_the_list_or_outside_it_price_law_13(charged, listed):
    found = {d.code for d in price_deviations(charged, listed)}
    assert found == {code for code, amount in charged.items() if code not in listed or amount > listed[code]}


@pytest.fixture
def bureau(divisions):
    approver = make_user("approver", "210602000000", username="yb_mzj")
    make_user("reviewer", "210602000000", username="yb_jc1")
    make_user("reviewer", "210602000000", username="yb_jc2")
    home = make_home(approver)
    cemeteries.register_cemetery(
        approver, name="元宝区凤凰山公益性公墓", kind="public", division_code="210602000000", approving_level="province",
        approval_document="辽民函〔2019〕12号", approved_on=date(2019, 5, 1),
    )  # fmt: skip
    return approver, home


def test_the_draw_is_repeatable_from_its_seed_and_sends_a_drawn_team(bureau):
    approver, _ = bureau
    first = supervision.draw_round(approver, title="2026年殡葬设施双随机抽查", planned_on=date(2026, 9, 1), share_percent=50, team_size=2, seed=20260901)  # fmt: skip
    again = supervision.draw_round(approver, title="复核", planned_on=date(2026, 9, 1), share_percent=50, team_size=2, seed=20260901)  # fmt: skip
    picked = [
        (i.facility_kind, i.facility_id, tuple(i.inspector_ids)) for i in first.inspections.order_by("pk")
    ]
    assert picked == [
        (i.facility_kind, i.facility_id, tuple(i.inspector_ids)) for i in again.inspections.order_by("pk")
    ]
    assert len(picked) == 1 and len(picked[0][2]) == 2
    with pytest.raises(InvalidFuneralInput) as too_big:
        supervision.draw_round(approver, title="x", planned_on=date(2026, 9, 1), share_percent=50, team_size=9, seed=1)  # fmt: skip
    assert too_big.value.field == "share_percent"


def test_charges_above_the_list_become_violations_with_a_fine_and_rectification(bureau, other_desk):
    approver, home = bureau
    inspection = SupervisionInspection.objects.create(
        facility_kind="home", facility_id=home.pk, facility_name=home.name, division_code=home.division_code,
        inspector_ids=[approver.pk], planned_on=date(2026, 9, 1),
    )  # fmt: skip
    found = supervision.record_inspection(
        approver, inspection, inspected_on=date(2026, 9, 2), unannounced=True, findings="直奔现场，查阅收费台账",
        charges={"J04": Decimal("400.00"), "Y01": Decimal("800.00"), "Z99": Decimal("300.00")},
    )  # fmt: skip
    assert sorted(v.description for v in found) == [
        "收取清单以外费用：Z99 300.00元", "超出清单价格收费：Y01 清单600.00元，实收800.00元",
    ]  # fmt: skip
    with pytest.raises(FuneralConflict):
        supervision.record_inspection(approver, inspection, inspected_on=date(2026, 9, 2), unannounced=True, findings="again")  # fmt: skip
    violation = found[0]
    fined = supervision.decide_fine(approver, violation, amount="5000", document="丹元民罚〔2026〕1号", decided_on=date(2026, 9, 10))  # fmt: skip
    assert fined.fine == Decimal("5000.00")
    done = supervision.confirm_rectified(approver, violation, on=date(2026, 9, 20))
    assert done.status == "rectified"
    with pytest.raises((Http404, PermissionDenied)):
        supervision.confirm_rectified(other_desk, Violation.objects.get(pk=found[1].pk), on=date(2026, 9, 20))


def test_only_a_member_of_the_drawn_team_records_the_inspection(bureau):
    approver, home = bureau
    inspection = SupervisionInspection.objects.create(
        facility_kind="home", facility_id=home.pk, facility_name=home.name, division_code=home.division_code,
        inspector_ids=[999999], planned_on=date(2026, 9, 1),
    )  # fmt: skip
    with pytest.raises(FuneralConflict):
        supervision.record_inspection(approver, inspection, inspected_on=date(2026, 9, 2), unannounced=True, findings="x")  # fmt: skip


def test_a_licence_is_recorded_for_a_facility_in_the_jurisdiction(bureau):
    approver, home = bureau
    licence = supervision.record_licence(
        approver, facility_kind="home", facility_id=home.pk, title="殡仪馆设立批准", document="丹民发〔2010〕3号",
        issued_by="丹东市民政局", issued_on=date(2010, 3, 1),
    )  # fmt: skip
    assert licence.facility_name == home.name
    with pytest.raises(InvalidFuneralInput) as backwards:
        supervision.record_licence(approver, facility_kind="home", facility_id=home.pk, title="x", document="y", issued_by="z", issued_on=date(2020, 1, 1), valid_to=date(2019, 1, 1))  # fmt: skip
    assert backwards.value.field == "valid_to"


def test_supervision_pages_render_for_the_bureau_and_answer_404_to_another_county(client, bureau):
    from tests.core.factories import PASSWORD

    approver, home = bureau
    inspection = SupervisionInspection.objects.create(
        facility_kind="home", facility_id=home.pk, facility_name=home.name, division_code=home.division_code,
        inspector_ids=[approver.pk], planned_on=date(2026, 9, 1),
    )  # fmt: skip
    found = supervision.record_inspection(approver, inspection, inspected_on=date(2026, 9, 2), unannounced=True, findings="直奔现场", charges={"Y01": Decimal("800")})  # fmt: skip
    fresh = SupervisionInspection.objects.create(
        facility_kind="home", facility_id=home.pk, facility_name=home.name, division_code=home.division_code,
        inspector_ids=[approver.pk], planned_on=date(2026, 10, 1),
    )  # fmt: skip
    records = [
        f"/funeral/supervision/{fresh.pk}/record/", f"/funeral/supervision/violations/{found[0].pk}/fine/",
        f"/funeral/supervision/violations/{found[0].pk}/rectified/",
    ]  # fmt: skip
    assert client.login(username=approver.username, password=PASSWORD)
    for url in ["/funeral/supervision/", "/funeral/supervision/violations/", "/funeral/supervision/licences/", "/funeral/supervision/draw/", *records]:  # fmt: skip
        assert client.get(url).status_code == 200, url
    posted = client.post(records[0], {"inspected_on": "2026-10-01", "unannounced": "on", "findings": "查阅台账", "charges": "J04=500\n坏行"})  # fmt: skip
    assert "第2行应为" in posted.content.decode()
    client.logout()
    outsider = make_user("approver", "210603000000", username="zx_mzj")
    assert client.login(username=outsider.username, password=PASSWORD)
    for url in records:
        assert client.get(url).status_code == 404, url
    body = client.get("/funeral/supervision/violations/").content.decode()
    assert home.name not in body
