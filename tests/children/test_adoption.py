"""收养登记 through the real services: a foundling's adoption from 受理 through 评估 and the 60-day 公告 to 登记 —
the 收养登记证 numbered by the county's office, the child moved to the adopter's household as dated registry changes
— and 解除; broken conditions refused in Chinese naming the article; another county gets a 404."""

from datetime import date

import pytest
from django.http import Http404

from minzheng.children.errors import ChildrenConflict, InvalidChildInput
from minzheng.children.models import AdoptionStatus
from minzheng.children.rules import adoption as rules
from minzheng.children.services import adoption as svc
from minzheng.core.models import AuditEvent, HouseholdMembership, RegistryChange
from tests.core.factories import HouseholdFactory, PersonFactory

from .factories import child_in_household

pytestmark = pytest.mark.django_db


@pytest.fixture
def county_registrar(divisions):
    from tests.core.factories import make_user

    return make_user("caseworker", "210602000000", username="yb_adoption_clerk")


def _parties(adopter_birth=date(1985, 3, 3)):
    home = HouseholdFactory(size=1)  # the adopter is its 户主
    adopter = home.head
    adopter.birth_date = adopter_birth
    adopter.save(update_fields=["birth_date"])
    spouse = PersonFactory(name="赵丽", male=False, birth=date(1986, 5, 5))
    HouseholdMembership.objects.create(
        household=home, person=spouse, relation="10", valid_from=date(2020, 1, 1)
    )
    child = child_in_household(birth=date(2024, 2, 1), name="福小宝")
    return home, adopter, spouse, child


def _receive(clerk, case_type=rules.FOUND, **extra):
    home, adopter, spouse, child = _parties()
    values = dict(
        case_type=case_type, child=child, adopter=adopter, adopter_spouse=spouse, adopter_married=True,
        adopter_children=0, giver="元宝区儿童福利院", child_consents=None, documents=list(rules.DOCUMENTS[case_type]),
        received_on=date(2026, 1, 5),
    ) | extra  # fmt: skip
    return home, svc.receive(clerk, **values)


def test_foundling_adoption_from_receipt_to_registration(policy, county_registrar, county_approver):
    home, adoption = _receive(county_registrar)
    assert adoption.review_due == date(2026, 2, 4)  # 登记办法 Art 8: 30 days from the next day
    adoption = svc.start_evaluation(
        county_registrar, adoption, evaluators=["王评估", "李社工"], started_on=date(2026, 1, 6)
    )
    assert adoption.evaluation_due == date(2026, 2, 5)
    adoption = svc.extend_evaluation(county_registrar, adoption, reason="需补充家访")
    assert adoption.evaluation_due == date(2026, 3, 7)  # at most 60 days
    with pytest.raises(ChildrenConflict, match="60日"):
        svc.extend_evaluation(county_registrar, adoption, reason="再延")
    adoption = svc.complete_evaluation(
        county_registrar, adoption, evaluated_on=date(2026, 2, 10), score=86, passed=True, note="具备收养能力"
    )
    with pytest.raises(ChildrenConflict, match="公告满60日"):
        svc.decide(county_approver, adoption, register=True, decided_on=date(2026, 2, 11))
    adoption = svc.start_notice(county_registrar, adoption, started_on=date(2026, 2, 11))
    assert adoption.notice_ends_on == date(2026, 4, 11)
    # Neither the evaluation (36 days) nor the notice (60) is counted in the 30-day review.
    assert adoption.review_due == date(2026, 1, 5) + (date(2026, 2, 10) - date(2026, 1, 6)).__class__(
        days=30 + 36 + 60
    )
    with pytest.raises(InvalidChildInput, match="期满前不能登记"):
        svc.end_notice(county_registrar, adoption, claimed=False, on=date(2026, 4, 1))
    adoption = svc.end_notice(county_registrar, adoption, claimed=False, on=date(2026, 4, 12))
    with pytest.raises(Exception, match="收养登记员"):
        svc.decide(county_registrar, adoption, register=True, decided_on=date(2026, 4, 13))
    adoption = svc.decide(county_approver, adoption, register=True, decided_on=date(2026, 4, 13))

    assert adoption.status == AdoptionStatus.REGISTERED
    assert adoption.certificate_number.endswith("〔2026〕1号") and "收登" in adoption.certificate_number
    joined = HouseholdMembership.objects.get(person=adoption.child, valid_to__isnull=True)
    assert (joined.household_id, joined.valid_from, joined.relation) == (home.pk, date(2026, 4, 13), "30")
    kinds = list(
        RegistryChange.objects.filter(person=adoption.child)
        .order_by("pk")
        .values_list("kind", "effective_date")
    )
    assert kinds == [("member_left", date(2026, 4, 13)), ("member_joined", date(2026, 4, 13))]
    assert AuditEvent.objects.filter(object_type="children.adoption", object_id=str(adoption.pk)).count() >= 7

    birth_home = HouseholdFactory(size=1)
    adoption = svc.dissolve(
        county_approver, adoption, dissolved_on=date(2026, 5, 1), reason="协议解除", to_household=birth_home
    )
    assert adoption.status == AdoptionStatus.DISSOLVED and "收解" in adoption.dissolution_number
    assert (
        HouseholdMembership.objects.get(person=adoption.child, valid_to__isnull=True).household_id
        == birth_home.pk
    )


def test_broken_conditions_are_refused_naming_the_article(policy, county_registrar):
    with pytest.raises(InvalidChildInput, match="第一千零九十八条第五项"):
        _, adopter, spouse, child = _parties(adopter_birth=date(2000, 1, 1))
        svc.receive(
            county_registrar, case_type=rules.HARDSHIP, child=child, adopter=adopter, adopter_spouse=spouse, adopter_married=True,
            adopter_children=0, giver="生父母", child_consents=None, documents=list(rules.DOCUMENTS[rules.HARDSHIP]),
            received_on=date(2026, 1, 5),
        )  # fmt: skip
    with pytest.raises(InvalidChildInput, match="第一千一百零一条"):
        _receive(county_registrar, adopter_spouse=None)
    with pytest.raises(InvalidChildInput, match="第一千一百零二条"):
        _receive(county_registrar, adopter_spouse=None, adopter_married=False)
    with pytest.raises(InvalidChildInput, match="材料不全"):
        _receive(county_registrar, documents=["收养申请书"])
    with pytest.raises(InvalidChildInput, match="第一千零九十八条第一项"):
        _receive(
            county_registrar,
            case_type=rules.HARDSHIP,
            adopter_children=2,
            documents=list(rules.DOCUMENTS[rules.HARDSHIP]),
        )


def test_two_evaluators_and_a_township_cannot_register(policy, county_registrar, director):
    _, adoption = _receive(county_registrar)
    with pytest.raises(InvalidChildInput, match="2名以上"):
        svc.start_evaluation(county_registrar, adoption, evaluators=["王评估"], started_on=date(2026, 1, 6))
    with pytest.raises(ChildrenConflict, match="县级民政"):
        _receive(director)


def test_another_county_gets_a_404(policy, county_registrar, outsider):
    _, adoption = _receive(county_registrar)
    with pytest.raises(Http404):
        svc.start_evaluation(outsider, adoption, evaluators=["甲", "乙"], started_on=date(2026, 1, 6))
