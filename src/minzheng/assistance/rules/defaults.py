"""National default parameters: the seed for the dated, per-division parameter records.

Rules never read these; the parameter store copies them into its first records (validity from the
document's date) and localities override them. Each figure names its source.
"""

from decimal import Decimal

from .care import CareGrade
from .deadlines import DayKind, DibaoTimeLimits, TekunTimeLimits
from .reviews import ReviewCycle

# 民政部 2021 低收入人口认定 / provincial plans: 低保边缘 per-capita income ≤ 1.5 × 低保标准.
DIBAO_EDGE_MULTIPLIER = Decimal("1.5")

# Provincial plans: 特困人员基本生活标准 ≥ 1.3 × 低保标准; the same figure serves as the floor.
TEKUN_BASIC_MULTIPLIER = Decimal("1.3")
TEKUN_MINIMUM_MULTIPLIER = Decimal("1.3")

# 《特困人员认定办法》(2021): 4 or more of the six activities unable → 完全丧失生活自理能力.
TEKUN_FULLY_LOST_FROM = 4

# 民发〔2021〕57号: 渐退期 at most 6 months.
DIBAO_MAX_EXIT_MONTHS = 6

# 民发〔2021〕57号: confirmation within 10 working days; whole procedure 30 (township-decided 20), up to 45.
DIBAO_TIME_LIMITS = DibaoTimeLimits(
    confirmation_after_township_opinion=10,
    whole_procedure_county=30,
    whole_procedure_township=20,
    whole_procedure_extended=45,
)

# 《特困人员认定办法》(2021): township 15 and county 15 working days.
TEKUN_TIME_LIMITS = TekunTimeLimits(township_review=15, county_decision=15)

# 民发〔2021〕57号 and 《特困人员认定办法》(2021): 公示 7 days (some provinces: 7 working days).
PUBLICITY_DAYS = 7
PUBLICITY_DAY_KIND = DayKind.CALENDAR

# 民发〔2021〕57号: yearly for stable special-difficulty households, half-yearly for others.
REVIEW_CYCLE = ReviewCycle(stable_special_months=12, other_months=6, close_watch_months=3)

# Care grades have no national amount: each division must set them. Listed so seeding knows the keys.
CARE_GRADES = tuple(CareGrade)
