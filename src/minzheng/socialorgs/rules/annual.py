"""年检/年度工作报告 (pure).

- Deadlines: 社会团体/社会服务机构 报送业务主管单位 by 31 March, 登记管理机关 by 31 May of the next year
  (《社会团体登记管理条例》第二十八条, 《民办非企业单位登记管理暂行条例》第二十三条); 基金会 by 31 March
  (《基金会管理条例》第三十六条) — the two dates are policy parameters (month-day) per division.
- Results 合格 / 基本合格 / 不合格; 基本合格 and 不合格 → 3 months' 整改; 连续2年不参加年度检查 or 连续2年年度检查
  不合格 → 撤销登记 (《民办非企业单位年度检查办法》, [W2 2.2.2]): the registry proposes revocation.
- Ratios (《慈善法》2023 第六十一条, 公募基金会/具有公开募捐资格的慈善组织): charitable spending ≥ 70 % of last year's
  total income; management fees ≤ 10 % of the year's total spending.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .dates import add_months


class Result(StrEnum):
    QUALIFIED = "qualified"  # 合格
    BASIC = "basic"  # 基本合格
    UNQUALIFIED = "unqualified"  # 不合格


def report_deadlines(year: int, supervisor_month_day: tuple[int, int], registry_month_day: tuple[int, int]):
    """(报送业务主管单位的截止日, 报送登记管理机关的截止日) of the report on ``year``: both in the next year."""
    return (
        date(year + 1, *supervisor_month_day),
        date(year + 1, *registry_month_day),
    )


def rectification_due(result: Result, decided_on: date, months: int) -> date | None:
    """基本合格/不合格 → 整改 within ``months`` (3) of the decision; 合格 → none."""
    return None if result == Result.QUALIFIED else add_months(decided_on, months)


def revocation_grounds(year_results: dict[int, Result | None], last_year: int, consecutive: int = 2) -> str:
    """撤销登记 is proposed when the ``consecutive`` years up to ``last_year`` were each missed (no report —
    ``None``) or each 不合格. ``year_results`` holds every year the organisation owed a report (a year it did
    not owe one — before registration — is absent, and the rule never fires across it)."""
    years = [last_year - k for k in range(consecutive)]
    if any(y not in year_results for y in years):
        return ""
    results = [year_results[y] for y in years]
    if all(r is None for r in results):
        return f"连续{consecutive}年未参加年度检查（{years[-1]}—{years[0]}年度）"
    if all(r == Result.UNQUALIFIED for r in results):
        return f"连续{consecutive}年年度检查不合格（{years[-1]}—{years[0]}年度）"
    return ""


@dataclass(frozen=True)
class Ratios:
    charitable_spending_ratio: Decimal | None  # 公益慈善支出 ÷ 上年总收入
    management_fee_ratio: Decimal | None  # 管理费用 ÷ 当年总支出
    spending_short: bool  # below the floor
    fees_over: bool  # above the ceiling


def finance_ratios(
    charitable_spending: Decimal,
    previous_year_income: Decimal | None,
    management_fees: Decimal,
    total_spending: Decimal,
    spending_floor: Decimal,
    fee_ceiling: Decimal,
) -> Ratios:
    """慈善法 第六十一条: the two ratios (shown to 4 places), undefined on a zero denominator; the flags compare
    the exact ratios (9,001 of 90,000 is over 10 % though it rounds to 10.00 %)."""
    spend = charitable_spending / previous_year_income if previous_year_income else None
    fees = management_fees / total_spending if total_spending else None
    places = Decimal("0.0001")
    return Ratios(
        spend.quantize(places) if spend is not None else None,
        fees.quantize(places) if fees is not None else None,
        spend is not None and spend < spending_floor,
        fees is not None and fees > fee_ceiling,
    )
