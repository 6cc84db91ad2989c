"""婚姻登记 pages end to end: the registration desk, divorce by agreement on the marriage record, registries
and registrars; another county's records answer 404 and its lists show nothing."""

from datetime import date, timedelta

import pytest

from minzheng.core.identity import mask_id_number
from minzheng.core.models import AuditEvent
from minzheng.marriage.models import DivorceApplication, DivorceStatus, MarriageRecord, Registrar, Registry
from minzheng.marriage.services.divorces import Agreement, receive_divorce
from tests.core.factories import PASSWORD

from .factories import marry, resident_id

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def world(registry, registrar):
    marriage = marry(registrar, registry, on=date(2021, 5, 20))
    divorce = receive_divorce(
        registrar, marry(registrar, registry, on=date(2018, 1, 1)), registry=registry,
        agreement=Agreement("无子女", "各自名下财产归各自所有", "无"), on=date.today() - timedelta(days=40),
    )  # fmt: skip
    return {"marriage": marriage, "divorce": divorce, "registry": registry}


def test_every_page_renders_in_chinese(client, world, registrar):
    login(client, registrar)
    m, d, r = world["marriage"], world["divorce"], world["registry"]
    for url in [
        "/marriage/", "/marriage/marriages/", "/marriage/marriages/new/", f"/marriage/marriages/{m.pk}/",
        "/marriage/divorces/", "/marriage/divorces/?stage=appearance", f"/marriage/divorces/{d.pk}/",
        "/marriage/registries/", f"/marriage/registries/{r.pk}/", "/marriage/marriages/?q=abc&year=x",
    ]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert ">in_force<" not in text and ">cooling_off<" not in text, url
    page = client.get(f"/marriage/marriages/{m.pk}/").content.decode()
    for p in m.parties.all():
        assert p.id_number not in page
        assert p.id_number[:6] + "********" + p.id_number[-4:] in page
    assert AuditEvent.objects.filter(
        action=AuditEvent.READ_DETAIL, object_type="marriage.marriagerecord"
    ).exists()
    # The application received 40 days ago is in its appearance period: the page offers registration.
    assert "登记并发证" in client.get(f"/marriage/divorces/{d.pk}/").content.decode()


def test_register_a_marriage_through_the_desk(client, registry, registrar):
    login(client, registrar)
    post = {
        "registry": str(registry.pk),
        "male_name": "赵强", "male_id_type": "resident", "male_id_number": resident_id(date(1996, 2, 3), True),
        "male_prior_status": "10", "male_nationality": "中国",
        "female_name": "钱丽", "female_id_type": "resident", "female_id_number": resident_id(date(1998, 4, 5), False),
        "female_prior_status": "40", "female_nationality": "中国",
        "declared_voluntary": "1", "declared_no_spouse": "1", "declared_no_prohibited_kinship": "1",
    }  # fmt: skip
    response = client.post("/marriage/marriages/new/", post, follow=True)
    record = MarriageRecord.objects.get()
    assert record.registered_on == date.today()
    assert f"结婚证字号 {record.certificate_number}" in response.content.decode()
    # The same groom again: refused in Chinese next to his ID number, nothing stored.
    again = client.post(
        "/marriage/marriages/new/", post | {"female_id_number": resident_id(date(1998, 4, 6), False)}
    )
    assert again.status_code == 200 and "婚姻尚存续" in again.content.decode()
    assert MarriageRecord.objects.count() == 1


def test_bad_input_is_a_field_named_chinese_error(client, registry, registrar):
    login(client, registrar)
    response = client.post(
        "/marriage/marriages/new/", {"registry": str(registry.pk), "male_id_number": "123"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "请填写男方姓名" in text


def test_divorce_receive_then_withdraw_through_pages(client, registry, registrar):
    login(client, registrar)
    m = marry(registrar, registry, on=date(2020, 1, 1))
    response = client.post(
        f"/marriage/marriages/{m.pk}/divorce/",
        {
            "registry": str(registry.pk),
            "children": "无",
            "property": "房产归男方，男方补偿女方20万元",
            "debts": "无",
        },
        follow=True,
    )
    app = DivorceApplication.objects.get()
    assert "已受理离婚登记申请" in response.content.decode() and app.received_on == date.today()
    response = client.post(f"/marriage/divorces/{app.pk}/withdraw/", {"party_sex": "2"}, follow=True)
    app.refresh_from_db()
    assert app.status == DivorceStatus.WITHDRAWN
    assert "已撤回" in response.content.decode()


def test_registration_in_appearance_period_through_the_page(client, world, registrar):
    login(client, registrar)
    d = world["divorce"]
    client.post(f"/marriage/divorces/{d.pk}/register/", {"both_present": "1", "review_note": "符合规定"})
    d.refresh_from_db()
    assert d.status == DivorceStatus.REGISTERED and d.certificate_number.startswith("L210602-")


def test_registry_admin_sets_up_a_registry_and_registrar(client, registry_admin, divisions):
    from tests.core.factories import make_user

    clerk = make_user("caseworker", "210602003000", username="gj_clerk")
    login(client, registry_admin)
    response = client.post(
        "/marriage/registries/new/",
        {"name": "元宝区广济婚姻登记点", "division_code": "210602003", "level": "township"},
    )
    assert response.status_code == 302
    reg = Registry.objects.get(name="元宝区广济婚姻登记点")
    assert reg.certificate_code == "210602"
    client.post(
        f"/marriage/registries/{reg.pk}/registrars/", {"user": str(clerk.pk), "qualification_number": "X1"}
    )
    registrar = Registrar.objects.get(user=clerk)
    assert client.get(f"/marriage/registrars/{registrar.pk}/").status_code == 200
    client.post(f"/marriage/registrars/{registrar.pk}/", {"active": "0"})
    registrar.refresh_from_db()
    assert not registrar.active


def test_another_county_gets_404_and_empty_lists(client, world, outsider):
    login(client, outsider)
    m, d, r = world["marriage"], world["divorce"], world["registry"]
    for url in [
        f"/marriage/marriages/{m.pk}/",
        f"/marriage/divorces/{d.pk}/",
        f"/marriage/registries/{r.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    for url in [f"/marriage/marriages/{m.pk}/divorce/", f"/marriage/divorces/{d.pk}/withdraw/",
                f"/marriage/divorces/{d.pk}/register/", f"/marriage/divorces/{d.pk}/refuse/",
                f"/marriage/registries/{r.pk}/registrars/"]:  # fmt: skip
        assert client.post(url, {}).status_code == 404, url
    registrar_row = Registrar.objects.get()
    assert client.get(f"/marriage/registrars/{registrar_row.pk}/").status_code == 404
    assert m.certificate_number not in client.get("/marriage/marriages/").content.decode()
    assert "元宝区婚姻登记处" not in client.get("/marriage/registries/").content.decode()


def test_api_lists_masked_and_scoped(client, world, registrar, outsider):
    from minzheng.core.services.accounts import issue_api_token

    token = issue_api_token(registrar)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = client.get("/api/marriage/marriages", **auth).json()
    assert body["count"] == 2
    number = world["marriage"].parties.first().id_number
    assert number not in str(body) and mask_id_number(number) in str(body)
    one = client.get(f"/api/marriage/marriages/{world['marriage'].pk}", **auth)
    assert one.status_code == 200
    assert client.get("/api/marriage/divorces", **auth).json()["count"] == 1
    other = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(outsider)}"}
    assert client.get(f"/api/marriage/marriages/{world['marriage'].pk}", **other).status_code == 404
    assert client.get("/api/marriage/marriages", **other).json()["count"] == 0


def test_interface_marital_status_on_a_day(registry, registrar):
    from minzheng.marriage.interface import marital_status_on
    from minzheng.marriage.services.divorces import register_divorce

    m = marry(registrar, registry, on=date(2020, 1, 1))
    number = m.parties.get(sex="1").id_number
    app = receive_divorce(
        registrar, m, registry=registry, agreement=Agreement("无", "无", "无"), on=date(2026, 6, 1)
    )
    register_divorce(registrar, app, both_present=True, on=date(2026, 7, 2))
    assert not marital_status_on(number, date(2019, 12, 31)).married
    assert marital_status_on(number, date(2026, 7, 1)).certificate_number == m.certificate_number
    assert not marital_status_on(number, date(2026, 7, 2)).married
