"""婚姻登记档案: scanned documents (type, size and content checked), 补录 of historical paper records (with the
original registry and date), and 查档 with its query log. Documents are served only after the jurisdiction
check, and every opening is audited."""

import hashlib
from datetime import date
from pathlib import PurePath

from django.db import transaction
from django.utils import timezone

from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import scope
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import (
    ArchiveDocument,
    ArchiveQuery,
    DocumentKind,
    MarriageRecord,
    MarriageStatus,
    Party,
    Registry,
)
from .common import audit, check_in_jurisdiction, registrar_at
from .marriages import PartyInput, check_party
from .status_sources import current_marriages

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".pdf": "application/pdf"}
_SIGNATURES = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n", "application/pdf": b"%PDF"}


def _check_upload(upload) -> str:
    if upload is None:
        raise InvalidMarriageInput("请选择要上传的文件", field="file")
    content_type = ALLOWED_TYPES.get(PurePath(upload.name or "").suffix.lower())
    if content_type is None:
        raise InvalidMarriageInput("只接受 JPG、PNG 图片或 PDF 文件", field="file")
    if upload.size > MAX_DOCUMENT_BYTES:
        raise InvalidMarriageInput(f"文件不能超过 {MAX_DOCUMENT_BYTES // 1024 // 1024} MB", field="file")
    if not upload.size:
        raise InvalidMarriageInput("文件为空", field="file")
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(_SIGNATURES[content_type]):
        raise InvalidMarriageInput("文件内容与扩展名不符", field="file")
    return content_type


@transaction.atomic
def add_document(actor, marriage: MarriageRecord, *, upload, kind: str) -> ArchiveDocument:
    """归档 a scanned document of a registration (the registrar's desk)."""
    require(actor, Capability.REGISTER_MARRIAGE)
    check_in_jurisdiction(actor, marriage.division_code)
    if kind not in DocumentKind.values:
        raise InvalidMarriageInput("请选择材料类别", field="kind")
    content_type = _check_upload(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    original = PurePath(upload.name).name[:200]
    document = ArchiveDocument(
        marriage=marriage, division_code=marriage.division_code, kind=kind, original_name=original,
        content_type=content_type, size=upload.size, sha256=digest.hexdigest(), uploaded_by=actor,
    )  # fmt: skip
    document.file.save(
        f"{timezone.now():%Y%m%d%H%M%S%f}{PurePath(original).suffix.lower()}", upload, save=False
    )
    document.save()
    audit(actor, AuditEvent.CREATE, document, f"归档{document.get_kind_display()}：{original}",
          ["marriage", "kind", "original_name", "size", "sha256"])  # fmt: skip
    return document


def open_document(actor, marriage_pk: int, document_pk: int) -> ArchiveDocument:
    """A document about to be served: inside the jurisdiction (404 otherwise), the opening audited."""
    require(actor, Capability.VIEW_REGISTRY)
    document = (
        scope(ArchiveDocument.objects.all(), actor, "division_code")
        .filter(pk=document_pk, marriage_id=marriage_pk)
        .first()
    )
    if document is None:
        from django.http import Http404

        raise Http404("记录不存在或不在您的管辖范围内")
    record_event(
        actor, AuditEvent.READ_DETAIL, object_type="marriage.archivedocument", object_id=document.pk,
        division_code=document.division_code, summary=f"查看婚姻登记档案材料 {document.original_name}",
    )  # fmt: skip
    return document


def search_archive(actor, *, id_number: str, purpose: str) -> list[MarriageRecord]:
    """查档: the marriages of one person inside the jurisdiction, the lookup kept in the query log."""
    require(actor, Capability.REGISTER_MARRIAGE)
    purpose = (purpose or "").strip()
    if not purpose:
        raise InvalidMarriageInput("请填写查询事由（如：当事人申请补领结婚证）", field="purpose")
    number = (id_number or "").strip().upper()
    if not 5 <= len(number) <= 30 or not number.isalnum():
        raise InvalidMarriageInput("证件号码格式不正确", field="id_number")
    found = list(
        scope(MarriageRecord.objects.select_related("registry"), actor, "division_code")
        .filter(parties__id_number=number)
        .prefetch_related("parties")
        .order_by("-registered_on")
        .distinct()
    )
    with transaction.atomic():
        query = ArchiveQuery.objects.create(
            user=actor, division_code=actor.division_code, id_number_masked=mask_id_number(number),
            purpose=purpose[:200], results=len(found),
        )  # fmt: skip
        record_event(
            actor, AuditEvent.READ_DETAIL, object_type="marriage.archivequery", object_id=query.pk,
            division_code=actor.division_code,
            summary=f"查档 {mask_id_number(number)}（{purpose[:60]}）：{len(found)}条",
        )  # fmt: skip
    return found


@transaction.atomic
def backfill_marriage(
    actor,
    *,
    registry: Registry,
    original_registry: str,
    registered_on: date,
    certificate_number: str,
    male: PartyInput,
    female: PartyInput,
    ended_on: date | None = None,
    end_status: str = MarriageStatus.DIVORCED,
    end_note: str = "",
) -> MarriageRecord:
    """补录 a historical paper record (MZ/T 113-2018): the original registry, date and certificate number as on
    the paper; a marriage still in force must not clash with one in force on the platform."""
    registrar = registrar_at(actor, registry)
    today = timezone.localdate()
    original_registry = (original_registry or "").strip()
    if not original_registry:
        raise InvalidMarriageInput("请填写原登记机关", field="original_registry")
    if registered_on > today:
        raise InvalidMarriageInput("登记日期不能晚于今天", field="registered_on")
    number = (certificate_number or "").strip().upper()
    if not number or len(number) > 20:
        raise InvalidMarriageInput("请填写原结婚证字号（不超过20个字符）", field="certificate_number")
    if MarriageRecord.objects.filter(certificate_number=number).exists():
        raise MarriageConflict(f"字号 {number} 已在平台登记", field="certificate_number")
    parties = [check_party(male, "1", registry, today), check_party(female, "2", registry, today)]
    if ended_on is not None and end_status not in (MarriageStatus.DIVORCED, MarriageStatus.WIDOWED):
        raise InvalidMarriageInput("请选择婚姻终止的原因", field="end_status")
    if ended_on is not None and not registered_on <= ended_on <= today:
        raise InvalidMarriageInput("婚姻终止日期应在登记日期与今天之间", field="ended_on")
    if ended_on is None:
        clash = current_marriages(p.id_number for p in parties)
        if clash:
            raise MarriageConflict(
                f"{mask_id_number(clash[0].id_number)}在平台上已有存续婚姻（{clash[0].registry_name}），请核实后补录",
                field="male_id_number",
            )
    record = MarriageRecord.objects.create(
        registry=registry, division_code=registry.division_code, registrar=registrar, registered_on=registered_on,
        certificate_number=number, backfilled=True, original_registry=original_registry[:100],
        status=MarriageStatus.IN_FORCE if ended_on is None else end_status,
        ended_on=ended_on, end_note=(end_note or ("补录：婚姻已终止" if ended_on else "")).strip()[:200],
        declared_voluntary=True, declared_no_spouse=True, declared_no_prohibited_kinship=True,
    )  # fmt: skip
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
            )
            for p in parties
        ]
    )
    audit(actor, AuditEvent.CREATE, record, f"补录历史婚姻登记 {number}（{original_registry}，{registered_on:%Y-%m-%d}）",
          ["registry", "registered_on", "certificate_number", "status", "backfilled", "original_registry"])  # fmt: skip
    return record
