"""The time limits of 救助管理 (domain-rules-2 §7.1/§7.3) as dated per-division parameters with their source;
``rules/clocks.py`` does the arithmetic, the services and the 待办 read the values in force here."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

GROUP = "流浪乞讨人员救助"

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec("rescue_stay_days", "救助期限（未报备延长时）", "天", ValueType.INTEGER, group=GROUP),
    ParameterSpec("rescue_notice_hours", "身份不明受助人员发布寻亲公告时限", "小时", ValueType.INTEGER, group=GROUP),
    ParameterSpec("rescue_dna_result_months", "公安机关反馈DNA比对结果时限", "月", ValueType.INTEGER, group=GROUP),
    ParameterSpec("rescue_toutiao_after_months", "滞留超过此期限须推送头条寻人、人脸识别", "月", ValueType.INTEGER, group=GROUP),
    ParameterSpec("rescue_settlement_after_months", "身份不明滞留超过此期限列为落户安置对象", "月", ValueType.INTEGER, group=GROUP),
    ParameterSpec("rescue_match_threshold", "寻亲比对提出候选的最低匹配度", "分", ValueType.INTEGER, group=GROUP),
)  # fmt: skip

SEEDS: tuple[SeedParameter, ...] = (
    national("rescue_stay_days", 10, "《城市生活无着的流浪乞讨人员救助管理办法实施细则》（民政部令第24号）：救助期限一般不超过10天；因特殊情况需要延长的，报上级民政主管部门备案", date(2003, 8, 1)),
    national("rescue_notice_hours", 24, "民政部 公安部《关于加强生活无着流浪乞讨人员身份查询和照料安置工作的意见》（2015）：对身份不明的受助人员，自入站之日起24小时内发布寻亲公告", date(2015, 8, 20)),
    national("rescue_dna_result_months", 1, "民政部 公安部《关于加强生活无着流浪乞讨人员身份查询和照料安置工作的意见》（2015）：公安机关在救助管理机构提出协查请求1个月内完成DNA采集比对并反馈", date(2015, 8, 20)),
    national("rescue_toutiao_after_months", 1, "2019年11部门“清零行动”专项行动：滞留超过1个月的受助人员在全国救助寻亲网和“头条寻人”更新寻亲信息、人脸识别比对", date(2019, 4, 1)),
    national("rescue_settlement_after_months", 3, "民政部 公安部《关于加强生活无着流浪乞讨人员身份查询和照料安置工作的意见》（2015）：滞留超过3个月仍无法查明身份的，可办理落户安置", date(2015, 8, 20)),
    national("rescue_match_threshold", 60, "平台缺省值（非国家规定）：匹配度达到60分的寻人报告或易走失人员登记提交经办人确认，请按本地经验核定", date(2020, 1, 1)),
)  # fmt: skip
