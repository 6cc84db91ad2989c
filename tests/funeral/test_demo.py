"""demo_funeral over the core and 社会救助 demo: deaths become registry changes, orders bill only listed items,
低保/特困 members' orders carry the waivers; the command is idempotent."""

from datetime import date

import pytest
from django.core.management import call_command

from minzheng.assistance.demo.households import load_demo_assistance
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.demo import load_demo as load_core_demo
from minzheng.core.models import RegistryChange
from minzheng.funeral import demo
from minzheng.funeral.models import DeathRecord, OrderLine, Plot, ServiceOrder

TODAY = date(2026, 11, 25)
pytestmark = pytest.mark.django_db


def test_demo_deaths_orders_and_waivers_are_consistent(divisions):
    load_assistance_policy()
    load_core_demo(seed=7, households=400, password="Demo@Pass2026", today=TODAY)
    load_demo_assistance(seed=7, today=TODAY)
    summary = demo.load_demo(seed=3, deaths=40, covered=8, today=TODAY)
    assert demo.demo_loaded() and summary.deaths == 43 and summary.orders > 30 and summary.waived_orders >= 3
    assert Plot.objects.exclude(state="available").exists()
    identified = DeathRecord.objects.filter(unidentified=False, person__isnull=False)
    assert RegistryChange.objects.filter(kind="deceased").count() == identified.count()
    for line in OrderLine.objects.select_related("item", "order"):
        assert line.item.home_id == line.order.home_id and line.waived_amount <= line.amount
    for order in ServiceOrder.objects.all():
        assert order.payable == order.total - order.waived
        if "unidentified" in order.eligible_categories:
            assert order.waived > 0
    call_command("demo_funeral", verbosity=0)  # already loaded: skipped
    assert DeathRecord.objects.count() == 43
