"""执法 (pure): which credit list an administrative penalty leads to.

《社会组织信用信息管理办法》(民政部令第60号, read through `domain-rules-2.md` §4.2): 受到警告或者不满5万元罚款处罚的 →
活动异常名录; 受到 **5万元以上罚款** 处罚的, 受到限期停止活动处罚的 → 严重违法失信名单 (the reason codes in
``rules.credit``). Penalties themselves: 社团条例第三十条、民非条例第二十五条、基金会条例第四十二条 (警告, 责令改正, 限期停止活动,
撤销登记, 没收违法所得, 罚款); 慈善法第一百零九至一百一十一条.
"""

from decimal import Decimal
from enum import StrEnum

from .credit import Reason


class PenaltyKind(StrEnum):
    WARNING = "warning"  # 警告
    FINE = "fine"  # 罚款
    STOP = "stop"  # 限期停止活动


PENALTY_LABELS = {PenaltyKind.WARNING: "警告", PenaltyKind.FINE: "罚款", PenaltyKind.STOP: "限期停止活动"}


def credit_reason(kind: PenaltyKind, amount: Decimal | None, large_fine: Decimal) -> Reason:
    """The listing ground a decided penalty gives: a fine of ``large_fine`` (5万) or more, or 限期停止活动 →
    严重违法失信; a warning or a smaller fine → 活动异常."""
    if kind == PenaltyKind.STOP:
        return Reason.ORDERED_TO_STOP
    if kind == PenaltyKind.FINE and amount is not None and amount >= large_fine:
        return Reason.LARGE_FINE
    return Reason.WARNING_OR_SMALL_FINE
