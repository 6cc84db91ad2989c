"""Writes to the population registry: registering households, deaths, moves and household splits.

Each is a dated change (``RegistryChange``) — the outbox that other domains read through
``changes_since`` — plus an audit event. Nothing here is overwritten silently.
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, models, transaction
from django.db.models import Max

from .. import codes
from ..errors import MinzhengError, RegistryConflict
from ..identity import temporary_id_number
from ..jurisdiction import NOT_REGISTRABLE_HERE, covers
from ..models import AuditEvent, Division, Household, HouseholdMembership, Person, RegistryChange
from ..permissions import Capability, require
from ..person_rules import PersonFields
from .audit import record_event, snapshot

PERSON_AUDIT_FIELDS = [
    "id_number",
    "name",
    "sex",
    "birth_date",
    "ethnicity",
    "hukou_division_code",
    "residence_division_code",
    "address",
    "phone",
    "disability_category",
    "disability_grade",
    "is_deceased",
    "death_date",
]
HOUSEHOLD_AUDIT_FIELDS = ["number", "residence_division_code", "address", "area_type", "head", "dissolved_on"]


@dataclass
class NewMember:
    """A person to register into a household: cleaned fields plus the relation to the head."""

    person: PersonFields
    relation: str
    hukou_division_code: str = ""


def check_residence_division(actor, code: str) -> Division:
    """The division a household lives in: a current township or village inside the actor's jurisdiction."""
    division = Division.objects.filter(code=code, valid_to__isnull=True).first()
    if division is None:
        raise MinzhengError(f"区划代码{code}不存在或已撤销", field="residence_division_code")
    if division.level < 4:
        raise MinzhengError("居住地应选择到乡镇（街道）或村（社区）", field="residence_division_code")
    if not covers(actor.division_code, code):
        raise MinzhengError(
            f"区划{division.name}（{code}）不在您的管辖范围内", field="residence_division_code"
        )
    return division


def default_area_type(division_code: str, urban_rural_code: str) -> str:
    """城市 or 农村 when nobody said: by the division's 城乡分类代码 where the source has it, otherwise by the
    NBS township code — 001–099 are 街道 (urban), 100 and up 镇/乡 (rural)."""
    if urban_rural_code:
        return Household.URBAN if urban_rural_code.startswith("1") else Household.RURAL
    return Household.URBAN if division_code[6:7] == "0" else Household.RURAL


def next_household_numbers(township_prefix: str, count: int) -> list[str]:
    """户编号: 9-digit township code + 6-digit sequence, continuing from the highest used."""
    highest = Household.objects.filter(number__startswith=township_prefix).aggregate(m=Max("number"))["m"]
    start = int(highest[len(township_prefix) :]) + 1 if highest else 1
    return [f"{township_prefix}{n:06d}" for n in range(start, start + count)]


@transaction.atomic
def register_household(
    actor,
    *,
    residence_division_code: str,
    address: str,
    area_type: str,
    members: list[NewMember],
    established_on: date,
) -> Household:
    """新增家庭: one head (relation 户主) and its members, all new to the registry."""
    require(actor, Capability.EDIT_REGISTRY)
    check_residence_division(actor, residence_division_code)
    heads = [m for m in members if m.relation == codes.RELATION_HEAD]
    if len(heads) != 1:
        raise MinzhengError("每户必须有且只有一名户主", field="members")
    for member in members:
        if member.person.errors:
            field, message = next(iter(member.person.errors.items()))
            raise MinzhengError(f"{member.person.name or '成员'}：{message}", field=field)
    _assign_temporary_numbers(members, residence_division_code, established_on)
    ids = [m.person.id_number for m in members]
    if len(set(ids)) != len(ids):
        raise MinzhengError("同一家庭中公民身份号码重复", field="members")
    taken = list(Person.objects.filter(id_number__in=ids).values_list("id_number", "residence_division_code"))
    if any(not covers(actor.division_code, where) for _, where in taken):
        raise RegistryConflict(NOT_REGISTRABLE_HERE, field="members")
    if taken:
        numbers = "、".join(number for number, _ in taken)
        raise RegistryConflict(f"公民身份号码{numbers}已登记，一人只能有一条记录", field="members")
    household = Household.objects.create(
        number=next_household_numbers(residence_division_code[:9], 1)[0],
        residence_division_code=residence_division_code,
        address=address,
        area_type=area_type,
        established_on=established_on,
    )
    for member in members:
        person = _create_person(member, residence_division_code, address)
        HouseholdMembership.objects.create(
            household=household, person=person, relation=member.relation, valid_from=established_on
        )
        if member.relation == codes.RELATION_HEAD:
            household.head = person
    household.save(update_fields=["head"])
    _change(actor, RegistryChange.REGISTERED, household=household, on=established_on, after={"members": ids})
    record_event(
        actor,
        AuditEvent.CREATE,
        object_type="household",
        object_id=household.pk,
        division_code=residence_division_code,
        summary=f"新增家庭 {household.number}（{len(members)}人）",
        after=snapshot(household, HOUSEHOLD_AUDIT_FIELDS) | {"members": ids},
    )
    return household


def _assign_temporary_numbers(members: list[NewMember], division_code: str, on: date) -> None:
    """临时编号 for members without a 公民身份号码: LS + county + date + sequence, unique per day."""
    missing = [m for m in members if m.person.without_id]
    if not missing:
        return
    prefix = temporary_id_number(division_code, on, 0)[:-4]
    taken = Person.objects.filter(id_number__startswith=prefix).aggregate(m=Max("id_number"))["m"]
    start = int(taken[-4:]) + 1 if taken else 1
    for offset, member in enumerate(missing):
        member.person.id_number = temporary_id_number(division_code, on, start + offset)


def _create_person(member: NewMember, residence_division_code: str, address: str) -> Person:
    fields = member.person
    try:
        with transaction.atomic():
            return Person.objects.create(
                id_number=fields.id_number,
                id_kind=Person.TEMPORARY if fields.without_id else Person.RESIDENT_ID,
                name=fields.name,
                sex=fields.sex,
                birth_date=fields.birth_date,
                ethnicity=fields.ethnicity,
                phone=fields.phone,
                disability_category=fields.disability_category,
                disability_grade=fields.disability_grade,
                hukou_division_code=member.hukou_division_code,
                residence_division_code=residence_division_code,
                address=address,
            )
    except IntegrityError:
        raise RegistryConflict(NOT_REGISTRABLE_HERE) from None  # registered meanwhile, possibly elsewhere


@transaction.atomic
def record_death(actor, person: Person, *, death_date: date, reason: str = "") -> Person:
    """死亡登记: the person stays on record, marked deceased; their membership ends on the date of death."""
    require(actor, Capability.EDIT_REGISTRY)
    if person.is_deceased:
        raise MinzhengError(f"{person.name}已登记死亡（{person.death_date:%Y-%m-%d}）")
    if person.birth_date and death_date < person.birth_date:
        raise MinzhengError("死亡日期不能早于出生日期", field="death_date")
    before = snapshot(person, PERSON_AUDIT_FIELDS)
    person.is_deceased = True
    person.death_date = death_date
    person.save(update_fields=["is_deceased", "death_date", "updated_at"])
    membership = person.memberships.filter(valid_to__isnull=True).select_related("household").first()
    household = membership.household if membership else None
    if membership:
        membership.valid_to = death_date
        membership.save(update_fields=["valid_to"])
    _change(actor, RegistryChange.DECEASED, person=person, household=household, on=death_date, reason=reason)
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="person",
        object_id=person.pk,
        division_code=person.residence_division_code,
        summary=f"登记死亡：{reason}"[:300],
        before=before,
        after=snapshot(person, PERSON_AUDIT_FIELDS),
    )
    return person


@transaction.atomic
def move_household(
    actor, household: Household, *, to_division_code: str, address: str, on: date, reason: str = ""
) -> Household:
    """迁移: the household and its current members now live elsewhere (possibly outside the actor's area)."""
    require(actor, Capability.EDIT_REGISTRY)
    destination = Division.objects.filter(code=to_division_code, valid_to__isnull=True).first()
    if destination is None or destination.level < 4:
        raise MinzhengError(
            f"迁入地区划代码{to_division_code}无效，应为现行乡镇（街道）或村（社区）",
            field="to_division_code",
        )
    before = snapshot(household, HOUSEHOLD_AUDIT_FIELDS)
    household.residence_division_code = to_division_code
    household.address = address
    household.save(update_fields=["residence_division_code", "address", "updated_at"])
    Person.objects.filter(memberships__household=household, memberships__valid_to__isnull=True).update(
        residence_division_code=to_division_code, address=address
    )
    _change(
        actor,
        RegistryChange.MOVED,
        household=household,
        on=on,
        reason=reason,
        before={"division_code": before["residence_division_code"], "address": before["address"]},
        after={"division_code": to_division_code, "address": address},
        division_code=before["residence_division_code"],
    )
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="household",
        object_id=household.pk,
        division_code=before["residence_division_code"],
        summary=f"迁移至{destination.name}：{reason}"[:300],
        before=before,
        after=snapshot(household, HOUSEHOLD_AUDIT_FIELDS),
    )
    return household


@transaction.atomic
def split_household(
    actor,
    household: Household,
    *,
    person_ids: list[int],
    new_head_id: int,
    on: date,
    address: str = "",
    reason: str = "",
) -> Household:
    """分户: some members leave to form a new household; the old one keeps its number and history."""
    require(actor, Capability.EDIT_REGISTRY)
    current = {m.person_id: m for m in household.memberships.filter(valid_to__isnull=True)}
    if not person_ids or any(pid not in current for pid in person_ids):
        raise MinzhengError("分出的成员必须是本户现有成员", field="person_ids")
    if household.head_id in person_ids:
        raise MinzhengError("户主不能分出，请先变更户主", field="person_ids")
    if new_head_id not in person_ids:
        raise MinzhengError("新户户主必须是分出的成员之一", field="new_head_id")
    new = Household.objects.create(
        number=next_household_numbers(household.residence_division_code[:9], 1)[0],
        residence_division_code=household.residence_division_code,
        address=address or household.address,
        area_type=household.area_type,
        head_id=new_head_id,
        established_on=on,
        split_from=household,
    )
    for pid in person_ids:
        membership = current[pid]
        membership.valid_to = on
        membership.save(update_fields=["valid_to"])
        HouseholdMembership.objects.create(
            household=new,
            person_id=pid,
            valid_from=on,
            relation=codes.RELATION_HEAD if pid == new_head_id else "80",
        )
    _change(
        actor,
        RegistryChange.HOUSEHOLD_SPLIT,
        household=household,
        on=on,
        reason=reason,
        after={"new_household": new.number, "persons": person_ids},
    )
    record_event(
        actor,
        AuditEvent.CREATE,
        object_type="household",
        object_id=new.pk,
        division_code=new.residence_division_code,
        summary=f"由{household.number}分户：{reason}"[:300],
        after=snapshot(new, HOUSEHOLD_AUDIT_FIELDS) | {"persons": person_ids},
    )
    return new


@transaction.atomic
def move_member(
    actor, person: Person, *, to_household: Household, relation: str, on: date, reason: str
) -> HouseholdMembership:
    """A person leaves their household and joins ``to_household`` on ``on`` — a legal fact registered by a
    domain (收养登记 and its 解除) that has checked its own capability. Two dated changes in the outbox:
    成员迁出 on the old household (if any) and 成员加入 on the new one."""
    if person.is_deceased:
        raise MinzhengError(f"{person.name}已登记死亡")
    if to_household.dissolved_on is not None:
        raise MinzhengError("迁入的家庭已销户", field="to_household")
    if relation not in dict(codes.RELATIONS):
        raise MinzhengError("与户主关系代码无效", field="relation")
    current = person.memberships.filter(valid_to__isnull=True).select_related("household").first()
    if current is not None and current.household_id == to_household.pk:
        raise MinzhengError(f"{person.name}已是该户成员", field="to_household")
    if current is not None:
        current.valid_to = on
        current.save(update_fields=["valid_to"])
        _change(
            actor, RegistryChange.MEMBER_LEFT, person=person, household=current.household, on=on, reason=reason,
            after={"to_household": to_household.number},
        )  # fmt: skip
    membership = HouseholdMembership.objects.create(
        household=to_household, person=person, relation=relation, valid_from=on
    )
    _change(
        actor, RegistryChange.MEMBER_JOINED, person=person, household=to_household, on=on, reason=reason,
        before={"from_household": current.household.number if current else ""},
    )  # fmt: skip
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="person",
        object_id=person.pk,
        division_code=to_household.residence_division_code,
        summary=f"{person.name}迁入{to_household.number}户：{reason}"[:300],
        before={"household": current.household.number if current else ""},
        after={"household": to_household.number, "relation": relation},
    )
    return membership


@transaction.atomic
def record_marital_change(
    actor, person: Person, *, kind: str, on: date, reason: str, after: dict | None = None
) -> RegistryChange:
    """结婚 / 离婚或婚姻解除 of a registered person as a dated change, filed against the household the person
    lives in that day, so 社会救助 reviews the household's composition (民法典 1050: after a marriage either
    spouse may join the other's family). Called by 婚姻登记's services, which check their own capability
    (a registrar is not a registry editor); the registry itself keeps no marital status."""
    if kind not in (RegistryChange.MARRIED, RegistryChange.MARRIAGE_ENDED):
        raise MinzhengError("婚姻变更类型不正确", field="kind")
    membership = (
        person.memberships.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=on))
        .filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=on))
        .select_related("household")
        .order_by("-valid_from")
        .first()
    )
    household = membership.household if membership else None
    change = RegistryChange.objects.create(
        kind=kind,
        person=person,
        household=household,
        division_code=household.residence_division_code if household else person.residence_division_code,
        effective_date=on,
        after=after or {},
        reason=reason[:200],
        recorded_by=actor,
    )
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="person",
        object_id=person.pk,
        division_code=change.division_code,
        summary=f"{change.get_kind_display()}：{reason}"[:300],
        after={"registry_change": change.pk, "kind": kind, "effective_date": on.isoformat()},
    )
    return change


def _change(
    actor, kind, *, on, person=None, household=None, reason="", before=None, after=None, division_code=""
):
    RegistryChange.objects.create(
        kind=kind,
        person=person,
        household=household,
        division_code=division_code
        or (household.residence_division_code if household else person.residence_division_code),
        effective_date=on,
        before=before or {},
        after=after or {},
        reason=reason,
        recorded_by=actor,
    )


def changes_since(
    after_id: int, *, kinds: list[str] | None = None, limit: int = 1000
) -> list[RegistryChange]:
    """The outbox for other domains: changes with id > ``after_id``, oldest first (each consumer keeps
    its own cursor, so a consumer that crashes resumes where it stopped)."""
    qs = RegistryChange.objects.filter(pk__gt=after_id).order_by("pk")
    if kinds:
        qs = qs.filter(kind__in=kinds)
    return list(qs[:limit])


def reveal_id_number(actor, person_pk: int, *, channel: str) -> Person:
    """查看完整证件号码: only roles whose casework needs it, only inside the jurisdiction, always audited.
    ``channel`` says where it was shown (页面 / API) for the audit trail."""
    from ..selectors.registry import person_detail

    require(actor, Capability.REVEAL_ID_NUMBER)
    person = person_detail(actor, person_pk)
    record_event(
        actor,
        AuditEvent.READ_ID_NUMBER,
        object_type="person",
        object_id=person.pk,
        division_code=person.residence_division_code,
        summary=f"{channel}查看 {person.name} 的完整证件号码",
    )
    return person
