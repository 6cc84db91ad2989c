"""文书机关 and 文号: an office's heading and 机关代字 with defaults from its division, and 文号 numbered per
office, kind and year without gaps or repeats (GB/T 9704's 发文字号: 机关代字〔年份〕序号号)."""

import pytest
from django.test import Client

from minzheng.core.models import AuditEvent
from minzheng.policy.errors import InvalidPolicyValue
from minzheng.policy.interface import issue_document_number, issuing_office
from minzheng.policy.models import DocumentNumber
from minzheng.policy.rules.documents import default_abbreviation, document_number, office_name
from minzheng.policy.services.documents import save_office
from tests.core.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_office_names_follow_the_level_of_government():
    assert office_name(["辽宁省", "丹东市", "元宝区"]) == "丹东市元宝区民政局"
    assert office_name(["辽宁省", "丹东市"]) == "丹东市民政局"
    assert office_name(["辽宁省", "丹东市", "元宝区", "七道街道"]) == "七道街道办事处"
    assert office_name(["辽宁省", "丹东市", "元宝区", "金山镇"]) == "金山镇人民政府"
    assert office_name(["北京市", "市辖区", "东城区"]) == "北京市东城区民政局"
    assert default_abbreviation("元宝区") == "元民"


def test_a_number_reads_abbreviation_kind_year_and_sequence():
    assert document_number("元民", "救决", 2026, 15) == "元民救决〔2026〕15号"
    with pytest.raises(ValueError):
        document_number("元民", "救决", 2026, 0)


def _number(user, office, object_id, year=2026, kind="assistance_decision"):
    return issue_document_number(
        user, office_code=office, kind=kind, kind_code="救决", year=year,
        object_type="assistance_case", object_id=object_id,
    )  # fmt: skip


def test_numbers_run_per_office_and_year_and_a_document_keeps_its_number(divisions, county_caseworker):
    yuanbao, zhenxing = "210602000000", "210603000000"
    assert [_number(county_caseworker, yuanbao, i) for i in (1, 2, 3)] == [
        "元民救决〔2026〕1号", "元民救决〔2026〕2号", "元民救决〔2026〕3号",
    ]  # fmt: skip
    assert _number(county_caseworker, yuanbao, 2) == "元民救决〔2026〕2号"  # printed again: same number
    assert (
        _number(county_caseworker, zhenxing, 4) == "振民救决〔2026〕1号"
    )  # another bureau, its own sequence
    assert _number(county_caseworker, yuanbao, 5, year=2027) == "元民救决〔2027〕1号"  # a new year restarts
    assert DocumentNumber.objects.count() == 5
    assert AuditEvent.objects.filter(summary__startswith="编定文号").count() == 5


def test_a_configured_office_prints_its_own_name_code_and_phone_and_townships_inherit_the_phone(divisions):
    approver = make_user("approver", "210602000000", username="yb_sp")
    save_office(
        approver, division_code="210602", name="丹东市元宝区民政局", abbreviation="元民救",
        supervision_phone="0415-1234567",
    )  # fmt: skip
    county = issuing_office("210602000000")
    assert (county.name, county.abbreviation, county.supervision_phone, county.configured) == (
        "丹东市元宝区民政局", "元民救", "0415-1234567", True,
    )  # fmt: skip
    township = issuing_office("210602002000")
    assert township.name == "七道街道办事处" and township.supervision_phone == "0415-1234567"
    assert issuing_office("210603000000").supervision_phone.startswith("12345")
    assert AuditEvent.objects.filter(object_type="issuing_office").count() == 1


def test_only_managers_set_offices_and_only_inside_their_jurisdiction(divisions, county_caseworker):
    approver = make_user("approver", "210602000000", username="yb_sp")
    with pytest.raises(Exception, match="审批人或系统管理员"):
        save_office(county_caseworker, division_code="210602", name="某局", abbreviation="某")
    with pytest.raises(InvalidPolicyValue, match="本辖区"):
        save_office(approver, division_code="210603", name="某局", abbreviation="某")
    with pytest.raises(InvalidPolicyValue, match="机关代字"):
        save_office(approver, division_code="210602", name="某局", abbreviation=" ")


def test_the_office_pages_list_edit_and_answer_404_for_another_region(divisions):
    approver = make_user("approver", "210602000000", username="yb_sp")
    client = Client()
    assert client.post("/login/", {"username": approver.username, "password": PASSWORD}).status_code == 302
    body = client.get("/policy/offices/").content.decode()
    assert "丹东市元宝区民政局" in body and "七道街道办事处" in body
    response = client.post(
        "/policy/offices/210602002000/",
        {"name": "七道街道办事处", "abbreviation": "七街", "supervision_phone": "0415-7654321"},
    )
    assert response.status_code == 302
    assert issuing_office("210602002000").abbreviation == "七街"
    assert client.get("/policy/offices/210603000000/").status_code == 404
    assert client.get("/policy/offices/abc/").status_code == 404
    refused = client.post("/policy/offices/210602000000/", {"name": "", "abbreviation": ""})
    assert refused.status_code == 200 and "机关名称" in refused.content.decode()
