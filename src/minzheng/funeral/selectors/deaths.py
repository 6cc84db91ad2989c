"""死亡信息 reads: the list (search, export), one record for display (audited), the import batches."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from minzheng.core.identity import normalise_id_number
from minzheng.core.read_audit import Channel, audited_read

from ..models import DeathImport, DeathRecord
from .common import one, scoped, under


@dataclass(frozen=True)
class DeathFilter:
    q: str = ""  # 姓名, 证明编号 or 公民身份号码
    division_code: str = ""
    died_from: date | None = None
    died_to: date | None = None
    unidentified_only: bool = False


def death_list(user, filters: DeathFilter = DeathFilter()) -> QuerySet[DeathRecord]:
    qs = under(scoped(DeathRecord.objects.select_related("recorded_by"), user), filters.division_code)
    if filters.q:
        q = filters.q.strip()
        qs = qs.filter(
            Q(name__startswith=q) | Q(certificate_number=q) | Q(id_number=normalise_id_number(q))
            | Q(police_document_number=q)
        )  # fmt: skip
    if filters.died_from:
        qs = qs.filter(death_date__gte=filters.died_from)
    if filters.died_to:
        qs = qs.filter(death_date__lte=filters.died_to)
    if filters.unidentified_only:
        qs = qs.filter(unidentified=True)
    return qs.order_by("-death_date", "-id")


def death_for_action(user, pk: int) -> DeathRecord:
    """One record inside the jurisdiction, to act on (the service audits the write)."""
    return one(DeathRecord.objects.all(), user, pk)


def read_death(user, pk: int, *, channel: Channel = Channel.PAGE) -> DeathRecord:
    """One record for display: personal data of the deceased, so the read is audited."""
    record = one(DeathRecord.objects.select_related("recorded_by", "death_import"), user, pk)
    return audited_read(
        user, record, channel=channel, object_type="funeral.deathrecord", division_code=record.division_code,
        summary=f"查看死亡信息：{record.display_name}",
    )  # fmt: skip


def import_list(user) -> QuerySet[DeathImport]:
    return scoped(DeathImport.objects.select_related("uploaded_by"), user).order_by("-created_at", "-id")


def import_detail(user, pk: int) -> DeathImport:
    return one(DeathImport.objects.all(), user, pk)


def deaths_without_order(user) -> QuerySet[DeathRecord]:
    """Deaths the funeral home has not opened an order for yet (the order form's choices)."""
    return scoped(DeathRecord.objects.filter(order__isnull=True), user).order_by("-death_date", "-id")
