"""Parents' situations and what they make of a child: 孤儿, 事实无人抚养儿童, 农村留守儿童.

事实无人抚养儿童 (民发〔2019〕62号 一): both parents 重残/重病/服刑在押/强制隔离戒毒/被执行其他限制人身自由的措施/
失联; or one parent 死亡 or 失踪 and the other in one of those conditions. 重残 = 一级二级残疾 or 三级四级精神、
智力残疾; 失联 = 失去联系且未履行监护抚养责任 6 个月以上; 服刑在押、强制隔离戒毒、其他限制人身自由 = 期限 6 个月以上;
死亡 = 自然死亡或宣告死亡; 失踪 = 宣告失踪. 重病 is defined locally (recorded with its evidence).
孤儿 (国办发〔2010〕54号): 失去父母、查找不到生父母. 农村留守儿童 (国发〔2016〕13号): 父母双方外出务工, or one away and
the other 无监护能力, and the child 不满十六周岁 (age checked in ``categories``).
"""

from dataclasses import dataclass
from datetime import date

from .periods import months_later

NORMAL = "normal"
DEAD = "dead"
MISSING = "missing"
UNKNOWN = "unknown"
LOST_CONTACT = "lost_contact"
IMPRISONED = "imprisoned"
DRUG_REHAB = "drug_rehab"
RESTRICTED = "restricted"
SEVERE_DISABILITY = "severe_disability"
SEVERE_ILLNESS = "severe_illness"
WORKING_AWAY = "working_away"
INCAPABLE = "incapable"

LABELS = {
    NORMAL: "正常履行监护职责",
    DEAD: "死亡（含宣告死亡）",
    MISSING: "宣告失踪",
    UNKNOWN: "查找不到（生父母不明）",
    LOST_CONTACT: "失联（未履行监护抚养责任）",
    IMPRISONED: "服刑在押",
    DRUG_REHAB: "强制隔离戒毒",
    RESTRICTED: "被执行其他限制人身自由的措施",
    SEVERE_DISABILITY: "重残",
    SEVERE_ILLNESS: "重病",
    WORKING_AWAY: "外出务工",
    INCAPABLE: "无监护能力（其他原因）",
}
_TERMED = frozenset({IMPRISONED, DRUG_REHAB, RESTRICTED})
# 无监护能力 for 留守 (国发〔2016〕13号): the text says only "无监护能力"; conditions that take the capacity away
# are counted (重残, 重病, 其他无监护能力) — a dead or detained parent makes the child a candidate for the
# stronger categories instead.
_NO_CAPACITY = frozenset({INCAPABLE, SEVERE_DISABILITY, SEVERE_ILLNESS})
_SEVERE_LOW_GRADE_KINDS = frozenset({"智力", "精神"})


@dataclass(frozen=True)
class ParentSituation:
    """One parent's situation as recorded: ``since`` (from when), ``until`` (term end, for detention; the
    day it stopped otherwise), the 残疾证 grade and kind for 重残."""

    condition: str
    since: date | None = None
    until: date | None = None
    disability_grade: int | None = None
    disability_kind: str = ""

    def in_force(self, on: date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)


def severely_disabled(grade: int | None, kind: str) -> bool:
    """重残: 一级、二级残疾, or 三级、四级精神、智力残疾 (民发〔2019〕62号 一)."""
    if grade in (1, 2):
        return True
    return grade in (3, 4) and kind in _SEVERE_LOW_GRADE_KINDS


def qualifying_condition(parent: ParentSituation, on: date, months: int) -> bool:
    """The parent is in one of 62号's listed conditions on ``on`` (``months`` = 6 from the policy store)."""
    if not parent.in_force(on):
        return False
    c = parent.condition
    if c == SEVERE_DISABILITY:
        return severely_disabled(parent.disability_grade, parent.disability_kind)
    if c == SEVERE_ILLNESS:
        return True
    if c == LOST_CONTACT:
        return parent.since is not None and months_later(parent.since, months) <= on
    if c in _TERMED:
        return (
            parent.since is not None
            and parent.until is not None
            and months_later(parent.since, months) <= parent.until
        )
    return False


def dead_or_missing(parent: ParentSituation, on: date) -> bool:
    return parent.condition in (DEAD, MISSING) and (parent.since is None or parent.since <= on)


def is_de_facto_unattended(father: ParentSituation, mother: ParentSituation, on: date, months: int) -> bool:
    """事实无人抚养儿童 on ``on`` (民发〔2019〕62号 一)."""
    f, m = qualifying_condition(father, on, months), qualifying_condition(mother, on, months)
    return (f and m) or (dead_or_missing(father, on) and m) or (dead_or_missing(mother, on) and f)


def is_orphan(father: ParentSituation, mother: ParentSituation, on: date) -> bool:
    """孤儿: 失去父母、查找不到生父母 (国办发〔2010〕54号) — each parent dead, declared missing or not found."""

    def lost(p: ParentSituation) -> bool:
        return p.condition in (DEAD, MISSING, UNKNOWN) and (p.since is None or p.since <= on)

    return lost(father) and lost(mother)


def is_left_behind(father: ParentSituation, mother: ParentSituation, on: date) -> bool:
    """农村留守儿童's parents (国发〔2016〕13号): both away working, or one away and the other without capacity."""

    def away(p: ParentSituation) -> bool:
        return p.condition == WORKING_AWAY and p.in_force(on)

    def incapable(p: ParentSituation) -> bool:
        return p.condition in _NO_CAPACITY and p.in_force(on)

    return (
        (away(father) and away(mother))
        or (away(father) and incapable(mother))
        or (away(mother) and incapable(father))
    )


UNKNOWN_PARENT = ParentSituation(NORMAL)
