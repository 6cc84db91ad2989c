"""The policy parameters 资金发放 reads (the time limit for checking a submitted roster) and their shipped values."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec(
        "payroll_review_working_days", "发放花名册审核时限", "工作日", ValueType.INTEGER, group="资金发放"
    ),
)

SEEDS: tuple[SeedParameter, ...] = (
    national("payroll_review_working_days", 3, "平台缺省值（非国家规定）：花名册提交后3个工作日内审核，保证按月足额发放，请按本地办法核定", date(2024, 1, 1)),
)  # fmt: skip
