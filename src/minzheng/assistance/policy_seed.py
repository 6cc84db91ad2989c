"""Shipped policy data: the national defaults (``rules.defaults``) and the figures the seed plans state.

Each row carries its source. Plans often give only a year ("2020年", "十三五末"): such a figure is recorded as
effective from 1 January of that year, and the note says so — confirm the exact date against the local
document before computing benefits from it. ``load_assistance_policy`` writes these rows idempotently.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models.choices import Area, BenefitFormula, DecidingLevel, ProgramCategory, StandardKind, StandardPeriod
from .models.versions import NATIONAL
from .rules import defaults

LIAONING = "210000000000"
DANDONG = "210600000000"
FUXIN = "210900000000"
HUNNAN = "210112000000"  # 沈阳市浑南区

_MINJI_57 = "民政部《最低生活保障审核确认办法》（民发〔2021〕57号）"
_TEKUN_2021 = "民政部《特困人员认定办法》（民发〔2021〕43号）"
_LN_PLAN = "《辽宁省民政事业发展第十四个五年规划》"
_DD_PLAN = "《丹东市民政事业发展第十四个五年规划》"
_FX_PLAN = "《阜新市民政事业发展第十四个五年规划》"
_HN_PLAN = "《沈阳市浑南区民政事业发展第十四个五年规划》"
_GUOFA_52 = "国务院《关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）"
_YEAR_ONLY = "规划只载年份，生效日按当年1月1日记录，请以本地文件核实"

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
class SeedParameter:
    name: str
    division_code: str
    effective_from: date
    source_note: str
    value: Decimal | None = None
    text_value: str = ""
    valid_to: date | None = None


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
    SeedProgram("dibao_urban", ProgramCategory.DIBAO_URBAN, BenefitFormula.TOP_UP, StandardKind.DIBAO, Area.URBAN, None, policy_basis=_MINJI_57),
    SeedProgram("dibao_rural", ProgramCategory.DIBAO_RURAL, BenefitFormula.TOP_UP, StandardKind.DIBAO, Area.RURAL, None, policy_basis=_MINJI_57),
    SeedProgram("tekun_centralised", ProgramCategory.TEKUN_CENTRALISED, BenefitFormula.STANDARD_PLUS_CARE, StandardKind.TEKUN_BASIC, policy_basis=_TEKUN_2021),
    SeedProgram("tekun_dispersed", ProgramCategory.TEKUN_DISPERSED, BenefitFormula.STANDARD_PLUS_CARE, StandardKind.TEKUN_BASIC, policy_basis=_TEKUN_2021),
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


def _national(name: str, value, note: str, effective_from: date = RULES_IN_FORCE, **extra) -> SeedParameter:
    return SeedParameter(
        name, NATIONAL, effective_from, note, Decimal(value) if value is not None else None, **extra
    )


_limits = defaults.DIBAO_TIME_LIMITS
_tekun_limits = defaults.TEKUN_TIME_LIMITS
_cycle = defaults.REVIEW_CYCLE

PARAMETERS: tuple[SeedParameter, ...] = (
    # National defaults (rules/defaults.py), from the document's date.
    _national("dibao_edge_multiplier", defaults.DIBAO_EDGE_MULTIPLIER, "全国缺省值：低收入人口认定（2021）及各规划，低保标准的1.5倍", PLAN_PERIOD_START),
    _national("tekun_basic_multiplier", defaults.TEKUN_BASIC_MULTIPLIER, "全国缺省值：各规划“原则上不低于低保标准的1.3倍”", PLAN_PERIOD_START),
    _national("tekun_multiplier_min", defaults.TEKUN_MINIMUM_MULTIPLIER, "全国缺省值：各规划“原则上不低于低保标准的1.3倍”", PLAN_PERIOD_START),
    _national("tekun_fully_lost_from", defaults.TEKUN_FULLY_LOST_FROM, f"{_TEKUN_2021}：六项中四项及以上不能完成为完全丧失"),
    _national("tekun_minor_entry_age", 16, f"{_TEKUN_2021}：未满16周岁的未成年人"),
    _national("tekun_elderly_age", 60, f"{_TEKUN_2021}第五条：60周岁以上的老年人为无劳动能力"),
    _national("tekun_disability_max_grade_intellectual_mental", 3, f"{_TEKUN_2021}第五条：残疾等级为一、二、三级的智力、精神残疾人"),
    _national("tekun_disability_max_grade_physical", 2, f"{_TEKUN_2021}第五条：残疾等级为一、二级的肢体残疾人"),
    _national("tekun_disability_max_grade_visual", 1, f"{_TEKUN_2021}第五条：残疾等级为一级的视力残疾人"),
    _national("gradual_exit_months", defaults.DIBAO_MAX_EXIT_MONTHS, f"{_MINJI_57}：渐退期最长6个月"),
    _national("publicity_days", defaults.PUBLICITY_DAYS, f"{_MINJI_57}：公示7天"),
    _national("publicity_day_kind", None, f"{_MINJI_57}：公示7天（部分省份为7个工作日）", text_value=str(defaults.PUBLICITY_DAY_KIND)),
    _national("dibao_decision_working_days", _limits.confirmation_after_township_opinion, f"{_MINJI_57}：收到审核意见后10个工作日内确认"),
    _national("dibao_procedure_working_days", _limits.whole_procedure_county, f"{_MINJI_57}：自受理之日起30个工作日"),
    _national("dibao_procedure_township_working_days", _limits.whole_procedure_township, f"{_MINJI_57}：乡镇（街道）确认的20个工作日"),
    _national("dibao_procedure_extended_working_days", _limits.whole_procedure_extended, f"{_MINJI_57}：特殊情况可延长至45个工作日"),
    _national("tekun_township_review_working_days", _tekun_limits.township_review, f"{_TEKUN_2021}：乡镇15个工作日"),
    _national("tekun_county_decision_working_days", _tekun_limits.county_decision, f"{_TEKUN_2021}：县级15个工作日"),
    _national("tekun_county_spot_check_share", "0.30", f"{_TEKUN_2021}：县级抽查不低于30%"),
    _national("review_months_stable_special", _cycle.stable_special_months, f"{_MINJI_57}第三十一条：短期内经济状况变化不大的家庭每年核查一次"),
    _national("review_months_other", _cycle.other_months, f"{_MINJI_57}第三十一条：收入来源不固定、有劳动能力的家庭每半年核查一次"),
    _national("review_months_close_watch", _cycle.close_watch_months, "地方层级（原2012年办法的按季复核），可不设"),
    _national("standard_stale_after_months", 12, "平台缺省值：各规划要求社会救助标准与物价上涨挂钩、逐年调整，标准超过12个月未调整时提示（不替换现行标准）", date(2016, 1, 1)),
    _national("clergy_exclusion_years", 3, f"{_MINJI_57}第七条：连续三年以上脱离家庭独立生活的宗教教职人员不计入共同生活家庭成员"),
    _national("job_refusals_limit", 3, "《社会救助暂行办法》第四十五条：无正当理由连续3次拒绝接受介绍的工作，减发或停发其本人的低保金", date(2014, 5, 1)),
    _national("review_after_death_months", 3, "复核意见（issue 13）：家庭成员死亡后3个月内复核家庭经济状况；请以本地文件核实"),
    _national("tekun_reassessment_working_days", 10, f"{_TEKUN_2021}：生活自理能力发生变化的，10个工作日内重新组织评估（复核意见 issue 13；请以原文核实）"),
    # 残疾人两项补贴 (国发〔2015〕52号, in force 2016-01-01): the national scope; provinces extend it.
    _national("disability_living_includes_dibao_edge", None, f"{_GUOFA_52}：低保家庭中的残疾人（有条件的地方可逐步扩大到低收入残疾人，由省级确定）", TWO_ALLOWANCES_FROM, text_value="否"),
    _national("disability_care_mental_grades_3_4", None, f"{_GUOFA_52}：残疾等级为一级、二级的重度残疾人（有条件的地方可扩大到非重度智力、精神残疾人）", TWO_ALLOWANCES_FROM, text_value="否"),
    # 养老服务 (eldercare app).
    _national("eldercare_reassessment_months", 12, "GB/T 42195-2022《老年人能力评估规范》：无特殊变化时至少每12个月定期评估一次（自标准发布之日记录）", date(2022, 12, 30)),
    _national("eldercare_rectify_general_working_days", 15, "平台示例缺省值（非国家规定）：一般隐患整改期限由检查机关确定，请按本地办法核定", date(2022, 12, 30)),
    _national("eldercare_rectify_major_working_days", 30, "平台示例缺省值（非国家规定）：重大隐患整改期限由检查机关确定，请按本地办法核定", date(2022, 12, 30)),
    _national("eldercare_disabled_from_level", 2, "平台缺省值：中度失能及以上计为失能（特困人员“部分或完全丧失生活自理能力”），请按本地口径核定", date(2022, 12, 30)),
    _national("elderly_age", 60, "《中华人民共和国老年人权益保障法》第二条：老年人是指六十周岁以上的公民"),
    _national("due_soon_working_days", 3, "平台缺省值：剩余3个工作日内的待办标为即将到期，可按本地要求调整"),
    _national("review_notice_days", 30, "平台缺省值：复核到期前30天生成复核待办"),
    _national("registry_task_working_days", 10, "平台缺省值：死亡、迁出、分户等变更10个工作日内核实处理"),
    _national("asset_limit_months", 24, "平台示例缺省值（非国家规定）：财产限额由各地规定，请按本地办法核定"),
    _national("exchange_retention_days", 365, "平台缺省值：部门共享数据原始文件保存一年后清理（现行交付始终保留）"),
    # 辽宁省 plan.
    SeedParameter("dibao_edge_multiplier", LIAONING, PLAN_PERIOD_START, f"{_LN_PLAN}：按照低保标准的1.5-2倍确定低收入（低保边缘）家庭认定标准", Decimal("1.5")),
    SeedParameter("dibao_edge_multiplier_max", LIAONING, PLAN_PERIOD_START, f"{_LN_PLAN}：低保标准的1.5-2倍", Decimal("2")),
    SeedParameter("tekun_multiplier_min", LIAONING, PLAN_PERIOD_START, f"{_LN_PLAN}：原则上按不低于1.3倍标准确定特困人员基本生活标准", Decimal("1.3")),
    SeedParameter("tekun_minor_entry_age", LIAONING, PLAN_PERIOD_START, f"{_LN_PLAN}：将特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁", Decimal("18")),
    SeedParameter("disability_care_mental_grades_3_4", LIAONING, PLAN_PERIOD_START, f"{_LN_PLAN}：重度残疾人护理补贴覆盖至三、四级的智力和精神残疾人；{_YEAR_ONLY}", text_value="是"),
    SeedParameter("township_reserve_per_resident", LIAONING, PLAN_PERIOD_START, f"{_LN_PLAN}：按照人均2元左右水平安排临时救助备用金", Decimal("2")),
    # 丹东市 plan.
    SeedParameter("dibao_edge_multiplier", DANDONG, PLAN_PERIOD_START, f"{_DD_PLAN}：按照低保标准的1.5倍确定低收入（低保边缘）家庭认定标准", Decimal("1.5")),
    SeedParameter("township_reserve_per_resident", DANDONG, PLAN_PERIOD_START, f"{_DD_PLAN}：按照人均2元左右水平安排临时救助备用金", Decimal("2")),
    # 阜新市 plan.
    SeedParameter("dibao_edge_multiplier", FUXIN, PLAN_PERIOD_START, f"{_FX_PLAN}：按照低保标准的1.5倍确定低收入(低保边缘)家庭认定标准", Decimal("1.5")),
    # 浑南区 plan: a target for the plan period only.
    SeedParameter("standard_growth_min_percent", HUNNAN, PLAN_PERIOD_START, f"{_HN_PLAN}：城乡最低生活保障、特困供养和孤儿养育标准年均增长不低于7%", Decimal("7"), valid_to=PLAN_PERIOD_END),
)  # fmt: skip

STANDARDS: tuple[SeedStandard, ...] = (
    SeedStandard(StandardKind.DIBAO, Area.URBAN, DANDONG, date(2016, 1, 1), Decimal("500"), StandardPeriod.PER_MONTH, f"{_DD_PLAN}：2016年城市低保对象每人每月500元；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, DANDONG, date(2016, 1, 1), Decimal("3372"), StandardPeriod.PER_YEAR, f"{_DD_PLAN}：2016年农村低保对象每人每年3372元；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.URBAN, DANDONG, date(2020, 1, 1), Decimal("663"), StandardPeriod.PER_MONTH, f"{_DD_PLAN}：2020年城市每人每月663元；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, DANDONG, date(2020, 1, 1), Decimal("5052"), StandardPeriod.PER_YEAR, f"{_DD_PLAN}：2020年农村每人每年5052元；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.ORPHAN_CENTRALISED, Area.ALL, DANDONG, date(2020, 1, 1), Decimal("1638"), StandardPeriod.PER_MONTH, f"{_DD_PLAN}：集中供养孤儿养育标准提高到每人每月1638元（十三五末）；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.ORPHAN_SCATTERED, Area.ALL, DANDONG, date(2020, 1, 1), Decimal("1284"), StandardPeriod.PER_MONTH, f"{_DD_PLAN}：散居孤儿养育标准提高到每人每月1284元（十三五末）；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.URBAN, FUXIN, date(2020, 1, 1), Decimal("624"), StandardPeriod.PER_MONTH, f"{_FX_PLAN}：城乡低保标准分别达到624元/人/月和5000元/人/年（十三五末）；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, FUXIN, date(2020, 1, 1), Decimal("5000"), StandardPeriod.PER_YEAR, f"{_FX_PLAN}：城乡低保标准分别达到624元/人/月和5000元/人/年（十三五末）；{_YEAR_ONLY}"),
    SeedStandard(StandardKind.DIBAO, Area.URBAN, LIAONING, date(2020, 1, 1), Decimal("672"), StandardPeriod.PER_MONTH, f"{_LN_PLAN}：城市低保平均标准672元/人/月（十三五末）；全省平均，不用于计发", True),
    SeedStandard(StandardKind.DIBAO, Area.RURAL, LIAONING, date(2020, 1, 1), Decimal("5558"), StandardPeriod.PER_YEAR, f"{_LN_PLAN}：农村低保平均标准5558元/人/年（十三五末）；全省平均，不用于计发", True),
)  # fmt: skip

HOLIDAY_SEED_YEARS = range(2020, 2027)
