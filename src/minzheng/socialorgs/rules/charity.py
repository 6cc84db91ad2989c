"""慈善 (pure): the decision clocks, 公开募捐资格, 募捐方案备案, 募捐情况公开 and 慈善信托备案.

Sources (read in LawRefBook/Laws ``社会法/慈善法(2023-12-29).md`` and 《慈善组织公开募捐管理办法》民政部令第74号,
2024-09-05):
- 《慈善法》第十条: 设立慈善组织 — 受理之日起 **30日** 内决定; 已设立的基金会、社会团体、社会服务机构 申请 **认定** — **20日**.
- 第二十二条 / 办法第五条、第七条: 依法登记满 **一年** (或认定为慈善组织满一年) 可申请公开募捐资格, **20日** 内决定;
  第五条 (五) 上一年度年度支出和管理费用符合规定, (七) 评估 **3A** 及以上且在有效期内 (登记成立不满 **二年** 的除外),
  (八) 未纳入活动异常名录或严重违法失信名单, (九) 申请前一年未受行政处罚.
- 第二十四条 / 办法第十一条: 募捐方案 **开展公开募捐活动十日前** 备案; 第七十三条 / 办法第十三条: 为应对重大突发事件,
  **活动开始后十日内** 补办备案.
- 第七十九条 / 办法第二十一条: 公开募捐周期 **超过六个月** 的, 至少 **每三个月** 公开一次募捐情况, 活动结束后 **三个月内**
  全面公开.
- 第四十五条: 慈善信托文件签订之日起 **七日** 内备案 (未备案的不享受税收优惠); 第四十八条: 变更受托人 **七日** 内重新备案.

Periods in days do not count the start day (《民法典》第二百零一条); month periods end on the same day number
(clamped to the month's end).
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .dates import add_days, add_months, add_years


class CharityMatter(StrEnum):
    RECOGNITION = "recognition"  # 认定为慈善组织 (第十条第二款)
    FUNDRAISING = "fundraising"  # 公开募捐资格 (第二十二条)


MATTER_LABELS = {CharityMatter.RECOGNITION: "认定为慈善组织", CharityMatter.FUNDRAISING: "公开募捐资格"}


@dataclass(frozen=True)
class CharityPeriods:
    """The figures of the texts above (policy parameters per division, dated)."""

    registration_days: int = 30
    recognition_days: int = 20
    fundraising_days: int = 20
    fundraising_min_years: int = 1
    rating_exempt_years: int = 2
    min_rating_level: int = 3
    plan_lead_days: int = 10
    emergency_grace_days: int = 10
    disclosure_long_months: int = 6
    disclosure_every_months: int = 3
    final_disclosure_months: int = 3
    trust_filing_days: int = 7


def decision_due(matter: CharityMatter | None, received_on: date, periods: CharityPeriods) -> date:
    """第十条 / 第二十二条: 登记 30 日, 认定 20 日, 公开募捐资格 20 日 (``None`` = 设立登记为慈善组织)."""
    days = {
        None: periods.registration_days,
        CharityMatter.RECOGNITION: periods.recognition_days,
        CharityMatter.FUNDRAISING: periods.fundraising_days,
    }[matter]
    return add_days(received_on, days)


@dataclass(frozen=True)
class FundraisingStanding:
    """What 办法第五条 reads of the organisation on the day of the application (facts the records hold; the
    governance conditions (一)–(四)(六) are checked by staff on the documents)."""

    charity_since: date | None  # 登记或认定为慈善组织之日
    registered_on: date  # 登记成立之日
    rating_level: int | None  # 有效期内的评估等级 (None: none in force)
    listed: bool  # 在活动异常名录或严重违法失信名单
    spending_compliant: bool | None  # 上一年度支出和管理费用符合规定 (None: 上一年度报告未报送)
    penalised_last_year: bool  # 申请前一年受到行政处罚


def fundraising_ineligibility(s: FundraisingStanding, on: date, p: CharityPeriods) -> list[str]:
    """The 办法第五条 conditions ``s`` fails on ``on``, each in Chinese; empty when the facts allow it."""
    reasons = []
    if s.charity_since is None:
        reasons.append("尚未登记或认定为慈善组织（《慈善法》第二十二条）")
    elif add_years(s.charity_since, p.fundraising_min_years) > on:
        reasons.append(f"登记或认定为慈善组织未满{p.fundraising_min_years}年（《慈善法》第二十二条）")
    young = add_years(s.registered_on, p.rating_exempt_years) > on
    if not young and (s.rating_level is None or s.rating_level < p.min_rating_level):
        reasons.append(f"评估等级未达到{p.min_rating_level}A或已过有效期（办法第五条第七项）")
    if s.listed:
        reasons.append("列入活动异常名录或严重违法失信名单（办法第五条第八项）")
    if s.spending_compliant is None:
        reasons.append("未报送上一年度工作报告（办法第五条第六项）")
    elif not s.spending_compliant:
        reasons.append("上一年度慈善活动支出或管理费用不符合规定（办法第五条第五项）")
    if s.penalised_last_year:
        reasons.append("申请前一年受到行政处罚（办法第五条第九项）")
    return reasons


def plan_filing_deadline(starts_on: date, emergency: bool, p: CharityPeriods) -> date:
    """The last day the 募捐方案 may be filed: 开展公开募捐活动十日前 (办法第十一条) — at least ten days before the
    start (start 11 March → filed by 1 March); 重大突发事件 → 开始后十日内 (第七十三条: start 11 March → by 21 March)."""
    if emergency:
        return add_days(starts_on, p.emergency_grace_days)
    return add_days(starts_on, -p.plan_lead_days)


def plan_filed_late(starts_on: date, filed_on: date, emergency: bool, p: CharityPeriods) -> bool:
    return filed_on > plan_filing_deadline(starts_on, emergency, p)


def is_long_campaign(starts_on: date, ends_on: date, p: CharityPeriods) -> bool:
    """公开募捐周期超过六个月 (第七十九条): the campaign runs past the day six months after its start."""
    return ends_on > add_months(starts_on, p.disclosure_long_months)


@dataclass(frozen=True)
class DisclosureDue:
    due_on: date
    final: bool  # 结束后的全面公开 (else a periodic one)


def next_disclosure(
    starts_on: date, ends_on: date, disclosures: list[date], p: CharityPeriods
) -> DisclosureDue | None:
    """The next 募捐情况公开 a campaign owes (第七十九条第二款): for a campaign of more than six months, three months
    after the start or the last disclosure while that falls on or before the end, then the full disclosure three
    months after the end; ``None`` once that is made (a disclosure dated after the end), or for a shorter
    campaign (the text sets no clock for it)."""
    if not is_long_campaign(starts_on, ends_on, p):
        return None
    if any(d > ends_on for d in disclosures):
        return None
    last = max([d for d in disclosures if d >= starts_on], default=starts_on)
    periodic = add_months(last, p.disclosure_every_months)
    if periodic <= ends_on:
        return DisclosureDue(periodic, final=False)
    return DisclosureDue(add_months(ends_on, p.final_disclosure_months), final=True)


def trust_filing_deadline(signed_on: date, p: CharityPeriods) -> date:
    """第四十五条 (设立) / 第四十八条 (变更受托人): 七日内备案."""
    return add_days(signed_on, p.trust_filing_days)


def trust_filed_late(signed_on: date, filed_on: date, p: CharityPeriods) -> bool:
    """Filed after the seventh day → 不享受税收优惠 (第四十五条第二款)."""
    return filed_on > trust_filing_deadline(signed_on, p)
