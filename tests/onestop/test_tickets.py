"""12345 工单: the 5-working-day clock per category (a parameter), 派单 with 主办/协办, 转办 between two units,
退回 with its review, 答复 → 办结 → 回访, 督办 on overdue, duplicate merge, anonymous callers, the API."""

from datetime import date

import pytest
from django.urls import reverse

from minzheng.onestop.errors import OnestopConflict
from minzheng.onestop.models import Ticket
from minzheng.onestop.services import tickets as svc
from minzheng.onestop.work_items import open_tickets
from tests.core.factories import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("policy")


def new(user, **kw):
    values = {"channel": "phone", "category": "eldercare", "division_code": "210602002001", "content": "独居老人无人照料",
              "caller_name": "钱八", "caller_phone": "13700000000", "received_on": date(2026, 3, 2)}  # fmt: skip
    return svc.create_ticket(user, **{**values, **kw})


def test_weifang_art_20_five_working_days_and_a_local_parameter_changes_it(county_caseworker):
    ticket = new(county_caseworker, received_on=date(2026, 4, 30))
    assert ticket.due_on == date(2026, 5, 11)  # 劳动节 1–5 May; 9 May is a 调休 working Saturday
    from tests.assistance.factories import add_parameter

    add_parameter("onestop_ticket_days_eldercare", "210602000000", date(2020, 1, 1), "3")
    assert new(county_caseworker, received_on=date(2026, 3, 2)).due_on == date(2026, 3, 5)


def test_assign_transfer_between_two_units_reply_complete_and_callback(county_caseworker, outsider):
    ticket = new(county_caseworker)
    svc.assign(county_caseworker, ticket.pk, lead_unit_code="210602002000", assisting_codes=["210602003000"])
    svc.transfer(county_caseworker, ticket.pk, to_code="210603000000", reason="老人实际居住在振兴区")
    # now 振兴区's desk holds it: its caseworker sees it and answers
    svc.reply(outsider, ticket.pk, text="已安排社区上门探访并纳入特殊困难老年人探访", on=date(2026, 3, 4))
    svc.complete(outsider, ticket.pk, on=date(2026, 3, 5))
    svc.callback(county_caseworker, ticket.pk, result="satisfied", note="来电人表示满意")
    ticket.refresh_from_db()
    assert ticket.status == "visited" and ticket.lead_unit_code == "210603000000"
    assert [e.action for e in ticket.events.all()] == [
        "receive",
        "assign",
        "transfer",
        "reply",
        "complete",
        "callback",
    ]
    assert ticket.events.get(action="transfer").reason == "老人实际居住在振兴区"


def test_a_return_is_reviewed_and_once_refused_cannot_be_repeated(county_caseworker, supervisor):
    ticket = new(county_caseworker)
    svc.assign(county_caseworker, ticket.pk, lead_unit_code="210602002000")
    with pytest.raises(Exception, match="退回原因"):
        svc.return_ticket(county_caseworker, ticket.pk, reason_code="because")
    svc.return_ticket(county_caseworker, ticket.pk, reason_code="not_competent", note="属住建部门")
    assert [i.matter for i in open_tickets(supervisor, date(2026, 3, 2))] == [
        "12345工单 · 养老服务 · 退单待审核"
    ]
    with pytest.raises(Exception, match="不同意退回的理由"):
        svc.review_return(supervisor, ticket.pk, agree=False)
    svc.review_return(supervisor, ticket.pk, agree=False, reason="属民政养老服务职责")
    with pytest.raises(OnestopConflict, match="不得再次退回"):
        svc.return_ticket(county_caseworker, ticket.pk, reason_code="not_competent")


def test_overdue_tickets_are_supervised_and_an_unsatisfied_callback_raises_the_level(county_caseworker):
    late = new(county_caseworker)
    svc.assign(county_caseworker, late.pk, lead_unit_code="210602002000")
    assert svc.supervise_overdue(date(2026, 3, 20)) == 1
    late.refresh_from_db()
    assert late.supervision_level == 1
    svc.reply(county_caseworker, late.pk, text="已处理")
    svc.complete(county_caseworker, late.pk)
    svc.callback(county_caseworker, late.pk, result="unsatisfied")
    late.refresh_from_db()
    assert late.supervision_level == 2


def test_anonymous_callers_leave_no_trace_and_get_no_callback(county_caseworker):
    ticket = new(county_caseworker, anonymous=True)
    assert ticket.caller_name == ticket.caller_phone == "" and not ticket.wants_reply
    svc.assign(county_caseworker, ticket.pk, lead_unit_code="210602002000")
    svc.complete(county_caseworker, ticket.pk)
    with pytest.raises(OnestopConflict, match="匿名"):
        svc.callback(county_caseworker, ticket.pk, result="satisfied")


def test_duplicates_merge_and_not_accepted_reasons_come_from_the_list(county_caseworker):
    first, second, third = new(county_caseworker), new(county_caseworker), new(county_caseworker)
    svc.merge(county_caseworker, second.pk, into_number=first.number)
    second.refresh_from_db()
    assert second.status == "merged" and second.merged_into == first
    svc.not_accept(county_caseworker, third.pk, reason_code="litigation")
    third.refresh_from_db()
    assert third.status == "not_accepted"


def test_12345_platform_pushes_by_api_once(client, county_caseworker):
    from minzheng.core.services.accounts import issue_api_token

    token = issue_api_token(county_caseworker)
    body = {
        "external_id": "SD12345-001",
        "category": "assistance",
        "division_code": "210602002001",
        "content": "申请救助",
    }
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.post("/api/onestop/tickets", body, content_type="application/json", **headers)
    assert response.status_code == 201 and response.json()["due_on"]
    again = client.post("/api/onestop/tickets", body, content_type="application/json", **headers)
    assert again.status_code == 409
    assert client.get("/api/onestop/tickets/SD12345-001", **headers).json()["external_id"] == "SD12345-001"


def test_outsider_gets_404_on_every_ticket_url(client, county_caseworker, outsider):
    ticket = new(county_caseworker)
    assert client.login(username=outsider.username, password=PASSWORD)
    assert client.get(reverse("onestop:ticket_detail", args=[ticket.pk])).status_code == 404
    for name in ("ticket_assign", "ticket_transfer", "ticket_return", "ticket_review_return", "ticket_not_accept",
                 "ticket_reply", "ticket_complete", "ticket_callback", "ticket_supervise", "ticket_merge"):  # fmt: skip
        assert client.post(reverse(f"onestop:{name}", args=[ticket.pk])).status_code == 404, name
    assert Ticket.objects.get().status == "received"


def test_ticket_pages_take_a_phone_call_and_show_the_history(client, county_caseworker):
    make_user("caseworker", "210602002000", username="qd_tk")
    assert client.login(username=county_caseworker.username, password=PASSWORD)
    response = client.post(reverse("onestop:ticket_new"), {
        "channel": "phone", "category": "children", "division_code": "210602002001", "content": "发现儿童独自在家",
        "anonymous": "1",
    })  # fmt: skip
    ticket = Ticket.objects.get()
    assert response["Location"] == reverse("onestop:ticket_detail", args=[ticket.pk])
    client.post(reverse("onestop:ticket_assign", args=[ticket.pk]), {"lead_unit_code": "210602002000"})
    page = client.get(reverse("onestop:ticket_detail", args=[ticket.pk])).content.decode()
    assert "七道街道" in page and "匿名" in page and "派单" in page
