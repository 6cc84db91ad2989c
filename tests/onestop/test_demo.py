"""The demo generator runs through the real services: residents, 办件 at each stage, ratings, tickets."""

import pytest

from minzheng.onestop import demo
from minzheng.onestop.models import Application, Evaluation, Ticket
from tests.core.factories import HouseholdFactory, make_user


@pytest.mark.usefixtures("assistance_policy")
def test_demo_builds_residents_applications_and_tickets(divisions):
    make_user("caseworker", "210602002000", username="township_caseworker")
    for _ in range(8):
        HouseholdFactory(size=1)
    summary = demo.load_demo(count=8)
    assert summary.residents == 8 and demo.demo_loaded()
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {"materials_pending", "completed"} <= statuses
    assert Evaluation.objects.exists() and Ticket.objects.filter(status="visited").exists()
