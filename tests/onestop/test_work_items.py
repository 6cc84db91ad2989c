"""全市通办's work in the one 待办: window 办件 for caseworkers, open tickets by unit, 差评 for reviewers."""

from datetime import date

import pytest
from django.http import Http404

from minzheng.onestop.services import applications, evaluations, tickets
from minzheng.onestop.work_items import SOURCES

from .factories import resident_of

pytestmark = pytest.mark.usefixtures("assistance_policy")


def items(user):
    return {s.code: s.open_items(user, date.today()) for s in SOURCES}


def test_window_ticket_and_review_items_each_on_the_right_desk(
    household, township_caseworker, supervisor, outsider
):
    resident = resident_of(household.head)
    application = applications.apply_online(resident, "elderly_allowance", reason="高龄", uploads={})
    ticket = tickets.create_ticket(
        township_caseworker, channel="phone", category="other", division_code="210602002001", content="咨询"
    )
    mine = items(township_caseworker)
    assert [i.reference for i in mine["onestop.application"]] == [application.number]
    assert [i.reference for i in mine["onestop.ticket"]] == [ticket.number]
    assert items(outsider) == {"onestop.application": [], "onestop.ticket": [], "onestop.review": []}
    with pytest.raises(Http404):
        SOURCES[0].find(outsider, str(application.pk), date.today())
    applications.check_paper(township_caseworker, application.pk, received=["bank"])
    applications.accept(township_caseworker, application.pk)
    applications.record_result(township_caseworker, application.pk, approved=True, outcome="核发")
    evaluations.rate(resident, application.pk, level=1, reasons=["attitude"])
    assert [i.matter for i in items(supervisor)["onestop.review"]] == ["高龄津贴申领 · 差评整改反馈"]
    assert SOURCES[2].find(supervisor, str(application.evaluation.pk), date.today()).due_on
