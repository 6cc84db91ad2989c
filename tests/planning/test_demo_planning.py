"""demo_planning: 丹东's counties get entered, approved indicator values, task and project progress and
民政报表 through the real services; a second run adds nothing."""

import pytest

from minzheng.planning import services
from minzheng.planning.attainment import plan_progress
from minzheng.planning.demo import load_demo_planning
from minzheng.planning.models import EnteredValue, EntryStatus, StatReport
from tests.core.factories import make_user


@pytest.mark.django_db
def test_demo_planning_fills_the_dandong_cockpit_once(monitored_plans):
    for username, role in (
        ("city_caseworker", "caseworker"),
        ("city_reviewer", "reviewer"),
        ("city_leader", "leader"),
    ):
        make_user(role, "210600000000", username=username)
    services.load_stat_forms()
    created = load_demo_planning()
    assert created == EnteredValue.objects.count() > 0
    assert not EnteredValue.objects.exclude(status=EntryStatus.APPROVED).exists()
    statuses = {item.status for item in plan_progress(monitored_plans["丹东市"], 2025)}
    assert statuses & {"achieved", "normal", "lagging", "warning"}
    assert StatReport.objects.filter(period="2025Q4").exists()
    assert load_demo_planning() == 0
