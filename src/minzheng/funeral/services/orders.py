"""殡葬服务订单: opened for one recorded death (cremation needs the 居民死亡医学证明 or the police documents —
殡葬管理条例 old Art 13), lines only from the home's 服务清单 in force on the order date (条例 2026: no item or fee
outside the list), 惠民殡葬 waivers by the rule in force for the deceased's division at the date of death,
then the bill (出账), after which the order no longer changes."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from minzheng.assistance.interface import program_categories_on
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import record_in_force

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import (
    AshHandling,
    DeathRecord,
    FuneralHome,
    Furnace,
    OrderLine,
    OrderStatus,
    ServiceItem,
    ServiceOrder,
    WaiverCategory,
    WaiverRule,
)
from ..rules.billing import bill_totals, line_amount, waiver_for_line
from .common import audit, check_in_jurisdiction, require_text

_FIELDS = ["number", "ordered_on", "pickup_distance_km", "storage_days", "cremation_at", "furnace", "ash_handling",
           "eligible_categories", "status", "total", "waived", "payable"]  # fmt: skip

# 社会救助's program categories as 惠民殡葬 categories.
_FROM_ASSISTANCE = {
    "dibao_urban": WaiverCategory.DIBAO, "dibao_rural": WaiverCategory.DIBAO,
    "tekun_centralised": WaiverCategory.TEKUN, "tekun_dispersed": WaiverCategory.TEKUN,
    "dibao_edge": WaiverCategory.DIBAO_EDGE,
}  # fmt: skip


def eligible_categories(death: DeathRecord) -> list[str]:
    """Who the deceased was on the date of death, for 惠民殡葬: read from 社会救助 through its interface."""
    found: set[str] = set()
    if death.unidentified:
        found.add(WaiverCategory.UNIDENTIFIED)
    if death.person_id:
        programs = program_categories_on([death.person_id], death.death_date)[death.person_id]
        found |= {_FROM_ASSISTANCE[p] for p in programs if p in _FROM_ASSISTANCE}
    return sorted(str(c) for c in found)


@dataclass
class OrderInput:
    home: FuneralHome
    ordered_on: date
    contact_name: str
    contact_phone: str = ""
    pickup_at: datetime | None = None
    pickup_address: str = ""
    pickup_distance_km: Decimal = Decimal(0)
    storage_days: int = 0
    cremation_at: datetime | None = None
    furnace: Furnace | None = None
    ash_handling: str = AshHandling.UNDECIDED


def _number(home: FuneralHome, on: date) -> str:
    prefix = f"BZ{home.division_code[:6]}{on:%Y}"
    highest = ServiceOrder.objects.filter(number__startswith=prefix).aggregate(m=Max("number"))["m"]
    return f"{prefix}{(int(highest[len(prefix) :]) + 1) if highest else 1:05d}"


def _day(moment: datetime) -> date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _check(death: DeathRecord, data: OrderInput) -> None:
    if data.ordered_on is None or data.ordered_on < death.death_date:
        raise InvalidFuneralInput("受理日期不能早于死亡日期", field="ordered_on")
    require_text(data.contact_name, "contact_name", "丧事承办人", 50)
    try:
        distance = Decimal(str(data.pickup_distance_km or 0))
    except InvalidOperation:
        raise InvalidFuneralInput("接运里程应为数字", field="pickup_distance_km") from None
    if not distance.is_finite() or distance < 0 or distance > Decimal("99999"):
        raise InvalidFuneralInput("接运里程应为0至99999公里", field="pickup_distance_km")
    if data.storage_days is None or data.storage_days < 0 or data.storage_days > 3650:
        raise InvalidFuneralInput("暂存天数应为0至3650天", field="storage_days")
    for field, label, moment in (
        ("pickup_at", "接运时间", data.pickup_at),
        ("cremation_at", "火化时间", data.cremation_at),
    ):
        if moment is not None and _day(moment) < death.death_date:
            raise InvalidFuneralInput(f"{label}不能早于死亡日期", field=field)
    if data.cremation_at is not None and data.furnace is None:
        raise InvalidFuneralInput("预约火化须选择火化炉", field="furnace")
    if data.furnace is not None:
        if data.furnace.home_id != data.home.pk or not data.furnace.in_service:
            raise InvalidFuneralInput("火化炉不属于本殡仪馆或已停用", field="furnace")
        if data.cremation_at is None:
            raise InvalidFuneralInput("请填写火化时间", field="cremation_at")
        if (
            ServiceOrder.objects.filter(furnace=data.furnace, cremation_at=data.cremation_at)
            .exclude(death=death)
            .exists()
        ):
            raise FuneralConflict(
                f"{data.furnace.code}该时段已预约，请另选时段或火化炉", field="cremation_at"
            )
    if data.ash_handling not in AshHandling.values:
        raise InvalidFuneralInput("请选择骨灰去向", field="ash_handling")


@transaction.atomic
def open_order(actor, death: DeathRecord, data: OrderInput) -> ServiceOrder:
    """受理: one order per death; the 惠民殡葬 categories are fixed at the date of death."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, death.division_code)
    check_in_jurisdiction(actor, data.home.division_code)
    if ServiceOrder.objects.filter(death=death).exists():
        raise FuneralConflict("该逝者已有服务订单", field="death")
    if not (death.certificate_number or death.police_document_number):
        raise InvalidFuneralInput("没有死亡医学证明或公安机关证明文书，不能办理火化", field="death")
    _check(death, data)
    order = ServiceOrder.objects.create(
        number=_number(data.home, data.ordered_on), death=death, home=data.home, division_code=data.home.division_code,
        ordered_on=data.ordered_on, contact_name=data.contact_name.strip(), contact_phone=(data.contact_phone or "").strip()[:20],
        pickup_at=data.pickup_at, pickup_address=(data.pickup_address or "").strip()[:200],
        pickup_distance_km=Decimal(str(data.pickup_distance_km or 0)), storage_days=data.storage_days or 0,
        cremation_at=data.cremation_at, furnace=data.furnace, ash_handling=data.ash_handling,
        eligible_categories=eligible_categories(death), created_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, order, f"受理殡葬服务：{death.display_name}（{order.number}）", _FIELDS)
    return order


def _open(order: ServiceOrder) -> ServiceOrder:
    locked = ServiceOrder.objects.select_for_update().select_related("death").get(pk=order.pk)
    if locked.status != OrderStatus.OPEN:
        raise FuneralConflict("账单已出，订单不能再修改")
    return locked


def items_in_force(home: FuneralHome, on: date):
    """The home's 服务清单 on the day (one version per item code)."""
    return (
        ServiceItem.objects.filter(home=home, effective_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("category", "code")
    )


def _rule_for(service: str, division_code: str, on: date) -> WaiverRule | None:
    candidates = WaiverRule.objects.filter(basic_service=service, effective_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )
    return record_in_force(list(candidates), division_code, on)


@transaction.atomic
def add_line(actor, order: ServiceOrder, *, item_code: str, quantity) -> OrderLine:
    """A service or good on the bill: only an item of this home's list in force on the order date."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, order.division_code)
    order = _open(order)
    item = items_in_force(order.home, order.ordered_on).filter(code=(item_code or "").strip()).first()
    if item is None:
        raise InvalidFuneralInput(
            f"“{item_code}”不在本馆{order.ordered_on:%Y-%m-%d}有效的服务清单内，清单外项目不得收费",
            field="item_code",
        )
    try:
        qty = Decimal(str(quantity))
    except (InvalidOperation, TypeError):
        raise InvalidFuneralInput("数量应为数字", field="quantity") from None
    if not qty.is_finite() or qty <= 0 or qty > Decimal("99999") or qty != qty.quantize(Decimal("0.01")):
        raise InvalidFuneralInput("数量应为大于0的数字（最多两位小数）", field="quantity")
    if order.lines.filter(item__code=item.code).exists():
        raise FuneralConflict(f"账单已有“{item.name}”，请删除后重新添加", field="item_code")
    rule = (
        _rule_for(item.basic_service, order.death.division_code, order.death.death_date)
        if item.basic_service
        else None
    )
    waiver = waiver_for_line(
        quantity=qty, unit_price=item.unit_price, eligible_categories=frozenset(order.eligible_categories),
        rule_categories=frozenset(rule.categories if rule else []), cap_quantity=rule.cap_quantity if rule else None,
    )  # fmt: skip
    line = OrderLine.objects.create(
        order=order, item=item, quantity=qty, unit_price=item.unit_price, amount=line_amount(qty, item.unit_price),
        waived_quantity=waiver.quantity, waived_amount=waiver.amount, waiver_rule=rule if waiver.amount or waiver.quantity else None,
    )  # fmt: skip
    _retotal(order)
    audit(
        actor,
        AuditEvent.UPDATE,
        order,
        f"{order.number}添加 {item.name} ×{qty}（减免{waiver.amount}元）",
        _FIELDS,
    )
    return line


@transaction.atomic
def remove_line(actor, order: ServiceOrder, line_id: int) -> None:
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, order.division_code)
    order = _open(order)
    line = order.lines.select_related("item").filter(pk=line_id).first()
    if line is None:
        raise InvalidFuneralInput("账单中没有该项目", field="line")
    name = line.item.name
    line.delete()
    _retotal(order)
    audit(actor, AuditEvent.UPDATE, order, f"{order.number}删除 {name}", _FIELDS)


def _retotal(order: ServiceOrder) -> None:
    order.total, order.waived, order.payable = bill_totals(
        list(order.lines.values_list("amount", "waived_amount"))
    )
    order.save(update_fields=["total", "waived", "payable"])


@transaction.atomic
def issue_bill(actor, order: ServiceOrder, *, on: date | None = None) -> ServiceOrder:
    """出账: the bill is final (家属应付 and the 惠民减免 the bureau settles with the home)."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, order.division_code)
    order = _open(order)
    if not order.lines.exists():
        raise InvalidFuneralInput("账单没有服务项目，不能出账", field="lines")
    order.status, order.billed_on = OrderStatus.BILLED, on or timezone.localdate()
    order.save(update_fields=["status", "billed_on"])
    audit(
        actor,
        AuditEvent.UPDATE,
        order,
        f"{order.number}出账：合计{order.total}元，减免{order.waived}元，应付{order.payable}元",
        _FIELDS,
    )
    return order
