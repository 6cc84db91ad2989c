"""动态管理: the registry outbox ends or adjusts benefits from the next month, once; 复核 outcomes; 提标 over
real enrolments previews and applies from the effective month, once."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.models import ConsumerCursor, EnrolmentAmount, WorkTask
from minzheng.assistance.selectors.entitlements import entitlements_for_month
from minzheng.assistance.services.dynamic import (
    REGISTRY_CONSUMER,
    complete_review,
    consume_registry_changes,
    schedule_reviews,
)
from minzheng.assistance.services.enrolment_raise import apply_enrolment_raise, preview_enrolment_raise
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.services import registry
from tests.core.factories import make_user

from .casework import approved_case, desks

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    load_assistance_policy()


def _paid(month):
    return {e.household_id: (e.monthly_amount, e.persons) for e in entitlements_for_month(month)}


def test_a_death_reduces_the_benefit_from_the_next_month_and_is_handled_once(policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household, income="300.00")
    member = household.memberships.exclude(person=household.head).first().person
    registry.record_death(caseworker, member, death_date=date(2026, 5, 20), reason="病故")
    first = consume_registry_changes(today=date(2026, 5, 25))
    again = consume_registry_changes(today=date(2026, 5, 25))
    assert (first.adjusted, first.tasks, again.processed, again.tasks) == (1, 1, 0, 0)
    assert _paid(date(2026, 5, 1))[household.pk] == (Decimal("1089.00"), 3)
    # (663 − 300) × 2 from June.
    assert _paid(date(2026, 6, 1))[household.pk] == (Decimal("726.00"), 2)
    task = WorkTask.objects.get()
    assert task.kind == WorkTask.REGISTRY and "死亡" in task.title and task.due_on > date(2026, 5, 25)
    assert ConsumerCursor.objects.get(name=REGISTRY_CONSUMER).position == first.position


def test_a_move_out_of_the_county_stops_after_the_month_of_the_move(policy, household, divisions):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household)
    registry.move_household(
        caseworker, household, to_division_code="210603001001", address="永昌街道", on=date(2026, 7, 3)
    )
    result = consume_registry_changes(today=date(2026, 7, 6))
    assert result.stopped == 1
    assert household.pk in _paid(date(2026, 7, 1)) and household.pk not in _paid(date(2026, 8, 1))


def test_the_consumer_resumes_after_its_position(policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household)
    consume_registry_changes()
    position = ConsumerCursor.objects.get(name=REGISTRY_CONSUMER).position
    head = household.head
    registry.record_death(caseworker, head, death_date=date(2026, 8, 2))
    result = consume_registry_changes(today=date(2026, 8, 3))
    assert result.processed == 1 and result.position > position


def test_a_review_can_reduce_the_amount_and_schedules_the_next(policy, household):
    caseworker, reviewer, approver = desks()
    case = approved_case(caseworker, reviewer, approver, household)
    enrolment = case.enrolments.get()
    schedule_reviews(enrolment.next_review_on)
    task = WorkTask.objects.get(kind=WorkTask.REVIEW)
    complete_review(
        caseworker, task, outcome="change", reason="就业收入增加", monthly_amount=Decimal("500"), persons=3,
        from_month=date(2026, 10, 1), on=date(2026, 9, 20),
    )  # fmt: skip
    enrolment.refresh_from_db()
    assert enrolment.next_review_on > date(2026, 9, 20)
    assert (
        EnrolmentAmount.objects.get(enrolment=enrolment, effective_month=date(2026, 10, 1)).kind == "decrease"
    )
    task.refresh_from_db()
    assert task.status == WorkTask.DONE


def test_a_standard_raise_previews_every_enrolment_and_applies_once(policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household, income="300.00")
    city_approver = make_user("approver", "210600000000", username="dd_sp")
    params = dict(division_code="210600000000", area="urban", new_amount=Decimal("700"), period="month", effective_from=date(2026, 7, 1))  # fmt: skip
    preview = preview_enrolment_raise(city_approver, **params)
    assert [(line.current_amount, line.new_amount) for line in preview.lines] == [
        (Decimal("1089.00"), Decimal("1200.00"))
    ]
    _, changed = apply_enrolment_raise(city_approver, **params, source_note="丹东市提标文件")
    _, again = apply_enrolment_raise(city_approver, **params, source_note="丹东市提标文件")
    assert (changed, again) == (1, 0)
    assert _paid(date(2026, 6, 1))[household.pk][0] == Decimal("1089.00")
    assert _paid(date(2026, 7, 1))[household.pk][0] == Decimal("1200.00")


def test_income_above_the_line_tapers_off_for_the_gradual_exit_months(policy, household):
    caseworker, reviewer, approver = desks()
    case = approved_case(caseworker, reviewer, approver, household)
    enrolment = case.enrolments.get()
    schedule_reviews(enrolment.next_review_on)
    task = WorkTask.objects.get(kind=WorkTask.REVIEW)
    complete_review(caseworker, task, outcome="taper", reason="就业后人均收入超过标准", on=date(2026, 9, 20))
    enrolment.refresh_from_db()
    # 渐退 6 months (民发〔2021〕57号): paid through March 2027, nothing from April.
    assert enrolment.end_month == date(2027, 3, 1) and "渐退" in enrolment.end_reason
    assert household.pk in _paid(date(2027, 3, 1)) and household.pk not in _paid(date(2027, 4, 1))


def test_a_household_split_leaves_the_benefit_to_the_remaining_members(policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household, income="300.00")
    leaving = household.memberships.exclude(person=household.head).first().person
    registry.split_household(
        caseworker, household, person_ids=[leaving.pk], new_head_id=leaving.pk, on=date(2026, 6, 10)
    )
    result = consume_registry_changes(today=date(2026, 6, 11))
    assert result.adjusted == 1
    assert _paid(date(2026, 7, 1))[household.pk] == (Decimal("726.00"), 2)
