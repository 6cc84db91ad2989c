"""双随机、一公开: random selection of the units to inspect and of the inspectors who go — one draw for every
domain that supervises (养老机构, 殡葬设施, 社会组织 …), so the kernel holds it.

国办发〔2015〕58号 (推广随机抽查规范事中事后监管): 随机抽取检查对象，随机选派执法检查人员，抽查情况及
查处结果及时向社会公开. Reproducible: the draw depends only on the candidates and the published seed, so
anyone holding the seed and the lists can repeat it. Fair: every institution (and every inspector) has the
same chance — candidates are sorted by id before drawing so the database's order cannot tilt the draw.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass


class InspectionDrawError(ValueError):
    """A draw that cannot be made (count or team size out of range); the message is for the user."""


@dataclass(frozen=True)
class Assignment:
    """One drawn institution and the inspectors drawn to go there."""

    institution_id: int
    inspector_ids: tuple[int, ...]


def draw_inspections(
    institution_ids: Sequence[int],
    inspector_ids: Sequence[int],
    *,
    count: int,
    team_size: int,
    seed: int,
) -> list[Assignment]:
    """Draw ``count`` institutions uniformly without replacement, and for each a team of ``team_size``
    inspectors drawn uniformly without replacement from the pool (an inspector may serve several teams:
    the pool is smaller than the list of institutions in practice, so teams are drawn independently).
    """
    institutions = sorted(set(institution_ids))
    inspectors = sorted(set(inspector_ids))
    if count <= 0:
        raise InspectionDrawError("抽查数量须大于0")
    if count > len(institutions):
        raise InspectionDrawError(f"抽查数量（{count}）超过检查对象数量（{len(institutions)}）")
    if team_size <= 0 or team_size > len(inspectors):
        raise InspectionDrawError(
            f"每组检查人员数（{team_size}）须在 1 到执法人员数（{len(inspectors)}）之间"
        )
    rng = random.Random(seed)
    chosen = rng.sample(institutions, count)
    return [
        Assignment(institution, tuple(sorted(rng.sample(inspectors, team_size)))) for institution in chosen
    ]


def sample_size(population: int, share_percent: int, minimum: int = 1) -> int:
    """抽查比例 → number of institutions: the share rounded up, at least ``minimum``, at most everything."""
    if population <= 0:
        return 0
    if not 0 < share_percent <= 100:
        raise InspectionDrawError("抽查比例须在 1–100 之间")
    return min(population, max(minimum, -(-population * share_percent // 100)))
