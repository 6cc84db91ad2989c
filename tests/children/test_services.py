"""儿童档案 and 基本生活保障 through the real services: the rules refuse in Chinese naming the rule, every
write is audited, the clock runs in working days, 补差 reads 社会救助's enrolments."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.children.errors import ChildrenConflict, InvalidChildInput
from minzheng.children.models import ApplicationStatus
from minzheng.children.services import allowances, register
from minzheng.core.models import AuditEvent
from minzheng.policy.interface import working_day_deadline

from .factories import both_parents, child_in_household, make_child, open_file

pytestmark = pytest.mark.django_db


def test_an_adult_cannot_have_a_child_file(policy, director):
    with pytest.raises(InvalidChildInput, match="已满18周岁"):
        open_file(director, make_child(birth=date(2007, 1, 1)))


def test_one_open_file_per_child(policy, director):
    child = make_child()
    open_file(director, child)
    with pytest.raises(ChildrenConflict):
        open_file(director, child)


def test_left_behind_child_must_be_under_16(policy, director):
    record = open_file(director, make_child(birth=date(2010, 1, 1)))
    both_parents(director, record, "working_away")
    with pytest.raises(InvalidChildInput, match="不满16周岁"):
        register.add_flag(
            director, record, category="left_behind", valid_from=date(2026, 2, 1), evidence="排查"
        )


def test_left_behind_flag_ends_at_16_and_needs_parents_away(policy, director):
    record = open_file(director, make_child(birth=date(2015, 4, 1)))
    with pytest.raises(InvalidChildInput, match="国发〔2016〕13号"):
        register.add_flag(
            director, record, category="left_behind", valid_from=date(2026, 2, 1), evidence="排查"
        )
    both_parents(director, record, "working_away")
    flag = register.add_flag(
        director, record, category="left_behind", valid_from=date(2026, 2, 1), evidence="排查"
    )
    assert flag.valid_to == date(2031, 3, 31)
    assert (
        AuditEvent.objects.filter(object_type="children.categoryflag", action=AuditEvent.CREATE).count() == 1
    )


def test_de_facto_needs_the_62_conditions_and_excludes_left_behind(policy, director):
    record = open_file(director)
    register.record_parent_status(
        director, record, role="father", condition="dead", since=date(2023, 5, 1), evidence="死亡证明"
    )
    register.record_parent_status(
        director,
        record,
        role="mother",
        condition="imprisoned",
        since=date(2025, 1, 1),
        until=date(2025, 5, 1),
        evidence="判决书",
    )
    with pytest.raises(InvalidChildInput, match="民发〔2019〕62号"):
        register.add_flag(
            director, record, category="de_facto_unattended", valid_from=date(2025, 2, 1), evidence="核查"
        )
    register.record_parent_status(
        director,
        record,
        role="mother",
        condition="imprisoned",
        since=date(2025, 6, 1),
        until=date(2029, 6, 1),
        evidence="判决书",
    )
    register.add_flag(
        director, record, category="de_facto_unattended", valid_from=date(2025, 7, 1), evidence="核查"
    )
    with pytest.raises(InvalidChildInput, match="不能同时成立"):
        register.add_flag(
            director, record, category="orphan_scattered", valid_from=date(2026, 1, 1), evidence="x"
        )


def test_disqualified_carer_is_recorded_with_a_warning(policy, director):
    record = open_file(director)
    entrustment, warnings = register.entrust_care(
        director, record, carer_name="王大力", carer_relation="叔叔", started_on=date(2026, 1, 1),
        agreement_signed_on=date(2026, 1, 1), school_notified_on=date(2026, 1, 2),
        committee_notified_on=date(2026, 1, 2), disqualifications=["vice"],
    )  # fmt: skip
    assert any("第二十二条" in w for w in warnings)
    register.record_contact(
        director, entrustment, contacted_on=date(2026, 1, 7), by_role="mother", method="video"
    )
    with pytest.raises(InvalidChildInput, match="早于委托起始日期"):
        register.record_contact(
            director, entrustment, contacted_on=date(2025, 12, 1), by_role="mother", method="video"
        )


def test_another_county_cannot_write(policy, director, outsider):
    record = open_file(director)
    with pytest.raises(Http404):
        register.add_flag(outsider, record, category="street", valid_from=date(2026, 2, 1), evidence="x")


def _orphan(director, institutional=False):
    record = open_file(director, child_in_household())
    both_parents(director, record, "dead", since=date(2022, 1, 1))
    kind = "orphan_institutional" if institutional else "orphan_scattered"
    register.add_flag(director, record, category=kind, valid_from=date(2026, 1, 5), evidence="死亡证明")
    return record, kind


def test_orphan_allowance_15_plus_15_working_days_paid_from_next_month(
    policy, director, supervisor, county_approver
):
    record, kind = _orphan(director)
    application = allowances.receive_application(
        director,
        record,
        kind=kind,
        applicant_name="李奶奶",
        applicant_relation="祖母",
        received_on=date(2026, 3, 2),
    )
    assert application.check_due == working_day_deadline(date(2026, 3, 2), 15)[0]
    with pytest.raises(ChildrenConflict):
        allowances.receive_application(
            director,
            record,
            kind=kind,
            applicant_name="李奶奶",
            applicant_relation="祖母",
            received_on=date(2026, 3, 2),
        )
    application = allowances.check_application(
        supervisor, application, eligible=True, checked_on=date(2026, 3, 10), note="比对一致"
    )
    assert application.confirm_due == working_day_deadline(date(2026, 3, 10), 15)[0]
    application = allowances.confirm_application(
        county_approver, application, confirmed=True, decided_on=date(2026, 3, 20)
    )
    assert application.status == ApplicationStatus.CONFIRMED
    assert application.start_month == date(2026, 4, 1)
    assert application.monthly_amount == Decimal("1284.00")  # 丹东 散居孤儿 standard (社会救助 保障标准)


def test_institutional_orphan_takes_the_1638_standard(policy, director, supervisor, county_approver):
    record, kind = _orphan(director, institutional=True)
    a = allowances.receive_application(
        director,
        record,
        kind=kind,
        applicant_name="院长",
        applicant_relation="机构",
        received_on=date(2026, 3, 2),
    )
    a = allowances.check_application(supervisor, a, eligible=True, checked_on=date(2026, 3, 3), note="符合")
    a = allowances.confirm_application(county_approver, a, confirmed=True, decided_on=date(2026, 3, 4))
    assert a.monthly_amount == Decimal("1638.00")


def test_check_refuses_without_the_category_on_file(policy, director, supervisor):
    record = open_file(director)
    a = allowances.receive_application(
        director,
        record,
        kind="de_facto_unattended",
        applicant_name="张某",
        applicant_relation="祖父",
        received_on=date(2026, 3, 2),
    )
    with pytest.raises(InvalidChildInput, match="请先在儿童档案中认定类别"):
        allowances.check_application(supervisor, a, eligible=True, checked_on=date(2026, 3, 3), note="x")


def test_refusal_needs_a_written_reason(policy, director, supervisor, county_approver):
    record, kind = _orphan(director)
    a = allowances.receive_application(
        director,
        record,
        kind=kind,
        applicant_name="李奶奶",
        applicant_relation="祖母",
        received_on=date(2026, 3, 2),
    )
    a = allowances.check_application(supervisor, a, eligible=True, checked_on=date(2026, 3, 3), note="符合")
    with pytest.raises(InvalidChildInput, match="不予确认的理由"):
        allowances.confirm_application(county_approver, a, confirmed=False, decided_on=date(2026, 3, 4))


def test_de_facto_subsidy_is_topped_up_over_dibao(policy, director, county_caseworker):
    """62号 三(一): 已获得低保金…未达到标准的进行补差发放 — the child's per-person 低保 is subtracted."""
    from minzheng.assistance.interface import NewEnrolment, enrol_case, open_case
    from minzheng.core.models import HouseholdMembership
    from tests.core.factories import HouseholdFactory

    household = HouseholdFactory(size=2)
    child = make_child()
    HouseholdMembership.objects.create(
        household=household, person=child, relation="20", valid_from=date(2020, 1, 1)
    )
    case = open_case(
        county_caseworker, household_id=household.pk, program_code="dibao_urban", applied_on=date(2026, 1, 5)
    )
    enrol_case(
        county_caseworker, case.id,
        NewEnrolment(start_month=date(2026, 2, 1), monthly_amount=Decimal("900"), persons=3, payee_id=household.head_id),
    )  # fmt: skip
    record = open_file(director, child)
    amount = allowances.amount_for(record, "de_facto_unattended", date(2026, 4, 1))
    assert amount.other_benefits == Decimal("300.00")
    assert amount.standard == Decimal("1284")  # 参照散居孤儿 (丹东 has no separate 事实无人抚养 standard)
    assert amount.monthly_amount == Decimal("984.00")
    orphan = allowances.amount_for(record, "orphan_scattered", date(2026, 4, 1))
    assert orphan.monthly_amount == Decimal("1284")
