"""Naming workflow (受理 with the 第九条 checks → 审批 → 备案/公告 with their clocks), renaming without
overwriting, 标准地址, boundaries and 界桩, pages walked as an outsider (404 each)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from minzheng.core.errors import PermissionDenied
from minzheng.core.work_items import collect_work_sources
from minzheng.placenames.errors import InvalidPlacenameInput, PlacenameConflict
from minzheng.placenames.models import (
    BannedWord,
    BoundaryLine,
    BoundaryMarker,
    NameStatus,
    PlaceName,
)
from minzheng.placenames.services import boundaries as bsvc
from minzheng.placenames.services import naming as svc

TODAY = date.today()
AREA = "丹东市中心城区"


def _street(specific, generic="路", code="210602000000", **extra):
    from minzheng.placenames.rules.pinyin import reading, romanize

    return PlaceName.objects.create(
        specific=specific,
        generic=generic,
        category="5",
        division_code=code,
        built_up_area=AREA,
        roman=romanize(specific, generic),
        reading_key=reading(specific).key,
        approved_by="丹东市人民政府",
        approved_on=date(2010, 1, 1),
        filed_on=date(2010, 1, 5),
        announced_on=date(2010, 1, 6),
        **extra,
    )


def _propose(user, specific="星五", **extra):
    fields = dict(
        specific=specific,
        generic="路",
        category="5",
        division_code="210602000000",
        built_up_area=AREA,
        location_text="东起锦山大街",
        reasons="新建道路",
        applicant="住建局",
        assessment_report="综合评估报告",
        expert_report="专家论证报告",
        consultation_report="征求意见报告",
        received_on=TODAY,
    )
    fields.update(extra)
    return svc.propose(user, **fields)


def test_art9_homophone_in_the_same_built_up_area_is_refused_without_a_reason_even_across_counties(
    policy, county_caseworker
):
    """第九条: 街路巷 within one 建成区 — 兴五路 lies in 振兴区, the proposal in 元宝区: same 建成区, so it clashes."""
    _street("兴五", code="210603000000")
    with pytest.raises(InvalidPlacenameInput) as refused:
        _propose(county_caseworker)
    assert "与“兴五路”同音" in refused.value.message and refused.value.field == "override_reason"
    application = _propose(county_caseworker, override_reason="群众习惯称谓，专家论证同意")
    assert application.findings and "同音" in application.findings[0]


def test_a_street_outside_the_built_up_area_does_not_clash(policy, county_caseworker):
    _street("兴五", code="210603000000")
    assert _propose(county_caseworker, built_up_area="").findings == []


def test_banned_words_warn_and_need_a_reason(policy, county_caseworker):
    BannedWord.objects.create(term="曼哈顿", kind="外国地名", source="第九条")
    with pytest.raises(InvalidPlacenameInput, match="曼哈顿"):
        _propose(county_caseworker, specific="曼哈顿", generic="花园", category="6")


def test_approval_is_maker_checker_and_starts_the_15_day_clocks(policy, county_caseworker, approver):
    application = _propose(county_caseworker, specific="江语")
    with pytest.raises(PermissionDenied):
        svc.decide(
            county_caseworker, application, approve=True, decided_on=TODAY, approved_by="元宝区人民政府"
        )
    place = svc.decide(
        approver, application, approve=True, decided_on=TODAY, approved_by="元宝区人民政府", note="同意"
    )
    assert place.roman == "Jiangyu Lu" and place.status == NameStatus.APPROVED
    items = collect_work_sources()["placenames.announcement"].open_items(county_caseworker, TODAY)
    assert [i.due_on for i in items] == [TODAY + timedelta(days=15)]
    svc.record_filing(county_caseworker, place, TODAY)
    svc.record_announcement(county_caseworker, place, TODAY)
    with pytest.raises(PlacenameConflict):
        svc.record_announcement(county_caseworker, place, TODAY)


def test_renaming_closes_the_old_name_and_links_the_new_one(policy, county_caseworker, approver):
    old = _street("胜利")
    application = _propose(county_caseworker, specific="江语", kind="renaming", target=old)
    new = svc.decide(
        approver, application, approve=True, decided_on=TODAY, approved_by="元宝区人民政府", note="同意"
    )
    old.refresh_from_db()
    assert (old.status, old.ended_on, new.supersedes_id) == (NameStatus.RENAMED, TODAY, old.pk)


def test_standard_address_is_built_from_the_standard_name(policy, county_caseworker):
    place = _street("锦山", "大街")
    address = svc.add_address(county_caseworker, place, house_number="18", building="3", unit="2", room="501")
    assert address.full_text.endswith("锦山大街18号3栋2单元501室")
    with pytest.raises(PlacenameConflict):
        svc.add_address(county_caseworker, place, house_number="18", building="3", unit="2", room="501")


@pytest.fixture
def line(divisions):
    return BoundaryLine.objects.create(
        code="0203",
        name="元宝区—振兴区界线",
        side_a_code="210602000000",
        side_b_code="210603000000",
        agreement="协议书",
        agreed_on=date(2015, 6, 1),
    )


def test_marker_numbers_are_checked_and_either_side_may_record(policy, line, county_caseworker, outsider):
    with pytest.raises(InvalidPlacenameInput):
        bsvc.add_marker(
            county_caseworker,
            line,
            number="0203001B",
            longitude=Decimal("124.4"),
            latitude=Decimal("40.1"),
            responsible_code="210602000000",
        )
    marker = bsvc.add_marker(
        county_caseworker,
        line,
        number="0203001a",
        longitude=Decimal("124.4"),
        latitude=Decimal("40.1"),
        responsible_code="210602000000",
    )
    assert marker.number == "0203001A"
    bsvc.record_inspection(outsider, marker, inspected_on=TODAY, condition="good", inspector="巡查员")
    with pytest.raises(InvalidPlacenameInput, match="相邻方"):
        bsvc.record_repair(
            county_caseworker,
            marker,
            kind="repair",
            done_on=TODAY,
            neighbour_present=False,
            neighbour_people="",
        )


def test_joint_inspection_overdue_after_five_years_shows_in_the_worklist(policy, line, county_caseworker):
    bsvc.record_joint_inspection(
        county_caseworker, line, inspected_on=date(2020, 10, 1), participants="两区民政局", findings="完好"
    )
    items = collect_work_sources()["placenames.joint_inspection"].open_items(
        county_caseworker, date(2026, 1, 1)
    )
    assert [i.due_on for i in items] == [date(2025, 10, 1)] and "已超期" in items[0].matter


def test_outsider_gets_404_on_every_record_page(client, policy, county_caseworker, approver, divisions):
    from tests.core.factories import make_user

    stranger = make_user("approver", "220102000000", username="cc_pn")
    place = _street("锦山", "大街")
    application = _propose(county_caseworker, specific="江语")
    line = BoundaryLine.objects.create(
        code="0203",
        name="元宝区—振兴区界线",
        side_a_code="210602000000",
        side_b_code="210603000000",
        agreement="协议书",
        agreed_on=date(2015, 6, 1),
    )
    marker = BoundaryMarker.objects.create(
        line=line,
        number="0203001Q",
        type_code="Q",
        longitude=Decimal("124.4"),
        latitude=Decimal("40.1"),
        responsible_code="210602000000",
    )
    dispute = bsvc.open_dispute(
        county_caseworker, line, opened_on=TODAY, description="x", emergency_measures="y"
    )
    client.force_login(stranger)
    for name, pk in [
        ("name_detail", place.pk),
        ("name_file", place.pk),
        ("name_announce", place.pk),
        ("name_protect", place.pk),
        ("name_abolish", place.pk),
        ("address_add", place.pk),
        ("rename_create", place.pk),
        ("application_detail", application.pk),
        ("application_decide", application.pk),
        ("line_detail", line.pk),
        ("marker_add", line.pk),
        ("joint_add", line.pk),
        ("dispute_add", line.pk),
        ("dispute_detail", dispute.pk),
        ("dispute_settle", dispute.pk),
        ("marker_detail", marker.pk),
        ("inspection_add", marker.pk),
        ("repair_add", marker.pk),
    ]:
        assert client.post(reverse(f"placenames:{name}", args=[pk]), {}).status_code == 404, name
    for name in ("name_list", "application_list", "announcement_queue", "line_list", "change_list"):
        page = client.get(reverse(f"placenames:{name}"))
        assert (
            page.status_code == 200
            and "锦山" not in page.content.decode()
            and "元宝区—振兴区" not in page.content.decode()
        )
    assert "锦山" not in client.get(reverse("placenames:map_geojson")).content.decode()


def test_every_page_answers_for_the_city(client, policy, city_leader, county_caseworker):
    from minzheng.core.services.division_changes import load_history

    load_history()
    place = _street("锦山", "大街")
    application = _propose(county_caseworker, specific="江语")
    client.force_login(city_leader)
    for name, args in [
        ("dashboard", []),
        ("name_list", []),
        ("name_detail", [place.pk]),
        ("application_list", []),
        ("application_detail", [application.pk]),
        ("announcement_queue", []),
        ("change_list", []),
        ("line_list", []),
        ("map", []),
        ("map_geojson", []),
        ("lineage", ["210681"]),
    ]:
        assert client.get(reverse(f"placenames:{name}", args=args)).status_code == 200, name
    client.logout()
    assert "锦山大街" in client.get(reverse("placenames_public:search") + "?q=锦山").content.decode()
    assert "锦山大街" in client.get(reverse("placenames_public:announcements")).content.decode()
