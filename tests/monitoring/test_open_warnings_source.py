"""未办结预警数 (issue 17: the leader's home page shows 预警 through the domain's indicator source): warnings
raised by the period's end and not yet 处置 then, under the division; the drill-down lists them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.monitoring.models import MonitoringRun, RiskRule, RiskWarning
from tests.core.factories import HouseholdFactory
from tests.worklist.world import _warning

pytestmark = pytest.mark.django_db


def test_open_warnings_count_those_not_yet_disposed_at_the_period_end(divisions):
    run = MonitoringRun.objects.create(kind="daily", until=date.today())
    rule = RiskRule.objects.create(
        code="income_below_line",
        division_code="0" * 12,
        valid_from=date(2020, 1, 1),
        severity="high",
        verify_days=5,
    )
    person = HouseholdFactory(village="210602002001", size=1).head
    still_open = _warning(run, rule, person, "210602002001", date(2026, 12, 31))
    disposed = _warning(run, rule, person, "210602002001", date(2026, 12, 31))
    RiskWarning.objects.filter(pk=disposed.pk).update(status="disposed", disposed_at=timezone.now())
    _warning(
        run, rule, HouseholdFactory(village="210603001001", size=1).head, "210603001001", date(2026, 12, 31)
    )
    source = collect_indicator_sources()["monitoring.open_warnings"]
    today = timezone.localdate()
    found = source.compute("210602000000", today.replace(day=1), today)
    assert found.value == 1  # 振兴区's warning is outside, the disposed one is done
    yesterday = source.compute("210602000000", today - timedelta(days=1), today - timedelta(days=1))
    assert yesterday.value == 0  # neither was raised yet
    assert found.drilldown_url == "/monitoring/warnings/?status=open&division=210602000000"
    assert still_open.status == "assigned"
