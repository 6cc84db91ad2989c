"""双随机 selection: reproducible from the published seed, and fair to every institution and inspector."""

from collections import Counter

import pytest

from minzheng.core.random_inspection import InspectionDrawError, draw_inspections, sample_size


def test_the_same_seed_and_lists_give_the_same_draw_whatever_their_order():
    institutions, inspectors = list(range(100, 140)), [7, 3, 9, 12, 5, 4]
    first = draw_inspections(institutions, inspectors, count=8, team_size=2, seed=20260315)
    again = draw_inspections(
        list(reversed(institutions)), sorted(inspectors), count=8, team_size=2, seed=20260315
    )
    assert first == again
    assert first != draw_inspections(institutions, inspectors, count=8, team_size=2, seed=20260316)


def test_a_draw_has_distinct_institutions_and_distinct_team_members():
    draw = draw_inspections(range(30), range(5), count=10, team_size=3, seed=1)
    assert len({a.institution_id for a in draw}) == 10
    assert all(len(set(a.inspector_ids)) == 3 and set(a.inspector_ids) <= set(range(5)) for a in draw)


def test_every_institution_and_inspector_is_equally_likely_over_many_seeds():
    institutions, inspectors, runs = list(range(20)), list(range(6)), 6000
    picked, served = Counter(), Counter()
    for seed in range(runs):
        for assignment in draw_inspections(institutions, inspectors, count=5, team_size=2, seed=seed):
            picked[assignment.institution_id] += 1
            served.update(assignment.inspector_ids)
    expected_pick = runs * 5 / 20  # 1500 each
    expected_serve = runs * 5 * 2 / 6  # 10000 each
    # Pearson chi-square: 19 degrees of freedom → p = 0.001 at 43.8; 5 d.f. → 20.5.
    chi_pick = sum((picked[i] - expected_pick) ** 2 / expected_pick for i in institutions)
    chi_serve = sum((served[i] - expected_serve) ** 2 / expected_serve for i in inspectors)
    assert chi_pick < 43.8 and chi_serve < 20.5
    assert set(picked) == set(institutions)


def test_impossible_draws_are_refused_in_chinese():
    with pytest.raises(InspectionDrawError, match="超过检查对象数量"):
        draw_inspections([1, 2], [1, 2], count=3, team_size=1, seed=0)
    with pytest.raises(InspectionDrawError, match="每组检查人员数"):
        draw_inspections([1, 2], [1], count=1, team_size=2, seed=0)


@pytest.mark.parametrize(
    ("population", "share", "expected"), [(40, 20, 8), (41, 20, 9), (3, 5, 1), (0, 20, 0), (5, 100, 5)]
)
def test_sample_size_rounds_up_the_share(population, share, expected):
    assert sample_size(population, share) == expected
