"""预警规则目录: every risk rule the monitoring job knows, its parameters and the national defaults.

Pure (no Django): the rule pages, the seed and the parameter checks read it. The rule *versions* in force
are data (``RiskRule`` rows per division with validity dates); this module only says what a version of each
rule may hold. Defaults follow the plans' 动态监测 chapters and say where a figure is the
platform's own choice, to be set locally.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from minzheng.batch.monitoring import rule_codes as job


@dataclass(frozen=True)
class ParameterSpec:
    """One parameter of a rule: the engine column it fills, label, unit and allowed range."""

    column: str  # amount / ratio / months / grade / age_from / age_to
    label: str
    unit: str
    minimum: Decimal
    maximum: Decimal
    integer: bool = False


@dataclass(frozen=True)
class RuleKind:
    code: str
    label: str
    description: str
    severity: str
    parameters: tuple[ParameterSpec, ...]
    defaults: dict[str, str]
    verify_days: int  # 核实时限 (working days) of a warning the rule raises
    basis: str


SEVERITIES = (("high", "红色（高）"), ("medium", "橙色（中）"), ("low", "黄色（低）"))

_MONTHS = ParameterSpec("months", "统计月数", "个月", Decimal(1), Decimal(24), integer=True)

RULE_KINDS: dict[str, RuleKind] = {
    k.code: k
    for k in (
        RuleKind(
            job.MEDICAL_EXPENSE,
            "医疗支出骤增（支出型困难）",
            "家庭近N个月医疗自付费用超过金额线，或超过同期家庭收入的一定比例；新结算的费用使家庭越线时预警",
            "high",
            (
                ParameterSpec("amount", "自付费用金额线", "元", Decimal(0), Decimal(10_000_000)),
                ParameterSpec("ratio", "占家庭收入比例", "0–1", Decimal(0), Decimal(1)),
                _MONTHS,
            ),
            {"amount": "20000", "ratio": "0.5", "months": "12"},
            10,
            "平台缺省值（依据各规划“健全低收入人口动态监测预警”）：近12个月自付医疗费用超过2万元或超过家庭年收入50%",
        ),
        RuleKind(
            job.SEVERE_DISABILITY,
            "新增重度残疾",
            "家庭成员新取得一、二级残疾证（此前没有同等级或更重的残疾证）",
            "medium",
            (ParameterSpec("grade", "残疾等级不低于", "级", Decimal(1), Decimal(4), integer=True),),
            {"grade": "2"},
            10,
            "平台缺省值（依据各规划“健全低收入人口动态监测预警”）：新办理一、二级残疾证",
        ),
        RuleKind(
            job.WORKING_AGE_DEATH,
            "劳动年龄成员死亡",
            "家庭中劳动年龄成员死亡，家庭可能失去主要劳动力",
            "high",
            (
                ParameterSpec("age_from", "劳动年龄下限", "周岁", Decimal(0), Decimal(120), integer=True),
                ParameterSpec("age_to", "劳动年龄上限", "周岁", Decimal(0), Decimal(120), integer=True),
            ),
            {"age_from": "16", "age_to": "59"},
            5,
            "平台缺省值（依据各规划“健全低收入人口动态监测预警”）；劳动年龄16–59周岁为统计口径，平台默认值，可按地方口径调整",
        ),
        RuleKind(
            job.UNEMPLOYMENT,
            "新增失业登记",
            "家庭成员新办理失业登记",
            "medium",
            (),
            {},
            10,
            "平台缺省值（依据各规划“健全低收入人口动态监测预警”）：新增失业登记",
        ),
        RuleKind(
            job.DISASTER_LOSS,
            "遭受灾害损失",
            "家庭在一次灾害中的损失合计超过金额线",
            "high",
            (ParameterSpec("amount", "损失金额线", "元", Decimal(0), Decimal(10_000_000)),),
            {"amount": "10000"},
            5,
            "平台缺省值（依据各规划“健全低收入人口动态监测预警”）：灾害损失超过阈值；1万元为平台默认值，应由各地设定",
        ),
        RuleKind(
            job.INCOME_BELOW_LINE,
            "收入降至低保标准以下",
            "非低保家庭近N个月人均月收入新降至当地低保标准及以下（税务、养老金、失业金数据）",
            "medium",
            (_MONTHS,),
            {"months": "3"},
            10,
            "平台缺省值（依据各规划“健全低收入人口动态监测预警”）：家庭人均收入新低于低保标准",
        ),
        RuleKind(
            job.INCOME_ABOVE_LINE,
            "低保家庭收入超标（应退尽退）",
            "低保家庭近N个月人均月收入新超过低保标准乘以倍数",
            "low",
            (ParameterSpec("ratio", "低保标准倍数", "倍", Decimal(1), Decimal(3)), _MONTHS),
            {"ratio": "1", "months": "3"},
            20,
            "平台缺省值（依据各规划“健全低收入人口动态监测预警”）：低保家庭收入超过标准（应退尽退）",
        ),
    )
}


def parameters_text(code: str, parameters: dict[str, object]) -> str:
    """A rule version's parameters as the rule pages show them: label, figure and unit
    (``损失金额线 10,000 元``, ``占家庭收入比例 50%``); ``—`` for a rule without parameters."""
    kind = RULE_KINDS.get(code)
    specs = {spec.column: spec for spec in kind.parameters} if kind else {}
    parts = []
    for column, raw in parameters.items():
        spec = specs.get(column)
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            value = None
        if spec is None or value is None:
            parts.append(f"{spec.label if spec else '参数'} {raw}")
        elif spec.unit == "0–1":  # a share: shown as a percentage
            parts.append(f"{spec.label} {(value * 100).normalize():f}%")
        else:
            figure = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"
            parts.append(f"{spec.label} {figure} {spec.unit}")
    return "，".join(parts) or "—"


def checked_parameters(code: str, raw: dict[str, object]) -> dict[str, str]:
    """The parameters of a rule version, checked against the catalogue; raises ``ValueError`` with a
    Chinese message naming the parameter."""
    kind = RULE_KINDS.get(code)
    if kind is None:
        raise ValueError(f"未知的预警规则：{code}")
    values: dict[str, str] = {}
    for spec in kind.parameters:
        text = str(raw.get(spec.column, "") or "").strip()
        if not text:
            raise ValueError(f"请填写{spec.label}")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{spec.label}应为数字，实际为“{text}”") from None
        if spec.integer and value != value.to_integral_value():
            raise ValueError(f"{spec.label}应为整数")
        if not spec.minimum <= value <= spec.maximum:
            raise ValueError(f"{spec.label}应在{spec.minimum}至{spec.maximum}{spec.unit}之间")
        values[spec.column] = str(value.normalize()) if spec.integer else str(value)
    if "age_from" in values and int(values["age_from"]) > int(values["age_to"]):
        raise ValueError("劳动年龄下限不能大于上限")
    return values
