"""特困人员: 生活自理能力 from six daily activities, the care grade, and the monthly support.

Source: 民政部《特困人员认定办法》(2021) — 生活自理能力 is assessed on six activities (eating,
dressing, getting in/out of bed, toileting, walking indoors, bathing); the 照料护理标准 per grade and the
基本生活标准 are set locally.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .errors import AssistanceRuleError
from .money import round_yuan


class DailyActivity(StrEnum):
    """The six activities of daily living the 生活自理能力 assessment looks at."""

    EATING = "吃饭"
    DRESSING = "穿衣"
    TRANSFERRING = "上下床"
    TOILETING = "如厕"
    INDOOR_WALKING = "室内行走"
    BATHING = "洗澡"


class SelfCareAbility(StrEnum):
    """生活自理能力 as the assessment concludes."""

    CAPABLE = "具备生活自理能力"
    PARTLY_LOST = "部分丧失生活自理能力"
    FULLY_LOST = "完全丧失生活自理能力"


class CareGrade(StrEnum):
    """照料护理等级, each with its own monthly 照料护理标准."""

    SELF_CARE = "全自理"
    PARTIAL_CARE = "半护理"
    FULL_CARE = "全护理"


_GRADE_BY_ABILITY = {
    SelfCareAbility.CAPABLE: CareGrade.SELF_CARE,
    SelfCareAbility.PARTLY_LOST: CareGrade.PARTIAL_CARE,
    SelfCareAbility.FULLY_LOST: CareGrade.FULL_CARE,
}


def self_care_ability(unable: Collection[DailyActivity], *, fully_lost_from: int) -> SelfCareAbility:
    """生活自理能力 from the activities the person cannot do.

    None → 具备; some but fewer than ``fully_lost_from`` → 部分丧失; ``fully_lost_from`` or more → 完全丧失.
    Source: 《特困人员认定办法》(2021) (1–3 activities → 部分丧失, 4 or more → 完全丧失, so ``fully_lost_from`` is 4).
    """
    if not 1 < fully_lost_from <= len(DailyActivity):
        raise AssistanceRuleError(f"threshold {fully_lost_from} does not fit six daily activities")
    count = len(set(unable))
    if count == 0:
        return SelfCareAbility.CAPABLE
    if count < fully_lost_from:
        return SelfCareAbility.PARTLY_LOST
    return SelfCareAbility.FULLY_LOST


def care_grade(ability: SelfCareAbility) -> CareGrade:
    """照料护理等级 for an assessed 生活自理能力: 具备 → 全自理, 部分丧失 → 半护理, 完全丧失 → 全护理."""
    return _GRADE_BY_ABILITY[ability]


@dataclass(frozen=True)
class TekunSupport:
    """特困供养金 per month: 基本生活标准 plus the 照料护理 amount for the person's grade."""

    basic_living: Decimal
    care: Decimal

    @property
    def total(self) -> Decimal:
        return self.basic_living + self.care


def tekun_monthly_support(
    basic_living_standard: Decimal, grade: CareGrade, care_amounts: Mapping[CareGrade, Decimal]
) -> TekunSupport:
    """特困人员 monthly support = 基本生活标准 + 照料护理标准 of the care grade.

    Source: 《社会救助暂行办法》(国务院令第649号) and 《特困人员认定办法》(2021); the care amounts per grade are
    local parameters (often a share of the local minimum wage or a fixed figure).
    """
    if grade not in care_amounts:
        raise AssistanceRuleError(f"no 照料护理标准 configured for {grade.value}")
    care = care_amounts[grade]
    if basic_living_standard < 0 or care < 0:
        raise AssistanceRuleError("standards cannot be negative")
    return TekunSupport(basic_living=round_yuan(basic_living_standard), care=round_yuan(care))
