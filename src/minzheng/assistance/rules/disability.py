"""残疾人两项补贴: who may receive 困难残疾人生活补贴 and 重度残疾人护理补贴.

Source: 国务院《关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》(国发〔2015〕52号): 生活补贴
for 低保家庭中的残疾人 (有条件的地方可逐步扩大到低收入残疾人 — the province's choice,
``disability_living_includes_dibao_edge``); 护理补贴 for 残疾等级被评定为一级、二级的重度残疾人 (可扩大到非重度
智力、精神残疾人 — 辽宁规划: 三、四级的智力和精神残疾人, ``disability_care_mental_grades_3_4``).
"""

MENTAL_CATEGORIES = frozenset({"智力", "精神"})
SEVERE_GRADES = frozenset({1, 2})


def disability_living_allowance_eligible(
    disability_grade: int | None, *, household_in_dibao: bool, household_in_dibao_edge: bool,
    includes_dibao_edge: bool,
) -> bool:  # fmt: skip
    """困难残疾人生活补贴: a certified disabled person (any grade) of a 低保 household, or of a 低保边缘
    household where the province has extended it."""
    if disability_grade is None:
        return False
    return household_in_dibao or (includes_dibao_edge and household_in_dibao_edge)


def disability_care_allowance_eligible(
    disability_category: str, disability_grade: int | None, *, mental_grades_3_4: bool
) -> bool:
    """重度残疾人护理补贴: grade 1 or 2; grades 3–4 intellectual or psychiatric where adopted."""
    if disability_grade is None:
        return False
    if disability_grade in SEVERE_GRADES:
        return True
    return mental_grades_3_4 and disability_category in MENTAL_CATEGORIES and disability_grade in (3, 4)
