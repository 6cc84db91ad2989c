"""数据质量 end to end: the nightly command runs the rules over the registry and 社会救助's enrolments, the
scores and the 问题清单 show on the pages (inside the jurisdiction), the 待办 offers the issues to whoever may
fix them, a rerun the same day changes nothing, and a fixed record is closed (已整改) by the next run."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from minzheng.core.models import AuditEvent, Household, Person
from minzheng.datacenter.models import QualityIssue, QualityRun, QualityScore
from minzheng.worklist.selectors import open_items as open_work
from tests.core.factories import HouseholdFactory

from .conftest import login

pytestmark = pytest.mark.django_db

DAY = date(2026, 8, 3)


@pytest.fixture
def flawed(divisions):
    """元宝区: a person whose registry birth date is a year off the one in the ID, a household without a head;
    振兴区: a household without a head (another county's problem)."""
    ours = HouseholdFactory(village="210602002001", size=2)
    wrong = ours.memberships.exclude(person=ours.head).get().person
    Person.objects.filter(pk=wrong.pk).update(
        birth_date=wrong.birth_date.replace(year=wrong.birth_date.year + 1)
    )
    headless = HouseholdFactory(village="210602003001", size=1)
    Household.objects.filter(pk=headless.pk).update(head=None)
    theirs = HouseholdFactory(village="210603001001", size=1)
    Household.objects.filter(pk=theirs.pk).update(head=None)
    return wrong, headless, theirs


def _run(day=DAY):
    call_command("datacenter_nightly", "--today", day.isoformat(), stdout=StringIO())


def test_nightly_run_finds_the_flaws_and_scores_them_per_township(flawed):
    wrong, headless, theirs = flawed
    _run()
    open_issues = {(i.rule.code, i.record_id) for i in QualityIssue.objects.filter(resolved_on__isnull=True)}
    assert open_issues == {
        ("id_birth_mismatch", wrong.pk),
        ("household_no_head", headless.pk),
        ("household_no_head", theirs.pk),
    }
    score = QualityScore.objects.get(rule__code="household_no_head", division_code="210602003000")
    assert (score.checked, score.failed) == (1, 1)
    audit = AuditEvent.objects.get(action="datacenter.quality")
    assert "问题 3 条" in audit.summary


def test_a_rerun_the_same_day_changes_nothing_and_a_fixed_record_is_closed(flawed):
    wrong, _, _ = flawed
    _run()
    _run()
    assert QualityRun.objects.count() == 1
    assert QualityIssue.objects.count() == 3
    Person.objects.filter(pk=wrong.pk).update(birth_date=wrong.birth_date)  # as the ID says
    _run(date(2026, 8, 4))
    issue = QualityIssue.objects.get(rule__code="id_birth_mismatch")
    assert issue.resolved_on == date(2026, 8, 4)


def test_the_pages_show_scores_and_issues_of_the_jurisdiction_only(client, flawed, county_caseworker):
    wrong, headless, theirs = flawed
    _run()
    login(client, county_caseworker)
    page = client.get(reverse("datacenter:quality")).content.decode()
    assert "人口与家庭" in page and "家庭户无户主" in page and "按区划" in page
    issues = client.get(reverse("datacenter:issue_list")).content.decode()
    assert headless.number in issues and theirs.number not in issues
    only = client.get(reverse("datacenter:issue_list"), {"rule": "id_birth_mismatch"}).content.decode()
    said, recorded = wrong.id_number[6:14], f"{wrong.birth_date.year + 1}{wrong.id_number[10:14]}"
    assert f"身份证号码中的出生日期 {said}，登记出生日期 {recorded}" in only and headless.number not in only


def test_the_work_queue_offers_the_issues_to_who_may_fix_them(flawed, county_caseworker, city_leader):
    _run()
    mine = [item for item in open_work(county_caseworker, DAY) if item.source == "datacenter.quality"]
    assert len(mine) == 2  # 元宝区's two; 振兴区's headless household is not on this desk
    assert not [item for item in open_work(city_leader, DAY) if item.source == "datacenter.quality"]


def test_the_big_screen_shows_figures_across_domains_and_the_quality_scores(client, flawed, city_leader):
    _run()
    login(client, city_leader)
    response = client.get(reverse("datacenter:screen"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "登记人口（人）" in page and "社会救助在保（户）" in page and "各业务数据质量得分" in page
    assert "暂无数据" in page  # no 社会救助 enrolment in this world: said, not a zero
