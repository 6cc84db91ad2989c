"""孤儿基本生活费 and 事实无人抚养儿童基本生活补贴: amounts and the recognition clock.

民发〔2019〕62号 三(一): the 事实无人抚养 subsidy follows the local 孤儿 standard; a child who already receives
低保金、特困人员救助供养金 or 困难残疾人生活补贴 below the standard gets the difference (补差), every other child
the full standard. 二(二)(三): the township checks within 15 working days of the application, the county
confirms within 15 working days of receiving the check; paid 从确认的次月起.
孤儿基本生活费 (国办发〔2010〕54号): the provincial standard in full (no 补差 in the text read).
"""

from datetime import date
from decimal import Decimal

ORPHAN_INSTITUTIONAL = "orphan_institutional"
ORPHAN_SCATTERED = "orphan_scattered"
DE_FACTO = "de_facto_unattended"
# 补差 counts these 社会救助 program categories (62号 三(一)); 低保边缘 and 临时救助 are not named.
TOP_UP_AGAINST = frozenset(
    {"dibao_urban", "dibao_rural", "tekun_centralised", "tekun_dispersed", "disability_living"}
)


def monthly_allowance(kind: str, standard: Decimal, other_benefits: Decimal) -> Decimal:
    """The month's amount: an orphan gets ``standard``; a 事实无人抚养 child gets ``standard`` less what the
    counted benefits already pay for the child (never below 0)."""
    if kind != DE_FACTO or other_benefits <= 0:
        return standard
    return max(standard - other_benefits, Decimal(0))


def first_paid_month(confirmed_on: date) -> date:
    """从确认的次月起: the first day of the month after confirmation."""
    return date(confirmed_on.year + confirmed_on.month // 12, confirmed_on.month % 12 + 1, 1)


def month_before(month: date) -> date:
    """The first day of the month before ``month``."""
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
