"""综合窗口: 一次性告知 of every missing material (and its PDF), 补正 by the resident, 受理 opening the
社会救助 case under the one 受理号, progress following the case to 已办结, 好差评 and its follow-up clock,
跨县通办 with the 3/10/3 clocks, and the window's own pages."""

from datetime import date

import pytest
from django.urls import reverse

from minzheng.onestop.errors import OnestopConflict
from minzheng.onestop.models import Application
from minzheng.onestop.services import applications as svc
from minzheng.onestop.services import evaluations
from tests.core.factories import PASSWORD, PersonFactory

from .casework import approve_temporary
from .factories import pdf, resident_of

pytestmark = pytest.mark.usefixtures("assistance_policy")


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_missing_material_notice_supplement_handover_progress_and_rating(
    household, township_caseworker, supervisor
):
    resident = resident_of(household.head)
    application = svc.apply_online(
        resident, "temporary_expenditure", reason="住院医疗支出", uploads={"application": pdf(), "receipts": pdf()},
        on=date(2026, 3, 2),
    )  # fmt: skip
    with pytest.raises(OnestopConflict, match="困难情况说明"):
        svc.accept(township_caseworker, application.pk)
    svc.notify_missing(township_caseworker, application.pk, missing_codes=["hardship"], on=date(2026, 3, 2))
    application.refresh_from_db()
    assert application.status == "materials_pending" and application.missing == [
        {"code": "hardship", "name": "困难情况说明"}
    ]
    with pytest.raises(Exception, match="不在一次性告知的补正清单中"):
        svc.supplement(resident, application.pk, {"receipts": pdf()})
    svc.supplement(resident, application.pk, {"hardship": pdf()})
    application.refresh_from_db()
    assert application.status == "submitted" and application.missing == []
    svc.accept(township_caseworker, application.pk, on=date(2026, 3, 3))
    application.refresh_from_db()
    assert application.status == "handling" and application.domain_number
    assert application.due_on == date(2026, 3, 17)  # 10 WD after 3 March 2026 (no holiday in between)
    from minzheng.assistance.interface import case_progress

    progress = case_progress(application.domain_reference)
    assert progress.status == "applied" and not progress.closed
    approve_temporary(application.domain_reference)
    application = svc.refresh_from_domain(application)
    assert application.status == "completed" and application.completed_on == date(2026, 3, 18)
    assert "已批准" in application.outcome
    evaluation = evaluations.rate(
        resident, application.pk, level=2, reasons=["slow"], comment="等太久", on=date(2026, 3, 19)
    )
    assert evaluation.follow_up_due == date(2026, 4, 10)  # 15 WD; 清明 4-6 April 2026 not counted
    with pytest.raises(OnestopConflict, match="已评价"):
        evaluations.rate(resident, application.pk, level=5, reasons=[])
    evaluations.follow_up(supervisor, evaluation.pk, note="已约谈经办人，优化流程")


def test_notice_pdf_prints_for_staff_and_resident(client, household, township_caseworker):
    resident = resident_of(household.head)
    application = svc.apply_online(resident, "temporary_expenditure", reason="医疗", uploads={})
    svc.notify_missing(
        township_caseworker, application.pk, missing_codes=["application", "receipts", "hardship"]
    )
    login(client, township_caseworker)
    response = client.get(reverse("onestop:application_notice_pdf", args=[application.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    page = client.get(reverse("onestop:application_detail", args=[application.pk])).content.decode()
    assert "打印一次性告知书" in page and "待补正材料" in page and household.head.id_number not in page


def test_window_receives_any_matter_checks_paper_and_accepts(client, household, township_caseworker):
    login(client, township_caseworker)
    response = client.post(
        reverse("onestop:application_new"),
        {"id_number": household.head.id_number, "matter": "elderly_allowance", "reason": "年满80周岁"},
    )
    application = Application.objects.get()
    assert response["Location"] == reverse("onestop:application_detail", args=[application.pk])
    assert application.channel == "window" and application.applicant_name == household.head.name
    client.post(reverse("onestop:application_check", args=[application.pk]), {"received": ["bank"]})
    client.post(reverse("onestop:application_accept", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == "handling" and application.due_on
    client.post(
        reverse("onestop:application_result", args=[application.pk]),
        {"approved": "1", "outcome": "核发高龄津贴"},
    )
    application.refresh_from_db()
    assert application.status == "completed"


def test_an_instant_matter_is_completed_on_acceptance(household, township_caseworker):
    application = svc.receive_at_window(
        township_caseworker,
        id_number=household.head.id_number,
        matter_code="marriage_booking",
        reason="预约",
        uploads={},
    )
    svc.accept(township_caseworker, application.pk)
    application.refresh_from_db()
    assert application.status == "completed" and application.outcome.startswith("即办件")


def test_cross_county_forwarding_counts_3_10_3_working_days(divisions, township_caseworker):
    elsewhere = PersonFactory(village="210603001001", name="孙七")  # registered in 振兴区
    application = svc.receive_at_window(
        township_caseworker, id_number=elsewhere.id_number, matter_code="disability_allowances", reason="重度残疾",
        uploads={}, on=date(2026, 4, 30),
    )  # fmt: skip
    with pytest.raises(OnestopConflict, match="材料不齐全"):
        svc.forward(township_caseworker, application.pk)
    svc.check_paper(township_caseworker, application.pk, received=["application", "bank"])
    svc.forward(township_caseworker, application.pk, on=date(2026, 4, 30))
    application.refresh_from_db()
    # 劳动节 1–5 May 2026, 9 May a 调休 working Saturday
    assert application.forward_push_due == date(2026, 5, 8)
    assert application.division_code == "210603000000" and application.status == "forwarded"
    assert application.forward_decide_due > application.forward_push_due > date(2026, 4, 30)


def test_a_matter_not_open_to_cross_county_is_404_for_a_person_elsewhere(divisions, township_caseworker):
    elsewhere = PersonFactory(village="210603001001", name="孙七")
    from django.http import Http404

    with pytest.raises(Http404):
        svc.receive_at_window(
            township_caseworker,
            id_number=elsewhere.id_number,
            matter_code="dibao_urban",
            reason="x",
            uploads={},
        )


def test_outsider_gets_404_on_every_application_url(client, household, township_caseworker, outsider):
    resident = resident_of(household.head)
    application = svc.apply_online(
        resident, "temporary_expenditure", reason="医疗", uploads={"receipts": pdf()}
    )
    svc.notify_missing(township_caseworker, application.pk, missing_codes=["hardship"])
    login(client, outsider)
    file_pk = application.files.get().pk
    for name in ("application_detail", "application_notice_pdf"):
        assert client.get(reverse(f"onestop:{name}", args=[application.pk])).status_code == 404
    assert client.get(reverse("onestop:material_file", args=[application.pk, file_pk])).status_code == 404
    for name in ("application_check", "application_notice", "application_accept", "application_refuse",
                 "application_forward", "application_result"):  # fmt: skip
        assert client.post(reverse(f"onestop:{name}", args=[application.pk])).status_code == 404
    assert application.number not in client.get(reverse("onestop:application_list")).content.decode()


def test_staff_pages_render_in_chinese(client, household, township_caseworker):
    login(client, township_caseworker)
    for name in (
        "dashboard",
        "application_list",
        "application_new",
        "ticket_list",
        "ticket_new",
        "review_list",
        "matter_list",
    ):
        response = client.get(reverse(f"onestop:{name}"))
        assert response.status_code == 200, name
    assert "即办率" in client.get(reverse("onestop:dashboard")).content.decode()
