"""福利彩票 writes: outlets opened and closed, monthly sales per game type (one row a month, replaced on re-entry)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import covers, parse_division_code
from minzheng.core.money import TOTAL_MAX, check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidFundInput
from ..models import GameType, LotteryOutlet, OutletKind, OutletSales


def open_outlet(
    user, *, code: str, name: str, kind: str, division_code: str, opened_on: date, address: str = ""
) -> LotteryOutlet:
    require(user, Capability.MANAGE_FUNDS)
    if kind not in OutletKind.values:
        raise InvalidFundInput("网点类型应为专营网点、兼营网点或福彩公益驿站", field="kind")
    division = parse_division_code(division_code, label="所在区划")
    if not division or not covers(user.division_code, division):
        raise InvalidFundInput("所在区划不在您的管辖范围内", field="division_code")
    if LotteryOutlet.objects.filter(code=code).exists():
        raise InvalidFundInput(f"网点编号 {code} 已存在", field="code")
    with transaction.atomic():
        outlet = LotteryOutlet.objects.create(
            code=code, name=name, kind=kind, division_code=division, address=address, opened_on=opened_on
        )
        record_event(user, "funds.outlet_opened", object_type="lottery_outlet", object_id=outlet.pk,
                     division_code=division, summary=f"开设福彩网点 {name}")  # fmt: skip
    return outlet


def record_sales(user, rows: list[tuple[LotteryOutlet, date, str, object]]) -> int:
    """月销售额: (outlet, month, game type, amount) rows; a month entered again replaces the figure."""
    require(user, Capability.MANAGE_FUNDS)
    checked = []
    for index, (outlet, month, game, amount) in enumerate(rows, start=1):
        if game not in GameType.values:
            raise InvalidFundInput(f"第{index}行：玩法类型应为乐透数字型、基诺型或即开型", field="game_type")
        if not covers(user.division_code, outlet.division_code):
            raise InvalidFundInput(f"第{index}行：网点不在您的管辖范围内", field="outlet")
        value = check_money(
            amount, field="amount", label=f"第{index}行销售额", maximum=TOTAL_MAX, error=InvalidFundInput
        )
        checked.append((outlet, month.replace(day=1), game, value))
    with transaction.atomic():
        existing = {
            (r.outlet_id, r.month, r.game_type): r
            for r in OutletSales.objects.filter(
                outlet_id__in={o.pk for o, *_ in checked}, month__in={m for _, m, _, _ in checked}
            )
        }
        new, changed = [], []
        for outlet, month, game, value in checked:
            row = existing.get((outlet.pk, month, game))
            if row is None:
                new.append(OutletSales(outlet=outlet, month=month, game_type=game, amount=value))
            else:
                row.amount = value
                changed.append(row)
        OutletSales.objects.bulk_create(new, batch_size=2000)
        OutletSales.objects.bulk_update(changed, ["amount"], batch_size=2000)
        record_event(
            user,
            "funds.sales_recorded",
            object_type="lottery_sales",
            summary=f"登记福彩销售 {len(checked)} 条",
        )
    return len(checked)
