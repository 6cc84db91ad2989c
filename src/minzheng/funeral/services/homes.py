"""殡仪馆, furnaces and the 服务清单: registered by the bureau (approver/administrator); a new price is a new
dated version of the item, the old one closes the day before (history never overwritten)."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.money import check_money
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import insert_version

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import BasicService, FuneralHome, Furnace, HomeKind, ItemCategory, PriceKind, ServiceItem
from .common import audit, check_in_jurisdiction, require_text


@transaction.atomic
def register_home(
    actor, *, name: str, kind: str, division_code: str, address: str = "", approval_document: str = "",
    approved_on: date | None = None,
) -> FuneralHome:  # fmt: skip
    """登记殡仪馆（火葬场、殡仪服务站）: approved by the same-level government (殡葬管理条例 old Art 8)."""
    require(actor, Capability.MANAGE_POLICY)
    name = require_text(name, "name", "名称", 100)
    if kind not in HomeKind.values:
        raise InvalidFuneralInput("请选择类型", field="kind")
    code = (division_code or "").strip()
    if len(code) != 12 or not code.isdigit():
        raise InvalidFuneralInput("所在区划代码应为12位数字", field="division_code")
    check_in_jurisdiction(actor, code)
    home = FuneralHome.objects.create(
        name=name, kind=kind, division_code=code, address=require_text(address, "address", "地址", 200, required=False),
        approval_document=require_text(approval_document, "approval_document", "批准文件", 100, required=False),
        approved_on=approved_on,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, home, f"登记殡仪馆：{home.name}", ["name", "kind", "division_code"])
    return home


@transaction.atomic
def add_furnace(actor, home: FuneralHome, *, code: str, model_name: str = "") -> Furnace:
    require(actor, Capability.MANAGE_POLICY)
    check_in_jurisdiction(actor, home.division_code)
    code = require_text(code, "code", "炉号", 20)
    if home.furnaces.filter(code=code).exists():
        raise FuneralConflict(f"{home.name}已有炉号“{code}”", field="code")
    furnace = Furnace.objects.create(home=home, code=code, model_name=model_name.strip()[:50])
    audit(actor, AuditEvent.CREATE, home, f"{home.name}登记火化炉 {code}", ["name"])
    return furnace


@transaction.atomic
def set_item(
    actor, home: FuneralHome, *, code: str, name: str, category: str, price_kind: str, unit: str,
    unit_price, effective_from: date, basic_service: str = "", source_note: str = "",
) -> ServiceItem:  # fmt: skip
    """服务清单: add an item or a new price from ``effective_from``. 基本殡葬服务 carry the government price
    (政府定价) and name the basic service they are, so 惠民殡葬 rules can waive them."""
    require(actor, Capability.MANAGE_POLICY)
    check_in_jurisdiction(actor, home.division_code)
    code = require_text(code, "code", "项目编码", 20)
    name = require_text(name, "name", "项目名称", 50)
    unit = require_text(unit, "unit", "计价单位", 10)
    if category not in ItemCategory.values:
        raise InvalidFuneralInput("请选择项目类别", field="category")
    if price_kind not in PriceKind.values:
        raise InvalidFuneralInput("请选择价格管理方式", field="price_kind")
    if category == ItemCategory.BASIC:
        if price_kind != PriceKind.GOVERNMENT_SET:
            raise InvalidFuneralInput("基本殡葬服务实行政府定价", field="price_kind")
        if basic_service not in BasicService.values:
            raise InvalidFuneralInput("基本殡葬服务须选择对应的基本服务项目", field="basic_service")
    elif basic_service:
        raise InvalidFuneralInput("只有基本殡葬服务可以对应基本服务项目", field="basic_service")
    price = check_money(unit_price, field="unit_price", label="单价", error=InvalidFuneralInput)
    if price is None:
        raise InvalidFuneralInput("请填写单价", field="unit_price")
    if effective_from is None:
        raise InvalidFuneralInput("请填写生效日期", field="effective_from")
    item = ServiceItem(
        home=home, code=code, name=name, category=category, price_kind=price_kind, unit=unit,
        unit_price=Decimal(price), basic_service=basic_service, division_code=home.division_code,
        effective_from=effective_from, source_note=source_note.strip()[:300], created_by=actor,
    )  # fmt: skip
    insert_version(ServiceItem.objects.filter(home=home, code=code), item)
    audit(actor, AuditEvent.CREATE, item, f"{home.name}服务清单：{name} {price}元/{unit}（{effective_from:%Y-%m-%d}起）",
          ["code", "name", "category", "price_kind", "unit", "unit_price", "effective_from"])  # fmt: skip
    return item
