"""Reading numbers and choices from a submitted form: a clear Chinese error naming the field."""

from decimal import Decimal, InvalidOperation

from ..errors import InvalidIndicator


def decimal_field(data, name: str, label: str) -> Decimal | None:
    text = (data.get(name) or "").strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidIndicator(f"“{label}”应为数字", field=name) from None
    if not value.is_finite():
        raise InvalidIndicator(f"“{label}”应为数字", field=name)
    return value


def int_field(data, name: str, label: str) -> int | None:
    value = decimal_field(data, name, label)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise InvalidIndicator(f"“{label}”应为整数", field=name)
    return int(value)
