"""What a typed search term is read as (pure): each reading only where an index can answer it."""

import pytest

from minzheng.core.search_terms import parse_search_term


def test_a_chinese_name_is_a_name_and_nothing_else():
    term = parse_search_term(" 黄 帆 ")
    assert term.name == "黄帆" and not term.digits and not term.number and term.searchable


def test_the_last_four_digits_are_an_id_tail_not_an_id_head():
    term = parse_search_term("1234")
    assert term.id_tail == "1234" and term.id_head == "" and term.phone == ""


def test_a_final_x_stays_part_of_the_id_tail_and_fullwidth_digits_are_read_as_digits():
    assert parse_search_term("００１x").id_tail == "001X"


def test_a_full_id_number_is_matched_exactly():
    term = parse_search_term("21060219800517001x")
    assert term.is_full_id and term.text == "21060219800517001X" and term.id_tail == ""


def test_case_and_warning_numbers_are_numbers():
    assert parse_search_term("jz2026210602").number == "JZ2026210602"
    assert parse_search_term("YJ20260301").name == ""


@pytest.mark.parametrize("raw", ["", "12", "a", "!!!", "x" * 41, "黄\x00帆"])
def test_too_short_or_odd_terms_search_nothing(raw):
    assert not parse_search_term(raw).searchable
