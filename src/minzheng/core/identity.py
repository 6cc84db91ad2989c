"""公民身份号码 (GB 11643-1999): validation, derived facts, masking, temporary numbers. Pure functions.

The checksum is python-stdnum's (ISO 7064 MOD 11-2). python-stdnum's full ``validate()`` also rejects
address codes missing from its list, but an ID's address code is where the person was first registered and
many such codes have since been retired — so we check checksum and birth date only, and callers *warn*
about unknown address codes instead of rejecting.
"""

import re
from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric

from .errors import InvalidIdNumber

_SHAPE = re.compile(r"^\d{17}[\dX]$")
_OLDEST_BIRTH = date(1880, 1, 1)


@dataclass(frozen=True)
class ResidentId:
    """A checked 18-character 公民身份号码 and what it says about its holder."""

    number: str
    address_code: str
    birth_date: date
    sex: str  # GB/T 2261.1: "1" male, "2" female (odd/even sequence digit)


def normalise_id_number(raw: object) -> str:
    """Upper-case, without blanks; spreadsheets also turn numbers into floats like 2.1e17 — refuse those."""
    text = str(raw or "").strip().replace(" ", "").replace("\u3000", "").upper()
    return text.replace("Ｘ", "X")


def check_character(first_17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits.

    python-stdnum's ``calc_check_digit`` expects the number *with* its check position and ignores the last
    character it is given — pass 17 digits and it silently computes over 16. Hence the placeholder.
    """
    return ric.calc_check_digit(first_17 + "0")


def parse_resident_id(raw: object, *, today: date | None = None) -> ResidentId:
    """Validate a 公民身份号码 and return its parts; raise ``InvalidIdNumber`` with a Chinese reason."""
    number = normalise_id_number(raw)
    if not number:
        raise InvalidIdNumber("公民身份号码不能为空")
    if len(number) != 18:
        raise InvalidIdNumber(f"公民身份号码应为18位，实际为{len(number)}位")
    if not _SHAPE.match(number):
        raise InvalidIdNumber("公民身份号码前17位应为数字，末位为数字或X")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidIdNumber(f"公民身份号码中的出生日期{number[6:14]}不是有效日期") from None
    if birth < _OLDEST_BIRTH or birth > (today or date.today()):
        raise InvalidIdNumber(f"公民身份号码中的出生日期{birth:%Y-%m-%d}不合理")
    expected = check_character(number[:17])
    if number[17] != expected:
        raise InvalidIdNumber(f"公民身份号码校验码错误（末位应为{expected}）")
    sex = "1" if int(number[16]) % 2 == 1 else "2"
    return ResidentId(number=number, address_code=number[:6], birth_date=birth, sex=sex)


def make_resident_id(address_code: str, birth: date, sequence: int) -> str:
    """Compose a valid number from its parts (demo data and tests): sequence 0–999, odd = male."""
    body = f"{address_code[:6]}{birth:%Y%m%d}{sequence:03d}"
    return body + check_character(body)


def mask_id_number(number: str) -> str:
    """210602********1234: first 6 and last 4 characters shown, the rest starred."""
    if not number:
        return ""
    if len(number) <= 10:
        return number[:2] + "*" * max(len(number) - 2, 0)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


_ID_NUMBER_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def mask_id_numbers_in(text: str) -> str:
    """Any 18-character 公民身份号码 inside free text or a JSON dump, masked like ``mask_id_number`` — for
    data carried between domains (evidence, pre-filled applications) that a page shows as it is."""
    return _ID_NUMBER_IN_TEXT.sub(lambda match: mask_id_number(match.group(0)), text)


def mask_name(name: str) -> str:
    """张*、张*丰、欧阳**: public lists (公示) show the surname only."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


TEMPORARY_PREFIX = "LS"


def temporary_id_number(division_code: str, on: date, sequence: int) -> str:
    """临时编号 for persons without a 公民身份号码 (e.g. unidentified 流浪乞讨 persons):
    LS + 6-digit county + date + 4-digit sequence. It can never collide with a real 18-digit number."""
    return f"{TEMPORARY_PREFIX}{division_code[:6]}{on:%Y%m%d}{sequence:04d}"


def is_temporary_id_number(number: str) -> bool:
    return number.startswith(TEMPORARY_PREFIX)


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def mask_account(account: str) -> str:
    """6230****1234: pages and the 花名册 show bank accounts like this; full ones only in the bank file."""
    return account[:4] + "*" * (len(account) - 8) + account[-4:] if len(account) > 8 else account


def normalise_bank_account(value: str) -> str:
    """A bank or 社保卡 account as digits only (spaces and dashes people type are dropped); "" if not 10–30
    digits — 银行卡 have 16–19 digits, 存折 and 社保卡金融账户 numbers differ by bank, none is shorter than 10."""
    digits = "".join(ch for ch in (value or "") if ch not in " -")
    return digits if digits.isdigit() and 10 <= len(digits) <= 30 else ""
