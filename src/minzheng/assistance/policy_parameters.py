"""The policy parameters 社会救助 reads (认定标准, 计发, 临时救助, 办理时限, 动态管理, 标准调整) and the values
shipped with them: national defaults from the rules' texts and the figures the seed plans state."""

from datetime import date
from decimal import Decimal

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

from .policy_seed import (
    DANDONG,
    DD_PLAN,
    FUXIN,
    FX_PLAN,
    GUOFA_52,
    HN_PLAN,
    HUNNAN,
    LIAONING,
    LN_PLAN,
    MINJI_57,
    PLAN_PERIOD_END,
    PLAN_PERIOD_START,
    RULES_IN_FORCE,
    TEKUN_2021,
    TWO_ALLOWANCES_FROM,
    YEAR_ONLY,
)
from .rules import defaults

_DAY_KINDS = ("自然日", "工作日")

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec("dibao_edge_multiplier", "低保边缘认定标准倍数（×低保标准）", "倍", group="认定标准"),
    ParameterSpec("dibao_edge_multiplier_max", "低保边缘认定标准倍数上限", "倍", group="认定标准"),
    ParameterSpec("tekun_basic_multiplier", "特困基本生活标准倍数（×低保标准）", "倍", group="认定标准"),
    ParameterSpec("tekun_multiplier_min", "特困基本生活标准倍数下限", "倍", group="认定标准"),
    ParameterSpec(
        "tekun_fully_lost_from",
        "完全丧失生活自理能力：不能完成的日常活动项数",
        "项",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "tekun_minor_entry_age",
        "特困供养未成年人年龄上限（周岁以下）",
        "周岁",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "tekun_elderly_age",
        "特困无劳动能力：老年人年龄（周岁及以上）",
        "周岁",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "tekun_disability_max_grade_intellectual_mental",
        "特困无劳动能力：智力、精神残疾等级（该级及以上）",
        "级",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "tekun_disability_max_grade_physical",
        "特困无劳动能力：肢体残疾等级（该级及以上）",
        "级",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "tekun_disability_max_grade_visual",
        "特困无劳动能力：视力残疾等级（该级及以上）",
        "级",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "disability_living_includes_dibao_edge",
        "困难残疾人生活补贴：扩大至低保边缘家庭",
        "",
        ValueType.CHOICE,
        ("否", "是"),
        group="认定标准",
    ),
    ParameterSpec(
        "disability_care_mental_grades_3_4",
        "重度残疾人护理补贴：扩大至三、四级智力、精神残疾人",
        "",
        ValueType.CHOICE,
        ("否", "是"),
        group="认定标准",
    ),
    ParameterSpec(
        "dibao_edge_asset_limit_months",
        "低保边缘家庭金融资产上限（×月低保标准×人数；未设置按低保限额）",
        "月",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "clergy_exclusion_years",
        "宗教教职人员在宗教场所居住满几年不计入共同生活家庭成员",
        "年",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec(
        "job_refusals_limit",
        "无正当理由拒绝介绍工作几次停发本人低保金",
        "次",
        ValueType.INTEGER,
        group="计发",
    ),
    ParameterSpec(
        "review_after_death_months", "家庭成员死亡后几个月内复核", "月", ValueType.INTEGER, group="动态管理"
    ),
    ParameterSpec(
        "tekun_reassessment_working_days",
        "特困：生活自理能力变化后重新评估时限",
        "工作日",
        ValueType.INTEGER,
        group="动态管理",
    ),
    ParameterSpec(
        "asset_limit_months",
        "家庭存款等金融资产上限（×月低保标准×人数）",
        "月",
        ValueType.INTEGER,
        group="认定标准",
    ),
    ParameterSpec("dibao_minimum_per_person", "低保金保底（每人每月）", "元", group="计发"),
    ParameterSpec("gradual_exit_months", "渐退期", "月", ValueType.INTEGER, group="计发"),
    ParameterSpec("temporary_assistance_months", "临时救助：月低保标准倍数", "倍", group="临时救助"),
    ParameterSpec("temporary_assistance_cap", "临时救助：单次救助上限", "元", group="临时救助"),
    ParameterSpec(
        "township_reserve_per_resident",
        "乡镇（街道）临时救助备用金（按户籍人口每人每年）",
        "元",
        group="临时救助",
    ),
    ParameterSpec("publicity_days", "公示期", "天", ValueType.INTEGER, group="办理时限"),
    ParameterSpec("publicity_day_kind", "公示期计算方式", "", ValueType.CHOICE, _DAY_KINDS, group="办理时限"),
    ParameterSpec(
        "dibao_decision_working_days",
        "低保：县级收到审核意见后确认时限",
        "工作日",
        ValueType.INTEGER,
        group="办理时限",
    ),
    ParameterSpec(
        "dibao_procedure_working_days",
        "低保：全流程时限（县级确认）",
        "工作日",
        ValueType.INTEGER,
        group="办理时限",
    ),
    ParameterSpec(
        "dibao_procedure_township_working_days",
        "低保：全流程时限（乡镇确认）",
        "工作日",
        ValueType.INTEGER,
        group="办理时限",
    ),
    ParameterSpec(
        "dibao_procedure_extended_working_days",
        "低保：特殊情况延长后全流程时限",
        "工作日",
        ValueType.INTEGER,
        group="办理时限",
    ),
    ParameterSpec(
        "tekun_township_review_working_days",
        "特困：乡镇审核时限",
        "工作日",
        ValueType.INTEGER,
        group="办理时限",
    ),
    ParameterSpec(
        "tekun_county_decision_working_days",
        "特困：县级确认时限",
        "工作日",
        ValueType.INTEGER,
        group="办理时限",
    ),
    ParameterSpec("tekun_county_spot_check_share", "特困：县级抽查比例下限", "比例", group="办理时限"),
    ParameterSpec(
        "review_months_stable_special",
        "分类复核周期：收入稳定（短期内经济状况变化不大）的家庭",
        "月",
        ValueType.INTEGER,
        group="动态管理",
    ),
    ParameterSpec("review_months_other", "分类复核周期：其他家庭", "月", ValueType.INTEGER, group="动态管理"),
    ParameterSpec(
        "review_months_close_watch",
        "分类复核周期：重点关注家庭（地方层级）",
        "月",
        ValueType.INTEGER,
        group="动态管理",
    ),
    ParameterSpec("dibao_increment_elderly", "分类施保：老年人每人每月增发", "元", group="计发"),
    ParameterSpec(
        "dibao_increment_severely_disabled", "分类施保：重度残疾人每人每月增发", "元", group="计发"
    ),
    ParameterSpec("dibao_increment_seriously_ill", "分类施保：重病患者每人每月增发", "元", group="计发"),
    ParameterSpec("dibao_increment_minor", "分类施保：未成年人每人每月增发", "元", group="计发"),
    ParameterSpec(
        "dibao_increment_stacking",
        "分类施保：同属多类时",
        "",
        ValueType.CHOICE,
        ("就高", "累加"),
        group="计发",
    ),
    ParameterSpec(
        "elderly_age", "分类施保：老年人年龄（周岁及以上）", "周岁", ValueType.INTEGER, group="计发"
    ),
    ParameterSpec(
        "emergency_advance_case_limit", "急难型临时救助：备用金先行救助单次上限", "元", group="临时救助"
    ),
    ParameterSpec(
        "due_soon_working_days",
        "待办：剩余不超过几个工作日标为即将到期",
        "工作日",
        ValueType.INTEGER,
        group="办理时限",
    ),
    ParameterSpec(
        "review_notice_days", "复核：提前几天生成复核待办", "天", ValueType.INTEGER, group="动态管理"
    ),
    ParameterSpec(
        "registry_task_working_days",
        "登记变更（死亡、迁出、分户）处理时限",
        "工作日",
        ValueType.INTEGER,
        group="动态管理",
    ),
    ParameterSpec(
        "standard_stale_after_months",
        "保障标准超过几个月未调整时提示",
        "月",
        ValueType.INTEGER,
        group="标准调整",
    ),
    ParameterSpec("standard_growth_min_percent", "低保、特困、孤儿标准年均增长下限", "%", group="标准调整"),
)


def _national(name: str, value, note: str, effective_from: date = RULES_IN_FORCE, **extra) -> SeedParameter:
    return national(name, value, note, effective_from, **extra)


_limits = defaults.DIBAO_TIME_LIMITS
_tekun_limits = defaults.TEKUN_TIME_LIMITS
_cycle = defaults.REVIEW_CYCLE

SEEDS: tuple[SeedParameter, ...] = (
    _national("dibao_edge_multiplier", defaults.DIBAO_EDGE_MULTIPLIER, "全国缺省值：低收入人口认定（2021）及各规划，低保标准的1.5倍", PLAN_PERIOD_START),
    _national("tekun_basic_multiplier", defaults.TEKUN_BASIC_MULTIPLIER, "全国缺省值：各规划“原则上不低于低保标准的1.3倍”", PLAN_PERIOD_START),
    _national("tekun_multiplier_min", defaults.TEKUN_MINIMUM_MULTIPLIER, "全国缺省值：各规划“原则上不低于低保标准的1.3倍”", PLAN_PERIOD_START),
    _national("tekun_fully_lost_from", defaults.TEKUN_FULLY_LOST_FROM, f"{TEKUN_2021}：六项中四项及以上不能完成为完全丧失"),
    _national("tekun_minor_entry_age", 16, f"{TEKUN_2021}：未满16周岁的未成年人"),
    _national("tekun_elderly_age", 60, f"{TEKUN_2021}第五条：60周岁以上的老年人为无劳动能力"),
    _national("tekun_disability_max_grade_intellectual_mental", 3, f"{TEKUN_2021}第五条：残疾等级为一、二、三级的智力、精神残疾人"),
    _national("tekun_disability_max_grade_physical", 2, f"{TEKUN_2021}第五条：残疾等级为一、二级的肢体残疾人"),
    _national("tekun_disability_max_grade_visual", 1, f"{TEKUN_2021}第五条：残疾等级为一级的视力残疾人"),
    _national("gradual_exit_months", defaults.DIBAO_MAX_EXIT_MONTHS, f"{MINJI_57}：渐退期最长6个月"),
    _national("publicity_days", defaults.PUBLICITY_DAYS, f"{MINJI_57}：公示7天"),
    _national("publicity_day_kind", None, f"{MINJI_57}：公示7天（部分省份为7个工作日）", text_value=str(defaults.PUBLICITY_DAY_KIND)),
    _national("dibao_decision_working_days", _limits.confirmation_after_township_opinion, f"{MINJI_57}：收到审核意见后10个工作日内确认"),
    _national("dibao_procedure_working_days", _limits.whole_procedure_county, f"{MINJI_57}：自受理之日起30个工作日"),
    _national("dibao_procedure_township_working_days", _limits.whole_procedure_township, f"{MINJI_57}：乡镇（街道）确认的20个工作日"),
    _national("dibao_procedure_extended_working_days", _limits.whole_procedure_extended, f"{MINJI_57}：特殊情况可延长至45个工作日"),
    _national("tekun_township_review_working_days", _tekun_limits.township_review, f"{TEKUN_2021}：乡镇15个工作日"),
    _national("tekun_county_decision_working_days", _tekun_limits.county_decision, f"{TEKUN_2021}：县级15个工作日"),
    _national("tekun_county_spot_check_share", "0.30", f"{TEKUN_2021}：县级抽查不低于30%"),
    _national("review_months_stable_special", _cycle.stable_special_months, f"{MINJI_57}第三十一条：短期内经济状况变化不大的家庭每年核查一次"),
    _national("review_months_other", _cycle.other_months, f"{MINJI_57}第三十一条：收入来源不固定、有劳动能力的家庭每半年核查一次"),
    _national("review_months_close_watch", _cycle.close_watch_months, "地方层级（原2012年办法的按季复核），可不设"),
    _national("standard_stale_after_months", 12, "平台缺省值：各规划要求社会救助标准与物价上涨挂钩、逐年调整，标准超过12个月未调整时提示（不替换现行标准）", date(2016, 1, 1)),
    _national("clergy_exclusion_years", 3, f"{MINJI_57}第七条：连续三年以上脱离家庭独立生活的宗教教职人员不计入共同生活家庭成员"),
    _national("job_refusals_limit", 3, "《社会救助暂行办法》第四十五条：无正当理由连续3次拒绝接受介绍的工作，减发或停发其本人的低保金", date(2014, 5, 1)),
    _national("review_after_death_months", 3, "平台缺省值：家庭成员死亡后3个月内复核家庭经济状况；请以本地文件核实"),
    _national("tekun_reassessment_working_days", 10, f"{TEKUN_2021}：生活自理能力发生变化的，10个工作日内重新组织评估（请以原文核实）"),
    _national("disability_living_includes_dibao_edge", None, f"{GUOFA_52}：低保家庭中的残疾人（有条件的地方可逐步扩大到低收入残疾人，由省级确定）", TWO_ALLOWANCES_FROM, text_value="否"),
    _national("disability_care_mental_grades_3_4", None, f"{GUOFA_52}：残疾等级为一级、二级的重度残疾人（有条件的地方可扩大到非重度智力、精神残疾人）", TWO_ALLOWANCES_FROM, text_value="否"),
    _national("elderly_age", 60, "《中华人民共和国老年人权益保障法》第二条：老年人是指六十周岁以上的公民"),
    _national("due_soon_working_days", 3, "平台缺省值：剩余3个工作日内的待办标为即将到期，可按本地要求调整"),
    _national("review_notice_days", 30, "平台缺省值：复核到期前30天生成复核待办"),
    _national("registry_task_working_days", 10, "平台缺省值：死亡、迁出、分户等变更10个工作日内核实处理"),
    _national("asset_limit_months", 24, "平台示例缺省值（非国家规定）：财产限额由各地规定，请按本地办法核定"),
    SeedParameter("dibao_edge_multiplier", LIAONING, PLAN_PERIOD_START, f"{LN_PLAN}：按照低保标准的1.5-2倍确定低收入（低保边缘）家庭认定标准", Decimal("1.5")),
    SeedParameter("dibao_edge_multiplier_max", LIAONING, PLAN_PERIOD_START, f"{LN_PLAN}：低保标准的1.5-2倍", Decimal("2")),
    SeedParameter("tekun_multiplier_min", LIAONING, PLAN_PERIOD_START, f"{LN_PLAN}：原则上按不低于1.3倍标准确定特困人员基本生活标准", Decimal("1.3")),
    SeedParameter("tekun_minor_entry_age", LIAONING, PLAN_PERIOD_START, f"{LN_PLAN}：将特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁", Decimal("18")),
    SeedParameter("disability_care_mental_grades_3_4", LIAONING, PLAN_PERIOD_START, f"{LN_PLAN}：重度残疾人护理补贴覆盖至三、四级的智力和精神残疾人；{YEAR_ONLY}", text_value="是"),
    SeedParameter("township_reserve_per_resident", LIAONING, PLAN_PERIOD_START, f"{LN_PLAN}：按照人均2元左右水平安排临时救助备用金", Decimal("2")),
    SeedParameter("dibao_edge_multiplier", DANDONG, PLAN_PERIOD_START, f"{DD_PLAN}：按照低保标准的1.5倍确定低收入（低保边缘）家庭认定标准", Decimal("1.5")),
    SeedParameter("township_reserve_per_resident", DANDONG, PLAN_PERIOD_START, f"{DD_PLAN}：按照人均2元左右水平安排临时救助备用金", Decimal("2")),
    SeedParameter("dibao_edge_multiplier", FUXIN, PLAN_PERIOD_START, f"{FX_PLAN}：按照低保标准的1.5倍确定低收入(低保边缘)家庭认定标准", Decimal("1.5")),
    SeedParameter("standard_growth_min_percent", HUNNAN, PLAN_PERIOD_START, f"{HN_PLAN}：城乡最低生活保障、特困供养和孤儿养育标准年均增长不低于7%", Decimal("7"), valid_to=PLAN_PERIOD_END),
)  # fmt: skip
