"""The set-wise 公民身份号码 check of a job's requests rejects exactly what the per-value check rejects."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa
from stdnum.cn import ric

from minzheng.batch.ids import id_number_problem, invalid_id_numbers

TODAY = dt.date(2025, 7, 1)


def _valid(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


def _candidates() -> list[str | None]:
    valid = [_valid("21060219800229001"), _valid("11010118800101123"), _valid("21060220250701001")]
    wrong_check = [v[:17] + ("0" if v[17] != "0" else "1") for v in valid]
    dates = ["19810229", "19800230", "19801301", "19800001", "18791231", "20250702", "00000101"]
    bad_dates = [_valid(f"210602{d}001") for d in dates]
    shapes = [
        "",
        "   ",
        "2106021980010100",
        "21060219800101001XX",
        "21060219800101001x",
        "X10602198001010011",
    ]
    rng = random.Random(11643)
    noise = ["".join(rng.choice("0123456789X") for _ in range(18)) for _ in range(2000)]
    noise += [_valid(f"2106{rng.randrange(10**13):013d}") for _ in range(2000)]
    return [*valid, *wrong_check, *bad_dates, *shapes, *noise, None]


def test_set_wise_check_rejects_exactly_what_the_per_value_check_rejects():
    values = _candidates()
    expected = {v for v in values if id_number_problem(v, today=TODAY) is not None}
    found = invalid_id_numbers(pa.array(values, pa.string()), today=TODAY)
    assert set(found) == expected
    assert len(found) == len(expected)


def test_birth_date_today_is_valid_and_tomorrow_is_not():
    today, tomorrow = _valid("21060220250701001"), _valid("21060220250702001")
    assert invalid_id_numbers(pa.array([today, tomorrow]), today=TODAY) == [tomorrow]
