"""特困人员认定: who is 无劳动能力, when the 法定义务人 cannot support, the minor kept on while in school, and the
county's spot check of the township's files.

Source: 民政部《特困人员认定办法》(民发〔2021〕43号) — 第四条 (无劳动能力、无生活来源、无法定赡养抚养扶养义务
人或者其法定义务人无履行义务能力), 第五条 (无劳动能力), 第六条 (无生活来源: 收入低于当地低保标准 — see
``program_defaults``), 第八条 (义务人无履行义务能力), the article on 县级 审查 (随机抽查, 不低于30%). Every age,
grade and share arrives as an argument from the dated parameter records.
"""

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .errors import AssistanceRuleError


@dataclass(frozen=True)
class TekunAgeLimits:
    """第五条: 60周岁以上的老年人 and 未满16周岁的未成年人 (辽宁: 18 — ``tekun_minor_entry_age``)."""

    elderly_age: int
    minor_entry_age: int


@dataclass(frozen=True)
class DisabilityGradeLimits:
    """第五条（三）: the worst grade still counted as 无劳动能力, per 残疾类别 (grade 1 is the most severe).

    Nationally 一至三级 智力、精神, 一、二级 肢体, 一级 视力; a province may list more (第五条（四）).
    """

    intellectual_mental: int
    physical: int
    visual: int

    def qualifies(self, category: str, grade: int | None) -> bool:
        if grade is None:
            return False
        limit = {
            "智力": self.intellectual_mental,
            "精神": self.intellectual_mental,
            "肢体": self.physical,
        }.get(category, self.visual if category == "视力" else 0)
        return 1 <= grade <= limit


def tekun_unable_to_work(
    age: int, disability_category: str, disability_grade: int | None, *, ages: TekunAgeLimits,
    disability: DisabilityGradeLimits,
) -> bool:  # fmt: skip
    """无劳动能力 (《特困人员认定办法》第五条): an elderly person, a minor under the entry age, or a person with
    one of the listed disabilities."""
    if age >= ages.elderly_age or age < ages.minor_entry_age:
        return True
    return disability.qualifies(disability_category, disability_grade)


def tekun_minor_continues(age: int, *, in_school: bool, ages: TekunAgeLimits) -> bool:
    """A minor already supported stays on past the entry age while still at school (接受义务教育或在普通高中、
    中等职业学校就读, 《特困人员认定办法》第五条 and the 国发〔2016〕14号 意见)."""
    return age < ages.minor_entry_age or in_school


class ObligorInability(StrEnum):
    """法定义务人无履行义务能力的情形 (《特困人员认定办法》第八条)."""

    TEKUN = "本人是特困人员"
    ELDERLY_DIBAO = "60周岁以上的最低生活保障对象"
    ELDERLY_LOW_INCOME = "70周岁以上，本人收入低于当地上年人均可支配收入且财产符合低保规定"
    DISABLED_LOW_INCOME = (
        "重度残疾人或三级智力、精神残疾人，本人收入低于当地上年人均可支配收入且财产符合低保规定"
    )
    SERVING_SENTENCE_OR_MISSING = "无民事行为能力、被宣告失踪或在监狱服刑，且财产符合低保规定"
    PROVINCIAL = "省级人民政府规定的其他情形"


@dataclass(frozen=True)
class Obligor:
    """A 法定赡养、抚养、扶养义务人 the investigation found, and the listed reason they cannot support (if any)."""

    name: str
    relation: str
    inability: ObligorInability | None


def tekun_has_no_able_obligor(obligors: Iterable[Obligor]) -> bool:
    """第四条（三）: no 法定义务人, or every one of them 无履行义务能力 for a reason 第八条 lists."""
    return all(obligor.inability is not None for obligor in obligors)


def spot_check_sample_size(population: int, share: Decimal) -> int:
    """How many files the county checks: at least ``share`` of them (不得低于30%), rounded up."""
    if population < 0 or not Decimal(0) < share <= Decimal(1):
        raise AssistanceRuleError("抽查比例应在 0 至 1 之间")
    return min(population, math.ceil(Decimal(population) * share))


def draw_spot_check_sample(ids: Sequence[int], size: int, *, seed: str) -> list[int]:
    """A random draw of ``size`` files that anyone can repeat from the recorded seed (随机抽查, auditable)."""
    if size > len(ids):
        raise AssistanceRuleError("抽查数量超过案件数")
    return sorted(random.Random(seed).sample(sorted(ids), size))
