"""惠民殡葬结算: the month's payable list per funeral home — every bill issued that month with a waiver, each in one
list only; prepared (制表) by a caseworker, approved by an approver who did not prepare it (maker-checker, as
payroll rosters), returned with a reason, exported like a payroll (.xlsx, audited) — the moves between states
are ``payable_lists``' (shared with the 节地生态安葬奖补 list)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.spreadsheets import Sheet
from minzheng.policy.interface import add_months, month_start

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import FuneralHome, OrderStatus, ServiceOrder, SettlementStatus, WaiverSettlement
from . import payable_lists
from .common import audit, check_in_jurisdiction

_FIELDS = ["month", "status", "orders_count", "total", "prepared_by", "approved_by", "return_note"]
KIND = payable_lists.ListKind("惠民殡葬结算", "orders_count", ("month", "orders_count", "total"))


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


@transaction.atomic
def submit(actor, settlement: WaiverSettlement) -> WaiverSettlement:
    return payable_lists.submit(actor, settlement, KIND)


@transaction.atomic
def approve(actor, settlement: WaiverSettlement) -> WaiverSettlement:
    """审核: never by the person who prepared it."""
    return payable_lists.approve(actor, settlement, KIND)


@transaction.atomic
def send_back(actor, settlement: WaiverSettlement, *, reason: str) -> WaiverSettlement:
    return payable_lists.send_back(actor, settlement, KIND, reason=reason)


def export(actor, settlement: WaiverSettlement) -> bytes:
    """The payable list as .xlsx (names as on the bills, no ID numbers), audited as an export."""
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
    sheet = Sheet(
        f"{settlement.month:%Y年%m月}惠民殡葬结算", ["订单编号", "逝者", "出账日期", "减免对象类别", "服务费合计（元）", "减免金额（元）"],
        rows, column_widths=(22, 14, 12, 20, 16, 16),
        notes=[f"{settlement.home.name} {settlement.month:%Y年%m月} 惠民殡葬减免结算（{settlement.get_status_display()}）"],
    )  # fmt: skip
    return payable_lists.export(actor, settlement, KIND, sheet)
