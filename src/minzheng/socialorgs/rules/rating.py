"""等级评估 (《社会组织评估管理办法》, 民政部令第39号, 2010) (pure).

- 第七条: 申请评估须取得登记证书满两个年度 (never assessed, or the rating expired); not eligible: 上年度年检
  未参加或不合格, 连续2年基本合格, 上年度受到行政处罚, 正在被立案调查; 民发〔2021〕96号 also excludes organisations
  on 活动异常名录/严重违法失信名单.
- 第二十条—第二十三条: results 公示; an objection during 公示 is answered in writing within 15 days.
- 第二十八条: 5A…1A, valid 5 years; 第二十九条: re-assessment may be requested in the last 2 years of validity.
- 第三十一条: no new application for 2 years after a downgrade, 3 years after cancellation; 第三十三条: plaque and
  certificate returned within 15 days.
- Score bands on the 1000-point scale are local (安庆 ≥ 950 = 5A, 洛阳 ≥ 900 = 5A) → parameters per division.
"""

from dataclasses import dataclass
from datetime import date

from .annual import Result
from .dates import add_days, add_years

LEVEL_LABELS = {5: "5A", 4: "4A", 3: "3A", 2: "2A", 1: "1A"}


@dataclass(frozen=True)
class Bands:
    """The least score of 1A … 5A (ascending), on the 1000-point scale."""

    minimums: tuple[int, int, int, int, int]


def level_for(score: int, bands: Bands) -> int | None:
    """The highest level whose minimum ``score`` reaches; ``None`` below 1A."""
    reached = [level for level, least in enumerate(bands.minimums, start=1) if score >= least]
    return max(reached) if reached else None


def full_years(registered_on: date, on: date) -> int:
    """Whole calendar years (年度) lying between registration and ``on``'s year."""
    first = registered_on.year if registered_on == date(registered_on.year, 1, 1) else registered_on.year + 1
    return max(on.year - first, 0)


@dataclass(frozen=True)
class Standing:
    """What 第七条 asks about an organisation on the day it applies."""

    registered_on: date
    rating_valid_to: date | None  # the rating in force, if any
    downgraded_on: date | None  # latest downgrade
    cancelled_on: date | None  # latest cancellation
    last_year: Result | None  # None: no report (not inspected)
    year_before: Result | None
    listed: bool  # on 活动异常名录 or 严重违法失信名单
    penalised_last_year: bool


@dataclass(frozen=True)
class Periods:
    min_full_years: int = 2
    renewal_window_years: int = 2
    downgrade_ban_years: int = 2
    cancel_ban_years: int = 3


def ineligibility(s: Standing, on: date, p: Periods) -> list[str]:
    """Why the organisation may not apply on ``on`` (empty: it may)."""
    found = []
    if full_years(s.registered_on, on) < p.min_full_years:
        found.append(f"取得登记证书未满{p.min_full_years}个年度（第七条）")
    if s.rating_valid_to and on < add_years(s.rating_valid_to, -p.renewal_window_years):
        found.append(
            f"评估等级有效期内，有效期满前{p.renewal_window_years}年内方可申请重新评估（第二十九条）"
        )
    if s.last_year in (None, Result.UNQUALIFIED):
        found.append("上年度未参加年度检查或年度检查不合格（第七条）")
    if s.last_year == Result.BASIC and s.year_before == Result.BASIC:
        found.append("连续2年年度检查基本合格（第七条）")
    if s.penalised_last_year:
        found.append("上年度受到行政处罚（第七条）")
    if s.listed:
        found.append("列入活动异常名录或严重违法失信名单（民发〔2021〕96号）")
    if s.downgraded_on and on < add_years(s.downgraded_on, p.downgrade_ban_years):
        found.append(f"被降低评估等级未满{p.downgrade_ban_years}年（第三十一条）")
    if s.cancelled_on and on < add_years(s.cancelled_on, p.cancel_ban_years):
        found.append(f"被取消评估等级未满{p.cancel_ban_years}年（第三十一条）")
    return found


def valid_until(confirmed_on: date, years: int) -> date:
    """第二十八条: 有效期5年 — the last day the level holds."""
    return add_days(add_years(confirmed_on, years), -1)


def answer_due(objected_on: date, days: int) -> date:
    """第二十三条: 复核 and written answer within 15 days of the objection."""
    return add_days(objected_on, days)


def plaque_due(changed_on: date, days: int) -> date:
    """第三十三条: 牌匾和证书 returned within 15 days of the downgrade or cancellation."""
    return add_days(changed_on, days)
