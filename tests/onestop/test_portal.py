"""The resident portal: registration with a checked 公民身份号码, login protected like staff login, a session of
its own that reaches no staff page (ADR 0034), online application with private uploads, 补正, 撤回, 好差评."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from minzheng.core.models import AuditEvent
from minzheng.onestop.models import Application, Resident
from minzheng.onestop.services import applications, residents
from tests.core.factories import PersonFactory

from .factories import PDF, RESIDENT_PASSWORD, pdf, resident_of

pytestmark = pytest.mark.usefixtures("policy")


def portal_login(client, id_number, password=RESIDENT_PASSWORD):
    return client.post(reverse("onestop_public:login"), {"id_number": id_number, "password": password})


def test_registration_refuses_a_bad_check_digit_and_another_persons_name(household):
    head = household.head
    bad = head.id_number[:17] + ("0" if head.id_number[17] != "0" else "1")
    with pytest.raises(Exception, match="校验码错误"):
        residents.register(id_number=bad, name=head.name, phone="13800000001", password=RESIDENT_PASSWORD)
    with pytest.raises(Exception, match="姓名与公民身份号码不一致"):
        residents.register(
            id_number=head.id_number, name="李四", phone="13800000001", password=RESIDENT_PASSWORD
        )
    resident = resident_of(head)
    assert resident.person_id == head.pk and resident.password != RESIDENT_PASSWORD
    with pytest.raises(Exception, match="无法注册"):
        resident_of(head)


def test_register_page_signs_the_resident_in_on_the_portal_cookie_only(client, household):
    head = household.head
    response = client.post(
        reverse("onestop_public:register"),
        {
            "id_number": head.id_number,
            "name": head.name,
            "phone": "13800000002",
            "password": RESIDENT_PASSWORD,
        },
    )
    assert response.status_code == 302
    cookie = response.cookies[residents.COOKIE_NAME]
    assert cookie["path"] == "/public/onestop/" and cookie["httponly"] and cookie["samesite"] == "Strict"
    assert "sessionid" not in response.cookies
    assert client.get(reverse("onestop_public:home")).status_code == 200


def _staff_urls():
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    for route in walk(get_resolver().url_patterns):
        if route.startswith(("public/", "api/", "static/", "login/", "healthz")) or "<" in route:
            continue
        yield "/" + route


def test_a_signed_in_resident_reaches_no_staff_page(client, household):
    resident_of(household.head)
    portal_login(client, household.head.id_number)
    staff = list(_staff_urls())
    assert "/onestop/" in staff and "/" in staff and len(staff) > 40
    for url in staff:
        response = client.get(url)
        assert response.status_code in (302, 404, 405), url
        if response.status_code == 302:
            assert response["Location"].startswith("/login/"), url


def test_a_staff_session_is_not_a_resident_session(client, county_caseworker, household):
    from tests.core.factories import PASSWORD

    assert client.login(username=county_caseworker.username, password=PASSWORD)
    response = client.get(reverse("onestop_public:home"))
    assert response.status_code == 302 and response["Location"].startswith("/public/onestop/login/")


def test_unknown_number_and_wrong_password_answer_alike_and_both_lock_after_five(client, household):
    resident_of(household.head)
    unknown = PersonFactory(name="赵六").id_number  # valid, in the registry, without an account
    answers = {}
    for number in (household.head.id_number, unknown):
        texts = []
        for _ in range(5):
            response = portal_login(client, number, "Wrong#Pass2026")
            texts.append(response.content.decode())
        answers[number] = texts
        assert "账号已锁定" in texts[-1]
        # locked: even the right password is refused
        assert "账号已锁定" in portal_login(client, number).content.decode()
    first_known = answers[household.head.id_number][0].split("公民身份号码或密码错误")[1][:20]
    first_unknown = answers[unknown][0].split("公民身份号码或密码错误")[1][:20]
    assert first_known == first_unknown
    assert (
        AuditEvent.objects.filter(action=AuditEvent.LOGIN_FAILED, username__startswith="居民:").count() >= 10
    )
    assert Resident.objects.get().locked_until is not None


def test_session_ends_on_logout_and_is_stored_as_a_hash(client, household):
    resident_of(household.head)
    response = portal_login(client, household.head.id_number)
    token = response.cookies[residents.COOKIE_NAME].value
    assert residents.resident_for_token(token) is not None
    from minzheng.onestop.models import ResidentSession

    assert not ResidentSession.objects.filter(key_hash=token).exists()
    client.post(reverse("onestop_public:logout"))
    assert residents.resident_for_token(token) is None


def test_apply_online_asks_only_what_is_not_shared_and_keeps_files_private(client, household, settings):
    resident_of(household.head)
    portal_login(client, household.head.id_number)
    page = client.get(reverse("onestop_public:apply", args=["temporary_expenditure"])).content.decode()
    assert "户口簿" in page and 'name="file_hukou"' not in page and 'name="file_receipts"' in page
    response = client.post(
        reverse("onestop_public:apply", args=["temporary_expenditure"]),
        {"reason": "住院医疗支出大", "file_application": pdf(), "file_receipts": pdf("票据.pdf")},
    )
    application = Application.objects.get()
    assert response["Location"] == reverse("onestop_public:application", args=[application.pk])
    assert application.household_id == household.pk and application.division_code == "210602002000"
    assert application.number.startswith("TB210602")
    stored = application.files.get(code="receipts")
    assert (settings.VAR_DIR / "onestop" / stored.stored_as).read_bytes() == PDF
    detail = client.get(reverse("onestop_public:application", args=[application.pk])).content.decode()
    assert application.number in detail and "部门共享获取" in detail
    got = client.get(reverse("onestop_public:material", args=[application.pk, stored.pk]))
    assert got.status_code == 200 and got["Cache-Control"] == "private, no-store"


def test_an_upload_that_is_not_pdf_jpg_or_png_is_refused_with_the_field_named(client, household):
    resident_of(household.head)
    portal_login(client, household.head.id_number)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("onestop_public:apply", args=["temporary_expenditure"]),
        {
            "reason": "医疗",
            "file_receipts": SimpleUploadedFile("a.exe", b"MZ\x90\x00", "application/octet-stream"),
        },
    )
    assert response.status_code == 200 and "只接受PDF、JPG、PNG格式的材料" in response.content.decode()
    assert not Application.objects.exists()


def test_a_resident_sees_only_their_own_household(client, household):
    from tests.core.factories import HouseholdFactory

    resident_of(household.head)
    other_household = HouseholdFactory()
    other = resident_of(other_household.head, phone="13900000009")
    theirs = applications.apply_online(other, "temporary_expenditure", reason="医疗", uploads={})
    portal_login(client, household.head.id_number)
    for name in ("application", "notice"):
        assert client.get(reverse(f"onestop_public:{name}", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("onestop_public:withdraw", args=[theirs.pk])).status_code == 404
    assert theirs.number not in client.get(reverse("onestop_public:home")).content.decode()


def test_withdraw_before_acceptance(client, household):
    resident = resident_of(household.head)
    application = applications.apply_online(resident, "temporary_expenditure", reason="医疗", uploads={})
    portal_login(client, household.head.id_number)
    client.post(reverse("onestop_public:withdraw", args=[application.pk]), {"reason": "已解决"})
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.completed_on == date.today()


def test_public_guides_show_basis_limits_and_shared_materials(client):
    page = client.get(reverse("onestop_public:guide", args=["dibao_urban"])).content.decode()
    for text in ("《社会救助暂行办法》", "30个工作日", "20个工作日", "不收费", "无需提交的材料", "人口库"):
        assert text in page
    assert client.get(reverse("onestop_public:guide", args=["nope"])).status_code == 404
    assert "临时救助申请（支出型）" in client.get(reverse("onestop_public:guides")).content.decode()


def test_sms_hook_is_designed_but_refuses_until_a_gateway_is_configured():
    from minzheng.onestop.identity import SmsCodeProvider, provider

    assert provider().code == "local"
    with pytest.raises(Exception, match="短信验证码服务尚未开通"):
        SmsCodeProvider().send_code("13800000001")
