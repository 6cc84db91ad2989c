"""公民身份号码 rules: GB 11643 checksum, birth date, sex, masking."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import (
    make_resident_id,
    mask_id_number,
    mask_name,
    parse_resident_id,
    temporary_id_number,
)


def test_valid_number_gives_birth_date_and_sex():
    rid = parse_resident_id("11010519491231002X")
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex == "2"
    assert rid.address_code == "110105"


def test_lower_case_x_and_blanks_are_accepted():
    assert parse_resident_id(" 11010519491231002x ").number == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("110105194912310021", "校验码错误（末位应为X）"),
        ("11010519491231002", "应为18位，实际为17位"),
        ("1101051949123100AX", "前17位应为数字"),
        ("110105194902300025", "不是有效日期"),
        ("", "不能为空"),
    ],
)
def test_invalid_numbers_are_refused_with_a_chinese_reason(raw, message):
    with pytest.raises(InvalidIdNumber, match=message.replace("（", "\\（").replace("）", "\\）")):
        parse_resident_id(raw)


def test_birth_date_in_the_future_is_refused():
    number = make_resident_id("210602", date(2030, 1, 1), 11)
    with pytest.raises(InvalidIdNumber, match="不合理"):
        parse_resident_id(number, today=date(2026, 1, 1))


def test_retired_address_code_is_not_rejected():
    # 210211 was never a current code; the checksum and birth date decide, not today's division list.
    assert parse_resident_id(make_resident_id("210299", date(1960, 1, 1), 21)).address_code == "210299"


@given(
    address=st.from_regex(r"\A[1-6]\d{5}\Z"),
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)),
    sequence=st.integers(0, 999),
)
def test_every_composed_number_round_trips(address, birth, sequence):
    rid = parse_resident_id(make_resident_id(address, birth, sequence), today=date(2026, 1, 1))
    assert (rid.birth_date, rid.sex) == (birth, "1" if sequence % 2 else "2")


@given(st.text(alphabet="0123456789X", min_size=18, max_size=18))
def test_masked_number_shows_first_six_and_last_four_only(number):
    masked = mask_id_number(number)
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:] and masked[6:14] == "*" * 8


def test_name_masking_keeps_the_surname():
    assert [mask_name(n) for n in ["张三", "张三丰", "欧阳修文"]] == ["张*", "张*丰", "欧**文"]


def test_temporary_number_never_looks_like_an_id_number():
    number = temporary_id_number("210602001001", date(2026, 11, 25), 7)
    assert number == "LS210602202611250007"
    with pytest.raises(InvalidIdNumber):
        parse_resident_id(number)
