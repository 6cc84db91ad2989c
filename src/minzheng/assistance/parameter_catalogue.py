"""政策参数目录: every parameter name the platform reads, with its label, unit and how it is entered.

A name not listed here cannot be set (a typo would silently never be read). Values live in
``PolicyParameter`` rows; the shipped ones are in ``policy_seed``.
"""

from dataclasses import dataclass
from enum import StrEnum


class ValueType(StrEnum):
    DECIMAL = "decimal"
    INTEGER = "integer"
    CHOICE = "choice"


@dataclass(frozen=True)
class ParameterSpec:
    name: str
    label: str
    unit: str
    value_type: ValueType = ValueType.DECIMAL
    choices: tuple[str, ...] = ()
    group: str = "社会救助"


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
    ParameterSpec(
        "exchange_retention_days",
        "部门共享数据原始文件保存期限（全市/全省统一，按全国行读取）",
        "天",
        ValueType.INTEGER,
        group="家庭经济状况核对",
    ),
    # 养老服务 (eldercare app).
    ParameterSpec(
        "eldercare_reassessment_months", "老年人能力定期评估间隔", "月", ValueType.INTEGER, group="养老服务"
    ),
    ParameterSpec(
        "eldercare_rectify_general_working_days",
        "一般隐患整改期限",
        "工作日",
        ValueType.INTEGER,
        group="养老服务",
    ),
    ParameterSpec(
        "eldercare_rectify_major_working_days",
        "重大隐患整改期限",
        "工作日",
        ValueType.INTEGER,
        group="养老服务",
    ),
    ParameterSpec(
        "eldercare_disabled_from_level",
        "失能认定起点（老年人能力等级，1轻度…4完全失能）",
        "级",
        ValueType.INTEGER,
        group="养老服务",
    ),
)

BY_NAME: dict[str, ParameterSpec] = {spec.name: spec for spec in PARAMETERS}


def spec_for(name: str) -> ParameterSpec | None:
    return BY_NAME.get(name)
