"""社会救助 policy rules: pure, typed functions — no Django, no ORM, no I/O.

Policy numbers (standards, multipliers, periods, limits) always arrive as arguments from the dated,
per-division parameter records; ``defaults`` holds the national figures used to seed those records.

Modules by responsibility:
    standards        低保标准 resolution; 低保边缘 line; 特困基本生活标准
    standard_raise   提标 preview
    benefits         低保 补差, 分类施保, 渐退
    care             特困: 生活自理能力, 照料护理等级, monthly support
    temporary        临时救助 and 急难型 先行救助
    deadlines        办理时限, 公示, overdue status
    reviews          分类复核 cycles; start/stop/change months
"""

from minzheng.policy.rules import (
    CalendarNotCoveredError,
    WorkingCalendar,
    add_working_days,
    working_days_between,
)

from .benefits import (
    DibaoBenefit,
    FixedIncrement,
    Increment,
    IncrementStacking,
    MemberCategory,
    ShareOfStandardIncrement,
    classified_increment_total,
    dibao_monthly_benefit,
    dibao_top_up,
    gradual_exit_payable,
)
from .care import (
    CareGrade,
    DailyActivity,
    SelfCareAbility,
    TekunSupport,
    care_grade,
    self_care_ability,
    tekun_monthly_support,
)
from .deadlines import (
    DayKind,
    DeadlineStatus,
    DecidingLevel,
    DibaoTimeLimits,
    TekunTimeLimits,
    deadline_status,
    dibao_confirmation_due,
    dibao_procedure_due,
    publicity_end,
    tekun_county_decision_due,
    tekun_township_review_due,
)
from .errors import AssistanceRuleError, StandardNotFoundError
from .money import fen_to_yuan, round_yuan, yuan_to_fen
from .reviews import (
    ReviewCategory,
    ReviewCycle,
    benefit_change_month,
    benefit_start_month,
    next_review_date,
    review_category,
)
from .standard_raise import HouseholdOnPayroll, RaisePreview, RaisePreviewLine, dibao_standard_raise_preview
from .standards import (
    AreaKind,
    MinimumLivingStandard,
    StandardPeriod,
    dibao_edge_income_line,
    monthly_dibao_standard,
    resolve_dibao_standard,
    tekun_basic_living_standard,
)
from .temporary import emergency_advance_amount, temporary_assistance_amount, township_reserve_fund

__all__ = [
    "AreaKind",
    "AssistanceRuleError",
    "CalendarNotCoveredError",
    "CareGrade",
    "DailyActivity",
    "DayKind",
    "DeadlineStatus",
    "DecidingLevel",
    "DibaoBenefit",
    "DibaoTimeLimits",
    "FixedIncrement",
    "HouseholdOnPayroll",
    "Increment",
    "IncrementStacking",
    "MemberCategory",
    "MinimumLivingStandard",
    "RaisePreview",
    "RaisePreviewLine",
    "ReviewCategory",
    "ReviewCycle",
    "SelfCareAbility",
    "ShareOfStandardIncrement",
    "StandardNotFoundError",
    "StandardPeriod",
    "TekunSupport",
    "TekunTimeLimits",
    "WorkingCalendar",
    "add_working_days",
    "benefit_change_month",
    "benefit_start_month",
    "care_grade",
    "classified_increment_total",
    "deadline_status",
    "dibao_confirmation_due",
    "dibao_edge_income_line",
    "dibao_monthly_benefit",
    "dibao_procedure_due",
    "dibao_standard_raise_preview",
    "dibao_top_up",
    "emergency_advance_amount",
    "fen_to_yuan",
    "gradual_exit_payable",
    "monthly_dibao_standard",
    "next_review_date",
    "publicity_end",
    "resolve_dibao_standard",
    "review_category",
    "round_yuan",
    "self_care_ability",
    "tekun_basic_living_standard",
    "tekun_county_decision_due",
    "tekun_monthly_support",
    "tekun_township_review_due",
    "temporary_assistance_amount",
    "township_reserve_fund",
    "working_days_between",
    "yuan_to_fen",
]
