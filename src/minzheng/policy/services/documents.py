"""Setting up 文书机关 and giving documents their 文号."""

from django.db import IntegrityError, transaction
from django.db.models import Max

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidPolicyValue
from ..models import DocumentNumber, IssuingOffice
from ..rules.documents import document_number
from ..selectors.offices import can_have_office, issuing_office
from .parameters import normalise_division_code, require_in_jurisdiction


@transaction.atomic
def save_office(user, *, division_code: str, name: str, abbreviation: str, supervision_phone: str = ""):
    """Set (or change) how a division's office appears on its documents; audited with before and after."""
    require(user, Capability.MANAGE_POLICY)
    code = normalise_division_code(division_code)
    require_in_jurisdiction(user, code)
    if not can_have_office(code):
        raise InvalidPolicyValue("文书机关按市、县（区）或乡镇（街道）设置", field="division_code")
    name, abbreviation = name.strip(), abbreviation.strip()
    if not name:
        raise InvalidPolicyValue("请填写机关名称", field="name")
    if not abbreviation:
        raise InvalidPolicyValue("请填写机关代字", field="abbreviation")
    before = IssuingOffice.objects.filter(division_code=code).first()
    values = {"name": name, "abbreviation": abbreviation, "supervision_phone": supervision_phone.strip()}
    office, _ = IssuingOffice.objects.update_or_create(
        division_code=code, defaults={**values, "updated_by": user}
    )
    record_event(
        user,
        AuditEvent.UPDATE if before else AuditEvent.CREATE,
        object_type="issuing_office",
        object_id=office.pk,
        division_code=code,
        summary=f"设置文书机关 {name}",
        before=(
            {
                "name": before.name,
                "abbreviation": before.abbreviation,
                "supervision_phone": before.supervision_phone,
            }
            if before
            else None
        ),
        after=values,
    )
    return office


def issue_document_number(
    user, *, office_code: str, kind: str, kind_code: str, year: int, object_type: str, object_id
) -> str:
    """The 文号 of one document: the next in its office's sequence for the kind and year, or the one it was
    already given (printing a 决定书 again never renumbers it). Two users numbering at the same moment both
    succeed: the loser of the unique sequence retries with the next number."""
    existing = DocumentNumber.objects.filter(kind=kind, object_type=object_type, object_id=str(object_id))
    if number := existing.values_list("number", flat=True).first():
        return number
    office = issuing_office(office_code)
    for _attempt in range(10):
        try:
            with transaction.atomic():
                last = DocumentNumber.objects.filter(
                    office_code=office.division_code, kind=kind, year=year
                ).aggregate(last=Max("sequence"))["last"]
                sequence = (last or 0) + 1
                row = DocumentNumber.objects.create(
                    office_code=office.division_code, kind=kind, year=year, sequence=sequence,
                    number=document_number(office.abbreviation, kind_code, year, sequence),
                    object_type=object_type, object_id=str(object_id), issued_by=user,
                )  # fmt: skip
                record_event(
                    user, AuditEvent.CREATE, object_type=object_type, object_id=object_id,
                    division_code=office.division_code, summary=f"编定文号 {row.number}",
                )  # fmt: skip
                return row.number
        except IntegrityError:
            if number := existing.values_list("number", flat=True).first():
                return number  # the same document was numbered by the other request
    raise InvalidPolicyValue("文号编定冲突，请稍后重试")
