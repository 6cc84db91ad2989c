"""demo_eldercare over the core demo population: consistent with the rules it is meant to show."""

from datetime import date

from minzheng.core.demo import load_demo as load_core_demo
from minzheng.eldercare import demo
from minzheng.eldercare.models import CapabilityAssessment, Hazard, Institution, Residency
from minzheng.eldercare.rules.assessment import score_assessment
from minzheng.eldercare.selectors.occupancy import occupancy_of

TODAY = date(2026, 11, 25)


def test_demo_data_respects_beds_ages_scores_and_deadlines(divisions, policy):
    load_core_demo(seed=7, households=400, password="Demo@Pass2026", today=TODAY)
    summary = demo.load_demo(seed=3, today=TODAY)
    assert summary.institutions and summary.residents and summary.hardship_elders and summary.retrofit_cases
    assert demo.demo_loaded()
    institutions = list(Institution.objects.all())
    occupied = occupancy_of([i.pk for i in institutions], TODAY)
    for institution in institutions:
        load = occupied.get(institution.pk)
        assert load is None or (
            load.total <= institution.beds_total and load.nursing <= institution.nursing_beds
        )
    for stay in Residency.objects.select_related("person"):
        assert stay.person.birth_date <= date(1966, 11, 25) and stay.admitted_on <= TODAY
    for row in CapabilityAssessment.objects.all()[:200]:
        result = score_assessment(row.scores)
        assert (row.total_score, row.level) == (result.total, int(result.level))
    for hazard in Hazard.objects.all():
        assert hazard.deadline > hazard.found_on and hazard.status in {"open", "rectified", "closed"}
