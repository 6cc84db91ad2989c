"""demo_disability over the core demo population: the 残联's file imported, applications at each step, one
跨省通办 with its three clocks, those decided paid on the roster, the outreach of the yearly review."""

from datetime import date

from minzheng.core.demo import load_demo as load_core_demo
from minzheng.core.models import HouseholdMembership, Person
from minzheng.disability import demo
from minzheng.disability.models import ChangeTask, DisabilityCertificate, SubsidyApplication

from .factories import in_dibao

TODAY = date(2026, 11, 25)


def test_demo_disability_covers_each_step_and_a_cross_province_file(divisions, policy, county_caseworker):
    load_core_demo(seed=7, households=400, password="Demo@Pass2026", today=TODAY)
    disabled = Person.objects.filter(
        disability_grade__isnull=False, hukou_division_code__startswith="210602002"
    )
    households = {
        m.household
        for m in HouseholdMembership.objects.filter(person__in=disabled).select_related("household")
    }
    for household in list(households)[::2]:
        in_dibao(county_caseworker, household, start=date(2026, 1, 1))
    summary = demo.load_demo(today=TODAY)
    assert summary.certificates == DisabilityCertificate.objects.count() > 5 and demo.demo_loaded()
    statuses = set(SubsidyApplication.objects.values_list("status", flat=True))
    assert {"received", "cdpf", "paying"} <= statuses
    transfer = SubsidyApplication.objects.get(channel="transfer")
    assert transfer.push_due and transfer.transfer_decision_due and transfer.receiving_window
    assert ChangeTask.objects.filter(kind="outreach").exists()
