"""授权机关查询婚姻状况: a person's marital status on a day for 公安/法院/民政 casework, instead of printing a
婚姻状况证明 (民函〔2015〕266号; 婚姻登记条例 第四条: information sharing). Not limited to the caller's
jurisdiction — the question is about a person wherever they married — so every call is logged with the
agency, its legal basis and the answer, and audited."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.identity import mask_id_number, normalise_id_number
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidMarriageInput
from ..models import MarriageRecord, MarriageStatus, StatusQuery
from ..rules.status import LABELS, Registration, marital_status_code


@dataclass(frozen=True)
class StatusAnswer:
    query_id: int
    as_of: date
    code: str
    label: str
    certificate_number: str
    registered_on: date | None
    ended_on: date | None
    registry: str


def query_marital_status(
    actor,
    *,
    id_number: str,
    as_of: date,
    agency: str,
    legal_basis: str,
    case_reference: str = "",
    channel: str = "api",
) -> StatusAnswer:
    require(actor, Capability.QUERY_MARITAL_STATUS)
    agency, legal_basis = (agency or "").strip(), (legal_basis or "").strip()
    if not agency:
        raise InvalidMarriageInput("请填写查询机关", field="agency")
    if not legal_basis:
        raise InvalidMarriageInput(
            "请填写查询的法律依据（如：《民事诉讼法》第六十七条）", field="legal_basis"
        )
    if len(agency) > 100 or len(legal_basis) > 200 or len(case_reference or "") > 60:
        raise InvalidMarriageInput("查询机关、法律依据或业务编号过长", field="legal_basis")
    number = normalise_id_number(id_number)
    if not 5 <= len(number) <= 30 or not number.isalnum():
        raise InvalidMarriageInput("证件号码格式不正确", field="id_number")
    if as_of > timezone.localdate():
        raise InvalidMarriageInput("查询日期点不能晚于今天", field="as_of")
    marriages = {
        m.certificate_number: m
        for m in MarriageRecord.objects.filter(parties__id_number=number)
        .select_related("registry")
        .distinct()
    }
    code, found = marital_status_code(
        [
            Registration(
                m.certificate_number,
                m.registered_on,
                m.ended_on,
                m.status == MarriageStatus.WIDOWED,
                void=m.status == MarriageStatus.VOID,
            )
            for m in marriages.values()
        ],
        as_of,
    )
    record = marriages.get(found.key) if found else None
    with transaction.atomic():
        log = StatusQuery.objects.create(
            user=actor, division_code=actor.division_code, agency=agency, legal_basis=legal_basis,
            case_reference=(case_reference or "").strip(), id_number_masked=mask_id_number(number), as_of=as_of,
            answer=code, channel=channel,
        )  # fmt: skip
        record_event(
            actor, AuditEvent.READ_DETAIL, object_type="marriage.statusquery", object_id=log.pk,
            division_code=actor.division_code,
            summary=f"{agency}查询{mask_id_number(number)}于{as_of:%Y-%m-%d}的婚姻状况（依据：{legal_basis[:60]}）：{LABELS[code]}",
        )  # fmt: skip
    return StatusAnswer(
        log.pk, as_of, code, LABELS[code],
        record.certificate_number if record else "", record.registered_on if record else None,
        record.ended_on if record and code != "20" else None, record.registry.name if record else "",
    )  # fmt: skip
