"""The policy parameters 残疾人两项补贴 reads: its time limits. The monthly amounts are 社会救助's dated 保障标准
(``disability_living`` / ``disability_care``), the scope extensions 社会救助's parameters
``disability_living_includes_dibao_edge`` and ``disability_care_mental_grades_3_4`` — read, not copied."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

GROUP = "残疾人两项补贴"
_W18 = "domain-rules-2 §9 [W18] 两项补贴地方办理规程"
_KS = "domain-rules-2 §9 [W18] 两项补贴“跨省通办”"
FROM = date(2016, 1, 1)
ONLINE = date(2021, 4, 22)

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec("disability_township_check_working_days", "两项补贴乡镇初审期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("disability_publicity_days", "两项补贴初审公示期（不少于）", "天", ValueType.INTEGER, group=GROUP),
    ParameterSpec("disability_cdpf_review_working_days", "两项补贴县残联审核期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("disability_decision_working_days", "两项补贴县民政审定期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("disability_transfer_push_working_days", "跨省通办：收件地推送户籍地期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("disability_transfer_decision_working_days", "跨省通办：户籍地办理期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("disability_transfer_notice_working_days", "跨省通办：收件地告知结果期限", "工作日", ValueType.INTEGER, group=GROUP),
    ParameterSpec("disability_change_task_working_days", "两项补贴变更任务办理期限", "工作日", ValueType.INTEGER, group=GROUP),
)  # fmt: skip

SEEDS: tuple[SeedParameter, ...] = (
    national("disability_township_check_working_days", 10, f"{_W18}：乡镇（街道）10个工作日内完成初审", FROM),
    national("disability_publicity_days", 7, f"{_W18}：初审结果公示不少于7天", FROM),
    national("disability_cdpf_review_working_days", 10, f"{_W18}：县级残联10个工作日内审核残疾人证和残疾等级", FROM),
    national("disability_decision_working_days", 10, "平台示例缺省值（规程只写“县级民政部门审定”，未见期限）：按户籍地办理期限10个工作日，请按本地办法核定", FROM),
    national("disability_transfer_push_working_days", 3, f"{_KS}：收件地自材料齐全之日起3个工作日内通过全国残疾人两项补贴信息系统推送户籍地", ONLINE),
    national("disability_transfer_decision_working_days", 10, f"{_KS}：户籍地10个工作日内办理", ONLINE),
    national("disability_transfer_notice_working_days", 3, f"{_KS}：收件地3个工作日内告知申请人结果", ONLINE),
    national("disability_change_task_working_days", 10, "平台示例缺省值（非国家规定）：“应补尽补、应退尽退”，变更核实请按本地办法核定", FROM),
)  # fmt: skip
