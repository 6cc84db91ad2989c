"""行政区划变更 as events (core): the as-of resolver against an oracle, the shipped 丹东 history, lineage,
recording a change from the 区划地名 desk."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.core.division_history import (
    Succession,
    add_months,
    code_publication_due,
    implementation_due,
    resolve,
)
from minzheng.core.models import DivisionChange
from minzheng.core.selectors.division_history import earlier_codes, lineage, resolve_code
from minzheng.core.services.division_changes import InvalidDivisionChange, Link, load_history, record_change

D = date


def c(code: str) -> str:
    return code.ljust(12, "0")


def test_a_record_keyed_by_an_old_code_resolves_to_the_successor_from_the_effective_date_only():
    """Remapping without rewriting: before the change the record reads as it was written."""
    links = [
        Succession(c("210623"), c("219014"), D(1993, 7, 29)),
        Succession(c("219014"), c("210681"), D(1995, 1, 1)),
    ]
    assert resolve(c("210623"), D(1993, 7, 28), links).codes == (c("210623"),)
    assert resolve(c("210623"), D(1994, 1, 1), links).codes == (c("219014"),)
    assert resolve(c("210623"), D(2026, 1, 1), links).codes == (c("210681"),)


def test_sub_divisions_follow_their_county_under_the_new_prefix():
    links = [Succession(c("210622"), c("210323"), D(1992, 1, 1))]
    assert resolve("210622101203", D(2000, 1, 1), links).codes == ("210323101203",)


def test_a_split_is_ambiguous_and_its_sub_divisions_are_not_guessed():
    links = [
        Succession(c("210699"), c("210691"), D(2000, 1, 1), whole_area=False),
        Succession(c("210699"), c("210692"), D(2000, 1, 1), whole_area=False),
    ]
    r = resolve(c("210699"), D(2001, 1, 1), links)
    assert r.ambiguous and set(r.codes) == {c("210691"), c("210692")}
    assert resolve("210699101000", D(2001, 1, 1), links).codes == ("210699101000",)


def test_an_abolished_division_resolves_to_nothing():
    assert resolve(c("210699"), D(2001, 1, 1), [Succession(c("210699"), "", D(2000, 1, 1))]).abolished


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 18000), min_size=1, max_size=6, unique=True), st.integers(0, 18000))
def test_a_chain_of_code_changes_resolves_to_the_last_code_in_force_on_the_day(offsets, offset):
    """Oracle: the codes of a chain c0 → c1 → … ; on a day the record reads as the code of the latest change
    in effect by then (c0 before the first)."""
    days = sorted(D(1980, 1, 1) + timedelta(days=n) for n in offsets)
    day = D(1980, 1, 1) + timedelta(days=offset)
    codes = [c(f"21{n:02d}01") for n in range(len(days) + 1)]
    links = [Succession(codes[i], codes[i + 1], d) for i, d in enumerate(days)]
    expected = codes[sum(1 for d in days if d <= day)]
    assert resolve(codes[0], day, list(reversed(links))).codes == (expected,)


def test_art15_art17_clocks_12_months_plus_6_and_1_month():
    """行政区划管理条例 第十五条 (12个月，延期不超过6个月) and 第十七条 (1个月内公布代码)."""
    assert implementation_due(D(2026, 3, 31), 12, 6, False) == D(2027, 3, 31)
    assert implementation_due(D(2026, 3, 31), 12, 6, True) == D(2027, 9, 30)
    assert code_publication_due(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)


def test_the_shipped_dandong_history_shows_donggou_becoming_donggang_and_loads_once(db):
    created, skipped = load_history()
    assert created == 7 and skipped == 0
    assert load_history() == (0, 7)
    assert resolve_code("210623", D(2026, 1, 1)).codes == (c("210681"),)
    assert resolve_code("210621", D(1994, 6, 1)).codes == (c("219016"),)
    assert c("210623") in earlier_codes("210681", D(2026, 1, 1))
    titles = [step.change.title for step in lineage("210681")]
    assert titles == ["撤销东沟县，设立东港市（县级）", "东港市区划代码由219014改为210681"]
    assert all(ch.source for ch in DivisionChange.objects.all())


def test_a_merge_has_one_successor_and_effective_cannot_precede_approval(db):
    with pytest.raises(InvalidDivisionChange):
        record_change(
            None,
            kind="merge",
            title="x",
            approved_on=D(2026, 1, 1),
            effective_on=D(2026, 2, 1),
            links=[Link("210602", "元宝区", "210690", "甲"), Link("210603", "振兴区", "210691", "乙")],
        )
    with pytest.raises(InvalidDivisionChange):
        record_change(
            None,
            kind="rename",
            title="x",
            approved_on=D(2026, 2, 1),
            effective_on=D(2026, 1, 1),
            links=[Link("210602", "元宝区", "210602", "甲区")],
        )


def test_lineage_page_shows_the_chain_and_todays_division(client, city_leader):
    load_history()
    client.force_login(city_leader)
    page = client.get(reverse("placenames:lineage", args=["210623"]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "东沟县" in text and "219014" in text and "210681" in text and "东北新闻网" in text


def test_recording_a_change_needs_the_approver_and_both_ends_in_the_jurisdiction(
    client, approver, county_caseworker
):
    client.force_login(county_caseworker)
    assert client.get(reverse("placenames:change_create")).status_code == 403
    client.force_login(approver)
    data = {
        "kind": "rename",
        "title": "振兴区更名（测试）",
        "approved_by": "国务院",
        "approved_on": "2026-11-01",
        "effective_on": "2026-12-01",
        "predecessor_code": "210603",
        "predecessor_name": "振兴区",
        "successor_code": "210603",
        "successor_name": "新区",
    }
    response = client.post(reverse("placenames:change_create"), data)
    assert response.status_code == 404 or "不在您的管辖范围内" in response.content.decode()
    assert not DivisionChange.objects.exists()
    data.update(
        predecessor_code="210602",
        predecessor_name="元宝区",
        successor_code="210602",
        title="元宝区更名（测试）",
    )
    response = client.post(reverse("placenames:change_create"), data)
    assert response.status_code == 302
    change = DivisionChange.objects.get()
    assert change.division_code == "210600000000"
