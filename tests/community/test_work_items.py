"""基层治理's work in the 待办: voter lists to publish, objections to answer, results to record, 村务公开."""

from datetime import date, timedelta

import pytest
from django.http import Http404

from minzheng.community import work_items
from minzheng.community.services import elections as esvc
from minzheng.community.services import meetings as msvc

from .factories import residents_committee

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()


def test_open_steps_are_offered_with_their_due_days(
    county_caseworker, outsider, django_assert_max_num_queries
):
    cw = county_caseworker
    c = residents_committee(cw)
    r = esvc.open_round(cw, c, round_year=2026, election_on=TODAY + timedelta(days=25), today=TODAY)
    items = work_items.open_rounds(cw, TODAY)
    assert [(i.matter, i.due_on) for i in items] == [
        ("第9届换届 · 待公布选民名单", TODAY + timedelta(days=5))
    ]
    esvc.add_voter(cw, r, name="甲", category="1")
    r = esvc.publish_voter_list(cw, r, published_on=TODAY)
    o = esvc.file_objection(cw, r, filed_on=TODAY, complainant="王五", matter="漏登")
    assert work_items.open_rounds(cw, TODAY)[0].due_on == r.election_on
    with django_assert_max_num_queries(3):
        objections = work_items.open_objections(cw, TODAY)
    assert [(i.due_on, i.subject) for i in objections] == [(o.answer_by, "城隍庙一社区居委会（申诉人王某）")]
    item = msvc.plan_disclosure(
        cw, c, category="finance", period="上月", period_end=TODAY - timedelta(days=20)
    )
    assert [i.key for i in work_items.open_disclosures(cw, TODAY)] == [str(item.pk)]
    assert work_items.open_rounds(outsider, TODAY) == [] and work_items.open_objections(outsider, TODAY) == []
    with pytest.raises(Http404):
        work_items.find_objection(outsider, str(o.pk), TODAY)
    assert work_items.find_round(cw, str(r.pk), TODAY).url == f"/community/rounds/{r.pk}/"
