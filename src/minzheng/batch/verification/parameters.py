"""核对参数 (verification parameters): names, national defaults and the parameters-table builder.

Every number the rules use is a row (division_prefix, name, value, valid_from, valid_to); the job resolves,
per household, the most specific prefix valid on the request date. Defaults follow exchange-formats.md and
sit under the empty prefix so any division may override them. The 低保标准 has no default on purpose: it is
always local, and a household without one goes to manual review instead of being judged against a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import pyarrow as pa

from .contracts import PARAMETERS_SCHEMA

DIBAO_STANDARD = "dibao_standard"  # 低保标准, 元/人/月
INCOME_LINE_MULTIPLIER = (
    "income_line_multiplier"  # suffixed with the program: income_line_multiplier.dibao_edge
)
INCOME_WINDOW_MONTHS = "income_window_months"
#: the job counts distinct months in two 60-bit words (job_sql._distinct_months); longer windows are refused
MAX_INCOME_WINDOW_MONTHS = 120
ASSET_MONTHS = "asset_months"
VEHICLE_PRICE_LIMIT = "vehicle_price_limit"
RESIDENTIAL_SHARE_LIMIT = "residential_share_limit"
COMMERCIAL_PROPERTY_MAX_COUNT = "commercial_property_max_count"
BUSINESS_CAPITAL_LIMIT = "business_capital_limit"
DATASET_MAX_AGE_DAYS = "dataset_max_age_days"
ASSET_FLAG_DISQUALIFIES = "asset_flag_disqualifies"
INCOME_EXEMPT = "income_exempt"  # income_exempt.<category or source> = 1 → not income
VEHICLE_EXEMPT = "vehicle_exempt"  # vehicle_exempt.<vehicle_type> = 1 → never disqualifies

INCOME_SOURCES: tuple[str, ...] = (
    "wage",
    "labour",
    "business",
    "rent",
    "interest",
    "other",
    "pension",  # 离退休金 (pension rows of kind retirement)
    "basic_resident_pension",  # 城乡居民基础养老金 (kind basic_resident): exempt, 57号 Art 13
    "other_pension",  # pension rows of kind other
    "unemployment",
)
#: pension.kind → the income source it is counted under
PENSION_SOURCES: dict[str, str] = {
    "retirement": "pension",
    "basic_resident": "basic_resident_pension",
    "other": "other_pension",
}
VEHICLE_TYPES: tuple[str, ...] = ("car", "truck", "motorcycle", "tricycle", "other")

#: Parameters without which no conclusion is possible (→ manual_review, 参数缺失).
REQUIRED: tuple[str, ...] = (
    DIBAO_STANDARD,
    INCOME_LINE_MULTIPLIER,
    INCOME_WINDOW_MONTHS,
    ASSET_MONTHS,
    VEHICLE_PRICE_LIMIT,
    RESIDENTIAL_SHARE_LIMIT,
    COMMERCIAL_PROPERTY_MAX_COUNT,
    BUSINESS_CAPITAL_LIMIT,
    DATASET_MAX_AGE_DAYS,
)

_EPOCH = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class Parameter:
    """One dated parameter record (参数记录)."""

    division_prefix: str
    name: str
    value: Decimal
    valid_from: dt.date = _EPOCH
    valid_to: dt.date | None = None


def default_parameters() -> list[Parameter]:
    """National defaults (exchange-formats.md 'Rules the verification engine computes')."""
    defaults = {
        INCOME_WINDOW_MONTHS: "12",
        ASSET_MONTHS: "24",
        VEHICLE_PRICE_LIMIT: "50000",
        RESIDENTIAL_SHARE_LIMIT: "1.0",
        COMMERCIAL_PROPERTY_MAX_COUNT: "0",
        BUSINESS_CAPITAL_LIMIT: "100000",
        # how old a dataset's extract may be on the request date before the household needs manual review
        DATASET_MAX_AGE_DAYS: "90",
        # a bank's bare "over the limit" cannot be weighed against the per-capita rule: review by default
        ASSET_FLAG_DISQUALIFIES: "0",
        f"{INCOME_LINE_MULTIPLIER}.dibao": "1",
        f"{INCOME_LINE_MULTIPLIER}.dibao_edge": "1.5",
        # 城乡居民基本养老保险的基础养老金 is not counted (民发〔2021〕57号 第十三条)
        f"{INCOME_EXEMPT}.basic_resident_pension": "1",
        f"{VEHICLE_EXEMPT}.motorcycle": "1",
        f"{VEHICLE_EXEMPT}.tricycle": "1",
    }
    return [Parameter("", name, Decimal(value)) for name, value in defaults.items()]


def parameters_table(parameters: Iterable[Parameter]) -> pa.Table:
    """Arrow table in the job's parameters contract."""
    rows = list(parameters)
    return pa.table(
        {
            "division_prefix": [p.division_prefix for p in rows],
            "name": [p.name for p in rows],
            "value": [p.value for p in rows],
            "valid_from": [p.valid_from for p in rows],
            "valid_to": [p.valid_to for p in rows],
        },
        schema=PARAMETERS_SCHEMA,
    )
