"""死亡信息登记: a 居民死亡医学证明 (entered at the 殡仪馆, or a row of a 卫健/公安 file) or an unidentified body on
police documents. Each identified death of a registered person becomes the registry's dated 死亡 change
(``core.services.registry.record_death``) — the outbox 社会救助, 养老服务 and the other domains consume."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.errors import MinzhengError
from minzheng.core.identity import is_temporary_id_number, normalise_id_number, parse_resident_id
from minzheng.core.jurisdiction import NOT_REGISTRABLE_HERE, covers
from minzheng.core.models import AuditEvent, Person, RegistryChange
from minzheng.core.permissions import Capability, require
from minzheng.core.services import registry

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import (
    CertificateForm,
    DeathCause,
    DeathImport,
    DeathPlace,
    DeathRecord,
    DeathSource,
    IssuerKind,
)
from ..rules.deaths import CertificateFacts, certificate_problems
from .common import audit, check_in_jurisdiction, electronic_dates, require_text

_FIELDS = [
    "certificate_number", "certificate_form", "issuer_kind", "issuer_name", "issued_on", "id_number", "name",
    "death_date", "death_place", "cause", "unidentified", "police_document_number", "division_code",
    "registry_change_id", "registry_note", "source",
]  # fmt: skip


@dataclass
class CertificateInput:
    """The facts of one 居民死亡医学证明 as received (strings already mapped to codes)."""

    certificate_number: str
    certificate_form: str
    issuer_kind: str
    issuer_name: str
    issued_on: date | None
    id_number: str
    name: str
    death_date: date | None
    death_place: str
    cause: str


@dataclass
class Checked:
    """A certificate checked against the rules, the registry and what is already recorded."""

    data: CertificateInput
    problems: dict[str, str]
    person: Person | None = None
    birth_date: date | None = None
    sex: str = ""
    already: DeathRecord | None = None  # the same certificate recorded before with the same facts


def check_certificate(
    actor,
    data: CertificateInput,
    *,
    today: date,
    persons: dict[str, Person] | None = None,
    recorded: dict[str, DeathRecord] | None = None,
    recorded_by_id: dict[str, DeathRecord] | None = None,
) -> Checked:
    """Every problem of one certificate by field. ``persons``/``recorded`` are preloaded for a file (one query
    each for all rows); for a single entry they are looked up here."""
    problems: dict[str, str] = {}
    checked = Checked(data, problems)
    for field, label, limit in (
        ("certificate_number", "死亡医学证明编号", 40), ("issuer_name", "签发机构", 100), ("name", "姓名", 50),
    ):  # fmt: skip
        try:
            setattr(data, field, require_text(getattr(data, field), field, label, limit))
        except MinzhengError as error:
            problems[field] = error.message
    for field, label, choices in (
        ("certificate_form", "证明形式", CertificateForm), ("issuer_kind", "签发机构类别", IssuerKind),
        ("death_place", "死亡地点", DeathPlace), ("cause", "死亡原因类别", DeathCause),
    ):  # fmt: skip
        if getattr(data, field) not in choices.values:
            problems[field] = f"请选择{label}（" + "、".join(choices.labels) + "）"
    if data.issued_on is None:
        problems["issued_on"] = "请填写签发日期（格式 2026-01-31）"
    if data.death_date is None:
        problems["death_date"] = "请填写死亡日期（格式 2026-01-31）"
    number = normalise_id_number(data.id_number or "")
    data.id_number = number
    if not number:
        problems["id_number"] = "请填写公民身份号码（无名尸体请按无名尸体登记）"
    elif is_temporary_id_number(number):
        problems["id_number"] = "死亡医学证明应载明公民身份号码，临时编号不能登记"
    else:
        try:
            parsed = parse_resident_id(number, today=today)
            checked.birth_date, checked.sex = parsed.birth_date, parsed.sex
        except MinzhengError as error:
            problems["id_number"] = error.message
    if "id_number" not in problems:
        _check_person(actor, checked, persons)
    if not problems.keys() & {
        "issued_on",
        "death_date",
        "issuer_kind",
        "death_place",
        "cause",
        "certificate_form",
    }:
        start, required = electronic_dates(actor.division_code, data.issued_on)
        facts = CertificateFacts(
            data.issuer_kind, data.death_place, data.cause, data.certificate_form, data.issued_on,
            data.death_date, checked.birth_date,
        )  # fmt: skip
        problems.update(
            certificate_problems(facts, today=today, electronic_from=start, electronic_required_from=required)
        )
    if not problems:
        _check_recorded(checked, recorded, recorded_by_id)
    return checked


def _check_person(actor, checked: Checked, persons: dict[str, Person] | None) -> None:
    data = checked.data
    if persons is None:
        person = Person.objects.filter(id_number=data.id_number).first()
    else:
        person = persons.get(data.id_number)
    if person is None:
        return
    if not covers(actor.division_code, person.residence_division_code):
        checked.problems["id_number"] = NOT_REGISTRABLE_HERE
        return
    if data.name and person.name != data.name:
        checked.problems["name"] = f"姓名与人口库登记不一致（人口库为“{person.name}”），请核实证明"
    if person.is_deceased and data.death_date and person.death_date != data.death_date:
        checked.problems["death_date"] = (
            f"人口库已登记死亡日期为{person.death_date:%Y-%m-%d}，与证明不一致，请先核实更正"
        )
    checked.person = person


def _check_recorded(
    checked: Checked, recorded: dict[str, DeathRecord] | None, by_id: dict[str, DeathRecord] | None
) -> None:
    data = checked.data
    if recorded is None:
        same_number = DeathRecord.objects.filter(certificate_number=data.certificate_number).first()
        same_person = DeathRecord.objects.filter(id_number=data.id_number).first()
    else:
        same_number, same_person = recorded.get(data.certificate_number), (by_id or {}).get(data.id_number)
    if same_number is not None:
        if same_number.id_number == data.id_number and same_number.death_date == data.death_date:
            checked.already = same_number
            return
        checked.problems["certificate_number"] = "该死亡医学证明编号已登记为另一例死亡，请核实"
    elif same_person is not None:
        checked.problems["id_number"] = (
            f"该人员已登记死亡（证明编号{same_person.certificate_number or same_person.police_document_number}），"
            "不能重复登记"
        )


def commit_certificate(actor, checked: Checked, *, source: str, death_import: DeathImport | None = None):
    """Save a checked certificate and, for a registered living person, the registry's 死亡 change."""
    data, person = checked.data, checked.person
    record = DeathRecord(
        certificate_number=data.certificate_number, certificate_form=data.certificate_form,
        issuer_kind=data.issuer_kind, issuer_name=data.issuer_name, issued_on=data.issued_on,
        id_number=data.id_number, name=data.name, sex=checked.sex, birth_date=checked.birth_date,
        death_date=data.death_date, death_place=data.death_place, cause=data.cause, person=person,
        division_code=person.residence_division_code if person else actor.division_code,
        source=source, death_import=death_import, recorded_by=actor,
    )  # fmt: skip
    if person is None:
        record.registry_note = "人口库中无此人，仅登记死亡信息"
    elif person.is_deceased:
        record.registry_note = "人口库已登记死亡"
    else:
        registry.record_death(
            actor, person, death_date=data.death_date,
            reason=f"居民死亡医学证明{data.certificate_number}（{data.issuer_name}）",
        )  # fmt: skip
        change = RegistryChange.objects.filter(person=person, kind=RegistryChange.DECEASED).latest("pk")
        record.registry_change_id = change.pk
        record.registry_note = f"已登记死亡，生成登记变更#{change.pk}"
    record.save()
    return record


@transaction.atomic
def record_certificate(
    actor, data: CertificateInput, *, source: str = DeathSource.MANUAL, today: date | None = None
) -> DeathRecord:
    """殡仪馆录入 (or one certificate pushed through the API): refused with the first problem, named by field."""
    require(actor, Capability.MANAGE_FUNERAL)
    require(actor, Capability.EDIT_REGISTRY)
    today = today or timezone.localdate()
    checked = check_certificate(actor, data, today=today)
    if checked.problems:
        field, message = next(iter(checked.problems.items()))
        error = (
            FuneralConflict if field == "certificate_number" and "已登记" in message else InvalidFuneralInput
        )
        raise error(message, field=field)
    if checked.already is not None:
        raise FuneralConflict("该死亡医学证明已登记", field="certificate_number")
    record = commit_certificate(actor, checked, source=source)
    audit(
        actor,
        AuditEvent.CREATE,
        record,
        f"登记死亡信息：{record.name}（{record.certificate_number}）",
        _FIELDS,
    )
    return record


@dataclass
class UnidentifiedInput:
    """无名尸体: the police documents stand in for the identity (民发〔2012〕211号: costs borne by the state)."""

    police_document_number: str
    issuer_name: str
    issued_on: date | None
    death_date: date | None
    found_division_code: str
    death_place: str
    cause: str
    body_description: str
    certificate_number: str = ""


@transaction.atomic
def record_unidentified(actor, data: UnidentifiedInput, *, today: date | None = None) -> DeathRecord:
    """无名尸体登记: no registry change (nobody to mark); the order for it qualifies for the basic waivers."""
    require(actor, Capability.MANAGE_FUNERAL)
    today = today or timezone.localdate()
    document = require_text(data.police_document_number, "police_document_number", "公安机关证明文书编号", 60)
    issuer = require_text(data.issuer_name, "issuer_name", "出具证明的公安机关", 100)
    description = require_text(data.body_description, "body_description", "体貌特征及发现情况", 300)
    number = require_text(
        data.certificate_number, "certificate_number", "死亡医学证明编号", 40, required=False
    )
    code = (data.found_division_code or "").strip()
    if not code:
        raise InvalidFuneralInput("请选择发现地区划", field="found_division_code")
    check_in_jurisdiction(actor, code)
    if data.death_place not in DeathPlace.values:
        raise InvalidFuneralInput("请选择死亡地点", field="death_place")
    if data.cause not in DeathCause.values:
        raise InvalidFuneralInput("请选择死亡原因类别", field="cause")
    if data.death_date is None or data.death_date > today:
        raise InvalidFuneralInput("请填写死亡（发现）日期，且不能晚于今天", field="death_date")
    if data.issued_on is None or data.issued_on < data.death_date or data.issued_on > today:
        raise InvalidFuneralInput("出具日期应在死亡（发现）日期与今天之间", field="issued_on")
    if DeathRecord.objects.filter(unidentified=True, police_document_number=document).exists():
        raise FuneralConflict("该公安机关证明文书已登记", field="police_document_number")
    if number and DeathRecord.objects.filter(certificate_number=number).exists():
        raise FuneralConflict("该死亡医学证明编号已登记", field="certificate_number")
    record = DeathRecord.objects.create(
        certificate_number=number, certificate_form=CertificateForm.PAPER, issuer_kind=IssuerKind.POLICE,
        issuer_name=issuer, issued_on=data.issued_on, name="无名氏", death_date=data.death_date,
        death_place=data.death_place, cause=data.cause, unidentified=True, police_document_number=document,
        body_description=description, division_code=code, registry_note="无名尸体，不涉及人口库",
        source=DeathSource.MANUAL, recorded_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, record, f"登记无名尸体（{document}）", _FIELDS)
    return record
