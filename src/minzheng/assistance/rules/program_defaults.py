"""Shipped eligibility criteria and material checklists per program category (a division may override both).

Sources: 民发〔2021〕57号 第二章 (申请材料: 申请书、户口簿和身份证、家庭收入和财产状况声明、授权核对
书), 《特困人员认定办法》(2021), 国发〔2015〕52号, 国发〔2014〕47号. Amounts are never here — they are
standards and parameters.
"""

_BASIC = ("申请书", "户口簿及家庭成员身份证", "家庭收入和财产状况声明", "家庭经济状况核对授权书")

MATERIALS: dict[str, tuple[str, ...]] = {
    "dibao_urban": _BASIC,
    "dibao_rural": _BASIC,
    "dibao_edge": _BASIC,
    "expenditure_hardship": (*_BASIC, "医疗、教育等刚性支出票据"),
    "tekun_centralised": ("申请书", "户口簿及身份证", "残疾证或医学诊断证明（如有）", "生活自理能力评估表"),
    "tekun_dispersed": ("申请书", "户口簿及身份证", "残疾证或医学诊断证明（如有）", "生活自理能力评估表"),
    "temporary_emergency": ("申请书（可事后补充）", "身份证", "遭遇急难情况的说明"),
    "temporary_expenditure": ("申请书", "户口簿及身份证", "支出票据"),
    "orphan_centralised": ("申请书", "儿童户口簿", "父母死亡或宣告失踪证明"),
    "orphan_scattered": ("申请书", "儿童户口簿", "父母死亡或宣告失踪证明", "监护人身份证"),
    "de_facto_unattended_child": ("申请书", "儿童户口簿", "父母重残、重病、服刑等证明"),
    "disability_living": ("申请书", "身份证", "第二代残疾人证"),
    "disability_care": ("申请书", "身份证", "第二代残疾人证（一、二级）"),
    "longevity": ("申请书", "身份证"),
    "elderly_hardship": ("申请书", "身份证", "家庭经济状况证明"),
}

CRITERIA: dict[str, dict[str, object]] = {
    "dibao_urban": {"income_below": "dibao", "asset_limit": True},
    "dibao_rural": {"income_below": "dibao", "asset_limit": True},
    # 低收入人口认定: under the edge line, not 低保-eligible itself, assets within the local limit.
    "dibao_edge": {"income_below": "dibao_edge", "not_dibao_eligible": True, "asset_limit": True},
    # 《特困人员认定办法》(民发〔2021〕43号) 第六条: 无生活来源 = 收入低于当地最低生活保障标准 (the 1.3 ×
    # multiplier sets the 基本生活标准 paid, never the income test).
    # 第四条、第五条: 无劳动能力 and no 法定义务人 able to support are conditions too.
    "tekun_centralised": {"income_below": "dibao", "no_work_capacity": True, "no_able_obligor": True},
    "tekun_dispersed": {"income_below": "dibao", "no_work_capacity": True, "no_able_obligor": True},
    # 国发〔2015〕52号: 生活补贴 for 低保家庭中的残疾人; 护理补贴 for 一、二级 (三、四级智力、精神 where adopted).
    "disability_living": {"disability_grades": [1, 2, 3, 4], "in_dibao_household": True},
    "disability_care": {"severe_disability_care": True},
    "longevity": {"min_age": 90},
    "elderly_hardship": {"min_age": 60, "income_below": "dibao_edge"},
    "orphan_centralised": {"max_age": 17},
    "orphan_scattered": {"max_age": 17},
    "de_facto_unattended_child": {"max_age": 17},
}


def materials_for(category: str) -> tuple[str, ...]:
    return MATERIALS.get(category, _BASIC)


def criteria_for(category: str) -> dict[str, object]:
    return dict(CRITERIA.get(category, {}))
