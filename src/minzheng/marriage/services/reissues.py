"""补领结婚证/离婚证 after the archive lookup (the record is found on the platform): a BJ/BL 字号 when the status
is unchanged since the certificate, otherwise a 婚姻登记记录证明 recording why."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import (
    DivorceApplication,
    DivorceStatus,
    IdType,
    MarriageRecord,
    MarriageStatus,
    Party,
    Registry,
    RegistryLevel,
    Reissue,
    ReissueOutcome,
)
from ..rules.reissue import Change, status_change_since
from .common import audit, check_day, check_in_jurisdiction, registrar_at
from .numbering import next_certificate_number

_FIELDS = [
    "kind",
    "marriage",
    "divorce",
    "applicant_sex",
    "issued_on",
    "outcome",
    "certificate_number",
    "reason",
]


def _check_registry_level(marriage: MarriageRecord, registry: Registry) -> None:
    """婚姻登记条例 第二条 and 婚姻登记工作规范: 涉外、涉港澳台、华侨 registrations — and so their 补领 — are handled by
    the provincial-level registry (or the one it designates); a county registry refuses them."""
    foreign = [p for p in marriage.parties.all() if p.id_type != IdType.RESIDENT]
    if foreign and registry.level != RegistryLevel.PROVINCIAL:
        who = "、".join(
            f"{'男方' if p.sex == Party.MALE else '女方'}持{IdType(p.id_type).label}" for p in foreign
        )
        raise MarriageConflict(f"{who}，补领应到省级民政部门确定的婚姻登记机关办理", field="registry")


@transaction.atomic
def reissue_certificate(
    actor,
    marriage: MarriageRecord,
    *,
    kind: str,
    applicant_sex: str,
    registry: Registry,
    on: date | None = None,
) -> Reissue:
    """补领 for one party (in person, with the 居民身份证 checked at the desk)."""
    today = timezone.localdate()
    on = on or today
    check_day(on, today)
    check_in_jurisdiction(actor, marriage.division_code)
    registrar = registrar_at(actor, registry)
    if kind not in ("BJ", "BL"):
        raise InvalidMarriageInput("请选择补领的证件", field="kind")
    if applicant_sex not in (Party.MALE, Party.FEMALE):
        raise InvalidMarriageInput("请选择申请补领的一方", field="applicant_sex")
    marriage = MarriageRecord.objects.select_for_update().get(pk=marriage.pk)
    applicant = marriage.parties.get(sex=applicant_sex)
    _check_registry_level(marriage, registry)
    divorce = (
        DivorceApplication.objects.filter(marriage=marriage, status=DivorceStatus.REGISTERED).first()
        if kind == "BL"
        else None
    )
    remarried = bool(
        divorce
        and Party.objects.filter(
            id_number=applicant.id_number, marriage__registered_on__gte=divorce.closed_on
        )
        .exclude(marriage=marriage)
        .exists()
    )
    change = status_change_since(
        kind,
        marriage_in_force=marriage.status == MarriageStatus.IN_FORCE,
        divorce_registered=divorce is not None,
        remarried_since=remarried,
    )
    row = Reissue(
        kind=kind, marriage=marriage, divorce=divorce, applicant_sex=applicant_sex, registry=registry,
        division_code=registry.division_code, registrar=registrar, issued_on=on,
    )  # fmt: skip
    if change is Change.NONE:
        row.outcome = ReissueOutcome.REISSUED
        row.certificate_number = next_certificate_number(registry, kind, on.year)
        row.reason = (
            f"原证 {divorce.certificate_number if divorce else marriage.certificate_number}，婚姻状况未变化"
        )
    else:
        row.outcome = ReissueOutcome.RECORD_PROOF
        detail = marriage.end_note if change is Change.ENDED else ""
        row.reason = f"{change.value}{('：' + detail) if detail else ''}，不予补领，出具婚姻登记记录证明"[
            :300
        ]
    row.save()
    what = f"补发{row.get_kind_display()} {row.certificate_number}" if row.certificate_number else row.reason
    audit(actor, AuditEvent.CREATE, row, f"补领（{applicant.name}）：{what}", _FIELDS)
    return row
