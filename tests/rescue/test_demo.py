"""demo_rescue over the core demo: a year of intakes at 丹东市救助管理站, the 易走失 library, two tracing matches
(one confirmed and returned, one waiting); the identified are all returned (约束性 100 %); idempotent."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from minzheng.core.demo import load_demo as load_core_demo
from minzheng.rescue import demo
from minzheng.rescue.indicator_sources import SOURCES
from minzheng.rescue.models import Client, MatchProposal, WanderRisk

pytestmark = pytest.mark.django_db


def test_demo_has_a_year_of_intakes_and_two_tracing_matches(divisions):
    load_core_demo(seed=7, households=200, password="Demo@Pass2026", today=timezone.localdate())
    summary = demo.load_demo(seed=3)
    assert demo.demo_loaded() and summary.intakes == Client.objects.count() == 42
    assert summary.matches == 2 and WanderRisk.objects.count() == 12
    confirmed = MatchProposal.objects.filter(status="confirmed", wander_risk__isnull=False)
    waiting = MatchProposal.objects.filter(status="proposed", wander_risk__isnull=False, client__discharge="")
    assert confirmed.count() == 1 and confirmed.get().client.discharge == "returned"
    assert waiting.count() >= 1
    admitted = Client.objects.order_by("admitted_at").first().admitted_at
    assert timezone.now() - admitted > timedelta(days=300)
    rate = SOURCES[0].compute(
        "210600000000", timezone.localdate() - timedelta(days=365), timezone.localdate()
    )
    assert rate.value == 100 and rate.denominator > 30
    call_command("demo_rescue", verbosity=0)  # already loaded: skipped
    assert Client.objects.count() == 42
