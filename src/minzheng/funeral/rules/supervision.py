"""殡葬服务收费 checked against the list: what an inspection found charged, item by item, against the home's 服务清单
in force that day.

Sources: 《殡葬管理条例》(2026年修订) — funeral service providers publish their items and charges and may not charge
for items outside the list or above it (as summarised by Xinhua; the article text was not read, ADR 25);
《价格法》第十二条、第十三条 (明码标价, no charge beyond the marked price); 发改价格〔2012〕673号 (基本殡葬服务 at
government prices).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PriceDeviation:
    code: str
    listed: Decimal | None  # None: not on the list
    charged: Decimal

    @property
    def description(self) -> str:
        if self.listed is None:
            return f"收取清单以外费用：{self.code} {self.charged}元"
        return f"超出清单价格收费：{self.code} 清单{self.listed}元，实收{self.charged}元"


def price_deviations(charged: Mapping[str, Decimal], listed: Mapping[str, Decimal]) -> list[PriceDeviation]:
    """Every item charged above its list price, or not on the list at all (a lower charge is not a violation)."""
    found = []
    for code in sorted(charged):
        price = listed.get(code)
        if price is None or charged[code] > price:
            found.append(PriceDeviation(code, price, charged[code]))
    return found
