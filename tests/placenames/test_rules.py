"""Pure rules of 区划地名: readings, the 第九条 scope and clash check (against a brute-force oracle written from
the article), 界桩 numbers (GB/T 17796), clocks."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import Style, pinyin

from minzheng.placenames.rules import boundaries, naming
from minzheng.placenames.rules.pinyin import reading, romanize, tone_marked

pytestmark = pytest.mark.filterwarnings("ignore")


def test_romanisation_writes_specific_and_generic_apart_with_an_apostrophe_before_a_vowel_syllable():
    """地名管理条例 第八条 (汉语拼音方案) and the 正词法 of place names: 专名、通名分写, apostrophe (Xi'an)."""
    assert romanize("振安", "区") == "Zhen'an Qu"
    assert romanize("振安", "区", tones=True) == "Zhèn'ān Qū"
    assert romanize("锦山", "大街") == "Jinshan Dajie"


def test_tone_marks_follow_the_rule_a_e_then_ou_then_the_last_vowel():
    assert [tone_marked(s) for s in ("gang3", "lü4", "gou1", "liu2", "shui3", "zi5")] == [
        "gǎng",
        "lǜ",
        "gōu",
        "liú",
        "shuǐ",
        "zi",
    ]


def test_a_character_without_a_pinyin_reading_is_reported_not_guessed():
    r = reading("D区路")
    assert "D" in r.missing and not r.complete
    assert romanize("D区", "路") == ""


def test_place_names_take_their_place_name_reading_of_polyphonic_characters():
    assert romanize("长春", "市") == "Changchun Shi"
    assert romanize("吴堡", "县", tones=True) == "Wúbǔ Xiàn"
    assert romanize("鼋头", "渚") == "Yuantou Zhu"


def test_art9_scope_county_level_divisions_nationwide_townships_province_villages_county():
    """地名管理条例 第九条: 县级以上行政区划 全国; 乡镇 省内; 村（居）委会所在地 县内; 街路巷、住宅区 同一建成区."""
    code = "210602002001"
    assert naming.check_scope(naming.Category.DIVISION, code, division_level=3).key == ""
    assert naming.check_scope(naming.Category.DIVISION, code, division_level=4).key == "21"
    assert naming.check_scope(naming.Category.COMMITTEE_SEAT, code).key == "210602"
    s = naming.check_scope(naming.Category.STREET, code, built_up_area="丹东市中心城区")
    assert (s.kind, s.key, s.statutory) == (naming.ScopeKind.BUILT_UP_AREA, "丹东市中心城区", True)
    fallback = naming.check_scope(naming.Category.ESTATE, code)
    assert fallback.key == "210602" and not fallback.statutory


def _existing(specific, generic="路", category="5"):
    return naming.ExistingName("1", specific, generic, category, "210602000000")


def test_art9_homophone_is_tone_aware():
    """第九条: 不应同音 — 兴五 (xīng wǔ) and 星五 sound alike; 锦山 (jǐn) and 金山 (jīn) do not."""
    found = naming.clashes("星五", "路", "5", [_existing("兴五")])
    assert [f.clash for f in found] == [naming.Clash.HOMOPHONE]
    assert naming.clashes("金山", "路", "5", [_existing("锦山")]) == []


def test_art9_same_specific_with_another_generic_is_flagged_and_exact_repeat_is_a_duplicate():
    assert naming.clashes("胜利", "街", "5", [_existing("胜利", "路")])[0].clash == naming.Clash.SAME_SPECIFIC
    assert naming.clashes("胜利", "路", "5", [_existing("胜利", "路")])[0].clash == naming.Clash.SAME_NAME


def test_streets_and_estates_share_one_built_up_area_register_other_categories_do_not():
    assert naming.clashes("阳光", "小区", "6", [_existing("阳光", "路", "5")])
    assert naming.clashes("阳光", "村", "3", [_existing("阳光", "路", "5")]) == []


_CHARS = "兴星东冬港岗钢江姜山杉"  # read alike in pairs: 兴星 xīng, 东冬 dōng, 港岗 gǎng, 江姜 jiāng, 山杉 shān; 钢 gāng


def _alone(text: str) -> list[list[str]]:
    return [pinyin(c, style=Style.TONE3) for c in text]  # none of _CHARS is polyphonic


@given(
    mine=st.text(alphabet=_CHARS, min_size=1, max_size=3),
    others=st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=3), max_size=6),
)
def test_art9_clash_check_matches_an_oracle_written_from_the_article(mine, others):
    """Oracle: a name in scope repeats (same characters) or sounds alike (same syllables and tones, character by
    character, each read alone) — exactly those are found."""
    existing = [naming.ExistingName(str(i), o, "路", "5", "210602000000") for i, o in enumerate(others)]
    found = {(f.other.key, f.clash) for f in naming.clashes(mine, "路", "5", existing)}
    expected = set()
    for e in existing:
        if e.specific == mine:
            expected.add((e.key, naming.Clash.SAME_NAME))
        elif _alone(e.specific) == _alone(mine):
            expected.add((e.key, naming.Clash.HOMOPHONE))
    assert found == expected


def test_banned_terms_are_warnings_found_inside_the_name():
    terms = [
        naming.BannedTerm("曼哈顿", "外国地名", "第九条"),
        naming.BannedTerm("万达", "企业字号商标", "第九条"),
    ]
    assert [t.term for t in naming.banned_terms_in("曼哈顿花园", terms)] == ["曼哈顿"]
    assert naming.banned_terms_in("江畔花园", terms) == []


def test_art12_approval_authority_and_art11_reports():
    assert naming.approval_authority(naming.Category.STREET) == "设区的市、县级人民政府"
    assert "国务院" in naming.approval_authority(naming.Category.NATURAL, cross_province=True)
    assert naming.required_reports(naming.Category.DIVISION)[0] == "风险评估报告"
    assert naming.required_reports(naming.Category.STREET)[0] == "综合评估报告"


def test_art13_art14_filing_and_announcement_within_15_days_of_approval():
    assert naming.filing_due(date(2026, 12, 1), 15) == date(2026, 12, 16)
    assert naming.announcement_due(date(2026, 12, 20), 15) == date(2027, 1, 4)


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("0424001Q", True),
        ("0424002A", True),
        ("0424000Q", False),
        ("042401Q", False),
        ("0424001X", False),
        ("0424001q", True),
        ("04240011", False),
    ],
)
def test_marker_number_is_line_code_sequence_and_type_gbt17796(number, ok):
    """GB/T 17796-2009: 4-digit line code + 3-digit sequence from 001 + Q/A/B/C/D/E."""
    assert (boundaries.marker_number_problems(number, "0424") == []) is ok


def test_marker_number_on_another_line_and_ab_sides_are_refused():
    assert boundaries.marker_number_problems("0482001Q", "0424")
    assert boundaries.marker_number_problems("0424002B", "0424", on_smaller_side=True)
    assert boundaries.marker_number_problems("0424002A", "0424", on_smaller_side=True) == []


def test_line_code_of_two_provinces_and_of_two_counties():
    assert boundaries.line_code_for("220000000000", "210000000000") == "2122"
    assert boundaries.line_code_for("210624000000", "210604000000") == "0424"


def test_joint_inspection_every_five_years_art12():
    """行政区域界线管理条例 第十二条: 每5年联合检查一次."""
    assert boundaries.joint_inspection_due(date(2020, 10, 15), 5) == date(2025, 10, 15)
    assert boundaries.joint_inspection_due(date(2020, 2, 29), 5) == date(2025, 2, 28)


def test_art6_repair_needs_the_neighbour_and_a_move_also_agreement_and_filing():
    assert boundaries.repair_problems("repair", False, "", "")
    assert boundaries.repair_problems("repair", True, "", "") == []
    assert len(boundaries.repair_problems("move", True, "", "")) == 2
    assert boundaries.repair_problems("add", True, "备2026-1", "协2026-1") == []
