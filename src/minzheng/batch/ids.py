"""公民身份号码 (GB 11643-1999) checks used at intake.

We check the format, the birth date and the ISO 7064 MOD 11-2 check character (python-stdnum's
``cn.ric.calc_check_digit``), but deliberately not ``ric.validate()``: it also rejects IDs whose address code is not in
stdnum's current division list, and address codes are the place of *first* registration — many have since
been retired (domain-rules.md). Unknown address codes are reported as warnings instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb
import pyarrow as pa
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

_CHECK_CHARACTERS = frozenset("0123456789X")
_EARLIEST_BIRTH = dt.date(1880, 1, 1)


def normalize_id_number(value: str) -> str:
    """Strip spaces and upper-case the check character (x → X), as departments deliver both."""
    return value.strip().upper()


def id_number_problem(value: str | None, *, today: dt.date | None = None) -> str | None:
    """Return a Chinese reason why ``value`` is not a valid 公民身份号码, or None if it is valid."""
    if value is None or not value.strip():
        return "公民身份号码为空"
    number = normalize_id_number(value)
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in _CHECK_CHARACTERS:
        return f"公民身份号码格式错误（应为18位数字，末位可为X）：{value}"
    try:
        # our own parse rather than ric.get_birth_date: same result, a third of the cost per ID
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return f"公民身份号码中的出生日期无效：{value}"
    if not _EARLIEST_BIRTH <= birth <= (today or dt.date.today()):
        return f"公民身份号码中的出生日期超出合理范围：{value}"
    if ric.calc_check_digit(number) != number[17]:
        return f"公民身份号码校验位错误（GB 11643）：{value}"
    return None


def has_known_address_code(number: str) -> bool:
    """True if stdnum knows the 6-digit address code; False only warrants a warning, never a rejection."""
    try:
        ric.get_birth_place(number)
    except (ValidationError, KeyError):
        return False
    return True


def id_number_problems(values: Iterable[str | None]) -> tuple[dict[str, str], int]:
    """Check distinct IDs once: (problem per invalid raw value, count of valid IDs with unknown address code)."""
    problems: dict[str, str] = {}
    unknown_address = 0
    today = dt.date.today()
    # the address lookup depends only on the code and the birth year: cache it, as millions of IDs share few
    known: dict[str, bool] = {}
    for value in values:
        if value is None:
            continue
        problem = id_number_problem(value, today=today)
        if problem is not None:
            problems[value] = problem
            continue
        number = normalize_id_number(value)
        if number[:10] not in known:
            known[number[:10]] = has_known_address_code(number)
        if not known[number[:10]]:
            unknown_address += 1
    return problems, unknown_address


# GB 11643 weights 2^(17-i) mod 11 and the check character for each remainder, as in stdnum's calc_check_digit
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
# digits by integer arithmetic on the first 17 characters read as one number: far cheaper than 17 substrings
_CHECKSUM_SQL = " + ".join(f"(n // {10 ** (16 - i)}) % 10 * {w}" for i, w in enumerate(_WEIGHTS))
_YMD = "((n // 1000) % 100000000)"  # the birth date yyyymmdd, from the same number
_DAYS_IN_MONTH = f"""(CASE {_YMD} // 100 % 100 WHEN 2 THEN 28 + CAST(({_YMD} // 10000) % 4 = 0
                       AND (({_YMD} // 10000) % 100 <> 0 OR ({_YMD} // 10000) % 400 = 0) AS INTEGER)
                     WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END)"""
_SUSPECT_SQL = f"""
    SELECT DISTINCT id FROM (SELECT id, TRY_CAST(substr(id, 1, 17) AS BIGINT) AS n FROM ids) AS d
    WHERE NOT COALESCE(
      regexp_full_match(id, '[0-9]{{17}}[0-9X]')
      AND {_YMD} // 100 % 100 BETWEEN 1 AND 12 AND {_YMD} % 100 BETWEEN 1 AND {_DAYS_IN_MONTH}
      AND {_YMD} BETWEEN {_EARLIEST_BIRTH:%Y%m%d} AND $today
      AND substr('10X98765432', CAST(({_CHECKSUM_SQL}) % 11 AS INTEGER) + 1, 1) = substr(id, 18, 1),
      FALSE)
"""


def invalid_id_numbers(ids: pa.Array | pa.ChunkedArray, *, today: dt.date | None = None) -> list[str | None]:
    """The distinct values of ``ids`` that :func:`id_number_problem` rejects, checked set-wise.

    Millions of IDs in a batch job: a vectorised pre-check in DuckDB (as strict as ``id_number_problem`` or
    stricter) picks the suspects, and only those get the exact per-value check, so the verdict is the same.
    """
    today = today or dt.date.today()
    with duckdb.connect() as con:
        con.execute("SET enable_progress_bar = false")
        con.register("ids", pa.table({"id": ids}))
        suspects = [row[0] for row in con.execute(_SUSPECT_SQL, {"today": int(f"{today:%Y%m%d}")}).fetchall()]
    return [value for value in suspects if id_number_problem(value, today=today) is not None]
