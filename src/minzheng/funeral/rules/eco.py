"""节地生态安葬 rules: the award (奖补) of one burial and the two plan indicators.

Sources: 民发〔2016〕21号《关于推行节地生态安葬的指导意见》— 树葬、撒散、海葬、深埋、格位存放 and the like are 节地生态
安葬, encouraged by 奖补 set locally (the amount arrives as an argument from the dated per-division rule); plans
measure 节地生态安葬率 = 节地生态安葬数 ÷ 安葬总数 × 100 and 县级公益性安葬（放）设施覆盖率 = counties with a
公益性 cemetery or ashes facility ÷ counties × 100 (辽宁省“十四五”民政事业发展规划, 附表).
"""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def eco_award(rule_amount: Decimal | None, *, family_named: bool) -> Decimal:
    """奖补 of one 节地生态安葬: the rule's amount per deceased when a rule is in force and a family member receives
    it; otherwise nothing (an unclaimed or unidentified body's burial is counted, not paid)."""
    if rule_amount is None or not family_named or rule_amount <= 0:
        return Decimal("0.00")
    return rule_amount.quantize(CENT, rounding=ROUND_HALF_UP)


def percentage(part: int, whole: int) -> Decimal | None:
    """part ÷ whole × 100 to two places; undefined (None, never 0) without a denominator."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, rounding=ROUND_HALF_UP)
