"""Typed API inputs shared by every router: a division code, a year, a date, bounded text.

Declared in the OpenAPI schema (pattern, bounds, lengths), checked by django-ninja before the endpoint runs,
answered 422 in the one error format with a Chinese message per field. Amounts are in ``core.money``,
paging in ``core.paging``.
"""

from datetime import date
from typing import Annotated

from pydantic import Field

from .query_params import FIRST_YEAR, LAST_YEAR

DivisionCode = Annotated[
    str,
    Field(
        max_length=12,
        pattern=r"^[0-9]{0,12}$",
        description="行政区划代码：2 至 12 位数字（如 210602 或 210602000000）",
    ),
]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR, description=f"年份（{FIRST_YEAR}–{LAST_YEAR}）")]
Day = Annotated[
    date,
    Field(ge=date(FIRST_YEAR, 1, 1), le=date(LAST_YEAR, 12, 31), description="日期，如 2026-01-31"),
]
RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]


def text(max_length: int, description: str = ""):
    """Free text of at most ``max_length`` characters (the column's length, or a sane bound for TextField)."""
    return Annotated[str, Field(max_length=max_length, description=description or None)]


ShortText = text(200)
LongText = text(2000)


def column_text(model, field_name: str, description: str = ""):
    """Text bounded by the column it is stored in (``Household.address`` → at most 200 characters)."""
    from .lengths import max_length_of

    return text(max_length_of(model, field_name) or 2000, description)
