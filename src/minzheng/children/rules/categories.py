"""儿童类别: the flags of the child register, their age limits and the pairs that exclude each other.

Sources: 孤儿 — 国办发〔2010〕54号 ("失去父母、查找不到生父母的未满18周岁的未成年人"); 事实无人抚养儿童 —
民发〔2019〕62号 一; 困境儿童 (家庭贫困 / 自身残疾 / 监护缺失或监护不当) — 国发〔2016〕36号; 农村留守儿童 —
国发〔2016〕13号 ("父母双方外出务工或一方外出务工另一方无监护能力、不满十六周岁的未成年人"); 流浪儿童 —
未保法 Art 92(1). Every category is of a 未成年人 (未保法 Art 2: 未满十八周岁).
"""

from dataclasses import dataclass
from datetime import date

from .periods import age_on, last_day_under, overlaps

ORPHAN_INSTITUTIONAL = "orphan_institutional"
ORPHAN_SCATTERED = "orphan_scattered"
DE_FACTO = "de_facto_unattended"
HARDSHIP_POVERTY = "hardship_poverty"
HARDSHIP_DISABILITY = "hardship_disability"
HARDSHIP_GUARDIANSHIP = "hardship_guardianship"
LEFT_BEHIND = "left_behind"
STREET = "street"

LABELS = {
    ORPHAN_INSTITUTIONAL: "孤儿（集中养育）",
    ORPHAN_SCATTERED: "孤儿（散居）",
    DE_FACTO: "事实无人抚养儿童",
    HARDSHIP_POVERTY: "困境儿童（家庭贫困）",
    HARDSHIP_DISABILITY: "困境儿童（自身残疾）",
    HARDSHIP_GUARDIANSHIP: "困境儿童（监护缺失或监护不当）",
    LEFT_BEHIND: "农村留守儿童",
    STREET: "流浪儿童",
}
ORPHANS = frozenset({ORPHAN_INSTITUTIONAL, ORPHAN_SCATTERED})

# Pairs that cannot hold on the same day: 集中 and 散居 are two ways of raising one orphan; an orphan has no
# parents to be 事实无人抚养 by or to be left behind by; 事实无人抚养 needs both parents in a listed condition,
# which 外出务工 is not (民发〔2019〕62号 一), so it excludes 留守 (国发〔2016〕13号).
EXCLUSIVE = frozenset(
    frozenset(pair)
    for pair in [
        (ORPHAN_INSTITUTIONAL, ORPHAN_SCATTERED),
        (ORPHAN_INSTITUTIONAL, DE_FACTO),
        (ORPHAN_SCATTERED, DE_FACTO),
        (ORPHAN_INSTITUTIONAL, LEFT_BEHIND),
        (ORPHAN_SCATTERED, LEFT_BEHIND),
        (DE_FACTO, LEFT_BEHIND),
    ]
)


@dataclass(frozen=True)
class AgeLimits:
    """Ages (周岁) from the policy store: a minor is under ``minor`` (18), a 留守 child under ``left_behind`` (16)."""

    minor: int
    left_behind: int

    def of(self, category: str) -> int:
        return self.left_behind if category == LEFT_BEHIND else self.minor


@dataclass(frozen=True)
class Flag:
    category: str
    valid_from: date
    valid_to: date | None


def excludes(a: str, b: str) -> bool:
    return frozenset((a, b)) in EXCLUSIVE


def age_rule(category: str, limits: AgeLimits) -> str:
    if category == LEFT_BEHIND:
        return f"农村留守儿童须不满{limits.left_behind}周岁（国发〔2016〕13号）"
    return f"{LABELS[category]}须未满{limits.minor}周岁（未成年人保护法第二条）"


def last_valid_day(category: str, birth: date, limits: AgeLimits) -> date:
    """The flag ends at the latest the day before the birthday its age limit names."""
    return last_day_under(birth, limits.of(category))


def flag_errors(new: Flag, birth: date, existing: list[Flag], limits: AgeLimits) -> list[str]:
    """Why a category flag cannot be recorded (empty when it can); each message names the rule."""
    errors = []
    if new.category not in LABELS:
        return ["请选择儿童类别"]
    if new.valid_to is not None and new.valid_to < new.valid_from:
        errors.append("有效期止不能早于有效期起")
    if age_on(birth, new.valid_from) >= limits.of(new.category):
        errors.append(age_rule(new.category, limits))
    elif new.valid_to is not None and new.valid_to > last_valid_day(new.category, birth, limits):
        errors.append(
            f"有效期止不能晚于{last_valid_day(new.category, birth, limits)}：{age_rule(new.category, limits)}"
        )
    for flag in existing:
        if not overlaps(new.valid_from, new.valid_to, flag.valid_from, flag.valid_to):
            continue
        if flag.category == new.category:
            errors.append(f"已有{LABELS[new.category]}的有效期与此重叠（{flag.valid_from}起）")
        elif excludes(flag.category, new.category):
            errors.append(
                f"{LABELS[new.category]}与{LABELS[flag.category]}不能同时成立（{flag.valid_from}起的记录），"
                "请先结束原类别"
            )
    return errors
