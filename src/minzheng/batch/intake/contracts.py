"""Versioned data contracts (数据契约) of the department datasets (exchange/1.1) and of intake's rejected rows.

The same definitions drive intake validation, the empty tables registered for undelivered datasets, and the
README contract tables, so the documentation and the code cannot drift apart silently. Each job's own inputs
and outputs are in its package (``verification/contracts.py``, ``monitoring/contracts.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pyarrow as pa

#: Bump the minor part for added optional columns, the major part for anything a consumer could trip over.
DATASETS_CONTRACT_VERSION = "exchange/1.1"  # 1.1: optional pension.kind

MONEY = pa.decimal128(18, 2)
SHARE = pa.decimal128(9, 4)


class Kind(Enum):
    """How a delivered column is validated and which Arrow type it is stored as."""

    ID_NUMBER = "公民身份号码"
    TEXT = "文本"
    CHOICE = "枚举"
    DATE = "日期 YYYY-MM-DD"
    MONTH = "月份 YYYY-MM"
    MONEY = "金额 DECIMAL(18,2)"
    SHARE = "份额 0–1"
    INTEGER = "整数"
    BOOLEAN = "布尔 true/false"
    DIVISION = "12位区划代码"


STORAGE_TYPES: dict[Kind, pa.DataType] = {
    Kind.ID_NUMBER: pa.string(),
    Kind.TEXT: pa.string(),
    Kind.CHOICE: pa.string(),
    Kind.DATE: pa.date32(),
    Kind.MONTH: pa.string(),
    Kind.MONEY: MONEY,
    Kind.SHARE: SHARE,
    Kind.INTEGER: pa.int32(),
    Kind.BOOLEAN: pa.bool_(),
    Kind.DIVISION: pa.string(),
}


@dataclass(frozen=True)
class Column:
    """One column of a department dataset."""

    name: str
    kind: Kind
    choices: tuple[str, ...] = ()
    nullable: bool = False
    non_negative: bool = False
    int_range: tuple[int, int] | None = None
    #: an optional column (added in a minor contract version): a delivery may leave it out, and an absent
    #: column or an empty value means ``default``
    default: str | None = None

    @property
    def optional(self) -> bool:
        return self.default is not None

    @property
    def arrow_type(self) -> pa.DataType:
        return STORAGE_TYPES[self.kind]


@dataclass(frozen=True)
class Dataset:
    """A department dataset (部门共享数据集) as defined in exchange-formats.md."""

    name: str
    department: str
    columns: tuple[Column, ...]
    extension: bool = False  # not (yet) in exchange-formats.md: proposed by the engine

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns])

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _id() -> Column:
    return Column("id_number", Kind.ID_NUMBER)


def _money(name: str, *, non_negative: bool = False) -> Column:
    return Column(name, Kind.MONEY, non_negative=non_negative)


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "hukou",
            "公安 户籍",
            (
                _id(),
                Column("name", Kind.TEXT),
                Column("sex", Kind.INTEGER, int_range=(1, 2)),
                Column("birth_date", Kind.DATE),
                Column("hukou_code", Kind.DIVISION),
                Column("status", Kind.CHOICE, ("normal", "deceased", "moved_out")),
                # status_date is empty for status "normal" in real extracts
                Column("status_date", Kind.DATE, nullable=True),
            ),
        ),
        Dataset(
            "tax_income",
            "税务 个税",
            (
                _id(),
                Column("month", Kind.MONTH),
                Column("category", Kind.CHOICE, ("wage", "labour", "business", "rent", "interest", "other")),
                _money("amount"),  # may be negative: tax corrections
            ),
        ),
        Dataset(
            "pension",
            "人社 养老金",
            (
                _id(),
                Column("month", Kind.MONTH),
                _money("amount", non_negative=True),
                # 城乡居民基础养老金 is not income (民发〔2021〕57号 第十三条); absent = 离退休金
                Column(
                    "kind",
                    Kind.CHOICE,
                    ("retirement", "basic_resident", "other"),
                    nullable=True,
                    default="retirement",
                ),
            ),
        ),
        Dataset(
            "unemployment",
            "人社 失业",
            (
                _id(),
                Column("registered_date", Kind.DATE),
                Column("benefit_month", Kind.MONTH),
                _money("benefit_amount", non_negative=True),
            ),
        ),
        Dataset(
            "social_insurance",
            "人社/医保 参保",
            (
                _id(),
                Column("month", Kind.MONTH),
                Column("insurance", Kind.CHOICE, ("pension", "medical", "unemployment")),
                _money("contribution_base", non_negative=True),
            ),
        ),
        Dataset(
            "housing_fund",
            "公积金",
            (
                _id(),
                Column("as_of", Kind.DATE),
                _money("balance", non_negative=True),
                _money("monthly_deposit", non_negative=True),
            ),
        ),
        Dataset(
            "deposits",
            "银行",
            (
                _id(),
                Column("bank", Kind.TEXT),
                Column("account_type", Kind.CHOICE, ("current", "time")),
                _money("balance", non_negative=True),
                Column("as_of", Kind.DATE),
            ),
        ),
        Dataset(
            "securities",
            "证券/基金",
            (
                _id(),
                Column("kind", Kind.CHOICE, ("stock", "fund", "bond", "other")),
                _money("market_value", non_negative=True),
                Column("as_of", Kind.DATE),
            ),
        ),
        Dataset(
            "insurance_policies",
            "保险 (商业)",
            (
                _id(),
                Column("policy_type", Kind.TEXT),
                _money("cash_value", non_negative=True),
                Column("as_of", Kind.DATE),
            ),
        ),
        Dataset(
            "real_estate",
            "自然资源 不动产",
            (
                _id(),
                Column("property_id", Kind.TEXT),
                Column("usage", Kind.CHOICE, ("residential", "commercial", "industrial", "other")),
                Column("area_m2", Kind.MONEY, non_negative=True),
                Column("share", Kind.SHARE),
                Column("registered_date", Kind.DATE),
            ),
        ),
        Dataset(
            "vehicles",
            "公安 交管",
            (
                _id(),
                Column("plate", Kind.TEXT),
                Column("vehicle_type", Kind.CHOICE, ("car", "truck", "motorcycle", "tricycle", "other")),
                Column("registered_date", Kind.DATE),
                _money("purchase_price", non_negative=True),
                Column("for_disability", Kind.BOOLEAN),
            ),
        ),
        Dataset(
            "business",
            "市场监管",
            (
                _id(),
                Column("uscc", Kind.TEXT),
                Column("role", Kind.CHOICE, ("legal_rep", "shareholder", "owner")),
                _money("registered_capital", non_negative=True),
                Column("status", Kind.CHOICE, ("active", "closed")),
            ),
        ),
        Dataset(
            "medical_bills",
            "医保",
            (
                _id(),
                Column("settle_date", Kind.DATE),
                _money("total_cost", non_negative=True),
                _money("self_paid", non_negative=True),
                Column("inpatient", Kind.BOOLEAN),
            ),
        ),
        Dataset(
            "disability_cert",
            "残联",
            (
                _id(),
                Column("category", Kind.TEXT),
                Column("grade", Kind.INTEGER, int_range=(1, 4)),
                Column("issued_date", Kind.DATE),
            ),
        ),
        Dataset("deaths", "卫健/殡葬", (_id(), Column("death_date", Kind.DATE))),
        Dataset(
            "disaster_loss",
            "应急",
            (
                _id(),
                Column("event_date", Kind.DATE),
                _money("loss_amount", non_negative=True),
                Column("kind", Kind.TEXT),
            ),
        ),
        # Flag-type evidence: some banks only answer "over the limit: yes/no" (domain-rules.md). Not defined in
        # exchange-formats.md, so it is an engine extension until the format document adopts it.
        Dataset(
            "asset_flags",
            "银行等 (仅反馈是否超标)",
            (
                _id(),
                Column("source", Kind.TEXT),
                Column("over_limit", Kind.BOOLEAN),
                Column("as_of", Kind.DATE),
            ),
            extension=True,
        ),
    )
}

REJECTED_ROWS_SCHEMA = pa.schema(
    [
        pa.field("dataset", pa.string()),
        pa.field("delivery_id", pa.string()),
        pa.field("row_number", pa.int64()),
        pa.field("reason", pa.string()),
        pa.field("raw_values", pa.string()),
    ]
)
