"""Life events: a marriage or a divorce of a registered person is the registry's dated change, and 社会救助 reviews
the household through its existing outbox consumer; a death recorded by 殡葬 makes the spouse 丧偶."""

from datetime import date

import pytest

from minzheng.assistance.models import Enrolment, WorkTask
from minzheng.assistance.services.dynamic import consume_registry_changes as assistance_consumes
from minzheng.assistance.services.dynamic import schedule_reviews
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.models import RegistryChange
from minzheng.funeral.services.deaths import record_certificate
from minzheng.marriage.models import MarriageStatus
from minzheng.marriage.services.archives import backfill_marriage
from minzheng.marriage.services.deaths import consume_registry_changes as marriage_consumes
from minzheng.marriage.services.divorces import Agreement, receive_divorce, register_divorce
from minzheng.marriage.services.judgments import record_judgment
from minzheng.marriage.services.registries import add_registrar
from tests.assistance.casework import approved_case, desks
from tests.core.factories import HouseholdFactory
from tests.funeral.factories import certificate

from .factories import marry, party

pytestmark = pytest.mark.django_db
AGREEMENT = Agreement(children="无子女", property="各自名下财产归各自所有", debts="无")


@pytest.fixture
def dibao_household(divisions, policy):
    """A 3-person 城市低保 household of 七道街道 (approved 2026-03-18), the registry outbox read to its end."""
    load_assistance_policy()
    caseworker, reviewer, approver = desks()
    household = HouseholdFactory(size=3)
    approved_case(caseworker, reviewer, approver, household)
    assistance_consumes()
    marriage_consumes()
    return household


@pytest.fixture
def desk(registry, registry_admin, dibao_household):
    from minzheng.core.models import User

    caseworker = User.objects.get(username="yb_jb")
    add_registrar(registry_admin, registry, user=caseworker)
    return caseworker


def _son(household):
    """王成员2: the household's son, born 1986-03-03 (of marriageable age)."""
    return household.memberships.get(relation="20").person


def _as_party(person):
    return party(person.birth_date, person.sex == "1", name=person.name, number=person.id_number)


def test_a_dibao_member_marrying_is_a_dated_registry_change_and_opens_the_households_review(
    desk, registry, dibao_household
):
    """民法典 第一千零五十条: a marriage may change who lives together; 社会救助 reviews the household."""
    son = _son(dibao_household)
    record = marry(desk, registry, male=_as_party(son), female=party(date(1990, 2, 2), False),
                   on=date(2026, 4, 1))  # fmt: skip
    change = RegistryChange.objects.get(kind=RegistryChange.MARRIED)
    assert (change.person, change.household, change.effective_date) == (
        son,
        dibao_household,
        date(2026, 4, 1),
    )
    assert record.certificate_number in change.reason
    enrolment = Enrolment.objects.get(household=dibao_household)

    result = assistance_consumes(today=date(2026, 4, 2))
    assert result.tasks == 1 and result.stopped == result.adjusted == 0  # nothing changed automatically
    task = WorkTask.objects.get(kind=WorkTask.REGISTRY, registry_change_id=change.pk)
    assert task.title.startswith("结婚：") and "复核" in task.title
    assert son.name in task.detail and "共同生活的家庭成员" in task.detail
    enrolment.refresh_from_db()
    assert enrolment.next_review_on == task.due_on  # the review is brought forward to the task's due date
    schedule_reviews(today=date(2026, 4, 2))
    assert WorkTask.objects.filter(enrolment=enrolment, kind=WorkTask.REVIEW, status=WorkTask.OPEN).exists()
    assert assistance_consumes(today=date(2026, 4, 2)).tasks == 0  # the cursor remembers


def test_a_dibao_member_divorcing_is_a_registry_change_assistance_reviews(desk, registry, dibao_household):
    """民法典 第一千零七十八条: the divorce registered (L 字号) ends the marriage that day — a dated change."""
    son = _son(dibao_household)
    record = marry(desk, registry, male=_as_party(son), female=party(date(1990, 2, 2), False),
                   on=date(2020, 5, 20))  # fmt: skip
    assistance_consumes(today=date(2026, 6, 1))
    application = receive_divorce(desk, record, registry=registry, agreement=AGREEMENT, on=date(2026, 6, 1))
    assert not RegistryChange.objects.filter(
        kind=RegistryChange.MARRIAGE_ENDED
    ).exists()  # 受理 changes nothing
    register_divorce(desk, application, both_present=True, on=date(2026, 7, 2))
    change = RegistryChange.objects.get(kind=RegistryChange.MARRIAGE_ENDED)
    assert (change.person, change.household, change.effective_date) == (
        son,
        dibao_household,
        date(2026, 7, 2),
    )
    assert change.get_kind_display() == "离婚或婚姻解除"
    assistance_consumes(today=date(2026, 7, 3))
    task = WorkTask.objects.get(registry_change_id=change.pk)
    assert task.title.startswith("离婚或婚姻解除：") and "离婚登记 L" in task.detail


def test_a_divorce_judgment_is_a_registry_change_too(desk, registry, dibao_household):
    son = _son(dibao_household)
    record = marry(desk, registry, male=_as_party(son), female=party(date(1990, 2, 2), False),
                   on=date(2020, 5, 20))  # fmt: skip
    record_judgment(desk, record, kind="divorce", court="元宝区人民法院", case_number="（2026）辽0602民初1号",
                    effective_on=date(2026, 8, 1))  # fmt: skip
    change = RegistryChange.objects.get(kind=RegistryChange.MARRIAGE_ENDED)
    assert change.effective_date == date(2026, 8, 1) and "判决离婚" in change.reason


def test_persons_unknown_to_the_registry_and_backfilled_records_make_no_change(desk, registry):
    marry(desk, registry, on=date(2026, 4, 1))  # neither party is in the population registry
    backfill_marriage(
        desk, registry=registry, male=party(date(1960, 1, 1), True), female=party(date(1962, 1, 1), False),
        registered_on=date(1985, 10, 1), certificate_number="辽丹元结字第85-0001号", original_registry="元宝区民政局",
    )  # fmt: skip
    assert not RegistryChange.objects.filter(kind__in=["married", "marriage_ended"]).exists()


def test_a_death_recorded_by_funeral_makes_the_spouse_widowed(desk, registry, dibao_household):
    """民法典 第一千零四十二条 ff.: 殡葬's 死亡医学证明 → the registry's 死亡 change → the marriage ends as 丧偶."""
    son = _son(dibao_household)
    spouse = party(date(1990, 2, 2), False)
    record = marry(desk, registry, male=_as_party(son), female=spouse, on=date(2020, 5, 20))
    marriage_consumes()
    record_certificate(desk, certificate(son), today=date(2026, 8, 1))
    assert marriage_consumes().ended == 1
    record.refresh_from_db()
    assert (record.status, record.ended_on) == (MarriageStatus.WIDOWED, date(2026, 7, 20))
    assert "死亡" in record.end_note
