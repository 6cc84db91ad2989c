"""福利彩票公益金 rules: 公益金 raised by the extraction rate of each game type, and the eldercare share.

彩票管理条例（国务院令第554号）第三十三条: 公益金 only for social welfare, sports and other public-welfare causes;
国办发〔2019〕5号: ≥ 55 % of welfare-lottery 公益金 for social welfare to eldercare (the floor comes in as a dated
per-division parameter: 55 % national, 60 % in 阜新 from 2025).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def welfare_fund_raised(sales: Decimal, extraction_rate: Decimal) -> Decimal:
    """公益金 = 销售额 × 公益金提取比例 (per game type), to the 分."""
    return (sales * extraction_rate).quantize(CENT, rounding=ROUND_HALF_UP)


def eldercare_share(eldercare: Decimal, social_welfare_total: Decimal) -> Decimal | None:
    """用于养老服务比例 = 养老服务项目公益金 ÷ 用于社会福利事业的公益金; None when nothing was used."""
    if social_welfare_total <= 0:
        return None
    return (eldercare / social_welfare_total).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def eldercare_share_met(eldercare: Decimal, social_welfare_total: Decimal, floor: Decimal) -> bool:
    """The share reaches the floor in force (exact arithmetic: 55 of 100 meets 55 %)."""
    return social_welfare_total > 0 and eldercare * 1 >= floor * social_welfare_total
