"""REST endpoints of 殡葬管理 (mounted at /api/funeral/): deaths (list, one, a certificate pushed by 卫健/公安),
service orders with their bill. Same scope and rules as the pages; ID numbers masked."""

import datetime as dt
from decimal import Decimal

from ninja import Query, Router, Schema, Status

from minzheng.core.api_types import Day, DivisionCode, RecordId, text
from minzheng.core.identity import mask_id_number
from minzheng.core.paging import page_query
from minzheng.core.read_audit import Channel

from .models import DeathSource
from .selectors import deaths as death_sel
from .selectors import orders as order_sel
from .services.deaths import CertificateInput, record_certificate

router = Router(tags=["殡葬管理"])


class FuneralDeathOut(Schema):
    id: int
    name: str
    id_number_masked: str
    death_date: dt.date
    death_place: str
    cause: str
    certificate_number: str
    certificate_form: str
    issuer_kind: str
    issuer_name: str
    issued_on: dt.date
    unidentified: bool
    division_code: str
    registry_change_id: int | None
    registry_note: str


class FuneralDeathPage(Schema):
    count: int
    items: list[FuneralDeathOut]


class FuneralDeathQuery(Schema):
    q: text(30, "姓名、证明编号或公民身份号码") = ""
    division: DivisionCode = ""
    died_from: Day | None = None
    died_to: Day | None = None


def _death(record) -> dict:
    data = {name: getattr(record, name) for name in FuneralDeathOut.model_fields if hasattr(record, name)}
    data["name"] = record.display_name
    data["id_number_masked"] = mask_id_number(record.id_number) if record.id_number else ""
    return data


@router.get("/deaths", response=FuneralDeathPage, summary="死亡信息（管辖范围内）")
def list_deaths(request, query: Query[FuneralDeathQuery], page: Query[page_query(50, 500)]):
    qs = death_sel.death_list(
        request.user,
        death_sel.DeathFilter(
            q=query.q, division_code=query.division, died_from=query.died_from, died_to=query.died_to
        ),
    )
    rows = qs[page.offset : page.offset + page.limit]
    return {"count": qs.count(), "items": [_death(r) for r in rows]}


@router.get("/deaths/{death_id}", response=FuneralDeathOut, summary="一条死亡信息")
def get_death(request, death_id: RecordId):
    return _death(death_sel.read_death(request.user, death_id, channel=Channel.API))


class FuneralCertificateIn(Schema):
    certificate_number: text(40, "死亡医学证明编号")
    certificate_form: text(10, "证明形式：paper 纸质 / electronic 电子")
    issuer_kind: text(
        10, "签发机构类别：hospital 医疗卫生机构 / community 社区卫生服务机构 / police 公安机关"
    )
    issuer_name: text(100, "签发机构")
    issued_on: Day
    id_number: text(20, "公民身份号码")
    name: text(50, "姓名")
    death_date: Day
    death_place: text(10, "死亡地点：hospital / home / care_home / other")
    cause: text(10, "死亡原因类别：natural 正常死亡 / unnatural 非正常死亡")


@router.post("/deaths", response={201: FuneralDeathOut}, summary="接收一份居民死亡医学证明（卫健/公安推送）")
def push_certificate(request, payload: FuneralCertificateIn):
    record = record_certificate(request.user, CertificateInput(**payload.dict()), source=DeathSource.API)
    return Status(201, _death(record))


class FuneralBillLineOut(Schema):
    item_code: str
    item_name: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    waived_quantity: Decimal
    waived_amount: Decimal


class FuneralOrderOut(Schema):
    id: int
    number: str
    death_id: int
    home_name: str
    ordered_on: dt.date
    status: str
    ash_handling: str
    eligible_categories: list[str]
    total: Decimal
    waived: Decimal
    payable: Decimal
    lines: list[FuneralBillLineOut]


@router.get("/orders/{order_id}", response=FuneralOrderOut, summary="殡葬服务订单及账单")
def get_order(request, order_id: RecordId):
    order = order_sel.read_order(request.user, order_id, channel=Channel.API)
    return {
        "id": order.pk, "number": order.number, "death_id": order.death_id, "home_name": order.home.name,
        "ordered_on": order.ordered_on, "status": order.status, "ash_handling": order.ash_handling,
        "eligible_categories": order.eligible_categories, "total": order.total, "waived": order.waived,
        "payable": order.payable,
        "lines": [
            {"item_code": x.item.code, "item_name": x.item.name, "quantity": x.quantity, "unit_price": x.unit_price,
             "amount": x.amount, "waived_quantity": x.waived_quantity, "waived_amount": x.waived_amount}
            for x in order_sel.order_lines(order)
        ],
    }  # fmt: skip
