"""社会组织's work in the one 待办: decisions for reviewing staff with their deadlines; none for another county."""

from datetime import date, timedelta

import pytest
from django.http import Http404

from minzheng.core.work_items import collect_work_sources
from minzheng.socialorgs.services import credit

from .factories import received, registered

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()


def test_decisions_are_offered_to_reviewers_with_their_clocks(county_caseworker, reviewer, outsider_reviewer):
    sources = collect_work_sources()
    app = received(county_caseworker, received_on=TODAY - timedelta(days=10))
    org = registered(county_caseworker, reviewer, received_on=date(2023, 1, 2))
    listing = credit.propose(
        county_caseworker, org, reason="unreachable", basis="挂号信", established_on=TODAY
    )
    apps = sources["socialorgs.application"].open_items(reviewer, TODAY)
    assert [(i.key, i.due_on) for i in apps] == [(str(app.pk), TODAY + timedelta(days=50))]
    assert sources["socialorgs.application"].open_items(county_caseworker, TODAY) == []
    [item] = sources["socialorgs.listing"].open_items(reviewer, TODAY)
    assert (
        item.key == str(listing.pk) and item.due_on == listing.listing_due_on and "待列入决定" in item.matter
    )
    assert sources["socialorgs.listing"].open_items(outsider_reviewer, TODAY) == []
    with pytest.raises(Http404):
        sources["socialorgs.application"].find(outsider_reviewer, str(app.pk), TODAY)
    assert sources["socialorgs.application"].find(reviewer, str(app.pk), TODAY).subject == app.name
