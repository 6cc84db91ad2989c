"""The demo: 丹东 demo households get 在保 enrolments, a 防返贫 list, a year of events and warnings at every
stage of their life — through the same services as real data, so the demo proves the real paths."""

import pytest
from django.core.management import call_command

from minzheng.assistance.models import AssistanceCase
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.demo import load_demo
from minzheng.monitoring import rules
from minzheng.monitoring.models import LibraryCategory, RiskWarning

pytestmark = pytest.mark.django_db


def test_demo_monitoring_builds_a_library_events_and_warnings_in_every_state(settings, tmp_path, divisions):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    load_assistance_policy()
    load_demo(households=400, password="Demo@Pass2026")
    call_command("demo_monitoring")
    categories = set(LibraryCategory.objects.values_list("category", flat=True))
    assert {"fangpin", "dibao_edge", "expenditure_hardship"} <= categories
    statuses = set(RiskWarning.objects.values_list("status", flat=True))
    assert {rules.ASSIGNED, rules.DISPOSED, rules.CLOSED} <= statuses
    assert AssistanceCase.objects.filter(source="monitoring").exists()
    count = RiskWarning.objects.count()
    call_command("demo_monitoring", "--if-empty")
    assert RiskWarning.objects.count() == count
