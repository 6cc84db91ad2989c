"""Shipped 社会救助 data: the programs and the 保障标准 the seed plans state (parameters: ``policy_parameters``).

Each row carries its source. Plans often give only a year ("2020年", "十三五末"): such a figure is recorded as
effective from 1 January of that year, and the note says so — confirm the exact date against the local
document before computing benefits from it. ``load_assistance_policy`` writes these rows idempotently.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models.choices import Area, BenefitFormula, DecidingLevel, ProgramCategory, StandardKind, StandardPeriod

LIAONING = "210000000000"
DANDONG = "210600000000"
FUXIN = "210900000000"
HUNNAN = "210112000000"  # 沈阳市浑南区

MINJI_57 = "民政部《最低生活保障审核确认办法》（民发〔2021〕57号）"
TEKUN_2021 = "民政部《特困人员认定办法》（民发〔2021〕43号）"
LN_PLAN = "《辽宁省民政事业发展第十四个五年规划》"
DD_PLAN = "《丹东市民政事业发展第十四个五年规划》"
FX_PLAN = "《阜新市民政事业发展第十四个五年规划》"
HN_PLAN = "《沈阳市浑南区民政事业发展第十四个五年规划》"
GUOFA_52 = "国务院《关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）"
YEAR_ONLY = "规划只载年份，生效日按当年1月1日记录，请以本地文件核实"

RULES_IN_FORCE = date(2021, 7, 1)  # 民发〔2021〕57号 and the 2021 特困人员认定办法 took effect
PLAN_PERIOD_START = date(2021, 1, 1)
TWO_ALLOWANCES_FROM = date(
    2016, 1, 1
)  # 国发〔2015〕52号: 自2016年1月1日起全面实施  # 十四五 plans: 2021–2025
PLAN_PERIOD_END = date(2025, 12, 31)


@dataclass(frozen=True)
class SeedProgram:
    code: str
    category: str
    formula: str
    base_standard: str
    area: str = Area.ALL
    review_cycle_months: int | None = 12
    deciding_level: str = DecidingLevel.COUNTY
    policy_basis: str = ""


@dataclass(frozen=True)
class SeedStandard:
    kind: str
    area: str
    division_code: str
    effective_from: date
    amount: Decimal
    period: str
    source_note: str
    is_reference_average: bool = False


PROGRAMS: tuple[SeedProgram, ...] = (
    SeedProgram("dibao_urban", ProgramCategory.DIBAO_URBAN, BenefitFormula.TOP_UP, StandardKind.DIBAO, Area.URBAN, None, policy_basis=MINJI_57),
    SeedProgram("dibao_rural", ProgramCategory.DIBAO_RURAL, BenefitFormula.TOP_UP, StandardKind.DIBAO, Area.RURAL, None, policy_basis=MINJI_57),
    SeedProgram("tekun_centralised", ProgramCategory.TEKUN_CENTRALISED, BenefitFormula.STANDARD_PLUS_CARE, StandardKind.TEKUN_BASIC, policy_basis=TEKUN_2021),
    SeedProgram("tekun_dispersed", ProgramCategory.TEKUN_DISPERSED, BenefitFormula.STANDARD_PLUS_CARE, StandardKind.TEKUN_BASIC, policy_basis=TEKUN_2021),
    SeedProgram("dibao_edge", ProgramCategory.DIBAO_EDGE, BenefitFormula.ELIGIBILITY_ONLY, StandardKind.DIBAO_EDGE, policy_basis="民政部 2021 低收入人口认定；各规划：低保标准的1.5倍"),
    SeedProgram("expenditure_hardship", ProgramCategory.EXPENDITURE_HARDSHIP, BenefitFormula.ELIGIBILITY_ONLY, StandardKind.DIBAO, policy_basis="民政部 2021 低收入人口认定（刚性支出困难家庭）"),
    SeedProgram("temporary_emergency", ProgramCategory.TEMPORARY_EMERGENCY, BenefitFormula.MULTIPLE_OF_STANDARD, StandardKind.DIBAO, review_cycle_months=None, deciding_level=DecidingLevel.TOWNSHIP, policy_basis="国发〔2014〕47号；乡镇（街道）备用金先行救助"),
    SeedProgram("temporary_expenditure", ProgramCategory.TEMPORARY_EXPENDITURE, BenefitFormula.MULTIPLE_OF_STANDARD, StandardKind.DIBAO, review_cycle_months=None, policy_basis="国发〔2014〕47号"),
    SeedProgram("orphan_centralised", ProgramCategory.ORPHAN_CENTRALISED, BenefitFormula.FIXED_MONTHLY, StandardKind.ORPHAN_CENTRALISED, policy_basis="孤儿基本生活保障"),
    SeedProgram("orphan_scattered", ProgramCategory.ORPHAN_SCATTERED, BenefitFormula.FIXED_MONTHLY, StandardKind.ORPHAN_SCATTERED, policy_basis="孤儿基本生活保障"),
    SeedProgram("de_facto_unattended_child", ProgramCategory.DE_FACTO_UNATTENDED_CHILD, BenefitFormula.FIXED_MONTHLY, StandardKind.DE_FACTO_UNATTENDED_CHILD, policy_basis="民发〔2019〕62号"),
    SeedProgram("disability_living", ProgramCategory.DISABILITY_LIVING, BenefitFormula.FIXED_MONTHLY, StandardKind.DISABILITY_LIVING, policy_basis="国发〔2015〕52号"),
    SeedProgram("disability_care", ProgramCategory.DISABILITY_CARE, BenefitFormula.FIXED_MONTHLY, StandardKind.DISABILITY_CARE, policy_basis="国发〔2015〕52号"),
    SeedProgram("longevity", ProgramCategory.LONGEVITY, BenefitFormula.FIXED_MONTHLY, StandardKind.LONGEVITY, policy_basis="地方高龄津贴办法（如浑南区：90周岁及以上）"),
    SeedProgram("elderly_hardship", ProgramCategory.ELDERLY_HARDSHIP, BenefitFormula.FIXED_MONTHLY, StandardKind.ELDERLY_HARDSHIP, policy_basis="地方经济困难老年人补贴办法"),
)  # fmt: skip


STANDARDS: tuple[SeedStandard, ...] = (
    SeedStandard(StandardKind.DIBAO, Area.URBAN, DANDONG, date(2016, 1, 1), Decimal("500"), StandardPeriod.PER_MONTH, f"{DD_PLAN}：2016年城市低保对象每人每月500元；{YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, DANDONG, date(2016, 1, 1), Decimal("3372"), StandardPeriod.PER_YEAR, f"{DD_PLAN}：2016年农村低保对象每人每年3372元；{YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.URBAN, DANDONG, date(2020, 1, 1), Decimal("663"), StandardPeriod.PER_MONTH, f"{DD_PLAN}：2020年城市每人每月663元；{YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, DANDONG, date(2020, 1, 1), Decimal("5052"), StandardPeriod.PER_YEAR, f"{DD_PLAN}：2020年农村每人每年5052元；{YEAR_ONLY}"),
    SeedStandard(StandardKind.ORPHAN_CENTRALISED, Area.ALL, DANDONG, date(2020, 1, 1), Decimal("1638"), StandardPeriod.PER_MONTH, f"{DD_PLAN}：集中供养孤儿养育标准提高到每人每月1638元（十三五末）；{YEAR_ONLY}"),
    SeedStandard(StandardKind.ORPHAN_SCATTERED, Area.ALL, DANDONG, date(2020, 1, 1), Decimal("1284"), StandardPeriod.PER_MONTH, f"{DD_PLAN}：散居孤儿养育标准提高到每人每月1284元（十三五末）；{YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.URBAN, FUXIN, date(2020, 1, 1), Decimal("624"), StandardPeriod.PER_MONTH, f"{FX_PLAN}：城乡低保标准分别达到624元/人/月和5000元/人/年（十三五末）；{YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, FUXIN, date(2020, 1, 1), Decimal("5000"), StandardPeriod.PER_YEAR, f"{FX_PLAN}：城乡低保标准分别达到624元/人/月和5000元/人/年（十三五末）；{YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.URBAN, LIAONING, date(2020, 1, 1), Decimal("672"), StandardPeriod.PER_MONTH, f"{LN_PLAN}：城市低保平均标准672元/人/月（十三五末）；全省平均，不用于计发", True),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, LIAONING, date(2020, 1, 1), Decimal("5558"), StandardPeriod.PER_YEAR, f"{LN_PLAN}：农村低保平均标准5558元/人/年（十三五末）；全省平均，不用于计发", True),
)  # fmt: skip

HOLIDAY_SEED_YEARS = range(2020, 2027)
