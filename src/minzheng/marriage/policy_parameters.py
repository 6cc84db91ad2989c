"""The policy parameters 婚姻登记 reads (法定婚龄, the 离婚冷静期 periods) and their shipped values."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec("marriage_min_age_male", "法定婚龄（男）", "周岁", ValueType.INTEGER, group="婚姻登记"),
    ParameterSpec("marriage_min_age_female", "法定婚龄（女）", "周岁", ValueType.INTEGER, group="婚姻登记"),
    ParameterSpec(
        "divorce_withdrawal_days", "离婚冷静期（可撤回申请期间）", "日", ValueType.INTEGER, group="婚姻登记"
    ),
    ParameterSpec(
        "marriage_booking_days_ahead", "婚姻登记可提前预约天数", "日", ValueType.INTEGER, group="婚姻登记"
    ),
    ParameterSpec(
        "divorce_appearance_days",
        "冷静期届满后双方亲自到场申请发证期间",
        "日",
        ValueType.INTEGER,
        group="婚姻登记",
    ),
)

SEEDS: tuple[SeedParameter, ...] = (
    national("marriage_min_age_male", 22, "《中华人民共和国民法典》第一千零四十七条：结婚年龄，男不得早于二十二周岁（1981年1月1日起施行的《婚姻法》第五条同）", date(1981, 1, 1)),
    national("marriage_min_age_female", 20, "《中华人民共和国民法典》第一千零四十七条：女不得早于二十周岁（1981年1月1日起施行的《婚姻法》第五条同）", date(1981, 1, 1)),
    national("divorce_withdrawal_days", 30, "《中华人民共和国民法典》第一千零七十七条第一款：自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关撤回离婚登记申请", date(2021, 1, 1)),
    national("divorce_appearance_days", 30, "《中华人民共和国民法典》第一千零七十七条第二款：前款规定期限届满后三十日内，双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请", date(2021, 1, 1)),
    national("marriage_booking_days_ahead", 14, "平台缺省值（非国家规定）：预约为地方便民做法，可提前预约的天数请按本地办法核定", date(2021, 1, 1)),
)  # fmt: skip
