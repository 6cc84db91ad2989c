"""The transition table and eligibility criteria as pure rules: examples and properties."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules.eligibility import (
    HouseholdFacts,
    check_eligibility,
    is_eligible,
    validate_criteria,
)
from minzheng.assistance.rules.errors import AssistanceRuleError
from minzheng.assistance.rules.workflow import (
    FINAL_STAGES,
    TRANSITIONS,
    Action,
    Duty,
    IllegalMove,
    Stage,
    decision_level_violation,
    missing_materials,
    move_for,
    moves_from,
    separation_violation,
)


def test_a_decided_case_is_never_reopened():
    for stage in FINAL_STAGES:
        assert moves_from(stage) == []


def test_every_open_stage_can_be_withdrawn_and_reaches_a_decision():
    for stage in set(Stage) - FINAL_STAGES:
        assert move_for(stage, Action.WITHDRAW).target is Stage.WITHDRAWN
    # From 申请 the main line reaches 批准.
    stage, path = Stage.APPLIED, [Action.ACCEPT, Action.START_VERIFICATION, Action.RECORD_VERIFICATION,
                                  Action.SUBMIT_INVESTIGATION, Action.TOWNSHIP_APPROVE, Action.END_PUBLICITY, Action.APPROVE]  # fmt: skip
    for action in path:
        stage = move_for(stage, action).target
    assert stage is Stage.APPROVED


def test_approval_is_only_from_the_approval_stage_and_by_the_approver():
    assert {m.source for m in TRANSITIONS if m.action is Action.APPROVE} == {Stage.APPROVAL}
    assert {m.duty for m in TRANSITIONS if m.target is Stage.APPROVED} == {Duty.APPROVE}
    with pytest.raises(IllegalMove):
        move_for(Stage.TOWNSHIP_REVIEW, Action.APPROVE)


def test_every_refusal_needs_a_reason():
    for move in TRANSITIONS:
        if (
            move.target in (Stage.REJECTED, Stage.WITHDRAWN)
            or move.action.name.endswith("RETURN")
            or "RETURN" in move.action.name
        ):
            assert move.needs_reason, move


@given(st.sampled_from([Duty.REVIEW, Duty.APPROVE]), st.integers(1, 50), st.integers(1, 50))
def test_the_person_who_entered_a_case_never_checks_it(duty, actor, other):
    assert separation_violation(duty, actor_id=actor, entered_by_id=actor, reviewed_by_id=other) is not None
    assert separation_violation(Duty.HANDLE, actor_id=actor, entered_by_id=actor, reviewed_by_id=None) is None


def test_reviewer_does_not_approve_and_decision_level_is_respected():
    assert separation_violation(Duty.APPROVE, actor_id=2, entered_by_id=1, reviewed_by_id=2)
    assert separation_violation(Duty.APPROVE, actor_id=3, entered_by_id=1, reviewed_by_id=2) is None
    assert decision_level_violation("county", 4) and decision_level_violation("county", 3) is None
    assert decision_level_violation("township", 4) is None and decision_level_violation("township", 5)


def test_missing_materials_are_listed_once_in_checklist_order():
    required = ["申请书", "户口簿", "收入声明", "授权书"]
    assert missing_materials(required, ["授权书", "申请书", "申请书"]) == ["户口簿", "收入声明"]


def test_eligibility_reports_every_criterion():
    facts = HouseholdFacts(Decimal("500"), Decimal("20000"), [72, 40], [None, 2])
    results = check_eligibility(
        {"income_below": "dibao", "asset_limit": True, "min_age": 60, "disability_grades": [1, 2]},
        facts, income_line=Decimal("663"), monthly_dibao_standard=Decimal("663"), asset_limit_months=Decimal(24),
    )  # fmt: skip
    assert [r.met for r in results] == [True, False, True, True]
    assert is_eligible(results) is False


def test_unknown_income_leaves_eligibility_open_and_unknown_criteria_are_refused():
    facts = HouseholdFacts(None, None, [30], [None])
    results = check_eligibility(
        {"income_below": "dibao"}, facts, income_line=Decimal("663"), monthly_dibao_standard=None
    )
    assert is_eligible(results) is None
    with pytest.raises(AssistanceRuleError):
        validate_criteria({"min_agee": 80})


@given(st.decimals(0, 5000, places=2), st.decimals(1, 3000, places=2))
def test_income_criterion_is_strictly_below_the_line(income, line):
    facts = HouseholdFacts(income, None, [], [])
    (result,) = check_eligibility(
        {"income_below": "dibao"}, facts, income_line=line, monthly_dibao_standard=line
    )
    assert result.met is (income < line)


@given(st.lists(st.integers(0, 20), max_size=30))
def test_any_walk_through_allowed_moves_stops_for_good_at_a_decision(choices):
    stage, visited = Stage.APPLIED, [Stage.APPLIED]
    for choice in choices:
        moves = moves_from(stage)
        if not moves:
            assert stage in FINAL_STAGES
            break
        stage = moves[choice % len(moves)].target
        visited.append(stage)
    # Once decided, nothing follows; 申请 is never re-entered.
    decided = [i for i, s in enumerate(visited) if s in FINAL_STAGES]
    assert not decided or decided[0] == len(visited) - 1
    assert Stage.APPLIED not in visited[1:]
