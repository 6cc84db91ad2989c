"""The policy parameters 养老服务 reads (能力评估 interval, 隐患整改 limits, 失能 threshold) and their shipped values."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

PARAMETERS: tuple[ParameterSpec, ...] = (
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

SEEDS: tuple[SeedParameter, ...] = (
    national("eldercare_reassessment_months", 12, "GB/T 42195-2022《老年人能力评估规范》：无特殊变化时至少每12个月定期评估一次（自标准发布之日记录）", date(2022, 12, 30)),
    national("eldercare_rectify_general_working_days", 15, "平台示例缺省值（非国家规定）：一般隐患整改期限由检查机关确定，请按本地办法核定", date(2022, 12, 30)),
    national("eldercare_rectify_major_working_days", 30, "平台示例缺省值（非国家规定）：重大隐患整改期限由检查机关确定，请按本地办法核定", date(2022, 12, 30)),
    national("eldercare_disabled_from_level", 2, "平台缺省值：中度失能及以上计为失能（特困人员“部分或完全丧失生活自理能力”），请按本地口径核定", date(2022, 12, 30)),
)  # fmt: skip
