"""两项补贴 pages: the whole chain through the forms (受理 → 初审 → 残联审核 → 审定) to 社会救助's roster line, each
role sees only its own step, another county's record is a 404, the read is audited, IDs are masked, the
残联's file is imported through its page with errors by row and column, and the 待办 shows each step."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minzheng.core.models import AuditEvent
from minzheng.disability.models import SubsidyApplication
from minzheng.disability.services import changes
from minzheng.payments.models import PayrollLine
from minzheng.payments.services.generation import generate_roster
from tests.core.factories import PASSWORD, make_user

from .factories import certificate_file, certify, disabled_person, in_dibao

pytestmark = pytest.mark.django_db


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _post(client, name, pk, data):
    return client.post(reverse(f"disability:{name}", args=[pk]), data)


def test_the_chain_through_the_pages_reaches_the_roster(
    client, policy, clerk, checker, cdpf, approver, county_caseworker
):
    household, person = disabled_person()
    in_dibao(county_caseworker, household)
    certify(cdpf, person)
    login(client, clerk)
    response = client.post(reverse("disability:application_new"), {
        "id_number": person.id_number, "kind": "living", "applied_on": "2026-03-02", "channel": "local",
        "receiving_window": "", "pushed_on": "",
    })  # fmt: skip
    a = SubsidyApplication.objects.get()
    assert response.status_code == 302 and a.check_due == date(2026, 3, 16)

    login(client, cdpf)  # the 残联 sees the file but not the 初审 form
    page = client.get(reverse("disability:application_detail", args=[a.pk])).content.decode()
    assert "初审结论" not in page and "审定结论" not in page
    assert person.id_number not in page and person.id_number[-4:] in page
    assert AuditEvent.objects.filter(
        action=AuditEvent.READ_DETAIL, object_type="disability.subsidyapplication"
    ).exists()

    login(client, checker)
    _post(client, "application_check", a.pk, {"passed": "yes", "checked_on": "2026-03-09", "note": "属实"})
    login(client, approver)  # 民政 cannot take the 残联's step: the form refuses, nothing changes
    _post(client, "application_cdpf", a.pk, {"passed": "yes", "reviewed_on": "2026-03-20", "note": ""})
    a.refresh_from_db()
    assert a.status == "cdpf"
    login(client, cdpf)
    assert "待县残联审核" in client.get(reverse("worklist:dashboard")).content.decode()
    _post(client, "application_cdpf", a.pk, {"passed": "yes", "reviewed_on": "2026-03-20", "note": ""})
    _post(client, "application_decide", a.pk, {"approved": "yes", "decided_on": "2026-03-25", "note": ""})
    a.refresh_from_db()
    assert a.status == "decision"  # the 残联 cannot 审定
    login(client, approver)
    _post(client, "application_decide", a.pk, {"approved": "yes", "decided_on": "2026-03-25", "note": ""})
    a.refresh_from_db()
    assert (a.status, a.monthly_amount) == ("paying", Decimal("110.00"))
    roster = generate_roster(
        county_caseworker,
        program_code="disability_living",
        division_code="210602000000",
        month=date(2026, 3, 1),
    ).roster
    assert [line.amount for line in PayrollLine.objects.filter(roster=roster)] == [Decimal("110.00")]


def test_another_county_gets_404_and_a_leader_sees_no_disability_data(
    client, policy, clerk, cdpf, outsider_cdpf, divisions
):
    _, person = disabled_person()
    certify(cdpf, person)
    from minzheng.disability.services import applications as svc

    a = svc.receive(clerk, person, kind="care", applied_on=date(2026, 3, 2))
    login(client, outsider_cdpf)
    missing = client.get(reverse("disability:application_detail", args=[999999]))
    other = client.get(reverse("disability:application_detail", args=[a.pk]))
    assert other.status_code == missing.status_code == 404
    for name in (
        "application_check",
        "application_cdpf",
        "application_decide",
        "application_notice",
        "application_stop",
    ):
        assert _post(client, name, a.pk, {"passed": "yes", "reviewed_on": "2026-03-20"}).status_code == 404
    task = changes.raise_task("outreach", person, a.division_code, "应补未补", date(2026, 3, 3), key="t1")
    assert client.get(reverse("disability:task_detail", args=[task.pk])).status_code == 404
    assert _post(client, "task_done", task.pk, {"outcome": "x", "done_on": "2026-03-04"}).status_code == 404
    for name in ("dashboard", "task_list", "certificate_list", "missing", "certificate_import"):
        page = client.get(reverse(f"disability:{name}")).content.decode()
        assert person.name not in page
    a.refresh_from_db()
    assert a.status == "received"
    leader = make_user("leader", "210602000000", username="yb_leader_dis")
    login(client, leader)
    assert client.get(reverse("disability:application_detail", args=[a.pk])).status_code == 403


def test_certificate_import_page_lists_row_and_column_errors_in_chinese(client, cdpf, divisions):
    _, person = disabled_person()
    login(client, cdpf)
    bad = certificate_file(f"A1,{person.id_number},{person.name},手臂,6,2020-01-01,")
    client.post(reverse("disability:certificate_import"), {
        "source_department": "元宝区残联", "file": SimpleUploadedFile("残联.csv", bad),
    })  # fmt: skip
    page = client.get(reverse("disability:certificate_import")).content.decode()
    assert "第2行 残疾类别" in page and "第2行 残疾等级" in page and "整份文件" in page
    good = certificate_file(f"A1,{person.id_number},{person.name},精神,三级,2020-01-01,2030-01-01")
    client.post(reverse("disability:certificate_import"), {
        "source_department": "元宝区残联", "file": SimpleUploadedFile("残联2.csv", good),
    })  # fmt: skip
    page = client.get(reverse("disability:certificate_list")).content.decode()
    assert "精神残疾" in page and person.id_number not in page


def test_coverage_indicator_and_its_drilldown(client, policy, clerk, cdpf, approver, county_caseworker):
    """两项补贴覆盖率 (约束性 100 %): one eligible receiving, one eligible not → 50 %, the drill-down names the
    missing one."""
    from minzheng.core.indicator_sources import collect_indicator_sources
    from minzheng.disability.services import applications as svc

    _household, receiving = disabled_person(name="孙立")
    certify(cdpf, receiving, grade="一级")
    _, missing = disabled_person(name="周敏")
    certify(cdpf, missing, grade="二级")
    svc.receive(clerk, receiving, kind="care", applied_on=date(2026, 3, 2))
    source = collect_indicator_sources()["disability.subsidy_coverage"]
    value = source.compute("210602000000", date(2026, 3, 1), date(2026, 3, 31))
    assert (value.value, value.numerator, value.denominator) == (Decimal("50.00"), 1, 2)
    login(client, clerk)
    page = client.get(value.drilldown_url).content.decode()
    assert "周敏" in page and "重度残疾人护理补贴" in page and "孙立" not in page
