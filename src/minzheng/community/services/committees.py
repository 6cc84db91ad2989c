"""村(居)委会: setting one up for a village-level division, members (with the composition rules), 村民小组,
村务监督委员会 (close relatives refused, 第三十二条) and 民主评议 (two consecutive 不称职 end the office, 第三十三条)."""

from datetime import date

from django.db import transaction

from minzheng.core.identity import normalise_id_number
from minzheng.core.jurisdiction import division_level
from minzheng.core.models import AuditEvent, Division, HouseholdMembership, Person

from ..errors import CommunityConflict, InvalidCommunityInput
from ..models import Appraisal, Committee, CommitteeKind, Member, MemberRole, SupervisionMember, VillagerGroup
from ..rules import committees as rules
from ..rules.disclosure import office_ends
from ..rules.elections import term_end
from . import parameters
from .common import audit, may_manage, require_text

_COMMITTEE_FIELDS = ["division_code", "kind", "name", "households", "population", "adults", "representatives"]


def _person(id_number: str, field: str) -> Person | None:
    if not (id_number or "").strip():
        return None
    number = normalise_id_number(id_number)
    person = Person.objects.filter(id_number=number).first()
    if person is None:
        raise InvalidCommunityInput("人口库中没有该身份证号码的人员，请先登记或留空", field=field)
    return person


@transaction.atomic
def create_committee(
    actor, *, division_code: str, kind: str, households: int, population: int, adults: int,
    representatives: int = 0, term_start: date | None = None, term_number: int = 1, name: str = "",
) -> Committee:  # fmt: skip
    """One committee per village-level division (村、社区), named after it unless a name is given."""
    may_manage(actor, division_code)
    if division_level(division_code) != 5:
        raise InvalidCommunityInput("村（居）民委员会应设在村级区划（村、社区）", field="division_code")
    if kind not in CommitteeKind.values:
        raise InvalidCommunityInput("请选择委员会类型", field="kind")
    division = Division.objects.filter(code=division_code, valid_to__isnull=True).first()
    if division is None:
        raise InvalidCommunityInput("区划代码不存在", field="division_code")
    if Committee.objects.filter(division_code=division_code).exists():
        raise CommunityConflict("该村（社区）已建立村（居）民委员会")
    today = date.today()
    end = term_end(term_start, parameters.integer("term_years", division_code, today)) if term_start else None
    committee = Committee.objects.create(
        division_code=division_code, kind=kind, name=require_text(name, "name", "名称", 100, False) or division.name,
        households=households, population=population, adults=adults, representatives=representatives,
        term_number=term_number, term_start=term_start, term_end=end,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, committee, f"建立{committee.name}", _COMMITTEE_FIELDS)
    return committee


def composition_problems(committee: Committee, on: date | None = None) -> list[str]:
    on = on or date.today()
    limits = parameters.composition(committee.division_code, on)
    sitting = [rules.MemberFacts(m.sex, m.role) for m in committee.members.filter(ended_on__isnull=True)]
    return rules.composition_problems(committee.kind, sitting, limits)


def size_warning(committee: Committee, on: date | None = None) -> str:
    limits = parameters.composition(committee.division_code, on or date.today())
    return rules.size_warning(committee.kind, committee.households, limits)


@transaction.atomic
def add_member(
    actor, committee: Committee, *, name: str, sex: str, role: str, party_member: bool = False,
    party_secretary: bool = False, term_start: date, id_number: str = "",
) -> Member:  # fmt: skip
    may_manage(actor, committee.division_code)
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    limits = parameters.composition(committee.division_code, term_start)
    sitting = committee.members.filter(ended_on__isnull=True)
    if not rules.may_add_member(committee.kind, sitting.count(), limits):
        low, high = rules.member_range(committee.kind, limits)
        raise InvalidCommunityInput(
            f"{committee.get_kind_display()}成员为{low}至{high}人，已满{high}人", field="name"
        )
    if role not in MemberRole.values:
        raise InvalidCommunityInput("请选择职务", field="role")
    if role == MemberRole.DIRECTOR and sitting.filter(role=MemberRole.DIRECTOR).exists():
        raise InvalidCommunityInput("已有在任主任", field="role")
    if party_secretary and role != MemberRole.DIRECTOR:
        raise InvalidCommunityInput("“一肩挑”指党组织书记兼任委员会主任", field="party_secretary")
    if party_secretary and not party_member:
        raise InvalidCommunityInput("党组织书记应为中共党员", field="party_member")
    member = Member.objects.create(
        committee=committee, name=require_text(name, "name", "姓名", 50), sex=sex, role=role,
        party_member=party_member, party_secretary=party_secretary, term_start=term_start,
        person=_person(id_number, "id_number"),
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        member,
        f"{committee.name}增加成员{member.name}",
        ["name", "role", "sex"],
    )
    return member


@transaction.atomic
def end_member(actor, member: Member, *, ended_on: date, reason: str) -> Member:
    may_manage(actor, member.committee.division_code)
    if member.ended_on:
        raise CommunityConflict("该成员职务已终止")
    member.ended_on, member.end_reason = ended_on, require_text(reason, "reason", "终止原因", 200)
    member.save(update_fields=["ended_on", "end_reason"])
    audit(actor, AuditEvent.UPDATE, member, f"{member.name}职务终止", ["ended_on", "end_reason"])
    return member


@transaction.atomic
def add_group(
    actor, committee: Committee, *, name: str, leader: str = "", households: int = 0
) -> VillagerGroup:
    may_manage(actor, committee.division_code)
    name = require_text(name, "name", "小组名称", 50)
    if committee.groups.filter(name=name).exists():
        raise InvalidCommunityInput("同名小组已存在", field="name")
    group = VillagerGroup.objects.create(
        committee=committee,
        name=name,
        leader=require_text(leader, "leader", "组长", 50, False),
        households=households,
    )
    audit(actor, AuditEvent.CREATE, group, f"{committee.name}增加{name}", ["name", "households"])
    return group


def _shares_household(person: Person, others: list[Person]) -> Person | None:
    """A sitting member living in the same registry household (the registry's 家庭户 holds close family)."""
    households = HouseholdMembership.objects.filter(person=person, valid_to__isnull=True).values(
        "household_id"
    )
    shared = HouseholdMembership.objects.filter(
        household_id__in=households, valid_to__isnull=True, person__in=others
    ).values_list("person_id", flat=True)
    found = set(shared)
    return next((p for p in others if p.pk in found), None)


@transaction.atomic
def add_supervisor(
    actor, committee: Committee, *, name: str, sex: str, appointed_on: date, chair: bool = False,
    accounting_skills: bool = False, related_member: Member | None = None, relation: str = "none",
    id_number: str = "",
) -> SupervisionMember:  # fmt: skip
    """第三十二条: 村民委员会成员及其近亲属不得担任村务监督机构成员 — the declared relation and the registry's
    household are both checked."""
    may_manage(actor, committee.division_code)
    name = require_text(name, "name", "姓名", 50)
    sitting = list(committee.members.filter(ended_on__isnull=True).select_related("person"))
    person = _person(id_number, "id_number")
    if any(m.name == name and (person is None or m.person_id in (None, person.pk)) for m in sitting):
        raise InvalidCommunityInput("村民委员会成员不得担任村务监督委员会成员（第三十二条）", field="name")
    if related_member is not None and related_member.committee_id != committee.pk:
        raise InvalidCommunityInput("所选成员不属于本委员会", field="related_member")
    if related_member is not None and rules.close_relative(relation):
        raise InvalidCommunityInput(
            f"系村民委员会成员{related_member.name}的近亲属，不得担任村务监督委员会成员（第三十二条）",
            field="relation",
        )
    if person is not None:
        kin = _shares_household(person, [m.person for m in sitting if m.person is not None])
        if kin is not None:
            raise InvalidCommunityInput(
                f"与村民委员会成员{kin.name}登记为同一家庭户，属近亲属，不得担任村务监督委员会成员（第三十二条）",
                field="id_number",
            )
    supervisor = SupervisionMember.objects.create(
        committee=committee, name=name, sex=sex, appointed_on=appointed_on, chair=chair,
        accounting_skills=accounting_skills, related_member=related_member, relation=relation, person=person,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, supervisor, f"{committee.name}村务监督委员会增加{name}", ["name"])
    return supervisor


@transaction.atomic
def record_appraisal(actor, member: Member, *, year: int, result: str, appraised_on: date) -> Appraisal:
    """民主评议 of a year; the second consecutive 不称职 ends the office that day (第三十三条)."""
    may_manage(actor, member.committee.division_code)
    if member.ended_on:
        raise CommunityConflict("该成员职务已终止")
    if Appraisal.objects.filter(member=member, year=year).exists():
        raise InvalidCommunityInput(f"{year}年度已评议", field="year")
    appraisal = Appraisal.objects.create(member=member, year=year, result=result, appraised_on=appraised_on)
    audit(actor, AuditEvent.CREATE, appraisal, f"{member.name}{year}年度民主评议", ["year", "result"])
    results = dict(Appraisal.objects.filter(member=member).values_list("year", "result"))
    consecutive = parameters.integer(
        "appraisal_consecutive_unfit", member.committee.division_code, appraised_on
    )
    if office_ends(results, consecutive) is not None:
        member.ended_on = appraised_on
        member.end_reason = f"连续{consecutive}次民主评议不称职，职务终止（村民委员会组织法第三十三条）"
        member.save(update_fields=["ended_on", "end_reason"])
        audit(actor, AuditEvent.UPDATE, member, f"{member.name}职务终止", ["ended_on", "end_reason"])
    return appraisal
