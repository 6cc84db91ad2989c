"""证据行 as a caseworker reads them: Chinese names for datasets and fields, 公民身份号码 masked.

The batch engine (核对 and 动态监测) stores evidence as JSON with the contract's English keys and full ID
numbers (the record must identify the row); every page and PDF that shows evidence — the 核对 report, a
monitoring warning, a 社会救助 application pre-filled from a warning — shows it through here, so an ID number is
never displayed in full (the audited reveal on the person's page is the one way to see it) and no contract key
reaches the screen. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minzheng.core.identity import mask_id_number

DATASETS = {
    "computed": "计算结果",
    "hukou": "户籍",
    "deaths": "死亡数据",
    "tax_income": "个人所得税",
    "pension": "养老金",
    "unemployment": "失业保险金",
    "deposits": "银行存款",
    "securities": "证券",
    "insurance_policies": "商业保险",
    "housing_fund": "住房公积金",
    "real_estate": "不动产",
    "vehicles": "机动车",
    "business": "工商登记",
    "asset_flags": "金融机构资产标志",
    "parameters": "核对参数",
    "social_insurance": "社会保险参保",
    "medical_bills": "医疗费用",
    "disability_cert": "残疾人证",
    "disaster_loss": "灾害损失",
    # the monitoring job's computed figures
    "household_income": "家庭月收入",
    "dibao_standard": "低保标准",
}

#: income sources (tax categories, or the dataset itself)
SOURCES = {
    "wage": "工资薪金",
    "labour": "劳务报酬",
    "business": "经营所得",
    "rent": "财产租赁",
    "interest": "利息股息红利",
    "other": "其他所得",
    "pension": "离退休金",
    "basic_resident_pension": "城乡居民基础养老金（不计入收入）",
    "other_pension": "其他养老金",
    "unemployment": "失业保险金",
}

FIELDS = {
    "request_id": "核对编号",
    "household_id": "家庭编号",
    "id_number": "公民身份号码",
    "source": "来源",
    "months_counted": "月数",
    "total_amount": "合计",
    "per_capita_monthly_income": "人均月收入",
    "income_line": "收入认定线",
    "member_count": "人数",
    "income_window_months": "计算月数",
    "total_income_in_window": "期间收入合计",
    "per_capita_financial_assets": "人均金融资产",
    "asset_limit": "人均金融资产上限",
    "total_financial_assets": "金融资产合计",
    "bank": "银行",
    "account_type": "账户类型",
    "as_of": "截止日期",
    "balance": "余额",
    "kind": "品种",
    "market_value": "市值",
    "policy_type": "险种",
    "cash_value": "现金价值",
    "monthly_deposit": "月缴存额",
    "over_limit": "是否超标",
    "plate": "号牌",
    "vehicle_type": "车辆类型",
    "purchase_price": "购置价格",
    "for_disability": "残疾人专用",
    "registered_date": "登记日期",
    "limit": "限额",
    "property_id": "不动产单元",
    "usage": "用途",
    "share": "份额",
    "area_m2": "面积（㎡）",
    "uscc": "统一社会信用代码",
    "role": "身份",
    "registered_capital": "注册资本",
    "status": "状态",
    "name": "姓名",
    "status_date": "状态日期",
    "hukou_code": "户籍地",
    "death_date": "死亡日期",
    "found": "找到",
    "dataset": "数据集",
    "problem": "问题",
    "max_age_days": "最长时效（天）",
    "division_code": "区划",
    "request_date": "核对基准日",
    "delivery_id": "交付批次",
    "row_number": "行号",
    "reason": "拒收原因",
    # the other contract columns, named in intake's rejection reasons
    "sex": "性别",
    "birth_date": "出生日期",
    "month": "月份",
    "category": "所得项目",
    "amount": "金额",
    "benefit_month": "领取月份",
    "benefit_amount": "失业保险金",
    "insurance": "险种",
    "contribution_base": "缴费基数",
    "settle_date": "结算日期",
    "total_cost": "总费用",
    "self_paid": "个人自付",
    "inpatient": "住院",
    "grade": "等级",
    "issued_date": "发证日期",
    "event_date": "发生日期",
    "loss_amount": "损失金额",
    # the monitoring job's evidence (batch/monitoring)
    "members": "家庭人数",
    "dibao_line": "低保标准",
    "months": "统计月数",
    "income": "同期家庭收入",
    "age": "年龄",
    "benefit_months": "领取月数",
    "benefit_total": "领取合计",
}


@dataclass(frozen=True)
class EvidenceRow:
    dataset: str
    key: str
    values: str


#: enum values of the exchange contract in Chinese (field → value → label)
VALUES = {
    "status": {
        "normal": "正常",
        "deceased": "死亡",
        "moved_out": "迁出",
        "active": "在营",
        "closed": "注销",
    },
    "account_type": {"current": "活期", "time": "定期"},
    "kind": {"stock": "股票", "fund": "基金", "bond": "债券", "other": "其他"},
    "vehicle_type": {
        "car": "汽车",
        "truck": "货车",
        "motorcycle": "摩托车",
        "tricycle": "三轮车",
        "other": "其他",
    },
    "usage": {"residential": "住宅", "commercial": "商业", "industrial": "工业", "other": "其他"},
    "role": {"legal_rep": "法定代表人", "shareholder": "股东", "owner": "业主"},
    "for_disability": {"true": "是", "false": "否"},
    "over_limit": {"true": "是", "false": "否"},
    "found": {"true": "是", "false": "否"},
    "inpatient": {"true": "是", "false": "否", "True": "是", "False": "否"},
}
#: a dataset named as a value (the missing or stale dataset of a reason)
VALUES["dataset"] = DATASETS
VALUES["source"] = SOURCES  # income sources (a bank flag's free-text source falls through unchanged)


_COLUMN_IN_REASON = re.compile(r"列 ([a-z_0-9]+) ")
_ID_IN_TEXT = re.compile(r"\d{17}[\dX]")


def shown(field: str, value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    text = str(value)
    if field == "id_number":
        return mask_id_number(text)
    if field == "reason":  # intake's rejection reason names contract columns; it may quote an ID number
        text = _COLUMN_IN_REASON.sub(lambda m: f"{FIELDS.get(m.group(1), m.group(1))}", text)
        return _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)), text)
    return VALUES.get(field, {}).get(text, text)


_FIELD_ORDER = {name: i for i, name in enumerate(FIELDS)}


def _pairs(mapping: dict | None) -> str:
    # in the catalogue's order, not the stored one: PostgreSQL's jsonb does not keep key order
    items = sorted((mapping or {}).items(), key=lambda kv: (_FIELD_ORDER.get(kv[0], len(FIELDS)), kv[0]))
    return "；".join(f"{FIELDS.get(k, k)}：{shown(k, v)}" for k, v in items)


def evidence_rows(evidence: list[dict]) -> list[EvidenceRow]:
    """One reason's evidence as display rows (dataset in Chinese, key and values as 字段：值)."""
    return [
        EvidenceRow(
            DATASETS.get(e.get("dataset", ""), e.get("dataset", "")),
            _pairs(e.get("key")),
            _pairs(e.get("values")),
        )
        for e in evidence
    ]


def evidence_lines(evidence: list[dict]) -> list[str]:
    """Evidence as one line per row, for places that show it as text (a pre-filled application):
    ``医疗费用：公民身份号码：210602********1234；结算日期：2026-11-01 — 总费用：68000.00；…``."""
    return [
        " — ".join(part for part in (f"{r.dataset}：{r.key}", r.values) if part)
        for r in evidence_rows(evidence)
    ]


def reasons_for_display(reasons: list[dict]) -> list[dict]:
    """The stored reasons with their evidence as display rows (the stored JSON is left as it is)."""
    return [{**r, "rows": evidence_rows(r.get("evidence") or [])} for r in reasons]


def income_source(row: dict) -> str:
    """成员收入明细's source column: 个人所得税 / 工资薪金."""
    dataset, source = row.get("dataset", ""), row.get("source", "")
    if dataset == source or SOURCES.get(source) == DATASETS.get(dataset):
        return DATASETS.get(dataset, dataset)
    return f"{DATASETS.get(dataset, dataset)} / {SOURCES.get(source, source)}"


#: the order of the report's 成员核对明细 sections
RECORD_ORDER = (
    "hukou",
    "deaths",
    "deposits",
    "securities",
    "insurance_policies",
    "housing_fund",
    "asset_flags",
    "vehicles",
    "real_estate",
    "business",
)


def records_for_display(records: list[dict]) -> list[tuple[str, list[EvidenceRow]]]:
    """成员核对明细 by dataset: (Chinese dataset name, display rows), datasets without rows left out."""
    by_dataset: dict[str, list[dict]] = {}
    for record in records:
        by_dataset.setdefault(record.get("dataset", ""), []).append(record)
    order = [d for d in RECORD_ORDER if d in by_dataset] + sorted(set(by_dataset) - set(RECORD_ORDER))
    return [(DATASETS.get(d, d), evidence_rows(by_dataset[d])) for d in order]
