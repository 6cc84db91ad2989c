"""Money (元, to the 分): what an amount may be, said once for API schemas, forms, services and the database.

An amount is finite, not negative, has at most two decimals and stays under a per-field maximum. The API
types (``money_type``) and form fields (``money_form_field``) refuse anything else with a Chinese message
before a service runs; services check again with ``check_money`` (they are the door every writer uses), and
``money_constraint`` puts the same bounds in a portable CHECK constraint so that no path — not even a bulk
insert or a hand-written SQL statement — can store an amount that would break reading it back.
"""

from decimal import Decimal, InvalidOperation
from typing import Annotated

from django import forms
from django.db.models import CheckConstraint, Q
from pydantic import Field

from .errors import MinzhengError

CENT = Decimal("0.01")
# Per-field maxima (元). A monthly benefit or standard never reaches 十万; a one-off 临时救助 need, a fee or a
# retrofit budget stays under 一千万; a family's per-capita assets and a roster total under 一百亿.
MONTHLY_MAX = Decimal("99999.99")
AMOUNT_MAX = Decimal("9999999.99")
TOTAL_MAX = Decimal("9999999999.99")


class InvalidAmount(MinzhengError, ValueError):
    code = "invalid_amount"


def check_money(
    value, *, field: str, label: str, maximum: Decimal = AMOUNT_MAX, error: type[MinzhengError] | None = None
) -> Decimal | None:
    """The amount as a Decimal to the 分, or None when empty; anything else raises ``error`` (the calling
    domain's own error class, ``InvalidAmount`` by default) with a Chinese message naming the field.

    Accepts a Decimal, an int or text as typed (``1,234.50``, ``¥700``); never a float."""
    error = error or InvalidAmount
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float):  # binary floating point cannot hold 分 exactly: a programming error
        raise error(f"{label}不能使用浮点数", field=field)
    try:
        amount = Decimal(str(value).replace(",", "").replace("¥", "").strip())
    except (InvalidOperation, ValueError):
        raise error(f"{label}应为金额，如 700 或 700.50", field=field) from None
    if not amount.is_finite():
        raise error(f"{label}应为有限的金额", field=field)
    if amount < 0:
        raise error(f"{label}不能为负数", field=field)
    if amount > maximum:
        raise error(f"{label}不能超过 {maximum:,} 元", field=field)
    if amount != amount.quantize(CENT):
        raise error(f"{label}最多两位小数（到分）", field=field)
    return amount.quantize(CENT)


def money_type(maximum: Decimal = AMOUNT_MAX, description: str = ""):
    """The API (pydantic) type of an amount: finite, 0 ≤ amount ≤ maximum, at most two decimals."""
    return Annotated[
        Decimal,
        Field(
            ge=0,
            le=maximum,
            decimal_places=2,
            allow_inf_nan=False,
            description=f"{description or '金额'}（元，0 至 {maximum}，最多两位小数）",
        ),
    ]


Money = money_type(AMOUNT_MAX)
MonthlyMoney = money_type(MONTHLY_MAX)
TotalMoney = money_type(TOTAL_MAX)


def money_form_field(label: str, *, maximum: Decimal = AMOUNT_MAX, required: bool = True, minimum=0):
    """A form field for an amount, with the same bounds and Chinese messages."""
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=minimum,
        max_value=maximum,
        max_digits=len(str(int(maximum))) + 2,
        decimal_places=2,
        error_messages={
            "required": f"请填写{label}",
            "invalid": "请输入有效金额，如 700 或 700.50",
            "min_value": f"{label}不能小于 {minimum}",
            "max_value": f"{label}不能超过 {maximum:,} 元",
            "max_digits": f"{label}不能超过 {maximum:,} 元",
            "max_whole_digits": f"{label}不能超过 {maximum:,} 元",
            "max_decimal_places": f"{label}最多两位小数（到分）",
        },
    )


def money_constraint(model: str, field: str, maximum: Decimal = AMOUNT_MAX) -> CheckConstraint:
    """CHECK (field IS NULL OR 0 <= field <= maximum) — portable SQL for PostgreSQL and SQLite."""
    return CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": maximum}),
        name=f"{model}_{field}_money_bounds",
    )
