"""指标填报 with maker-checker: a value is entered (validated against the definition's rules) and counts only
once someone else — with the right to approve, over the division — has approved it."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from minzheng.core.errors import PermissionDenied
from minzheng.core.jurisdiction import covers, division_level
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidIndicator, MakerCheckerViolation
from ..figures import approved_entries
from ..indicator_rules import EntryRejected, EntryRules, check_entry
from ..models import EnteredValue, EntryStatus, IndicatorDefinition, SourceKind
from ..periods import InvalidPeriod, Period


def entry_rules(definition: IndicatorDefinition) -> EntryRules:
    return EntryRules(
        value_type=definition.value_type,
        min_value=definition.min_value,
        max_value=definition.max_value,
        change_comment_percent=definition.change_comment_percent,
        needs_fraction=definition.is_ratio,
        factor=definition.factor,
    )


def _own_approved(definition, division_code: str, period: Period) -> Decimal | None:
    own = [e for e in approved_entries(definition, division_code, period) if e.division_code == division_code]
    return own[0].value if own else None


def submit_entry(
    actor,
    definition: IndicatorDefinition,
    *,
    division_code: str,
    period_key: str,
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    comment: str = "",
) -> EnteredValue:
    """填报: one new version for a division and period, waiting for approval."""
    require(actor, Capability.ENTER_INDICATORS)
    if definition.source_kind != SourceKind.ENTERED:
        raise InvalidIndicator("该指标由业务数据或公式计算，不能填报", field="definition")
    if not covers(actor.division_code, division_code) or division_level(division_code) == 0:
        raise PermissionDenied("只能填报本辖区的指标数据")
    try:
        period = Period.parse(period_key)
    except InvalidPeriod as exc:
        raise InvalidIndicator(str(exc), field="period") from None
    if period.type != definition.period_type:
        raise InvalidIndicator(f"该指标按{definition.get_period_type_display()}填报", field="period")
    if period.start > timezone.localdate():
        raise InvalidIndicator("不能填报未来期别的数据", field="period")
    pending = EnteredValue.objects.filter(
        definition=definition, division_code=division_code, period=period.key, status=EntryStatus.SUBMITTED
    )
    if pending.exists():
        raise InvalidIndicator("该区划本期已有待审核的填报，请先审核或退回", field="period")
    previous = _own_approved(definition, division_code, period.previous())
    try:
        checked = check_entry(
            entry_rules(definition),
            value=value,
            numerator=numerator,
            denominator=denominator,
            comment=comment,
            previous=previous,
        )
    except EntryRejected as exc:
        raise InvalidIndicator(exc.message, field=exc.field) from None
    with transaction.atomic():
        entry = EnteredValue.objects.create(
            definition=definition,
            division_code=division_code,
            period=period.key,
            period_end=period.end,
            value=checked.value.quantize(Decimal("0.0001")),
            numerator=checked.numerator,
            denominator=checked.denominator,
            comment=comment.strip(),
            entered_by=actor,
        )
        record_event(
            actor,
            AuditEvent.CREATE,
            object_type="indicator_entry",
            object_id=entry.pk,
            division_code=division_code,
            summary=f"填报 {definition.name} {period.label}：{entry.value.normalize():f}{definition.unit}",
            after={"value": str(entry.value), "period": period.key, "comment": entry.comment},
        )
    return entry


def review_entry(actor, entry: EnteredValue, *, approve: bool, note: str = "") -> EnteredValue:
    """审核: approve or return an entry. Never one's own (maker-checker); only over one's jurisdiction."""
    require(actor, Capability.APPROVE_INDICATORS)
    if entry.entered_by_id == actor.pk:
        raise MakerCheckerViolation("不能审核本人填报的数据，请由其他审核人审核")
    if not covers(actor.division_code, entry.division_code):
        raise PermissionDenied("只能审核本辖区的填报")
    if entry.status != EntryStatus.SUBMITTED:
        raise InvalidIndicator("该填报已审核", field="status")
    if not approve and not note.strip():
        raise InvalidIndicator("退回时请填写审核意见", field="note")
    entry.status = EntryStatus.APPROVED if approve else EntryStatus.REJECTED
    entry.reviewed_by, entry.reviewed_at, entry.review_note = actor, timezone.now(), note.strip()[:300]
    with transaction.atomic():
        entry.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        record_event(
            actor,
            AuditEvent.UPDATE,
            object_type="indicator_entry",
            object_id=entry.pk,
            division_code=entry.division_code,
            summary=f"{'审核通过' if approve else '退回'}：{entry.definition.name} {entry.period}",
            before={"status": EntryStatus.SUBMITTED},
            after={"status": entry.status, "note": entry.review_note},
        )
    return entry
