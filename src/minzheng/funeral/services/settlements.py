"""惠民殡葬结算: the month's payable list per funeral home — every bill issued that month with a waiver, each in one
list only; prepared (制表) by a caseworker, approved by an approver who did not prepare it (maker-checker, as
payroll rosters), returned with a reason, exported like a payroll (.xlsx, audited)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.policy.interface import add_months, month_start

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import FuneralHome, OrderStatus, ServiceOrder, SettlementStatus, WaiverSettlement
from .common import audit, check_in_jurisdiction

_FIELDS = ["month", "status", "orders_count", "total", "prepared_by", "approved_by", "return_note"]


def _eligible(home: FuneralHome, month: date):
    return ServiceOrder.objects.filter(
        home=home,
        status=OrderStatus.BILLED,
        waived__gt=0,
        billed_on__gte=month,
        billed_on__lt=add_months(month, 1),
    )


@transaction.atomic
def prepare(actor, home: FuneralHome, *, month: date, today: date | None = None) -> WaiverSettlement:
    """制表: the month's waived bills not yet settled; again on a draft or returned list, it is refreshed."""
    require(actor, Capability.PREPARE_PAYROLL)
    check_in_jurisdiction(actor, home.division_code)
    month = month_start(month)
    today = today or timezone.localdate()
    if month > month_start(today):
        raise InvalidFuneralInput("不能结算未来月份", field="month")
    settlement = WaiverSettlement.objects.select_for_update().filter(home=home, month=month).first()
    if settlement is not None and settlement.status != SettlementStatus.DRAFT:
        raise FuneralConflict(
            f"{month:%Y年%m月}结算已{settlement.get_status_display()}，不能重新制表", field="month"
        )
    if settlement is None:
        settlement = WaiverSettlement.objects.create(
            home=home, division_code=home.division_code, month=month, prepared_by=actor
        )
    else:
        ServiceOrder.objects.filter(settlement=settlement).update(settlement=None)
        settlement.prepared_by = actor
    orders = _eligible(home, month).filter(settlement__isnull=True)
    ids = list(orders.values_list("pk", flat=True))
    ServiceOrder.objects.filter(pk__in=ids).update(settlement=settlement)
    settlement.orders_count = len(ids)
    settlement.total = sum(ServiceOrder.objects.filter(pk__in=ids).values_list("waived", flat=True), start=0)
    settlement.save()
    audit(
        actor,
        AuditEvent.CREATE,
        settlement,
        f"{home.name}{month:%Y年%m月}惠民殡葬结算制表：{len(ids)}单，{settlement.total}元",
        _FIELDS,
    )
    return settlement


def _locked(settlement: WaiverSettlement) -> WaiverSettlement:
    return WaiverSettlement.objects.select_for_update().select_related("home").get(pk=settlement.pk)


@transaction.atomic
def submit(actor, settlement: WaiverSettlement) -> WaiverSettlement:
    require(actor, Capability.PREPARE_PAYROLL)
    check_in_jurisdiction(actor, settlement.division_code)
    settlement = _locked(settlement)
    if settlement.status != SettlementStatus.DRAFT:
        raise FuneralConflict("只有待提交的结算可以提交审核")
    if not settlement.orders_count:
        raise InvalidFuneralInput("结算没有订单，不能提交", field="month")
    settlement.status, settlement.return_note = SettlementStatus.SUBMITTED, ""
    settlement.save(update_fields=["status", "return_note"])
    audit(actor, AuditEvent.UPDATE, settlement, f"提交惠民殡葬结算 {settlement.month:%Y-%m}", _FIELDS)
    return settlement


@transaction.atomic
def approve(actor, settlement: WaiverSettlement) -> WaiverSettlement:
    """审核: never by the person who prepared it."""
    require(actor, Capability.APPROVE_PAYROLL)
    check_in_jurisdiction(actor, settlement.division_code)
    settlement = _locked(settlement)
    if settlement.status != SettlementStatus.SUBMITTED:
        raise FuneralConflict("只有待审核的结算可以审核")
    if settlement.prepared_by_id == actor.pk:
        raise FuneralConflict("制表人不能审核自己制作的结算")
    settlement.status, settlement.approved_by, settlement.approved_at = (
        SettlementStatus.APPROVED,
        actor,
        timezone.now(),
    )
    settlement.save(update_fields=["status", "approved_by", "approved_at"])
    audit(
        actor,
        AuditEvent.UPDATE,
        settlement,
        f"审核通过惠民殡葬结算 {settlement.month:%Y-%m}：{settlement.total}元",
        _FIELDS,
    )
    return settlement


@transaction.atomic
def send_back(actor, settlement: WaiverSettlement, *, reason: str) -> WaiverSettlement:
    require(actor, Capability.APPROVE_PAYROLL)
    check_in_jurisdiction(actor, settlement.division_code)
    settlement = _locked(settlement)
    if settlement.status != SettlementStatus.SUBMITTED:
        raise FuneralConflict("只有待审核的结算可以退回")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidFuneralInput("请填写退回意见", field="reason")
    settlement.status, settlement.return_note = SettlementStatus.DRAFT, reason[:200]
    settlement.save(update_fields=["status", "return_note"])
    audit(
        actor, AuditEvent.UPDATE, settlement, f"退回惠民殡葬结算 {settlement.month:%Y-%m}：{reason}", _FIELDS
    )
    return settlement


def export(actor, settlement: WaiverSettlement) -> bytes:
    """The payable list as .xlsx (names as on the bills, no ID numbers), audited as an export."""
    require(actor, Capability.EXPORT)
    check_in_jurisdiction(actor, settlement.division_code)
    rows = [
        [
            o.number,
            o.death.display_name,
            o.billed_on,
            "、".join(o.category_labels()),
            float(o.total),
            float(o.waived),
        ]
        for o in settlement.orders.select_related("death").order_by("billed_on", "number")
    ]
    rows.append(["合计", "", "", "", "", float(settlement.total)])
    content = write_workbook([
        Sheet(
            f"{settlement.month:%Y年%m月}惠民殡葬结算", ["订单编号", "逝者", "出账日期", "减免对象类别", "服务费合计（元）", "减免金额（元）"],
            rows, column_widths=(22, 14, 12, 20, 16, 16),
            notes=[f"{settlement.home.name} {settlement.month:%Y年%m月} 惠民殡葬减免结算（{settlement.get_status_display()}）"],
        )
    ])  # fmt: skip
    audit(
        actor,
        AuditEvent.EXPORT,
        settlement,
        f"导出惠民殡葬结算 {settlement.month:%Y-%m}（{len(rows) - 1}单）",
        _FIELDS,
    )
    return content
