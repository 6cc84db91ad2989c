"""村民会议 / 村民代表会议 (村民委员会组织法 2018).

第二十一条: 召开村民会议，应当提前十天通知村民; 第二十二条: 应当有本村十八周岁以上村民的过半数，或者本村三分之二
以上的户的代表参加，村民会议所作决定应当经到会人员的过半数通过; 第二十六条: 村民代表会议有三分之二以上的组成人员
参加方可召开，所作决定应当经到会人员的过半数同意.
"""

from dataclasses import dataclass
from datetime import date, timedelta

ASSEMBLY = "assembly"
REPRESENTATIVES = "representatives"

# 第二十四条: matters decided by the 村民会议 (or, when it authorises, the 村民代表会议).
ART24_CATEGORIES = [
    ("1", "享受误工补贴的人员及补贴标准"),
    ("2", "从村集体经济所得收益的使用"),
    ("3", "公益事业的兴办和筹资筹劳方案及建设承包方案"),
    ("4", "土地承包经营方案"),
    ("5", "村集体经济项目的立项、承包方案"),
    ("6", "宅基地的使用方案"),
    ("7", "征地补偿费的使用、分配方案"),
    ("8", "以借贷、租赁或者其他方式处分村集体财产"),
    ("9", "村民会议认为应当由村民会议讨论决定的涉及村民利益的其他事项"),
]


@dataclass(frozen=True)
class Quorum:
    households_numerator: int  # 2 (of 3)
    households_denominator: int
    representatives_numerator: int  # 2 (of 3)
    representatives_denominator: int


def latest_notice(held_on: date, days: int) -> date:
    """第二十一条: notified ten days ahead — at the latest ``days`` days before the meeting."""
    return held_on - timedelta(days=days)


def notice_in_time(notified_on: date, held_on: date, days: int) -> bool:
    return notified_on <= latest_notice(held_on, days)


def assembly_quorum(
    adults: int, adults_present: int, households: int, households_present: int, q: Quorum
) -> bool:
    """第二十二条: more than half of the adults, or at least 2/3 of the households by their representatives."""
    by_adults = adults > 0 and adults_present * 2 > adults
    by_households = households > 0 and households_present * q.households_denominator >= (
        households * q.households_numerator
    )
    return by_adults or by_households


def representatives_quorum(members: int, present: int, q: Quorum) -> bool:
    """第二十六条: at least 2/3 of the 村民代表会议's members present."""
    return members > 0 and present * q.representatives_denominator >= members * q.representatives_numerator


def decision_passes(present: int, yes: int) -> bool:
    """第二十二条、第二十六条: more than half of those present."""
    return present > 0 and yes * 2 > present
