"""金额大写 for the 花名册 total line (人民币大写, as on bank and finance forms)."""

from decimal import ROUND_HALF_UP, Decimal

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ["", "拾", "佰", "仟"]
_LARGE = ["", "万", "亿", "万亿"]


def _four(n: int) -> str:
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = n // 10**position % 10
        if digit:
            if zero:
                text += "零"
            text += _DIGITS[digit] + _SMALL[position]
            zero = False
        elif text:
            zero = True
    return text


def rmb_upper(amount: Decimal) -> str:
    """Decimal("12345.60") → 人民币壹万贰仟叁佰肆拾伍元陆角整. Negative amounts are prefixed 负."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "负" if amount < 0 else ""
    fen_total = int(abs(amount) * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    groups, text, gap = [], "", False
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group:
            if gap or (text and group < 1000):
                text += "零"
            text += _four(group) + _LARGE[index]
            gap = False
        elif text:
            gap = True
    text = (text or "零") + "元"
    if jiao == 0 and fen == 0:
        return f"人民币{sign}{text}整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif fen:
        text += "零"
    text += _DIGITS[fen] + "分" if fen else "整"
    return f"人民币{sign}{text}"
