"""The policy parameters 儿童福利 reads (ages, the 6-month duration, the contact interval, recognition time
limits) and their shipped values. The 孤儿/事实无人抚养 monthly standards are 社会救助's dated 保障标准
(``assistance.interface.standard_in_force``: 丹东 1,638 / 1,284 元/月 from the plan), read, not copied."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

GROUP = "儿童福利"
PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec("children_minor_age", "未成年人年龄上限（不满）", "周岁", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_left_behind_age", "农村留守儿童年龄上限（不满）", "周岁", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_parent_condition_months", "事实无人抚养：失联、限制人身自由的最短期限", "月", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_contact_interval_days", "留守儿童父母联系间隔（至少每周一次）", "天", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_allowance_check_working_days", "儿童基本生活保障乡镇查验期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_allowance_confirm_working_days", "儿童基本生活保障县级确认期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_visit_interval_days", "在档儿童定期走访间隔", "天", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_case_assessment_working_days", "未保案件调查评估期限（自接报）", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_case_plan_working_days", "未保案件帮扶计划期限（自评估）", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("children_case_review_working_days", "未保案件结案复核期限（自结案）", "工作日", ValueType.INTEGER, group=GROUP),
)  # fmt: skip

SEEDS: tuple[SeedParameter, ...] = (
    national("children_minor_age", 18, "《中华人民共和国未成年人保护法》第二条：未成年人是指未满十八周岁的公民", date(2021, 6, 1)),
    national("children_left_behind_age", 16, "国发〔2016〕13号：农村留守儿童是指父母双方外出务工或一方外出务工另一方无监护能力、不满十六周岁的未成年人", date(2016, 2, 4)),
    national("children_parent_condition_months", 6, "民发〔2019〕62号 一：失联是指失去联系且未履行监护抚养责任6个月以上；服刑在押、强制隔离戒毒或被执行其他限制人身自由的措施是指期限在6个月以上", date(2019, 6, 18)),
    national("children_contact_interval_days", 7, "《未成年人保护法》第二十三条：与未成年人、被委托人至少每周联系和交流一次", date(2021, 6, 1)),
    national("children_allowance_check_working_days", 15, "民发〔2019〕62号 二（二）：乡镇人民政府（街道办事处）应当在自收到申请之日起15个工作日内作出查验结论（孤儿参照执行）", date(2019, 6, 18)),
    national("children_allowance_confirm_working_days", 15, "民发〔2019〕62号 二（三）：县级民政部门应当在自收到申报材料及查验结论之日起15个工作日内作出确认（孤儿参照执行）", date(2019, 6, 18)),
    national("children_visit_interval_days", 90, "平台示例缺省值（非国家规定）：国发〔2016〕13号、36号只要求“定期走访”，未规定频次，请按本地办法核定（可按区划设置）", date(2016, 2, 4)),
    national("children_case_assessment_working_days", 5, "平台示例缺省值（非国家规定）：国发〔2016〕13号、36号只要求“第一时间”报告、及时调查评估，请按本地办法核定", date(2016, 2, 4)),
    national("children_case_plan_working_days", 5, "平台示例缺省值（非国家规定）：评估后及时制定帮扶计划，请按本地办法核定", date(2016, 2, 4)),
    national("children_case_review_working_days", 10, "平台示例缺省值（非国家规定）：结案后由督导人员复核，请按本地办法核定", date(2016, 2, 4)),
)  # fmt: skip
