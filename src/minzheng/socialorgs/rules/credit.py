"""活动异常名录 and 严重违法失信名单: time-bounded states with reason codes (pure).

《社会组织信用信息管理办法》(民政部令第60号, 2018) [W10], as ``domain-rules-2.md`` §4.2 reads it:
- 列入 within 5 working days of the ground being established (第八条/第十条: 信用信息 “5个工作日内” entered).
- 活动异常 grounds (第十条): 未按规定报送年度工作报告; 应建立未建立党组织; 未按登记管理机关要求整改; 公开募捐资格
  条件不再具备; 受到警告或不满5万元罚款; 通过登记的住所无法与之取得联系.
- 移出 活动异常 (第十一条/第十二条): after the obligation is fulfilled — within 5 working days of verification; where
  nothing is to fix (a warning or small fine), automatically 6 months after listing. **A new ground while listed
  restarts that clock.** 列入活动异常名录满2年 → 严重违法失信名单 (第十三条) — counted from the first listing of the
  episode (a new ground does not postpone it; see docs/adr/0027-social-organisation-credit-clocks.md).
- 严重违法失信 grounds (第十三条): 活动异常满2年; 弄虚作假办理变更登记被撤销; 受到限期停止活动; 5万元以上罚款;
  3年内2次以上警告或不满5万元罚款; 被列为失信被执行人; 被撤销登记或吊销证书.
- 移出 严重违法失信 (第十五条): 2 years after listing with no new ground (a new ground restarts the 2 years); an
  organisation moved there from 活动异常 must also have fulfilled the original obligation.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .dates import add_months, add_years


class ListKind(StrEnum):
    ABNORMAL = "abnormal"  # 活动异常名录
    SERIOUS = "serious"  # 严重违法失信名单


class Reason(StrEnum):
    NO_ANNUAL_REPORT = "no_annual_report"
    NO_PARTY_ORGANISATION = "no_party_organisation"
    RECTIFICATION_NOT_DONE = "rectification_not_done"
    FUNDRAISING_CONDITIONS_LOST = "fundraising_conditions_lost"
    WARNING_OR_SMALL_FINE = "warning_or_small_fine"
    UNREACHABLE = "unreachable"
    ABNORMAL_TWO_YEARS = "abnormal_two_years"
    FRAUDULENT_CHANGE_REVOKED = "fraudulent_change_revoked"
    ORDERED_TO_STOP = "ordered_to_stop"
    LARGE_FINE = "large_fine"
    REPEATED_PENALTIES = "repeated_penalties"
    DISHONEST_DEBTOR = "dishonest_debtor"
    REGISTRATION_REVOKED = "registration_revoked"


REASON_LABELS = {
    Reason.NO_ANNUAL_REPORT: "未按规定报送年度工作报告（年检）",
    Reason.NO_PARTY_ORGANISATION: "未按规定建立党组织",
    Reason.RECTIFICATION_NOT_DONE: "未按登记管理机关要求完成整改",
    Reason.FUNDRAISING_CONDITIONS_LOST: "具有公开募捐资格的慈善组织不再具备条件",
    Reason.WARNING_OR_SMALL_FINE: "受到警告或不满5万元罚款的行政处罚",
    Reason.UNREACHABLE: "通过登记的住所无法与其取得联系",
    Reason.ABNORMAL_TWO_YEARS: "被列入活动异常名录满2年",
    Reason.FRAUDULENT_CHANGE_REVOKED: "弄虚作假办理变更登记，被撤销变更登记",
    Reason.ORDERED_TO_STOP: "受到限期停止活动的行政处罚",
    Reason.LARGE_FINE: "受到5万元以上罚款的行政处罚",
    Reason.REPEATED_PENALTIES: "3年内2次以上受到警告或不满5万元罚款",
    Reason.DISHONEST_DEBTOR: "被人民法院依法列为失信被执行人",
    Reason.REGISTRATION_REVOKED: "被撤销登记或吊销登记证书",
}
LIST_OF = {
    **{
        r: ListKind.ABNORMAL
        for r in (
            Reason.NO_ANNUAL_REPORT,
            Reason.NO_PARTY_ORGANISATION,
            Reason.RECTIFICATION_NOT_DONE,
            Reason.FUNDRAISING_CONDITIONS_LOST,
            Reason.WARNING_OR_SMALL_FINE,
            Reason.UNREACHABLE,
        )
    },
    **{
        r: ListKind.SERIOUS
        for r in (
            Reason.ABNORMAL_TWO_YEARS,
            Reason.FRAUDULENT_CHANGE_REVOKED,
            Reason.ORDERED_TO_STOP,
            Reason.LARGE_FINE,
            Reason.REPEATED_PENALTIES,
            Reason.DISHONEST_DEBTOR,
            Reason.REGISTRATION_REVOKED,
        )
    },
}
# Grounds with nothing for the organisation to do: the listing ends by itself (活动异常: after 6 months).
NOTHING_TO_FIX = frozenset({Reason.WARNING_OR_SMALL_FINE})


@dataclass(frozen=True)
class Clocks:
    """The periods, as the policy store holds them (5 WD, 6 months, 2 years, 2 years)."""

    listing_working_days: int
    abnormal_auto_removal_months: int
    escalation_years: int
    serious_removal_years: int


@dataclass(frozen=True)
class Ground:
    reason: Reason
    listed_on: date  # the day this ground was added to the listing
    fixed_on: date | None = None  # the day its rectification was verified (None: open, or nothing to fix)


def clock_start(grounds: list[Ground]) -> date:
    """The removal clock runs from the latest ground added (a new ground restarts it)."""
    return max(g.listed_on for g in grounds)


def needs_fixing(reason: Reason) -> bool:
    """活动异常 grounds other than a warning/small fine ask the organisation to act; 严重违法失信 grounds are
    served by time (2 years), except those carried over from 活动异常."""
    return LIST_OF[reason] == ListKind.ABNORMAL and reason not in NOTHING_TO_FIX


def open_obligations(grounds: list[Ground]) -> list[Ground]:
    return [g for g in grounds if needs_fixing(g.reason) and g.fixed_on is None]


def abnormal_auto_removal_on(grounds: list[Ground], clocks: Clocks) -> date | None:
    """活动异常: the day the listing ends by itself — only when every ground has nothing to fix: 6 months after
    the latest ground. ``None`` while any ground asks the organisation to act (removal then follows
    verification, ``removal_due``)."""
    if any(g.reason not in NOTHING_TO_FIX for g in grounds):
        return None
    return add_months(clock_start(grounds), clocks.abnormal_auto_removal_months)


def removal_due(fixed_on: date, add_working_days, clocks: Clocks) -> date:
    """移出 within 5 working days of verifying the obligation fulfilled (``add_working_days(start, n)``)."""
    return add_working_days(fixed_on, clocks.listing_working_days)


def listing_due(ground_established_on: date, add_working_days, clocks: Clocks) -> date:
    """列入 within 5 working days of the ground being established."""
    return add_working_days(ground_established_on, clocks.listing_working_days)


def escalation_on(first_listed_on: date, clocks: Clocks) -> date:
    """活动异常满2年 → 严重违法失信: the day two years after the episode's first listing."""
    return add_years(first_listed_on, clocks.escalation_years)


def serious_removal_on(grounds: list[Ground], clocks: Clocks) -> date | None:
    """严重违法失信: removable 2 years after the latest ground; ``None`` while an obligation carried over from
    活动异常 (or any fixable ground) is still open."""
    if open_obligations(grounds):
        return None
    return add_years(clock_start(grounds), clocks.serious_removal_years)


def abnormal_removable(grounds: list[Ground], today: date, clocks: Clocks) -> bool:
    """Can staff remove the listing now: no open obligation, and — for a ground with nothing to fix — its
    6 months have passed (a listing mixing both waits for both)."""
    if open_obligations(grounds):
        return False
    passive = any(g.reason in NOTHING_TO_FIX for g in grounds)
    return not (passive and today < add_months(clock_start(grounds), clocks.abnormal_auto_removal_months))


# Which grounds the public query shows: the list, the reason, the listing date and the deciding office
# (第十六条: 信用信息 通过统一信息平台向社会公开) — never the evidence, the officers or the objections.
PUBLIC_FIELDS = ("name", "uscc", "list_kind", "reasons", "listed_on", "office")
