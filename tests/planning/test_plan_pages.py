"""Plan pages and API: who sees which plan, the detail tabs, import with review, 分解落实."""

from html.parser import HTMLParser

import pytest

from minzheng.core.services.accounts import issue_api_token
from minzheng.planning.models import Plan, PlanDraftUpload
from tests.core.factories import make_user

from .test_commands import PLANS


@pytest.fixture
def jilin_user(divisions):
    return make_user("caseworker", "220102000000")


@pytest.fixture
def dandong_caseworker(divisions):
    return make_user("caseworker", "210600000000")


def titles(response) -> set[str]:
    body = response.content.decode()
    return {t for t in ("辽宁省民政", "丹东市民政", "阜新市民政", "浑南区民政") if t in body}


@pytest.mark.django_db
def test_a_county_user_sees_the_plans_of_the_city_and_province_above(seed_plans, login, county_caseworker):
    assert titles(login(county_caseworker).get("/planning/plans/")) == {"辽宁省民政", "丹东市民政"}


@pytest.mark.django_db
def test_a_province_user_sees_every_plan_of_the_province(seed_plans, login):
    user = make_user("leader", "210000000000")
    assert titles(login(user).get("/planning/plans/")) == {
        "辽宁省民政",
        "丹东市民政",
        "阜新市民政",
        "浑南区民政",
    }


@pytest.mark.django_db
def test_a_jilin_user_sees_none_of_them(seed_plans, login, jilin_user):
    client = login(jilin_user)
    assert titles(client.get("/planning/plans/")) == set()
    for plan in seed_plans.values():
        assert client.get(f"/planning/plans/{plan.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_dandong_user_gets_404_for_the_fuxin_plan(seed_plans, login, dandong_caseworker):
    client = login(dandong_caseworker)
    assert client.get(f"/planning/plans/{seed_plans['阜新市'].pk}/").status_code == 404
    assert client.get(f"/planning/plans/{seed_plans['辽宁省'].pk}/").status_code == 200


@pytest.mark.django_db
def test_list_page_queries_do_not_grow_with_plans(seed_plans, login, django_assert_max_num_queries):
    client = login(make_user("leader", "210000000000"))
    # session, user, roles, own division name, session save (3) + count, page of plans, division names
    with django_assert_max_num_queries(10):
        response = client.get("/planning/plans/")
    assert response.status_code == 200 and "共 4 条" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("tab", ["indicators", "targets", "outline", "tasks", "projects"])
def test_every_tab_of_the_plan_detail_renders(seed_plans, login, city_leader, tab):
    body = (
        login(city_leader).get(f"/planning/plans/{seed_plans['丹东市'].pk}/", {"tab": tab}).content.decode()
    )
    expected = {
        "indicators": "养老机构护理型床位占比",
        "targets": "每万名城镇常住人口拥有社区工作者",
        "outline": "第一节 发展基础",
        "tasks": "健全农村社会救助制度",
        "projects": "丹东市殡仪馆异地新建项目",
    }
    assert expected[tab] in body


@pytest.mark.django_db
def test_binding_indicators_are_highlighted(seed_plans, login, city_leader):
    body = login(city_leader).get(f"/planning/plans/{seed_plans['丹东市'].pk}/").content.decode()
    assert body.count('class="binding"') == 4


@pytest.mark.django_db
def test_api_lists_visible_plans_and_404s_outside(client, seed_plans, county_caseworker, jilin_user):
    headers = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    listed = client.get("/api/planning/plans", headers=headers).json()
    assert listed["count"] == 2
    dandong = client.get(f"/api/planning/plans/{seed_plans['丹东市'].pk}", headers=headers).json()
    assert (dandong["indicator_count"], dandong["parent_id"]) == (20, seed_plans["辽宁省"].pk)
    table = [i for i in dandong["indicators"] if i["source"] == "table"]
    assert table[17].items() >= {"no": 18, "target": "≥60", "comparison": "≥", "attribute": "约束性"}.items()
    assert client.get(f"/api/planning/plans/{seed_plans['浑南区'].pk}", headers=headers).status_code == 404
    outsider = {"Authorization": f"Bearer {issue_api_token(jilin_user)}"}
    assert client.get("/api/planning/plans", headers=outsider).json()["count"] == 0
    assert client.get(f"/api/planning/plans/{seed_plans['辽宁省'].pk}", headers=outsider).status_code == 404


@pytest.mark.django_db
def test_a_leader_reviews_the_draft_then_saves_it(plan_divisions, login, city_leader):
    client = login(city_leader)
    with open(PLANS / "dandong-city-plan.txt", "rb") as handle:
        response = client.post("/planning/plans/import/", {"file": handle})
    upload = PlanDraftUpload.objects.get()
    assert response.url == f"/planning/plans/import/{upload.pk}/"
    review = client.get(response.url).content.decode()
    assert "主要指标 20 项" in review and "不低于省定指标要求" in review
    assert not Plan.objects.exists()  # nothing is saved before 保存
    saved = client.post(
        response.url, {"title": "丹东市民政事业发展第十四个五年规划", "status": "征求意见稿", "division": ""}
    )
    plan = Plan.objects.get()
    assert saved.url == f"/planning/plans/{plan.pk}/"
    assert (plan.division_code, plan.status, plan.indicators.filter(source="table").count()) == (
        "210600000000",
        "征求意见稿",
        20,
    )
    assert plan.imported_by == city_leader
    # Saving again, or uploading the same file again, stores nothing new.
    client.post(response.url, {"title": "x", "division": ""})
    with open(PLANS / "dandong-city-plan.txt", "rb") as handle:
        again = client.post("/planning/plans/import/", {"file": handle})
    client.post(again.url, {"title": "丹东市民政事业发展第十四个五年规划", "division": ""})
    assert Plan.objects.count() == 1


class _UnlabelledControls(HTMLParser):
    """Form controls a screen reader could not name: neither inside a <label> nor given an aria-label or a title."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.unnamed = 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.depth += 1
        elif (
            tag in {"input", "select", "textarea"}
            and attrs.get("type") not in {"hidden", "submit"}
            and not self.depth
            and not (attrs.get("aria-label") or attrs.get("title"))
        ):
            self.unnamed.append(attrs.get("name"))

    def handle_endtag(self, tag):
        if tag == "label":
            self.depth -= 1


@pytest.mark.django_db
def test_every_box_of_the_review_grid_names_its_column_and_row(plan_divisions, login, city_leader):
    client = login(city_leader)
    with open(PLANS / "dandong-city-plan.txt", "rb") as handle:
        review = client.get(client.post("/planning/plans/import/", {"file": handle}).url).content.decode()
    parser = _UnlabelledControls()
    parser.feed(review)
    assert parser.unnamed == []
    assert 'aria-label="指标名称（第1行）"' in review and 'aria-label="删除第1行"' in review


@pytest.mark.django_db
def test_review_offers_the_nearest_higher_plan_as_parent(seed_plans, login):
    client = login(make_user("leader", "210100000000"))  # 沈阳: no city plan, so 辽宁's is the nearest
    with open(PLANS / "hunnan-district-plan.txt", "rb") as handle:
        response = client.post("/planning/plans/import/", {"file": handle})
    body = client.get(response.url).content.decode()
    assert f'<option value="{seed_plans["辽宁省"].pk}" selected>' in body
    assert '<option value="210112000000" selected>浑南区</option>' in body


@pytest.mark.django_db
def test_a_caseworker_cannot_open_the_import_page(login, county_caseworker):
    assert login(county_caseworker).get("/planning/plans/import/").status_code == 403


@pytest.mark.django_db
def test_unsupported_files_are_refused_on_upload(login, city_leader):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(city_leader)
    response = client.post(
        "/planning/plans/import/", {"file": SimpleUploadedFile("a.pdf", b"%PDF")}, follow=True
    )
    assert "只支持 .txt 或 .docx" in response.content.decode()
    assert not PlanDraftUpload.objects.exists()


@pytest.mark.django_db
def test_another_persons_upload_and_another_regions_task_are_404(
    client, seed_plans, login, city_leader, sysadmin
):
    upload = PlanDraftUpload.objects.create(
        file_name="x.txt", sha256="0" * 64, draft={}, division_code="210600000000", uploaded_by=city_leader
    )
    other = login(make_user("leader", "210900000000"))  # 阜新's leader
    assert other.get(f"/planning/plans/import/{upload.pk}/").status_code == 404
    assert other.post(f"/planning/plans/import/{upload.pk}/", {"title": "x"}).status_code == 404
    dandong_task = seed_plans["丹东市"].tasks.first()
    assert other.get(f"/planning/tasks/{dandong_task.pk}/").status_code == 404
    assert other.post(f"/planning/tasks/{dandong_task.pk}/", {"status": "done"}).status_code == 404
    dandong_task.refresh_from_db()
    assert dandong_task.status == "not_started"


@pytest.mark.django_db
def test_a_city_leader_sees_but_cannot_break_down_the_provincial_plan(seed_plans, login, city_leader):
    client = login(city_leader)
    task = seed_plans["辽宁省"].tasks.first()
    assert client.get(f"/planning/tasks/{task.pk}/").status_code == 404
    assert (
        "分解落实" not in client.get(f"/planning/plans/{seed_plans['辽宁省'].pk}/?tab=tasks").content.decode()
    )


@pytest.mark.django_db
def test_a_leader_breaks_down_a_task_of_the_city_plan(seed_plans, login, city_leader):
    client = login(city_leader)
    task = seed_plans["丹东市"].tasks.first()
    response = client.post(
        f"/planning/tasks/{task.pk}/",
        {"responsible_unit": "市民政局养老服务科", "deadline": "2025-06-30", "status": "lagging"},
    )
    assert response.status_code == 302
    body = client.get(f"/planning/plans/{seed_plans['丹东市'].pk}/?tab=tasks").content.decode()
    assert "市民政局养老服务科" in body and "2025-06-30" in body and "滞后" in body


@pytest.mark.django_db
def test_the_sidebar_leads_to_the_plan_list(login, county_caseworker):
    body = login(county_caseworker).get("/").content.decode()
    assert 'href="/planning/plans/"' in body
