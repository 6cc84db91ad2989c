"""预警分派 / 改派 by a county user: to a township of the warning's county inside their jurisdiction and/or a
person there (its 责任人 in the 待办), on the warning's timeline and in the audit log; refused in Chinese
otherwise; another region's warning is a 404. The detail page's form and the list's bulk action."""

from datetime import date

import pytest
from django.http import Http404

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.errors import MinzhengError
from minzheng.core.models import AuditEvent
from minzheng.monitoring import selectors
from minzheng.monitoring.models import MonitoringRun, RiskRule, RiskWarning
from minzheng.monitoring.services import lifecycle
from minzheng.worklist.interface import owner_of
from tests.core.factories import PASSWORD, HouseholdFactory, make_user
from tests.worklist.world import _warning, desks

pytestmark = pytest.mark.django_db
QIDAO, GUANGJI = "210602002000", "210602003000"


@pytest.fixture
def world(divisions):
    load_assistance_policy()
    d = desks()
    run = MonitoringRun.objects.create(kind="daily", until=date.today())
    rule = RiskRule.objects.create(
        code="income_below_line",
        division_code="0" * 12,
        valid_from=date(2020, 1, 1),
        severity="high",
        verify_days=5,
    )
    head = HouseholdFactory(village="210602002001", size=1).head
    county_only = _warning(
        run, rule, head, "210602000000", date(2026, 12, 31)
    )  # residence known to the county
    theirs = _warning(
        run, rule, HouseholdFactory(village="210603001001", size=1).head, "210603001001", date(2026, 12, 31)
    )
    return d, county_only, theirs


def _steps(warning) -> list[str]:
    return list(warning.steps.values_list("note", flat=True))


def test_county_user_assigns_a_township_and_a_person_who_then_sees_it(world):
    d, warning, _ = world
    assert not selectors.warning_list(d.township_caseworker, selectors.WarningFilter(), date.today()).exists()
    lifecycle.assign(d.caseworker, warning, division_code=QIDAO, owner_id=d.township_caseworker.pk)
    warning.refresh_from_db()
    assert warning.assigned_division_code == "210602002000" and warning.status == "assigned"
    assert owner_of("monitoring.warning", str(warning.pk)) == (d.township_caseworker.pk, "测试caseworker")
    assert _steps(warning) == ["分派至七道街道，责任人测试caseworker"]
    assert AuditEvent.objects.filter(
        object_type="monitoring_warning", summary__contains="分派至七道街道"
    ).exists()
    assert AuditEvent.objects.filter(object_type="work_item", summary__contains="指派待办").exists()
    # the township now holds it: in its list and on its desk
    assert list(selectors.warning_list(d.township_caseworker, selectors.WarningFilter(), date.today())) == [
        warning
    ]
    assert selectors.warning_detail(d.township_caseworker, warning.pk) == warning


def test_reassigning_to_another_township_releases_the_previous_person(world):
    d, warning, _ = world
    lifecycle.assign(d.caseworker, warning, division_code=QIDAO, owner_id=d.township_caseworker.pk)
    lifecycle.assign(d.caseworker, warning, division_code=GUANGJI)
    warning.refresh_from_db()
    assert warning.assigned_division_code == "210602003000"
    assert owner_of("monitoring.warning", str(warning.pk)) is None
    assert _steps(warning)[-1] == "改派至广济街道（原责任人测试caseworker已退回）"
    with pytest.raises(MinzhengError, match="无需改派"):
        lifecycle.assign(d.caseworker, warning, division_code=GUANGJI)


def test_refusals_are_in_chinese_and_change_nothing(world):
    d, warning, _ = world
    with pytest.raises(MinzhengError, match="只有县级及以上民政部门可以分派或改派预警"):
        lifecycle.assign(d.township_caseworker, warning, division_code=QIDAO)
    with pytest.raises(MinzhengError, match="只有经办人、审批人或系统管理员可以分派预警"):
        lifecycle.assign(d.reviewer, warning, division_code=QIDAO)
    with pytest.raises(MinzhengError, match="分派至应为该预警所在县（区）内、您管辖范围内的乡镇（街道）"):
        lifecycle.assign(d.caseworker, warning, division_code="210603001000")  # another county's township
    with pytest.raises(MinzhengError, match="分派至应为"):
        lifecycle.assign(d.caseworker, warning, division_code="210602002001")  # a community, not a township
    with pytest.raises(MinzhengError, match="分派至应为不超过12位的数字"):
        lifecycle.assign(d.caseworker, warning, division_code="七道")
    guangji_worker = make_user("caseworker", GUANGJI, username="gj_jb")
    with pytest.raises(MinzhengError, match="管辖范围不包括该事项所在区划，不能指派"):
        lifecycle.assign(d.caseworker, warning, division_code=QIDAO, owner_id=guangji_worker.pk)
    warning.refresh_from_db()
    assert warning.assigned_division_code == "210602000000" and not warning.steps.exists()  # rolled back
    warning.status = "disposed"
    with pytest.raises(MinzhengError, match="不能分派"):
        lifecycle.assign(d.caseworker, warning, division_code=QIDAO)


def test_detail_page_form_and_list_bulk_action(client, world):
    d, warning, theirs = world
    second = _warning(
        warning.run, warning.rule, HouseholdFactory(size=1).head, "210602000000", date(2026, 12, 31)
    )
    in_qidao = _warning(
        warning.run, warning.rule, HouseholdFactory(size=1).head, "210602002001", date(2026, 12, 31)
    )

    client.login(username="yb_jb", password=PASSWORD)
    page = client.get(f"/monitoring/warnings/{warning.pk}/").content.decode()
    assert 'id="assign-form"' in page and "七道街道" in page and "广济街道" in page and "永昌街道" not in page
    response = client.post(
        f"/monitoring/warnings/{warning.pk}/assign/",
        {"division_code": QIDAO, "owner": str(d.township_caseworker.pk)},
    )
    assert response.status_code == 302
    page = client.get(f"/monitoring/warnings/{warning.pk}/").content.decode()
    assert 'data-testid="warning-owner">测试caseworker' in page and "分派至七道街道" in page
    listing = client.get("/monitoring/warnings/").content.decode()
    assert 'id="bulk-assign-form"' in listing and f'name="warnings" value="{second.pk}"' in listing
    client.post(
        "/monitoring/warnings/assign/",
        {"warnings": [str(warning.pk), str(second.pk)], "division_code": GUANGJI},
    )
    assert set(
        RiskWarning.objects.filter(pk__in=[warning.pk, second.pk]).values_list(
            "assigned_division_code", flat=True
        )
    ) == {"210602003000"}
    # another region's warning: 404 on its page, its 分派 and inside a bulk 分派
    assert (
        client.post(f"/monitoring/warnings/{theirs.pk}/assign/", {"division_code": QIDAO}).status_code == 404
    )
    assert (
        client.post(
            "/monitoring/warnings/assign/", {"warnings": [str(theirs.pk)], "division_code": QIDAO}
        ).status_code
        == 404
    )
    client.logout()
    client.login(username="qd_jb", password=PASSWORD)
    township_page = client.get(f"/monitoring/warnings/{in_qidao.pk}/")
    assert township_page.status_code == 200 and 'id="assign-form"' not in township_page.content.decode()
    with pytest.raises(Http404):
        selectors.warning_detail(d.township_caseworker, theirs.pk)
