"""Pure rules of 全市通办 against small oracles written from the texts."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.onestop.rules.applications import MOVES, is_final, next_status
from minzheng.onestop.rules.clocks import forward_clocks, is_overdue
from minzheng.onestop.rules.evaluations import BAD_REASONS, evaluation_problem, is_bad, satisfaction_rate
from minzheng.onestop.rules.materials import asked_materials, missing_materials
from minzheng.onestop.rules.residents import name_problem, phone_problem
from minzheng.onestop.rules.tickets import ticket_next

_MATERIAL = st.fixed_dictionaries(
    {"code": st.text("abcdef", min_size=1, max_size=3), "shared": st.sampled_from(["", "人口库"]),
     "required": st.booleans()}
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow])  # a shared, loaded 2-core machine
@given(
    st.lists(_MATERIAL, max_size=8, unique_by=lambda m: m["code"]),
    st.sets(st.text("abcdef", min_size=1, max_size=3)),
)
def test_716_article_7_shared_materials_are_never_asked_and_the_notice_lists_all_missing_at_once(
    materials, provided
):
    """国务院令第716号 第七条 + 一次性告知: missing = required, not shared, not provided — every one of them."""
    oracle = [m for m in materials if m["required"] and not m["shared"] and m["code"] not in provided]
    assert missing_materials(materials, provided) == oracle
    assert all(not m["shared"] for m in asked_materials(materials))


def _add_weekdays(start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


@given(
    st.dates(date(2020, 1, 1), date(2030, 1, 1)), st.integers(0, 10), st.integers(0, 20), st.integers(0, 10)
)
def test_cross_county_clocks_3_10_3_each_from_the_previous_deadline(start, push, decide, inform):
    """两项补贴 跨省通办: push within 3 WD, decide within 10 WD, inform within 3 WD — chained."""
    clocks = forward_clocks(start, push, decide, inform, _add_weekdays)
    assert clocks.push_due == _add_weekdays(start, push)
    assert clocks.decide_due == _add_weekdays(start, push + decide)
    assert clocks.inform_due == _add_weekdays(start, push + decide + inform)


def test_a_reply_before_the_deadline_stops_the_ticket_clock():
    due = date(2026, 3, 10)
    assert not is_overdue(due, date(2026, 3, 9), date(2026, 4, 1))
    assert is_overdue(due, None, date(2026, 3, 11))
    assert is_overdue(due, date(2026, 3, 11), date(2026, 3, 11))
    assert not is_overdue(None, None, date(2030, 1, 1))


@given(st.integers(1, 5), st.lists(st.sampled_from(sorted(BAD_REASONS)), max_size=3))
def test_guobanfa_2019_51_a_bad_review_needs_a_listed_reason(level, reasons):
    """国办发〔2019〕51号: 不满意/非常不满意 are 差评 and say why; the others need none."""
    problem = evaluation_problem(level, reasons)
    assert bool(problem) == (level <= 2 and not reasons)
    assert is_bad(level) == (level <= 2)


def test_satisfaction_counts_basic_satisfaction_as_satisfied():
    assert satisfaction_rate([5, 4, 3, 2]) == 0.75
    assert satisfaction_rate([]) is None


def test_application_table_final_states_allow_nothing():
    for move in MOVES:
        for final in ("completed", "refused", "rejected", "withdrawn"):
            assert next_status(final, move) is None
            assert is_final(final)
    assert next_status("submitted", "notify_missing") == "materials_pending"
    assert next_status("materials_pending", "accept") is None


def test_weifang_art_22_a_ticket_goes_back_only_from_handling_and_is_reviewed():
    assert ticket_next("assigned", "return") == "returned"
    assert ticket_next("returned", "reply") is None
    assert ticket_next("returned", "refuse_return") == "assigned"
    assert ticket_next("completed", "callback") == "visited"
    assert ticket_next("assigned", "supervise") == "assigned"
    assert ticket_next("visited", "supervise") is None


def test_registration_fields():
    assert not phone_problem("13912345678") and phone_problem("1391234567")
    assert not name_problem("王建国") and name_problem("wang")
