"""结婚登记: identity, declarations, 审查 and same-day registration with the J 字号."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import mask_id_number, normalise_id_number, parse_resident_id
from minzheng.core.models import AuditEvent, Person

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import IdType, MarriageRecord, Party, PriorStatus, Registry, RegistryLevel
from ..rules.age import MALE, earliest_marriage_day, marriage_age_reached
from .common import audit, check_day, policy_int, registrar_at
from .life_events import marriage_registered
from .numbering import next_certificate_number
from .status_sources import current_marriages

_FIELDS = [
    "registry",
    "registered_on",
    "certificate_number",
    "status",
    "declared_voluntary",
    "declared_no_spouse",
    "declared_no_prohibited_kinship",
]
_ROLE = {"1": "男方", "2": "女方"}


@dataclass(frozen=True)
class PartyInput:
    """A party as presented at the desk: for a 居民身份证 the birth date and sex come from the number."""

    name: str
    id_number: str
    prior_status: str
    id_type: str = IdType.RESIDENT
    nationality: str = "中国"
    birth_date: date | None = None  # documents other than 居民身份证 only
    sex: str = ""  # documents other than 居民身份证 only


@dataclass(frozen=True)
class CheckedParty:
    name: str
    id_type: str
    id_number: str
    sex: str
    birth_date: date
    nationality: str
    prior_status: str


def check_party(party: PartyInput, sex: str, registry: Registry, today: date) -> CheckedParty:
    """Identity of one party (男方 sex "1", 女方 "2"); errors name the field ``male_…``/``female_…``."""
    role, prefix = _ROLE[sex], "male" if sex == MALE else "female"
    name = (party.name or "").strip()
    if not name:
        raise InvalidMarriageInput(f"请填写{role}姓名", field=f"{prefix}_name")
    if party.id_type not in IdType.values:
        raise InvalidMarriageInput(f"请选择{role}证件类型", field=f"{prefix}_id_type")
    if party.prior_status not in PriorStatus.values:
        raise InvalidMarriageInput(f"请选择{role}婚前婚姻状况", field=f"{prefix}_prior_status")
    if party.id_type == IdType.RESIDENT:
        try:
            checked = parse_resident_id(party.id_number, today=today)
        except InvalidIdNumber as error:
            raise InvalidMarriageInput(f"{role}{error.message}", field=f"{prefix}_id_number") from None
        number, birth, party_sex, nationality = checked.number, checked.birth_date, checked.sex, "中国"
    else:
        # 婚姻登记条例 第二条: 涉外、涉港澳台 registrations at the provincial level (or a body it designates).
        if registry.level != RegistryLevel.PROVINCIAL:
            raise InvalidMarriageInput(
                f"{role}持{IdType(party.id_type).label}，应到省级民政部门确定的婚姻登记机关办理",
                field=f"{prefix}_id_type",
            )
        number = normalise_id_number(party.id_number)
        if not 5 <= len(number) <= 30 or not number.isalnum():
            raise InvalidMarriageInput(f"{role}证件号码格式不正确", field=f"{prefix}_id_number")
        if party.birth_date is None or party.birth_date > today:
            raise InvalidMarriageInput(f"请填写{role}出生日期", field=f"{prefix}_birth_date")
        birth, party_sex = party.birth_date, party.sex
        nationality = (party.nationality or "").strip() or "未说明"
    if party_sex != sex:
        raise InvalidMarriageInput(f"{role}证件显示的性别与{role}不符", field=f"{prefix}_id_number")
    return CheckedParty(name, party.id_type, number, sex, birth, nationality, party.prior_status)


def _check_age(party: CheckedParty, registry: Registry, on: date) -> None:
    """民法典 第一千零四十七条 on the registration date (ages from the policy store)."""
    male = policy_int("marriage_min_age_male", registry.division_code, on)
    female = policy_int("marriage_min_age_female", registry.division_code, on)
    if not marriage_age_reached(party.birth_date, party.sex, on, min_age_male=male, min_age_female=female):
        earliest = earliest_marriage_day(
            party.birth_date, party.sex, min_age_male=male, min_age_female=female
        )
        role, years = _ROLE[party.sex], male if party.sex == MALE else female
        raise InvalidMarriageInput(
            f"{role}未达法定婚龄（{years}周岁），{earliest:%Y-%m-%d}起方可登记",
            field=f"{'male' if party.sex == MALE else 'female'}_id_number",
        )


def _check_not_married(parties: list[CheckedParty]) -> None:
    """婚姻登记条例: neither party may be married — asked of every status source (全国通办)."""
    found = current_marriages(p.id_number for p in parties)
    for party in parties:
        hit = next((f for f in found if f.id_number == party.id_number), None)
        if hit:
            raise MarriageConflict(
                f"{_ROLE[party.sex]}{party.name}（{mask_id_number(party.id_number)}）已于{hit.registered_on}在"
                f"{hit.registry_name}登记结婚，婚姻尚存续（{hit.source}），不予登记",
                field=f"{'male' if party.sex == MALE else 'female'}_id_number",
            )


def _declarations(voluntary: bool, no_spouse: bool, no_kinship: bool) -> None:
    """民法典 第一千零四十六、一千零四十八条; 婚姻登记条例 (2025): signed declarations before the registrar."""
    if not voluntary:
        raise InvalidMarriageInput("双方须声明完全自愿结婚", field="declared_voluntary")
    if not no_spouse:
        raise InvalidMarriageInput("双方须签署本人无配偶的声明", field="declared_no_spouse")
    if not no_kinship:
        raise InvalidMarriageInput(
            "双方须签署没有直系血亲和三代以内旁系血亲关系的声明", field="declared_no_prohibited_kinship"
        )


@transaction.atomic
def register_marriage(
    actor,
    *,
    registry: Registry,
    male: PartyInput,
    female: PartyInput,
    declared_voluntary: bool,
    declared_no_spouse: bool,
    declared_no_prohibited_kinship: bool,
    disease_disclosure: str = "",
    on: date | None = None,
) -> MarriageRecord:
    """结婚登记 (民法典 第一千零四十九条; 婚姻登记条例 2025): checked, registered and certified the same day."""
    today = timezone.localdate()
    on = on or today
    check_day(on, today)
    registrar = registrar_at(actor, registry)
    parties = [check_party(male, "1", registry, today), check_party(female, "2", registry, today)]
    if parties[0].id_number == parties[1].id_number:
        raise InvalidMarriageInput("双方证件号码相同", field="female_id_number")
    persons = {p.id_number: p for p in Person.objects.filter(id_number__in=[x.id_number for x in parties])}
    for party in parties:
        person = persons.get(party.id_number)
        if person is not None and person.is_deceased:
            raise MarriageConflict(
                f"{_ROLE[party.sex]}已登记死亡，不能办理结婚登记",
                field=f"{'male' if party.sex == MALE else 'female'}_id_number",
            )
        _check_age(party, registry, on)
    _check_not_married(parties)
    _declarations(declared_voluntary, declared_no_spouse, declared_no_prohibited_kinship)
    record = MarriageRecord.objects.create(
        registry=registry,
        division_code=registry.division_code,
        registrar=registrar,
        registered_on=on,
        certificate_number=next_certificate_number(registry, "J", on.year),
        declared_voluntary=True,
        declared_no_spouse=True,
        declared_no_prohibited_kinship=True,
        disease_disclosure=(disease_disclosure or "").strip()[:200],
    )
    Party.objects.bulk_create(
        [
            Party(
                marriage=record,
                sex=p.sex,
                id_type=p.id_type,
                id_number=p.id_number,
                name=p.name,
                birth_date=p.birth_date,
                nationality=p.nationality,
                prior_status=p.prior_status,
                person=persons.get(p.id_number),
            )
            for p in parties
        ]
    )
    audit(
        actor,
        AuditEvent.CREATE,
        record,
        f"结婚登记 {record.certificate_number}：{parties[0].name}、{parties[1].name}",
        _FIELDS,
    )
    marriage_registered(actor, record)
    return record
