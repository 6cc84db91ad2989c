"""志愿服务 (pure): service hours, the recording clock, certificate codes, station coverage.

Sources: 《志愿服务条例》(2017) 第七条 (registration by oneself in the designated system or through an organisation),
第十九条 (records of service, training, evaluation); 《志愿服务记录与证明出具办法（试行）》(2021-02-01) 第五条 (basic
information), 第七条 (service record: activity, date, place, content, **服务时间**, organiser), 第十一条 (recorded within
**10个工作日** after the activity), 第十二、十三条 (query and correction on the volunteer's request), 第十四–十七条
(证明 issued **free of charge**, verifiable online). Hours in hours to one decimal (the unit is not in the articles
read — ◐ in domain-rules-2.md §4.5).
"""

from datetime import date
from decimal import Decimal

from stdnum.iso7064 import mod_37_36

CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CODE_BODY = 15


def hours_problem(hours: Decimal, starts_on: date, ends_on: date) -> str:
    """Service time must be positive, in tenths of an hour, and no more than 24 hours a day of the activity."""
    if hours <= 0:
        return "服务时长应大于0小时"
    if hours != hours.quantize(Decimal("0.1")):
        return "服务时长精确到0.1小时"
    days = (ends_on - starts_on).days + 1
    if hours > 24 * days:
        return f"服务时长不能超过活动天数×24小时（{24 * days}小时）"
    return ""


def recorded_late(due_on: date, recorded_on: date) -> bool:
    """办法第十一条: 活动结束后10个工作日内记录 (``due_on`` from the working-day calendar)."""
    return recorded_on > due_on


def certificate_code(random_digits: list[int]) -> str:
    """A 证明编号 anyone can type on the public page: 15 random base-36 characters and an ISO 7064 MOD 37,36 check
    character (a mistyped character or two swapped neighbours are caught before a lookup), grouped by four."""
    body = "".join(CODE_ALPHABET[d % 36] for d in random_digits[:CODE_BODY])
    if len(body) != CODE_BODY:
        raise ValueError("certificate code needs 15 random digits")
    full = body + mod_37_36.calc_check_digit(body)
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def code_well_formed(raw: str) -> bool:
    code = normalise_code(raw)
    return len(code) == CODE_BODY + 1 and all(c in CODE_ALPHABET for c in code) and mod_37_36.is_valid(code)


def grouped(raw: str) -> str:
    code = normalise_code(raw)
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def coverage_percent(with_station: int, total: int) -> Decimal | None:
    """志愿服务站点在社区综合服务设施中的覆盖率 (×100, two places); undefined when there is nothing to cover."""
    if not total:
        return None
    return (Decimal(100) * with_station / total).quantize(Decimal("0.01"))
