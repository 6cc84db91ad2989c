"""老年人能力评估 (GB/T 42195-2022) scoring against worked examples; pure, runs without Django."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.eldercare.rules.assessment import (
    CONTINENCE_BANDS,
    ITEMS,
    ITEMS_BY_CODE,
    PARTS,
    CapabilityLevel,
    level_for_total,
    next_assessment_due,
    score_assessment,
    validate_scores,
)
from minzheng.eldercare.rules.errors import EldercareRuleError


def all_max() -> dict[str, int]:
    return {item.code: item.max_score for item in ITEMS}


def test_the_form_has_26_items_in_four_parts_totalling_90():
    assert len(ITEMS) == 26
    assert [(p.name, sum(i.max_score for i in ITEMS if i.part == p.code)) for p in PARTS] == [
        ("自理能力", 32),
        ("基础运动能力", 15),
        ("精神状态", 28),
        ("感知觉与社会参与", 15),
    ]
    assert [sum(1 for i in ITEMS if i.part == p.code) for p in PARTS] == [8, 4, 9, 5]


def test_full_marks_is_capability_intact():
    result = score_assessment(all_max())
    assert (result.total, result.level) == (90, CapabilityLevel.INTACT)
    assert result.part_scores == {"self_care": 32, "motor": 15, "mental": 28, "perception": 15}


@pytest.mark.parametrize(
    ("total", "level"),
    [
        (90, CapabilityLevel.INTACT),
        (89, CapabilityLevel.MILD),
        (66, CapabilityLevel.MILD),
        (65, CapabilityLevel.MODERATE),
        (46, CapabilityLevel.MODERATE),
        (45, CapabilityLevel.SEVERE),
        (30, CapabilityLevel.SEVERE),
        (29, CapabilityLevel.TOTAL_LOSS),
        (0, CapabilityLevel.TOTAL_LOSS),
    ],
)
def test_level_boundaries_of_table_2(total, level):
    assert level_for_total(total) == level


def test_worked_example_of_an_elder_needing_some_help_is_mildly_impaired():
    # 自理 all "需要他人指导或监护" (3×8 = 24); 运动 3,3,3 and stairs with supervision 2 (11);
    # 精神 slight memory trouble, otherwise intact (27); 感知 reads large print only, needs guidance for
    # daily affairs, taxi only, adapts to simple surroundings (2+2+3+2+3 = 12) → 74 → 轻度受损.
    scores = {f"B.1.{n}": 3 for n in range(1, 9)}
    scores |= {"B.2.1": 3, "B.2.2": 3, "B.2.3": 3, "B.2.4": 2}
    scores |= {
        "B.3.1": 4,
        "B.3.2": 4,
        "B.3.3": 4,
        "B.3.4": 3,
        "B.3.5": 4,
        "B.3.6": 4,
        "B.3.7": 1,
        "B.3.8": 1,
        "B.3.9": 2,
    }
    scores |= {"B.4.1": 2, "B.4.2": 2, "B.4.3": 3, "B.4.4": 2, "B.4.5": 3}
    result = score_assessment(scores)
    assert result.part_scores == {"self_care": 24, "motor": 11, "mental": 27, "perception": 12}
    assert (result.total, result.level, result.by_coma) == (74, CapabilityLevel.MILD, False)
    assert result.level.label == "能力轻度受损（轻度失能）"


def test_worked_example_of_a_bedridden_elder_is_total_loss():
    # Fully dependent for self-care and movement (0), disoriented but conscious: 精神 1+1+2+1+1+1+1+1+2 = 11;
    # 感知 1+1+0+0+1 = 3 → 14 → 完全丧失.
    scores = {item.code: 0 for item in ITEMS if item.part in {"self_care", "motor"}}
    scores |= {
        "B.3.1": 1,
        "B.3.2": 1,
        "B.3.3": 2,
        "B.3.4": 1,
        "B.3.5": 1,
        "B.3.6": 1,
        "B.3.7": 1,
        "B.3.8": 1,
        "B.3.9": 2,
    }
    scores |= {"B.4.1": 1, "B.4.2": 1, "B.4.3": 0, "B.4.4": 0, "B.4.5": 1}
    result = score_assessment(scores)
    assert (result.total, result.level) == (14, CapabilityLevel.TOTAL_LOSS)


def test_coma_a_5_11_is_total_loss_whatever_the_total_c4():
    result = score_assessment(all_max(), coma=True)
    assert result.total == 90 and result.level == CapabilityLevel.TOTAL_LOSS and result.by_coma


def test_consciousness_b_3_9_zero_is_scored_not_an_override_c4():
    # B.3.9 = 0 means 昏睡 or 昏迷 on the 意识水平 item: 2 points fewer, level by the total (88 → 轻度受损).
    result = score_assessment(all_max() | {"B.3.9": 0})
    assert result.total == 88 and result.level == CapabilityLevel.MILD and not result.by_coma
    assert dict(ITEMS_BY_CODE["B.3.9"].options)[0] == "昏睡或昏迷"
    assert dict(ITEMS_BY_CODE["B.3.9"].options)[1] == "嗜睡"


@pytest.mark.parametrize("code", ["F00", "F01.1", "F03", "F20", "F32.9", "F99"])
def test_a_dementia_or_psychiatric_diagnosis_raises_the_level_one_step_c4(code):
    base = score_assessment(all_max() | {"B.1.1": 0})  # 86: 轻度受损
    result = score_assessment(all_max() | {"B.1.1": 0}, diagnoses=[code])
    assert base.level == CapabilityLevel.MILD
    assert result.level == CapabilityLevel.MODERATE and result.base_level == CapabilityLevel.MILD
    assert result.upgrade_reasons


@pytest.mark.parametrize("code", ["G30", "I63", "E11", "", "X"])
def test_other_diagnoses_do_not_raise_the_level_c4(code):
    assert score_assessment(all_max() | {"B.1.1": 0}, diagnoses=[code]).level == CapabilityLevel.MILD


@given(
    total_drop=st.integers(0, 20),
    events=st.integers(0, 5),
    dementia=st.booleans(),
)
def test_upgrade_is_one_level_for_any_c4_condition_capped_at_total_loss(total_drop, events, dementia):
    scores = all_max()
    remaining = total_drop
    for item in ITEMS:  # lower the self-care items first to reach the wanted total
        cut = min(remaining, scores[item.code])
        scores[item.code] -= cut
        remaining -= cut
    base = score_assessment(scores)
    result = score_assessment(scores, diagnoses=["F01"] if dementia else [], care_risk_events_30d=events)
    # Oracle (附录C C.4): 痴呆 F00–F03, 精神科疾病 F04–F99, or ≥ 2 照护风险事件 in 30 days → one level up.
    raised = dementia or events >= 2
    expected = min(base.level + 1, CapabilityLevel.TOTAL_LOSS) if raised else base.level
    assert result.level == expected


def test_one_care_risk_event_does_not_raise_the_level_c4():
    assert score_assessment(all_max(), care_risk_events_30d=1).level == CapabilityLevel.INTACT
    assert score_assessment(all_max(), care_risk_events_30d=2).level == CapabilityLevel.MILD


def test_stairs_b_2_4_zero_point_option_is_mainly_relying_on_others():
    assert dict(ITEMS_BY_CODE["B.2.4"].options)[0] == "主要依靠他人"


@given(per_week=st.fractions(min_value=0, max_value=50))
def test_continence_frequency_bands_do_not_overlap_b_1_6_b_1_7(per_week):
    # Exactly one of the scored frequency bands holds for any frequency of incontinence below "complete".
    matching = [band for band in CONTINENCE_BANDS if band.holds(per_week)]
    assert len(matching) == 1


def test_missing_and_out_of_range_scores_are_named_item_by_item():
    scores = all_max()
    del scores["B.1.3"]
    scores["B.2.4"] = 4  # stairs go to 3 only
    problems = dict(validate_scores(scores))
    assert problems == {"B.1.3": "B.1.3 洗澡：请选择评分", "B.2.4": "B.2.4 上下楼梯：评分须为 0–3 中的选项"}
    with pytest.raises(EldercareRuleError):
        score_assessment(scores)


@given(st.fixed_dictionaries({item.code: st.sampled_from([s for s, _ in item.options]) for item in ITEMS}))
def test_total_is_the_sum_of_parts_and_level_is_monotone(scores):
    result = score_assessment(scores)
    assert result.total == sum(scores.values()) == sum(result.part_scores.values())
    if scores["B.3.9"] != 0:
        assert result.level == level_for_total(result.total)
    better = dict(scores)
    for code, score in scores.items():
        item = next(i for i in ITEMS if i.code == code)
        if score < item.max_score and code != "B.3.9":
            better[code] = item.max_score
            break
    assert score_assessment(better).level <= result.level


def test_routine_reassessment_falls_due_after_the_interval_clamped_to_month_end():
    assert next_assessment_due(date(2025, 3, 15), 12) == date(2026, 3, 15)
    assert next_assessment_due(date(2024, 8, 31), 6) == date(2025, 2, 28)
    with pytest.raises(EldercareRuleError):
        next_assessment_due(date(2025, 1, 1), 0)
