"""养老服务 pages and API: every page renders for the county, every record is a 404 to another county,
lists show nothing of it, the public page shows institutions and free beds but no personal data."""

import io
from datetime import date
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from minzheng.core.services.accounts import issue_api_token
from minzheng.eldercare.models import CapabilityAssessment
from minzheng.eldercare.services import (
    assessments,
    credit,
    hardship,
    providers,
    residents,
    retrofit,
    supervision,
)
from tests.core.factories import PASSWORD, HouseholdFactory

from .factories import make_elder, make_institution, scores


@pytest.fixture
def world(county_caseworker, inspector, policy):
    cw = county_caseworker
    home = make_institution(cw, name="元宝区福寿养老院", beds_total=20, nursing_beds=12)
    elder = make_elder(name="王桂兰")
    stay = residents.admit(
        cw,
        institution=home,
        person=elder,
        admitted_on=date(2026, 3, 1),
        bed_kind="nursing",
        care_grade="grade2",
        monthly_fee=Decimal("3200"),
    )
    facility = providers.register_facility(
        cw,
        name="七道街道区域养老服务中心",
        kind="regional",
        division_code="210602002001",
        address="七道街道1号",
        services=["meals"],
    )
    other = make_elder(name="李淑芬")
    bed = providers.open_home_bed(
        cw,
        institution=home,
        person=other,
        address="测试路2号",
        services=["meals"],
        started_on=date(2026, 2, 1),
    )
    assessment = assessments.record_assessment(
        cw,
        person=elder,
        assessed_on=date(2026, 2, 20),
        reason="initial",
        assessors="张评估、李评估",
        scores=scores(**{"B.1.1": 2}),
    )
    registered = hardship.register_elder(
        cw, person=other, categories=["alone"], registered_on=date(2026, 1, 1), assigned_to=cw
    )
    round_ = supervision.draw_round(
        inspector,
        title="2026年双随机抽查",
        planned_on=date(2026, 9, 1),
        share_percent=100,
        team_size=1,
        seed=7,
    )
    inspection = round_.inspections.get()
    hazard = supervision.record_hazard(
        inspector,
        inspection,
        category="fire",
        severity="general",
        description="灭火器过期",
        evidence="照片1",
        found_on=date(2026, 9, 28),
    )
    credit_record = credit.record_credit(
        inspector,
        home,
        kind="bad",
        reason="逾期未整改",
        basis="文书1",
        recorded_on=date(2026, 1, 1),
        blacklist_months=24,
    )
    incident = credit.report_incident(
        cw, home, kind="fall", occurred_on=date(2026, 5, 1), description="夜间如厕跌倒", persons_affected=1
    )
    household = HouseholdFactory(village="210602002001", size=1)
    case = retrofit.apply(
        cw, household=household, elder=household.head, year=2026, applied_on=date(2026, 3, 3)
    )
    return {
        "institution": home,
        "stay": stay,
        "facility": facility,
        "bed": bed,
        "assessment": assessment,
        "elder": registered,
        "round": round_,
        "inspection": inspection,
        "hazard": hazard,
        "credit": credit_record,
        "incident": incident,
        "case": case,
        "persons": [elder, other],
    }


def record_urls(w) -> dict[str, str]:
    return {
        "eldercare:institution_detail": f"/eldercare/institutions/{w['institution'].pk}/",
        "eldercare:institution_edit": f"/eldercare/institutions/{w['institution'].pk}/edit/",
        "eldercare:residency_admit": f"/eldercare/institutions/{w['institution'].pk}/admit/",
        "eldercare:staff_add": f"/eldercare/institutions/{w['institution'].pk}/staff/",
        "eldercare:rating_create": f"/eldercare/institutions/{w['institution'].pk}/rating/",
        "eldercare:credit_create": f"/eldercare/institutions/{w['institution'].pk}/credit/",
        "eldercare:incident_create": f"/eldercare/institutions/{w['institution'].pk}/incident/",
        "eldercare:residency_detail": f"/eldercare/residents/{w['stay'].pk}/",
        "eldercare:residency_discharge": f"/eldercare/residents/{w['stay'].pk}/discharge/",
        "eldercare:residency_transfer": f"/eldercare/residents/{w['stay'].pk}/transfer/",
        "eldercare:facility_detail": f"/eldercare/facilities/{w['facility'].pk}/",
        "eldercare:facility_staff_add": f"/eldercare/facilities/{w['facility'].pk}/staff/",
        "eldercare:home_bed_close": f"/eldercare/home-beds/{w['bed'].pk}/close/",
        "eldercare:assessment_detail": f"/eldercare/assessments/{w['assessment'].pk}/",
        "eldercare:elder_detail": f"/eldercare/elders/{w['elder'].pk}/",
        "eldercare:visit_create": f"/eldercare/elders/{w['elder'].pk}/visit/",
        "eldercare:elder_assign": f"/eldercare/elders/{w['elder'].pk}/assign/",
        "eldercare:elder_end": f"/eldercare/elders/{w['elder'].pk}/end/",
        "eldercare:round_detail": f"/eldercare/supervision/rounds/{w['round'].pk}/",
        "eldercare:inspection_detail": f"/eldercare/supervision/inspections/{w['inspection'].pk}/",
        "eldercare:inspection_complete": f"/eldercare/supervision/inspections/{w['inspection'].pk}/complete/",
        "eldercare:hazard_create": f"/eldercare/supervision/inspections/{w['inspection'].pk}/hazards/",
        "eldercare:hazard_detail": f"/eldercare/supervision/hazards/{w['hazard'].pk}/",
        "eldercare:hazard_rectify": f"/eldercare/supervision/hazards/{w['hazard'].pk}/rectify/",
        "eldercare:hazard_recheck": f"/eldercare/supervision/hazards/{w['hazard'].pk}/recheck/",
        "eldercare:blacklist_remove": f"/eldercare/supervision/credit/{w['credit'].pk}/remove/",
        "eldercare:incident_detail": f"/eldercare/supervision/incidents/{w['incident'].pk}/",
        "eldercare:incident_handle": f"/eldercare/supervision/incidents/{w['incident'].pk}/handle/",
        "eldercare:retrofit_detail": f"/eldercare/retrofit/{w['case'].pk}/",
        "eldercare:retrofit_step": f"/eldercare/retrofit/{w['case'].pk}/step/",
        "eldercare:indicator_detail": "/eldercare/indicators/eldercare.nursing_bed_ratio/?division=210602000000",
    }


LIST_URLS = {
    "eldercare:dashboard": "/eldercare/",
    "eldercare:institution_list": "/eldercare/institutions/",
    "eldercare:institution_create": "/eldercare/institutions/new/",
    "eldercare:residency_list": "/eldercare/residents/",
    "eldercare:facility_list": "/eldercare/facilities/",
    "eldercare:facility_create": "/eldercare/facilities/new/",
    "eldercare:home_bed_list": "/eldercare/home-beds/",
    "eldercare:home_bed_create": "/eldercare/home-beds/new/",
    "eldercare:assessment_list": "/eldercare/assessments/",
    "eldercare:assessment_create": "/eldercare/assessments/new/",
    "eldercare:elder_list": "/eldercare/elders/",
    "eldercare:elder_create": "/eldercare/elders/new/",
    "eldercare:visit_plan": "/eldercare/visits/",
    "eldercare:round_list": "/eldercare/supervision/rounds/",
    "eldercare:round_create": "/eldercare/supervision/rounds/new/",
    "eldercare:hazard_list": "/eldercare/supervision/hazards/",
    "eldercare:credit_list": "/eldercare/supervision/credit/",
    "eldercare:incident_list": "/eldercare/supervision/incidents/",
    "eldercare:retrofit_list": "/eldercare/retrofit/?year=2026",
    "eldercare:retrofit_create": "/eldercare/retrofit/new/",
    "eldercare:retrofit_target": "/eldercare/retrofit/targets/",
}

POSTS = {
    "admit",
    "add",
    "create",
    "discharge",
    "transfer",
    "visit",
    "assign",
    "end",
    "complete",
    "rectify",
    "recheck",
    "handle",
    "step",
}


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_every_page_renders_for_the_county(client, world, county_caseworker, inspector):
    login(client, county_caseworker)
    skip_for_caseworker = {"eldercare:round_create", "eldercare:blacklist_remove"}  # inspectors only (403)
    for name, url in {**LIST_URLS, **record_urls(world)}.items():
        if name.split("_")[-1] in POSTS and "detail" not in name:
            continue
        if name in skip_for_caseworker:
            continue
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
    body = client.get("/eldercare/institutions/").content.decode()
    assert "元宝区福寿养老院" in body and "<td>12</td><td>1</td><td>19</td>" in body.replace(
        "\n", ""
    )  # 12 nursing, 1 in, 19 free
    login(client, inspector)
    assert client.get("/eldercare/supervision/rounds/new/").status_code == 200
    assert "登记隐患" in client.get(record_urls(world)["eldercare:inspection_detail"]).content.decode()


def test_every_record_url_answers_404_to_another_county(client, world, outsider):
    login(client, outsider)
    for name, url in record_urls(world).items():
        method = client.post if name.split("_")[-1] in POSTS else client.get
        assert method(url).status_code == 404, name
    world["stay"].refresh_from_db()
    assert world["stay"].discharged_on is None


def test_lists_and_exports_show_nothing_of_another_county(client, world, outsider):
    login(client, outsider)
    for url in LIST_URLS.values():
        body = client.get(url).content.decode()
        assert "元宝区福寿养老院" not in body and "王桂兰" not in body and "李淑芬" not in body, url
    for url in [
        "/eldercare/institutions/?export=xlsx",
        "/eldercare/residents/?export=xlsx",
        "/eldercare/supervision/hazards/?export=xlsx",
        "/eldercare/elders/?export=xlsx",
    ]:
        rows = (
            CalamineWorkbook.from_filelike(io.BytesIO(client.get(url).content))
            .get_sheet_by_index(0)
            .to_python()
        )
        assert len(rows) == 1, url


def test_exports_mask_id_numbers_and_are_audited(client, world, county_caseworker):
    from minzheng.core.models import AuditEvent

    login(client, county_caseworker)
    content = client.get("/eldercare/residents/?export=xlsx").content
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    assert rows[1][0] == "王桂兰" and "****" in rows[1][1] and world["persons"][0].id_number not in str(rows)
    assert AuditEvent.objects.filter(action="export", object_type="eldercare.residency").exists()


def test_the_assessment_form_computes_the_level(client, world, county_caseworker):
    login(client, county_caseworker)
    person = world["persons"][1]
    data = {
        "person": person.pk,
        "assessed_on": "2026-03-01",
        "reason": "initial",
        "assessors": "张三、李四",
    }
    data |= {f"item_{code}": score for code, score in scores(**{f"B.1.{n}": 1 for n in range(1, 9)}).items()}
    response = client.post("/eldercare/assessments/new/", data)
    assert response.status_code == 302
    row = CapabilityAssessment.objects.get(person=person)
    assert (row.total_score, row.get_level_display()) == (66, "能力轻度受损（轻度失能）")
    del data["item_B.3.9"]
    body = client.post("/eldercare/assessments/new/", data).content.decode()
    assert "B.3.9 意识水平：请选择评分" in body


def test_public_page_needs_no_login_and_shows_no_personal_data(client, world, inspector):
    body = client.get("/public/eldercare/institutions/").content.decode()
    assert "元宝区福寿养老院" in body and 'data-testid="free-beds">19<' in body
    assert "王桂兰" not in body and world["persons"][0].id_number[-4:] not in body.replace("2026", "")
    assert "未评定" in body
    blacklist = body[body.index('data-testid="blacklist"') :]
    assert "元宝区福寿养老院" in blacklist and "逾期未整改" in blacklist
    assert "暂无" in body[body.index('data-testid="inspection-results"') :]  # the inspection is not done yet
    supervision.complete_inspection(
        inspector,
        world["inspection"],
        inspected_on=date.today(),
        conclusion="发现一般隐患1处，已责令整改",
    )
    body = client.get("/public/eldercare/institutions/").content.decode()
    assert "发现一般隐患1处，已责令整改" in body[body.index('data-testid="inspection-results"') :]


def test_indicator_drilldown_of_another_county_is_404(client, world, outsider, county_caseworker):
    login(client, outsider)
    assert (
        client.get("/eldercare/indicators/eldercare.nursing_bed_ratio/?division=210602000000").status_code
        == 404
    )
    assert client.get("/eldercare/indicators/core.nothing/").status_code == 404
    login(client, county_caseworker)
    body = client.get(
        "/eldercare/indicators/eldercare.township_coverage/?division=210602000000&end=2026-06-30"
    ).content.decode()
    assert "七道街道" in body and "广济街道" in body and "50.0%" in body


def test_api_lists_scope_and_capability_interface(client, world, outsider, county_caseworker):
    mine = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    theirs = {"Authorization": f"Bearer {issue_api_token(outsider)}"}
    listed = client.get("/api/eldercare/institutions", headers=mine).json()
    assert (
        listed["count"] == 1 and listed["items"][0]["occupied"] == 1 and listed["items"][0]["free_beds"] == 19
    )
    assert client.get("/api/eldercare/institutions", headers=theirs).json()["count"] == 0
    pk = world["institution"].pk
    assert client.get(f"/api/eldercare/institutions/{pk}", headers=theirs).status_code == 404
    person = world["persons"][0]
    level = client.get(f"/api/eldercare/persons/{person.pk}/capability", headers=mine).json()
    assert level["total_score"] == 88 and level["level_label"] == "能力轻度受损（轻度失能）"
    assert client.get(f"/api/eldercare/persons/{person.pk}/capability", headers=theirs).status_code == 404
    assert client.get(f"/api/eldercare/hazards/{world['hazard'].pk}", headers=theirs).status_code in {
        404,
        405,
    }
    assert client.get("/api/eldercare/hazards", headers=theirs).json()["count"] == 0
    bad = client.post(
        "/api/eldercare/assessments",
        headers=mine,
        content_type="application/json",
        data={
            "id_number": person.id_number,
            "assessed_on": "2026-03-02",
            "reason": "routine",
            "assessors": "甲、乙",
            "scores": {},
        },
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "B.1.1"
    figures = client.get(
        "/api/eldercare/indicators", {"start": "2026-01-01", "end": "2026-06-30"}, headers=mine
    ).json()
    assert {f["code"]: f["value"] for f in figures}["eldercare.nursing_bed_ratio"] == "60.0"
    assert (
        client.get(
            "/api/eldercare/indicators",
            {"start": "2026-01-01", "end": "2026-06-30", "division_code": "210602000000"},
            headers=theirs,
        ).status_code
        == 404
    )


def test_list_pages_do_not_query_per_row(client, county_caseworker, django_assert_max_num_queries):
    homes = [make_institution(county_caseworker, name=f"养老院{n}") for n in range(15)]
    for n, home in enumerate(homes):
        residents.admit(
            county_caseworker,
            institution=home,
            person=make_elder(name=f"老人{n}"),
            admitted_on=date(2026, 3, 1),
            bed_kind="general",
            care_grade="self_care",
            monthly_fee=Decimal("2000"),
        )
    login(client, county_caseworker)
    token = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    for url, headers in [
        ("/eldercare/institutions/", {}),
        ("/eldercare/residents/", {}),
        ("/api/eldercare/institutions", token),
    ]:
        with django_assert_max_num_queries(16):
            assert client.get(url, headers=headers).status_code == 200, url


def test_the_assessment_form_previews_the_level_as_items_are_ticked(client, county_caseworker):
    login(client, county_caseworker)
    partial = {f"item_{code}": score for code, score in scores().items() if code != "B.4.5"}
    assert "尚有 1 项未选择" in client.post("/eldercare/assessments/preview/", partial).content.decode()
    body = client.post(
        "/eldercare/assessments/preview/", partial | {"item_B.4.5": "0", "item_B.3.9": "0"}
    ).content.decode()
    # B.3.9 = 0 (昏睡或昏迷) is scored; the 完全丧失 override is the coma question A.5.11 (附录C C.4).
    assert 'data-testid="preview-total">84<' in body and "能力轻度受损（轻度失能）" in body
    body = client.post(
        "/eldercare/assessments/preview/", partial | {"item_B.4.5": "0", "item_B.3.9": "0", "coma": "1"}
    ).content.decode()
    assert "能力完全丧失（完全失能）" in body and "昏迷" in body


def test_dashboard_work_queue_by_role_and_overdue_tag(client, world, county_caseworker, inspector):
    login(client, county_caseworker)
    body = client.get("/eldercare/").content.decode()
    assert "待机构整改的隐患 1" in body and "待复查销号的隐患" not in body
    login(client, inspector)
    body = client.get("/eldercare/").content.decode()
    assert "待复查销号的隐患 0" in body and "逾期未整改的隐患 1" in body  # deadline 2026-10-23 has passed
    assert "逾期未整改" in client.get("/eldercare/supervision/hazards/").content.decode()


def test_the_register_shows_tekun_from_the_assistance_enrolment(client, county_caseworker, policy):
    from tests.monitoring.helpers import enrol

    household = HouseholdFactory(size=1)
    elder = hardship.register_elder(
        county_caseworker, person=household.head, categories=["alone"], registered_on=date(2025, 1, 1)
    )
    login(client, county_caseworker)
    assert "社会救助在保" not in client.get(f"/eldercare/elders/{elder.pk}/").content.decode()
    enrol(county_caseworker, household, program="tekun_dispersed", start=date(2025, 1, 1))
    assert "是（社会救助在保）" in client.get(f"/eldercare/elders/{elder.pk}/").content.decode()
    assert "是（社会救助在保）" in client.get("/eldercare/elders/").content.decode()


def test_the_assessment_form_records_the_c4_upgrade_and_the_coma_override(client, world, county_caseworker):
    login(client, county_caseworker)
    person = world["persons"][1]
    data = {
        "person": person.pk,
        "assessed_on": "2026-03-01",
        "reason": "initial",
        "assessors": "张三、李四",
        "diagnosis_codes": "F01.1、I10",
        "care_risk_events_30d": "0",
    }
    data |= {f"item_{code}": score for code, score in scores(**{f"B.1.{n}": 1 for n in range(1, 9)}).items()}
    assert client.post("/eldercare/assessments/new/", data).status_code == 302
    row = CapabilityAssessment.objects.filter(person=person).latest("id")
    assert (row.total_score, row.base_level, row.level) == (66, 1, 2)  # 轻度 → 中度 (C.4, F01)
    assert row.upgrade_reasons == ["确诊为痴呆（F00–F03）"] and row.diagnosis_codes == ["F01.1", "I10"]
    data |= {"coma": "1", "assessed_on": "2026-03-02"}
    assert client.post("/eldercare/assessments/new/", data).status_code == 302
    row = CapabilityAssessment.objects.filter(person=person).latest("id")
    assert (row.level, row.level_by_coma, row.coma) == (4, True, True)


def test_assessments_made_total_loss_by_the_old_coma_rule_are_listed_not_rewritten(
    client, world, county_caseworker
):
    row = CapabilityAssessment.objects.get(person=world["persons"][0])
    CapabilityAssessment.objects.filter(pk=row.pk).update(
        level=4, level_by_coma=True
    )  # as the old rule stored it
    login(client, county_caseworker)
    body = client.get("/eldercare/assessments/?old_coma_rule=on").content.decode()
    assert world["persons"][0].name in body
    assert CapabilityAssessment.objects.get(pk=row.pk).level == 4
