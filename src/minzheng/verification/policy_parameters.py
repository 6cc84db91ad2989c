"""The policy parameters 家庭经济状况核对 reads itself and their shipped values (the 低保标准,
multipliers and asset limits a household is checked against are 社会救助's, supplied through the policy source
that domain registers — ``verification.interface.register_policy_source``)."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec(
        "exchange_retention_days",
        "部门共享数据原始文件保存期限（全市/全省统一，按全国行读取）",
        "天",
        ValueType.INTEGER,
        group="家庭经济状况核对",
    ),
)

SEEDS: tuple[SeedParameter, ...] = (
    national("exchange_retention_days", 365, "平台缺省值：部门共享数据原始文件保存一年后清理（现行交付始终保留）", date(2021, 7, 1)),
)  # fmt: skip
