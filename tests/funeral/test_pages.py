"""殡葬管理 pages: each renders in Chinese for the county, every record is a 404 to another county and
lists show nothing of it; the desk enters a certificate, imports a file and bills an order through the pages."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.funeral.models import DeathRecord, ServiceOrder
from minzheng.funeral.services import orders, waivers
from minzheng.funeral.services.death_import import import_deaths
from minzheng.funeral.services.deaths import record_certificate
from tests.core.factories import PASSWORD, HouseholdFactory, make_user

from .factories import certificate, csv_of, make_home, row_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(desk, divisions):
    bureau = make_user("approver", "210602000000", username="yb_mzj")
    waivers.load_funeral_policy()
    home = make_home(bureau)
    household = HouseholdFactory(size=2)
    death = record_certificate(desk, certificate(household.head), today=date(2026, 8, 1))
    order = orders.open_order(
        desk, death, orders.OrderInput(home=home, ordered_on=date(2026, 7, 20), contact_name="王强")
    )
    orders.add_line(desk, order, item_code="J04", quantity=1)
    batch = import_deaths(
        desk, data=b"nonsense", file_name="bad.csv", source_department="卫健委", today=date(2026, 8, 1)
    )
    from minzheng.funeral.models import Plot
    from minzheng.funeral.services import cemeteries

    cemeteries.load_plot_limits()
    cemetery = cemeteries.register_cemetery(
        bureau, name="元宝区凤凰山公益性公墓", kind="public", division_code="210602000000", approving_level="province",
        approval_document="辽民函〔2019〕12号", approved_on=date(2019, 5, 1),
    )  # fmt: skip
    cemeteries.add_section(bureau, cemetery, name="A", rows=3, columns=8, plot_kind="double_ashes", area_m2="0.8", on=date(2026, 8, 1))  # fmt: skip
    plot = cemeteries.bury(
        desk, Plot.objects.get(number="A-01-01"), death, on=date(2026, 7, 25), reserved_for="李秀英"
    )
    from minzheng.funeral.services import settlements
    from minzheng.funeral.services.deaths import UnidentifiedInput, record_unidentified

    body = record_unidentified(
        desk,
        UnidentifiedInput("丹公验字〔2026〕7号", "元宝分局", date(2026, 7, 30), date(2026, 7, 29), "210602002001", "other", "unnatural", "男性"),
        today=date(2026, 8, 10),
    )  # fmt: skip
    settled = orders.open_order(
        desk, body, orders.OrderInput(home=home, ordered_on=date(2026, 7, 30), contact_name="民政局")
    )
    orders.add_line(desk, settled, item_code="J04", quantity=1)
    orders.issue_bill(desk, settled, on=date(2026, 8, 3))
    settlement = settlements.prepare(desk, home, month=date(2026, 8, 1), today=date(2026, 8, 10))
    from minzheng.funeral.services import eco

    eco.set_award_rule(bureau, division_code="210602000000", method="sea", amount="1000", effective_from=date(2026, 1, 1), source_note="演示数据")  # fmt: skip
    eco_death = record_certificate(desk, certificate(HouseholdFactory(size=1).head), today=date(2026, 8, 1))
    eco.record_eco_burial(desk, eco_death, method="sea", buried_on=date(2026, 7, 28), family_name="王强", today=date(2026, 8, 1))  # fmt: skip
    awards = eco.prepare_award_list(desk, division_code="210602000000", month=date(2026, 8, 1), today=date(2026, 8, 10))  # fmt: skip
    from minzheng.funeral.services import memorials

    memorial = memorials.publish_memorial(desk, death, shown_name=death.name, dates_shown="years", consent_by="王强", consent_relation="子", consent_on=date(2026, 8, 1), today=date(2026, 8, 2))  # fmt: skip
    tribute = memorials.order_proxy_tribute(desk, death, cemetery, requested_by="王强", services="献花", due_on=timezone.localdate())  # fmt: skip
    memorials.set_quota(desk, cemetery, day=timezone.localdate() + timedelta(days=2), capacity=50)
    return {
        "settlement": settlement, "awards": awards, "memorial": memorial, "tribute": tribute,
        "bureau": bureau, "home": home, "death": death, "order": order, "batch": batch, "household": household,
        "cemetery": cemetery, "plot": plot,
    }  # fmt: skip


def record_urls(w) -> dict[str, str]:
    return {
        "funeral:death_detail": f"/funeral/deaths/{w['death'].pk}/",
        "funeral:import_errors": f"/funeral/deaths/import/{w['batch'].pk}/errors/",
        "funeral:home_detail": f"/funeral/homes/{w['home'].pk}/",
        "funeral:item_set": f"/funeral/homes/{w['home'].pk}/items/",
        "funeral:furnace_add": f"/funeral/homes/{w['home'].pk}/furnaces/",
        "funeral:order_detail": f"/funeral/orders/{w['order'].pk}/",
        "funeral:line_add": f"/funeral/orders/{w['order'].pk}/lines/",
        "funeral:line_remove": f"/funeral/orders/{w['order'].pk}/lines/remove/",
        "funeral:order_bill": f"/funeral/orders/{w['order'].pk}/bill/",
        "funeral:settlement_detail": f"/funeral/settlements/{w['settlement'].pk}/",
        "funeral:settlement_submit": f"/funeral/settlements/{w['settlement'].pk}/submit/",
        "funeral:settlement_approve": f"/funeral/settlements/{w['settlement'].pk}/approve/",
        "funeral:settlement_return": f"/funeral/settlements/{w['settlement'].pk}/return/",
        "funeral:cemetery_detail": f"/funeral/cemeteries/{w['cemetery'].pk}/",
        "funeral:section_add": f"/funeral/cemeteries/{w['cemetery'].pk}/sections/",
        "funeral:inspection_add": f"/funeral/cemeteries/{w['cemetery'].pk}/inspections/",
        "funeral:plot_detail": f"/funeral/plots/{w['plot'].pk}/",
        "funeral:plot_bury": f"/funeral/plots/{w['plot'].pk}/bury/",
        "funeral:plot_renew": f"/funeral/plots/{w['plot'].pk}/renew/",
        "funeral:eco_create": f"/funeral/eco/new/?death={w['death'].pk}",
        "funeral:award_list_detail": f"/funeral/eco/awards/{w['awards'].pk}/",
        "funeral:award_list_submit": f"/funeral/eco/awards/{w['awards'].pk}/submit/",
        "funeral:award_list_approve": f"/funeral/eco/awards/{w['awards'].pk}/approve/",
        "funeral:award_list_return": f"/funeral/eco/awards/{w['awards'].pk}/return/",
        "funeral:memorial_create": f"/funeral/memorials/new/?death={w['death'].pk}",
        "funeral:memorial_withdraw": f"/funeral/memorials/{w['memorial'].pk}/withdraw/",
        "funeral:proxy_create": f"/funeral/proxy/new/?death={w['death'].pk}",
        "funeral:proxy_done": f"/funeral/proxy/{w['tribute'].pk}/done/",
    }


LIST_URLS = {
    "funeral:dashboard": "/funeral/",
    "funeral:death_list": "/funeral/deaths/",
    "funeral:death_create": "/funeral/deaths/new/",
    "funeral:unidentified_create": "/funeral/deaths/unidentified/new/",
    "funeral:death_import": "/funeral/deaths/import/",
    "funeral:import_template": "/funeral/deaths/import/template/",
    "funeral:home_list": "/funeral/homes/",
    "funeral:waiver_list": "/funeral/waivers/",
    "funeral:order_list": "/funeral/orders/",
    "funeral:order_create": "/funeral/orders/new/",
    "funeral:cemetery_list": "/funeral/cemeteries/",
    "funeral:settlement_list": "/funeral/settlements/",
    "funeral:settlement_create": "/funeral/settlements/new/",
    "funeral:area_limit_list": "/funeral/cemeteries/limits/",
    "funeral:eco_list": "/funeral/eco/",
    "funeral:eco_rule_list": "/funeral/eco/rules/",
    "funeral:award_list_list": "/funeral/eco/awards/",
    "funeral:award_list_create": "/funeral/eco/awards/new/",
    "funeral:memorial_list": "/funeral/memorials/",
    "funeral:proxy_list": "/funeral/proxy/",
    "funeral:quota_list": "/funeral/visits/",
    "funeral:quota_create": "/funeral/visits/new/",
    "funeral:inspection_list": "/funeral/supervision/",
    "funeral:violation_list": "/funeral/supervision/violations/",
    "funeral:licence_list": "/funeral/supervision/licences/",
}
POLICY_PAGES = {
    "funeral:home_create": "/funeral/homes/new/",
    "funeral:waiver_create": "/funeral/waivers/new/",
    "funeral:cemetery_create": "/funeral/cemeteries/new/",
    "funeral:eco_rule_create": "/funeral/eco/rules/new/",
    "funeral:round_create": "/funeral/supervision/draw/",
    "funeral:licence_create": "/funeral/supervision/licences/new/",
}
POSTS = {
    "item_set", "furnace_add", "line_add", "line_remove", "order_bill", "section_add", "inspection_add", "plot_bury",
    "plot_renew", "settlement_submit", "settlement_approve", "settlement_return", "award_list_submit",
    "award_list_approve", "award_list_return",
}  # fmt: skip
_DEVELOPER_WORDS = re.compile(
    r"\b(natural|unnatural|hospital|electronic|paper|basic|dibao|tekun|open|billed|None)\b"
)


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _visible_text(html: str) -> str:
    body = html.split("<main", 1)[-1]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", body, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return body


def test_every_page_renders_in_chinese_for_the_county(client, world, desk):
    login(client, desk)
    for name, url in {**LIST_URLS, **record_urls(world)}.items():
        if name.split(":")[1] in POSTS:
            continue
        response = client.get(url)
        assert response.status_code == 200, name
        if response["Content-Type"].startswith("text/html"):
            text = _visible_text(response.content.decode())
            assert not _DEVELOPER_WORDS.search(text), (name, _DEVELOPER_WORDS.search(text))
    detail = client.get(f"/funeral/deaths/{world['death'].pk}/").content.decode()
    assert world["death"].id_number not in detail and world["death"].id_number[-4:] in detail
    assert AuditEvent.objects.filter(
        action=AuditEvent.READ_DETAIL, object_type="funeral.deathrecord"
    ).exists()
    client.logout()
    login(client, world["bureau"])
    for name, url in POLICY_PAGES.items():
        assert client.get(url).status_code == 200, name


def test_every_record_answers_404_to_another_county(client, world, other_desk):
    login(client, other_desk)
    for name, url in record_urls(world).items():
        method = client.post if name.split(":")[1] in POSTS else client.get
        assert method(url).status_code == 404, name
    for url in [
        "/funeral/deaths/",
        "/funeral/orders/",
        "/funeral/homes/",
        "/funeral/",
        "/funeral/deaths/import/",
        "/funeral/cemeteries/",
        "/funeral/eco/",
        "/funeral/eco/awards/",
        "/funeral/memorials/",
        "/funeral/proxy/",
        "/funeral/visits/",
    ]:
        body = client.get(url).content.decode()
        assert world["death"].name not in body and world["home"].name not in body and "bad.csv" not in body, (
            url
        )
        assert world["cemetery"].name not in body, url
    exported = client.get("/funeral/deaths/?export=xlsx")
    assert exported.status_code == 200 and world["death"].name.encode() not in exported.content
    assert ServiceOrder.objects.get(pk=world["order"].pk).lines.count() == 1


def test_the_desk_enters_a_certificate_through_the_page(client, desk, household):
    login(client, desk)
    person = household.head
    form = {
        "certificate_number": "P2026000001", "certificate_form": "paper", "id_number": person.id_number,
        "name": person.name, "death_date": "2026-05-03", "death_place": "home", "cause": "natural",
        "issuer_kind": "hospital", "issuer_name": "七道街道社区卫生服务中心", "issued_on": "2026-05-04",
    }  # fmt: skip
    refused = client.post("/funeral/deaths/new/", form)
    assert refused.status_code == 200 and "签发机构类别与死亡地点" in refused.content.decode()
    response = client.post("/funeral/deaths/new/", {**form, "issuer_kind": "community"})
    record = DeathRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/funeral/deaths/{record.pk}/"
    person.refresh_from_db()
    assert person.is_deceased


def test_a_file_is_imported_through_the_page_and_errors_are_listed(client, desk, divisions):
    login(client, desk)
    a = HouseholdFactory(size=1)
    bad = csv_of([row_of(a.head, "E1", 死亡原因类别="病死")])
    client.post(
        "/funeral/deaths/import/", {"source_department": "卫健委", "file": SimpleUploadedFile("bad.csv", bad)}
    )
    page = client.get("/funeral/deaths/import/").content.decode()
    assert "第2行 死亡原因类别" in page and "未导入" in page
    good = csv_of([row_of(a.head, "E1")])
    client.post(
        "/funeral/deaths/import/",
        {"source_department": "卫健委", "file": SimpleUploadedFile("good.csv", good)},
    )
    assert DeathRecord.objects.filter(certificate_number="E1").exists()
    missing = client.post("/funeral/deaths/import/", {"source_department": "卫健委"})
    assert "请选择死亡信息文件" in missing.content.decode() or "死亡信息文件" in missing.content.decode()


def test_an_order_is_billed_through_the_page(client, world, desk):
    login(client, desk)
    order = world["order"]
    url = f"/funeral/orders/{order.pk}/"
    client.post(url + "lines/", {"item_code": "J01", "quantity": "8"})
    refused = client.post(url + "lines/", {"item_code": "X99", "quantity": "1"}, follow=True)
    assert "服务项目" in refused.content.decode()
    client.post(url + "bill/", {"billed_on": timezone.localdate().isoformat()})
    order.refresh_from_db()
    assert order.status == "billed" and order.total == Decimal("480.00") and order.lines.count() == 2


def test_the_api_lists_masked_deaths_takes_a_pushed_certificate_and_scopes_by_county(
    client, world, desk, other_desk
):
    from minzheng.core.services.accounts import issue_api_token

    mine = {"Authorization": f"Bearer {issue_api_token(desk)}"}
    theirs = {"Authorization": f"Bearer {issue_api_token(other_desk)}"}
    listed = client.get("/api/funeral/deaths", headers=mine).json()
    # the death, the unidentified body and the eco-burial's deceased of the world
    assert listed["count"] == 3 and world["death"].id_number not in str(listed)
    assert client.get("/api/funeral/deaths", headers=theirs).json()["count"] == 0
    assert client.get(f"/api/funeral/deaths/{world['death'].pk}", headers=theirs).status_code == 404
    assert client.get(f"/api/funeral/orders/{world['order'].pk}", headers=theirs).status_code == 404
    bill = client.get(f"/api/funeral/orders/{world['order'].pk}", headers=mine).json()
    assert bill["lines"][0]["item_code"] == "J04"
    member = world["household"].memberships.exclude(person=world["household"].head).first().person
    payload = {
        "certificate_number": "API0001", "certificate_form": "electronic", "issuer_kind": "hospital",
        "issuer_name": "丹东市第一医院", "issued_on": "2026-07-11", "id_number": member.id_number, "name": member.name,
        "death_date": "2026-07-10", "death_place": "hospital", "cause": "natural",
    }  # fmt: skip
    created = client.post("/api/funeral/deaths", payload, headers=mine, content_type="application/json")
    assert created.status_code == 201 and created.json()["registry_change_id"]
    again = client.post("/api/funeral/deaths", payload, headers=mine, content_type="application/json")
    assert again.status_code == 409


def test_the_plot_map_shows_each_plot_coloured_by_state_and_links_to_it(client, world, desk):
    login(client, desk)
    page = client.get(f"/funeral/cemeteries/{world['cemetery'].pk}/").content.decode()
    assert page.count("<rect x=") == 24 and "已葬一人（预留配偶） 1" in page
    assert f'href="/funeral/plots/{world["plot"].pk}/"' in page and "#ffe7ba" in page
    plot = client.get(f"/funeral/plots/{world['plot'].pk}/").content.decode()
    fields = plot.split("<dl", 1)[1].split("</dl>", 1)[0]
    assert "李秀英" in fields and "2046" in fields, fields


def test_malformed_queries_and_forms_on_every_funeral_page_give_no_server_error(client, world, desk):
    """The architecture fuzzers' inputs on the funeral pages with real records, plus this app's own fields."""
    from tests.architecture.test_ui_fuzzing import LONG, MALFORMED_FORM, MALFORMED_QUERIES

    own = {
        "quantity": "NaN", "item_code": LONG, "area_m2": "1e400", "rows": "99999999999", "columns": "-3",
        "pickup_distance_km": "Infinity", "storage_days": "1e9", "unit_price": "1e20", "cap_quantity": "NaN",
        "death": "abc", "home": "99999999999999999999", "furnace": "-1", "line": "x", "billed_on": "2026-02-30",
        "issued_on": "0000-00-00", "death_date": "99999-01-01", "certificate_number": LONG, "categories": ["x", LONG],
        "pickup_at": "2026-13-45T99:99", "cremation_at": "x", "plot_kind": "<script>", "result": "\x00",
        "found_division_code": "2106030000001", "police_document_number": LONG, "body_description": LONG,
    }  # fmt: skip
    urls = [*LIST_URLS.values(), *POLICY_PAGES.values(), *record_urls(world).values()]
    for user in (desk, world["bureau"]):
        login(client, user)
        for url in urls:
            for query in MALFORMED_QUERIES:
                assert client.get(url, query).status_code < 500, (url, query)
            assert client.post(url, {**MALFORMED_FORM, **own}).status_code < 500, url
        client.logout()
