"""Rule oracles written from the regulation texts (domain-rules-2.md §4.1–4.2); pure, no database."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc

from minzheng.socialorgs.rules import annual, credit, deadlines
from minzheng.socialorgs.rules import registration as reg
from minzheng.socialorgs.rules.dates import add_months
from minzheng.socialorgs.rules.kinds import OrgForm, OrgKind
from minzheng.socialorgs.rules.uscc import organisation_code_check, social_org_uscc

T = reg.Thresholds(
    50, 30, Decimal(100000), Decimal(30000), Decimal(8000000), Decimal(4000000), Decimal(2000000)
)


def oracle_members_ok(individual: int, units: int) -> bool:
    """社会团体登记管理条例 第十条(一): 有50个以上的个人会员或者30个以上的单位会员；个人会员、单位会员混合组成的，
    会员总数不得少于50个."""
    if individual > 0 and units > 0:
        return individual + units >= 50
    return individual >= 50 or units >= 30


@given(st.integers(0, 120), st.integers(0, 80))
def test_association_members_follow_article_10(individual, units):
    assert (reg.member_shortfall(individual, units, T) == "") == oracle_members_ok(individual, units)


@pytest.mark.parametrize(
    ("individual", "units", "ok"),
    [
        (50, 0, True),
        (49, 0, False),
        (0, 30, True),
        (0, 29, False),
        (20, 30, True),
        (20, 29, False),
        (0, 0, False),
    ],
)
def test_association_member_boundaries_article_10(individual, units, ok):
    assert (reg.member_shortfall(individual, units, T) == "") is ok


def oracle_min_funds(kind: OrgKind, form: OrgForm, national: bool) -> Decimal:
    """社团 第十条(五) 10万/3万; 基金会管理条例 第八条(二) 800万 全国公募 / 400万 地方公募 / 200万 非公募."""
    if kind == OrgKind.ASSOCIATION:
        return Decimal(100000 if national else 30000)
    if kind == OrgKind.FOUNDATION:
        return Decimal(2000000 if form == OrgForm.NON_PUBLIC else 8000000 if national else 4000000)
    return Decimal(0)


@given(
    st.sampled_from(
        [
            (OrgKind.ASSOCIATION, OrgForm.LEGAL_PERSON),
            (OrgKind.FOUNDATION, OrgForm.PUBLIC),
            (OrgKind.FOUNDATION, OrgForm.NON_PUBLIC),
            (OrgKind.SERVICE, OrgForm.PARTNERSHIP),
        ]
    ),
    st.booleans(),
    st.integers(0, 10_000_000),
)
def test_funds_floor_follows_association_art_10_and_foundation_art_8(kind_form, national, funds):
    kind, form = kind_form
    app = reg.Application(kind, form, "丹东市测试协会", national, individual_members=60, funds=Decimal(funds))
    fails = any(s.field == "funds" for s in reg.registration_shortfalls(app, T))
    assert fails == (Decimal(funds) < oracle_min_funds(kind, form, national))


def test_local_foundation_of_399_wan_is_refused_citing_article_8():
    app = reg.Application(
        OrgKind.FOUNDATION, OrgForm.PUBLIC, "丹东市慈善基金会", False, funds=Decimal(3_999_999)
    )
    [short] = reg.registration_shortfalls(app, T)
    assert (
        short.field == "funds" and "基金会管理条例》第八条" in short.message and "4,000,000" in short.message
    )


def test_foundation_original_fund_must_be_cash_article_8():
    app = reg.Application(
        OrgKind.FOUNDATION,
        OrgForm.NON_PUBLIC,
        "丹东市助学基金会",
        False,
        funds=Decimal(2_000_000),
        funds_in_cash=False,
    )
    assert [s.field for s in reg.registration_shortfalls(app, T)] == ["funds_in_cash"]


@pytest.mark.parametrize(
    ("kind", "form", "name", "national", "refused"),
    [
        (OrgKind.ASSOCIATION, OrgForm.LEGAL_PERSON, "中华诗词学会丹东分会", False, True),
        (OrgKind.ASSOCIATION, OrgForm.LEGAL_PERSON, "中国某某协会", True, False),
        (OrgKind.SERVICE, OrgForm.LEGAL_PERSON, "全国某某培训中心", True, True),  # 民非 第八条: never
        (OrgKind.FOUNDATION, OrgForm.PUBLIC, "丹东市中华文化基金会", False, True),
        (OrgKind.ASSOCIATION, OrgForm.LEGAL_PERSON, "丹东市围棋协会", False, False),
    ],
)
def test_reserved_words_in_names_association_art_10_service_art_8(kind, form, name, national, refused):
    assert bool(reg.name_shortfall(kind, name, national)) is refused


def test_form_must_fit_the_kind():
    app = reg.Application(
        OrgKind.ASSOCIATION,
        OrgForm.PARTNERSHIP,
        "丹东市围棋协会",
        False,
        individual_members=60,
        funds=Decimal(30000),
    )
    assert [s.field for s in reg.registration_shortfalls(app, T)] == ["form"]


@given(st.dates(date(2000, 1, 1), date(2090, 1, 1)), st.integers(1, 90))
def test_decision_due_is_n_calendar_days_after_receipt_not_counting_that_day(received, days):
    """社团 第十二条 / 民非 第十一条 / 基金会 第十一条 “60日内”; 民法典 第二百零一条: 开始的当日不计入."""
    assert deadlines.decision_due(received, days) == received + timedelta(days=days)
    assert deadlines.decision_due(date(2026, 1, 1), 60) == date(2026, 3, 2)


def oracle_gb11714(body: str) -> str:
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c9 = 11 - sum(v * w for v, w in zip(values, [3, 7, 9, 10, 5, 8, 4, 2], strict=True)) % 11
    return "X" if c9 == 10 else "0" if c9 == 11 else str(c9)


def test_organisation_code_check_matches_a_published_code():
    # python-stdnum's sample USCC 91110000600037341L carries the organisation code 60003734-1
    assert organisation_code_check("60003734") == "1"
    assert organisation_code_check("00000001") == "9"  # 11 - (1×2 mod 11)
    assert organisation_code_check("D2143569") == oracle_gb11714("D2143569")


@given(
    st.sampled_from(list(OrgKind)), st.sampled_from(["210602", "210600", "210624"]), st.integers(1, 999_999)
)
def test_issued_uscc_is_valid_gb32100_with_civil_affairs_prefix(kind, registry, serial):
    code = social_org_uscc(kind, registry, serial)
    assert uscc.is_valid(code)
    assert code[0] == "5" and code[1] == {"association": "1", "service": "2", "foundation": "3"}[kind]
    assert code[2:8] == registry and code[8:10] == "MJ"
    assert code[16] == oracle_gb11714(code[8:16])


def test_distinct_serials_give_distinct_codes():
    codes = {social_org_uscc(OrgKind.ASSOCIATION, "210602", n) for n in range(1, 2001)}
    assert len(codes) == 2000


def test_report_deadlines_31_march_and_31_may_of_the_next_year_article_28():
    assert annual.report_deadlines(2025, (3, 31), (5, 31)) == (date(2026, 3, 31), date(2026, 5, 31))


@pytest.mark.parametrize(
    ("result", "due"),
    [
        (annual.Result.QUALIFIED, None),
        (annual.Result.BASIC, date(2026, 9, 30)),
        (annual.Result.UNQUALIFIED, date(2026, 9, 30)),
    ],
)
def test_basic_and_unqualified_get_three_months_to_rectify(result, due):
    assert annual.rectification_due(result, date(2026, 6, 30), 3) == due


def oracle_revocation(results: dict, last: int) -> bool:
    """连续2年不参加年度检查 / 连续2年年度检查不合格 → 撤销登记."""
    a, b = results.get(last - 1, "absent"), results.get(last, "absent")
    if "absent" in (a, b):
        return False
    return (a is None and b is None) or (a == b == annual.Result.UNQUALIFIED)


@given(
    st.dictionaries(st.integers(2020, 2025), st.sampled_from([None, *annual.Result])), st.integers(2021, 2025)
)
def test_revocation_after_two_consecutive_years_missed_or_unqualified(results, last):
    assert bool(annual.revocation_grounds(results, last)) == oracle_revocation(results, last)


def test_a_missed_year_then_an_unqualified_one_is_not_two_of_a_kind():
    assert annual.revocation_grounds({2024: None, 2025: annual.Result.UNQUALIFIED}, 2025) == ""


def test_ratios_charity_law_article_61_boundaries():
    at = annual.finance_ratios(
        Decimal(70), Decimal(100), Decimal(10), Decimal(100), Decimal("0.70"), Decimal("0.10")
    )
    assert (at.spending_short, at.fees_over) == (False, False)
    over = annual.finance_ratios(
        Decimal("69.99"), Decimal(100), Decimal("10.01"), Decimal(100), Decimal("0.70"), Decimal("0.10")
    )
    assert (over.spending_short, over.fees_over) == (True, True)
    none = annual.finance_ratios(
        Decimal(5), Decimal(0), Decimal(1), Decimal(0), Decimal("0.70"), Decimal("0.10")
    )
    assert (none.charitable_spending_ratio, none.management_fee_ratio, none.fees_over) == (None, None, False)


# --- credit clocks (民政部令第60号) -----------------------------------------------------------------------
C = credit.Clocks(
    listing_working_days=5, abnormal_auto_removal_months=6, escalation_years=2, serious_removal_years=2
)
WARN = credit.Reason.WARNING_OR_SMALL_FINE
NO_REPORT = credit.Reason.NO_ANNUAL_REPORT


def test_nothing_to_fix_is_removed_six_months_after_listing_on_the_day():
    g = [credit.Ground(WARN, date(2026, 1, 15))]
    assert credit.abnormal_auto_removal_on(g, C) == date(2026, 7, 15)
    assert not credit.abnormal_removable(g, date(2026, 7, 14), C)
    assert credit.abnormal_removable(g, date(2026, 7, 15), C)


def test_a_new_ground_restarts_the_six_months():
    g = [credit.Ground(WARN, date(2026, 1, 15)), credit.Ground(WARN, date(2026, 5, 1))]
    assert credit.abnormal_auto_removal_on(g, C) == date(2026, 11, 1)
    assert not credit.abnormal_removable(g, date(2026, 7, 15), C)


def test_a_ground_to_fix_is_never_removed_automatically_only_after_verification():
    open_ = [credit.Ground(NO_REPORT, date(2026, 1, 15))]
    assert credit.abnormal_auto_removal_on(open_, C) is None
    assert not credit.abnormal_removable(open_, date(2030, 1, 1), C)
    fixed = [credit.Ground(NO_REPORT, date(2026, 1, 15), fixed_on=date(2026, 2, 1))]
    assert credit.abnormal_removable(fixed, date(2026, 2, 1), C)


def test_removal_and_listing_due_five_working_days(monkeypatch):
    def weekdays(start, n):
        day = start
        while n:
            day += timedelta(days=1)
            n -= day.weekday() < 5
        return day

    assert credit.listing_due(date(2026, 12, 4), weekdays, C) == date(2026, 12, 11)  # Friday → next Friday
    assert credit.removal_due(date(2026, 12, 7), weekdays, C) == date(2026, 12, 14)


@given(st.dates(date(2018, 3, 1), date(2040, 1, 1)))
def test_escalation_exactly_two_years_after_first_listing(listed):
    due = credit.escalation_on(listed, C)
    assert due == add_months(listed, 24)
    assert due - timedelta(days=1) < due


def test_escalation_boundary_on_leap_day():
    assert credit.escalation_on(date(2024, 2, 29), C) == date(2026, 2, 28)


def test_serious_list_removal_two_years_after_latest_ground_and_only_when_obligations_met():
    g = [credit.Ground(credit.Reason.LARGE_FINE, date(2026, 3, 1))]
    assert credit.serious_removal_on(g, C) == date(2028, 3, 1)
    carried = [
        credit.Ground(credit.Reason.ABNORMAL_TWO_YEARS, date(2026, 3, 1)),
        credit.Ground(NO_REPORT, date(2024, 3, 1)),
    ]
    assert credit.serious_removal_on(carried, C) is None
    carried_fixed = [
        credit.Ground(credit.Reason.ABNORMAL_TWO_YEARS, date(2026, 3, 1)),
        credit.Ground(NO_REPORT, date(2024, 3, 1), fixed_on=date(2026, 5, 1)),
    ]
    assert credit.serious_removal_on(carried_fixed, C) == date(2028, 3, 1)


def test_every_reason_has_a_list_and_a_chinese_label():
    assert set(credit.LIST_OF) == set(credit.Reason) == set(credit.REASON_LABELS)


def test_fee_ratio_just_over_ten_percent_is_over_even_when_it_rounds_to_ten():
    """慈善法 第六十一条: 管理费用不得超过当年总支出的10%."""
    r = annual.finance_ratios(
        Decimal(1), Decimal(1), Decimal(9001), Decimal(90000), Decimal("0.70"), Decimal("0.10")
    )
    assert r.fees_over and r.management_fee_ratio == Decimal("0.1000")


# --- 等级评估 (民政部令第39号) -----------------------------------------------------------------------------
from minzheng.socialorgs.rules import rating  # noqa: E402

BANDS = rating.Bands((500, 600, 700, 800, 900))


def oracle_level(score: int) -> int | None:
    """Local bands as data: 900 = 5A, 800 = 4A, 700 = 3A, 600 = 2A, 500 = 1A."""
    for level, least in ((5, 900), (4, 800), (3, 700), (2, 600), (1, 500)):
        if score >= least:
            return level
    return None


@given(st.integers(0, 1000))
def test_level_from_the_local_score_bands(score):
    assert rating.level_for(score, BANDS) == oracle_level(score)


def _standing(**over):
    values = dict(registered_on=date(2022, 6, 1), rating_valid_to=None, downgraded_on=None, cancelled_on=None,
                  last_year=annual.Result.QUALIFIED, year_before=annual.Result.QUALIFIED, listed=False, penalised_last_year=False)  # fmt: skip
    values.update(over)
    return rating.Standing(**values)


P = rating.Periods()


def test_two_full_years_since_registration_article_7():
    assert rating.ineligibility(_standing(), date(2025, 3, 1), P) == []  # 2023 and 2024 complete
    assert rating.ineligibility(_standing(), date(2024, 12, 31), P) != []  # only 2023
    assert rating.full_years(date(2023, 1, 1), date(2025, 1, 1)) == 2


@pytest.mark.parametrize(
    ("over", "words"),
    [
        ({"last_year": None}, "未参加年度检查"),
        ({"last_year": annual.Result.UNQUALIFIED}, "不合格"),
        ({"last_year": annual.Result.BASIC, "year_before": annual.Result.BASIC}, "连续2年"),
        ({"penalised_last_year": True}, "行政处罚"),
        ({"listed": True}, "信用"[:0] + "名录"),
        ({"downgraded_on": date(2024, 3, 2)}, "降低评估等级未满2年"),
        ({"cancelled_on": date(2023, 3, 2)}, "取消评估等级未满3年"),
        ({"rating_valid_to": date(2028, 3, 2)}, "有效期满前2年内"),
    ],
)
def test_not_eligible_grounds_articles_7_29_31(over, words):
    assert any(words in reason for reason in rating.ineligibility(_standing(**over), date(2026, 3, 1), P))


def test_bans_end_on_the_anniversary_article_31():
    assert rating.ineligibility(_standing(downgraded_on=date(2024, 3, 1)), date(2026, 3, 1), P) == []
    assert rating.ineligibility(_standing(cancelled_on=date(2023, 3, 1)), date(2026, 3, 1), P) == []
    assert rating.ineligibility(_standing(rating_valid_to=date(2028, 3, 1)), date(2026, 3, 1), P) == []


def test_valid_five_years_objection_and_plaque_15_days_articles_23_28_33():
    assert rating.valid_until(date(2026, 3, 1), 5) == date(2031, 2, 28)
    assert rating.answer_due(date(2026, 3, 1), 15) == date(2026, 3, 16)
    assert rating.plaque_due(date(2026, 3, 1), 15) == date(2026, 3, 16)
