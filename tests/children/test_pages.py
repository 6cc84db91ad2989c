"""儿童福利 pages: each renders for its roles, every record URL is a 404 to another county, a child's file read
is audited, names are masked for roles that do not handle children, the forms reach the services."""

from datetime import date

import pytest

from minzheng.children.models import AllowanceApplication, CategoryFlag, EntrustedCare
from minzheng.children.services import allowances, register
from minzheng.core.models import AuditEvent
from tests.core.factories import PASSWORD

from .factories import both_parents, child_in_household, make_child, open_file

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def world(policy, director):
    record = open_file(director, make_child(name="李小雨"))
    both_parents(director, record, "working_away")
    flag = register.add_flag(
        director, record, category="left_behind", valid_from=date(2026, 1, 6), evidence="排查登记"
    )
    entrustment, _ = register.entrust_care(
        director, record, carer_name="李奶奶", carer_relation="祖母", started_on=date(2026, 1, 6)
    )
    orphan = open_file(director, child_in_household(name="赵小安"))
    both_parents(director, orphan, "dead", since=date(2021, 1, 1))
    register.add_flag(
        director, orphan, category="orphan_scattered", valid_from=date(2026, 1, 6), evidence="死亡证明"
    )
    application = allowances.receive_application(
        director,
        orphan,
        kind="orphan_scattered",
        applicant_name="赵爷爷",
        applicant_relation="祖父",
        received_on=date(2026, 2, 2),
    )
    return {"record": record, "flag": flag, "entrustment": entrustment, "application": application}


LIST_URLS = {
    "children:dashboard": "/children/",
    "children:child_list": "/children/records/",
    "children:contact_overdue": "/children/contacts/overdue/",
    "children:application_list": "/children/allowances/",
    "children:visit_overdue": "/children/visits/overdue/",
}
POSTS = {"visit_create", "flag_create", "parent_create", "care_create", "child_close", "application_create", "flag_end",
         "application_check", "application_confirm", "application_end"}  # fmt: skip


def record_urls(w) -> dict[str, str]:
    r, fl, e, a = w["record"].pk, w["flag"].pk, w["entrustment"].pk, w["application"].pk
    return {
        "children:child_detail": f"/children/records/{r}/",
        "children:flag_create": f"/children/records/{r}/flags/",
        "children:visit_create": f"/children/records/{r}/visits/",
        "children:parent_create": f"/children/records/{r}/parents/",
        "children:care_create": f"/children/records/{r}/care/",
        "children:child_close": f"/children/records/{r}/close/",
        "children:application_create": f"/children/records/{r}/allowance/",
        "children:flag_end": f"/children/flags/{fl}/end/",
        "children:contact_create": f"/children/care/{e}/contacts/",
        "children:application_detail": f"/children/allowances/{a}/",
        "children:application_check": f"/children/allowances/{a}/check/",
        "children:application_confirm": f"/children/allowances/{a}/confirm/",
        "children:application_end": f"/children/allowances/{a}/end/",
    }


def test_every_page_renders_for_the_director(client, world, director):
    login(client, director)
    for name, url in {**LIST_URLS, **record_urls(world)}.items():
        if name.split(":")[1] in POSTS:
            continue
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
    body = client.get("/children/records/").content.decode()
    assert "李小雨" in body and "农村留守儿童" in body
    detail = client.get(record_urls(world)["children:child_detail"]).content.decode()
    assert "未签订书面委托照护协议" in detail and "第二十三条" in detail


def test_every_record_url_answers_404_to_another_county(client, world, outsider):
    login(client, outsider)
    for name, url in record_urls(world).items():
        method = client.post if name.split(":")[1] in POSTS else client.get
        assert method(url).status_code == 404, name
    assert CategoryFlag.objects.count() == 2 and EntrustedCare.objects.count() == 1


def test_lists_show_nothing_of_another_county(client, world, outsider):
    login(client, outsider)
    for url in LIST_URLS.values():
        body = client.get(url).content.decode()
        assert "李小雨" not in body and "赵小安" not in body, url


def test_reading_a_childs_file_is_audited(client, world, director):
    login(client, director)
    client.get(record_urls(world)["children:child_detail"])
    assert AuditEvent.objects.filter(
        action=AuditEvent.READ_DETAIL, object_type="children.childrecord", object_id=str(world["record"].pk)
    ).exists()


def test_names_are_masked_for_a_leader(client, world, city_leader):
    login(client, city_leader)
    body = client.get("/children/records/").content.decode()
    assert "李小雨" not in body and "李*" in body


def test_flag_form_refuses_an_excluded_category_in_chinese(client, world, director):
    login(client, director)
    url = record_urls(world)["children:flag_create"]
    response = client.post(
        url, {"category": "de_facto_unattended", "valid_from": "2026-02-01", "evidence": "x"}, follow=True
    )
    assert "不能同时成立" in response.content.decode() or "民发〔2019〕62号" in response.content.decode()
    assert CategoryFlag.objects.count() == 2


def test_contact_form_and_the_recognition_steps_through_pages(
    client, world, director, supervisor, county_approver
):
    login(client, director)
    url = record_urls(world)["children:contact_create"]
    response = client.post(
        url, {"contacted_on": "2026-02-03", "by_role": "mother", "method": "video", "with_child": "1"}
    )
    assert response.status_code == 302
    assert world["entrustment"].contacts.count() == 1
    login(client, supervisor)
    a = world["application"]
    client.post(
        f"/children/allowances/{a.pk}/check/",
        {"eligible": "yes", "checked_on": "2026-02-05", "note": "比对一致"},
    )
    login(client, county_approver)
    client.post(
        f"/children/allowances/{a.pk}/confirm/", {"confirmed": "yes", "decided_on": "2026-02-10", "note": ""}
    )
    a = AllowanceApplication.objects.get(pk=a.pk)
    assert (
        a.status == "confirmed" and a.start_month == date(2026, 3, 1) and str(a.monthly_amount) == "1284.00"
    )
    body = client.get(f"/children/allowances/{a.pk}/").content.decode()
    assert "已确认（保障中）" in body


def test_work_items_offer_overdue_contacts_and_applications(world, director, supervisor):
    from minzheng.children.work_items import find_application, open_applications, open_contacts

    contacts = open_contacts(director, date(2026, 3, 1))
    assert [item.key for item in contacts] == [str(world["entrustment"].pk)]
    assert contacts[0].due_on == date(2026, 1, 13)
    items = open_applications(supervisor, date(2026, 3, 1))
    assert [i.key for i in items] == [str(world["application"].pk)] and items[0].due_on == world[
        "application"
    ].check_due
    assert open_applications(director, date(2026, 3, 1)) == []
    assert find_application(supervisor, str(world["application"].pk), date(2026, 3, 1)).subject == "赵*安"


def test_visits_are_recorded_and_overdue_ones_are_work(client, world, director):
    """定期走访: the interval is a dated per-division parameter (no national number); overdue in the 待办."""
    from minzheng.children.work_items import open_visits

    record = world["record"]
    overdue = {item.key for item in open_visits(director, date(2026, 6, 1))}
    assert str(record.pk) in overdue
    login(client, director)
    response = client.post(
        f"/children/records/{record.pk}/visits/",
        {
            "visited_on": "2026-05-20",
            "method": "home",
            "findings": "祖母照料良好，按时上学",
            "needs_follow_up": "",
        },
    )
    assert response.status_code == 302 and record.visits.count() == 1
    assert str(record.pk) not in {item.key for item in open_visits(director, date(2026, 6, 1))}
    items = {item.key: item for item in open_visits(director, date(2026, 9, 1))}
    assert items[str(record.pk)].due_on == date(2026, 8, 18)  # 90 days after the visit
    refused = client.post(
        f"/children/records/{record.pk}/visits/",
        {"visited_on": "2026-05-21", "method": "home", "findings": "x", "needs_follow_up": "1"},
        follow=True,
    )
    assert "需跟进处置时请填写跟进需求" in refused.content.decode()
