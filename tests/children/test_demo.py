"""demo_children over the core demo population: every category, contacts overdue and on time, applications at
each step — all written through the services (so the rules held)."""

from datetime import date

from minzheng.children import demo
from minzheng.children.models import (
    Adoption,
    AllowanceApplication,
    CategoryFlag,
    EntrustedCare,
    ProtectionCase,
)
from minzheng.core.demo import load_demo as load_core_demo
from minzheng.core.models import Household

TODAY = date(2026, 11, 25)


def test_demo_children_cover_each_category_and_step(divisions, policy):
    load_core_demo(seed=7, households=400, password="Demo@Pass2026", today=TODAY)
    # the test divisions are all 街道 (urban); the real 丹东 list has 镇/乡 — make a third of the households rural
    rural = list(Household.objects.order_by("pk").values_list("pk", flat=True)[::3])
    Household.objects.filter(pk__in=rural).update(area_type=Household.RURAL)
    summary = demo.load_demo(seed=3, today=TODAY)
    assert summary.children >= 10 and demo.demo_loaded()
    categories = set(CategoryFlag.objects.values_list("category", flat=True))
    assert {
        "left_behind",
        "orphan_scattered",
        "orphan_institutional",
        "de_facto_unattended",
        "street",
    } <= categories
    assert set(AllowanceApplication.objects.values_list("status", flat=True)) == {
        "received",
        "checked",
        "confirmed",
    }
    assert EntrustedCare.objects.filter(disqualifications__icontains="vice").exists()
    assert summary.contacts > 0
    statuses = set(ProtectionCase.objects.values_list("status", flat=True))
    assert {"received", "assessed", "helping", "intervening", "closed"} <= statuses
    # confirmed allowances are paid by the one payroll (a 社会救助 enrolment each); one adoption under evaluation
    confirmed = AllowanceApplication.objects.filter(status="confirmed")
    assert confirmed.exists() and not confirmed.filter(enrolment_id__isnull=True).exists()
    assert summary.adoptions == 1
    assert Adoption.objects.get().status == "evaluating"
