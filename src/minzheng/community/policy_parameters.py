"""The policy parameters 基层治理 reads (committee sizes, election and meeting clocks, 村务公开, facilities)."""

from datetime import date
from decimal import Decimal

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

G = "基层治理"
HUNNAN = "210112000000"
LIAONING = "210000000000"


def _int(name: str, label: str, unit: str) -> ParameterSpec:
    return ParameterSpec(name, label, unit, ValueType.INTEGER, group=G)


def _dec(name: str, label: str, unit: str) -> ParameterSpec:
    return ParameterSpec(name, label, unit, ValueType.DECIMAL, group=G)


PARAMETERS: tuple[ParameterSpec, ...] = (
    _int("community_village_members_min", "村民委员会成员最少人数", "人"),
    _int("community_village_members_max", "村民委员会成员最多人数", "人"),
    _int("community_residents_members_min", "居民委员会成员最少人数", "人"),
    _int("community_residents_members_max", "居民委员会成员最多人数", "人"),
    _int("community_residents_households_min", "居民委员会一般设立范围下限", "户"),
    _int("community_residents_households_max", "居民委员会一般设立范围上限", "户"),
    _int("community_term_years", "村（居）民委员会每届任期", "年"),
    _int("community_voter_list_days", "选民名单应在选举日前公布的天数", "日"),
    _int("community_objection_days", "对选民名单提出申诉的期限（自公布之日起）", "日"),
    _int("community_objection_answer_days", "村民选举委员会处理申诉的期限（自收到之日起）", "日"),
    _int("community_non_hukou_residence_years", "户籍不在本村参加选举须居住年限", "年"),
    _int("community_recall_voters_denominator", "罢免联名：有选举权村民的几分之一（分母）", "分之一"),
    _int("community_recall_representatives_denominator", "罢免联名：村民代表的几分之一（分母）", "分之一"),
    _int("community_meeting_notice_days", "村民会议提前通知天数", "日"),
    _int("community_households_quorum_numerator", "村民会议户代表法定比例（分子）", "分之"),
    _int("community_households_quorum_denominator", "村民会议户代表法定比例（分母）", "分之"),
    _int("community_representatives_quorum_numerator", "村民代表会议法定比例（分子）", "分之"),
    _int("community_representatives_quorum_denominator", "村民代表会议法定比例（分母）", "分之"),
    _int("community_disclosure_grace_days", "按月、按季公开事项在期末后最迟公开天数", "日"),
    _int("community_disclosure_immediate_days", "重大事项“随时公布”最迟天数", "日"),
    _int("community_appraisal_consecutive_unfit", "民主评议连续不称职即终止职务的次数", "次"),
    _dec("community_centre_m2_per_100_households", "每百户居民拥有综合服务设施建筑面积下限", "平方米"),
    _dec("community_centre_min_area", "城市社区综合服务设施总建筑面积下限", "平方米"),
    _dec("community_workers_per_10k", "每万名城镇常住人口拥有社区工作者目标", "人"),
    _int("community_urban_grid_min_households", "城市网格户数下限", "户"),
    _int("community_urban_grid_max_households", "城市网格户数上限", "户"),
)

_CW = "《村民委员会组织法》（2018年修正）"
_JW = "《城市居民委员会组织法》（2018年修正）"
_CW_FROM = date(2018, 12, 29)
_EXAMPLE = "平台示例缺省值（非国家规定），请按本地办法核定"
SEEDS: tuple[SeedParameter, ...] = (
    national("community_village_members_min", 3, f"{_CW}第六条：村民委员会由主任、副主任和委员共三至七人组成", _CW_FROM),
    national("community_village_members_max", 7, f"{_CW}第六条：村民委员会由主任、副主任和委员共三至七人组成", _CW_FROM),
    national("community_residents_members_min", 5, f"{_JW}第七条：居民委员会由主任、副主任和委员共五至九人组成", _CW_FROM),
    national("community_residents_members_max", 9, f"{_JW}第七条：居民委员会由主任、副主任和委员共五至九人组成", _CW_FROM),
    national("community_residents_households_min", 100, f"{_JW}第六条：一般在一百户至七百户的范围内设立居民委员会", _CW_FROM),
    national("community_residents_households_max", 700, f"{_JW}第六条：一般在一百户至七百户的范围内设立居民委员会", _CW_FROM),
    national("community_term_years", 5, f"{_CW}第十一条、{_JW}第八条：每届任期五年", _CW_FROM),
    national("community_voter_list_days", 20, f"{_CW}第十四条：登记参加选举的村民名单应当在选举日的二十日以前由村民选举委员会公布", _CW_FROM),
    national("community_objection_days", 5, f"{_CW}第十四条：对名单有异议的，应当自名单公布之日起五日内向村民选举委员会申诉", _CW_FROM),
    national("community_objection_answer_days", 3, f"{_CW}第十四条：村民选举委员会应当自收到申诉之日起三日内作出处理决定", _CW_FROM),
    national("community_non_hukou_residence_years", 1, f"{_CW}第十三条第三项：户籍不在本村，在本村居住一年以上", _CW_FROM),
    national("community_recall_voters_denominator", 5, f"{_CW}第十六条：本村五分之一以上有选举权的村民联名，可以提出罢免要求", _CW_FROM),
    national("community_recall_representatives_denominator", 3, f"{_CW}第十六条：或者三分之一以上的村民代表联名", _CW_FROM),
    national("community_meeting_notice_days", 10, f"{_CW}第二十一条：召开村民会议，应当提前十天通知村民", _CW_FROM),
    national("community_households_quorum_numerator", 2, f"{_CW}第二十二条：或者本村三分之二以上的户的代表参加", _CW_FROM),
    national("community_households_quorum_denominator", 3, f"{_CW}第二十二条：或者本村三分之二以上的户的代表参加", _CW_FROM),
    national("community_representatives_quorum_numerator", 2, f"{_CW}第二十六条：村民代表会议有三分之二以上的组成人员参加方可召开", _CW_FROM),
    national("community_representatives_quorum_denominator", 3, f"{_CW}第二十六条：村民代表会议有三分之二以上的组成人员参加方可召开", _CW_FROM),
    national("community_disclosure_grace_days", 10, f"{_EXAMPLE}（{_CW}第三十条只规定每季度、每月公布，未定期末后几日内）", _CW_FROM),
    national("community_disclosure_immediate_days", 5, f"{_EXAMPLE}（{_CW}第三十条：重大事项应当随时公布）", _CW_FROM),
    national("community_appraisal_consecutive_unfit", 2, f"{_CW}第三十三条：村民委员会成员连续两次被评议不称职的，其职务终止", _CW_FROM),
    national("community_centre_m2_per_100_households", 30, "《中共中央 国务院关于加强和完善城乡社区治理的意见》（2017）：按照每百户居民拥有综合服务设施面积不低于30平方米的标准", date(2017, 6, 12)),
    national("community_centre_min_area", 0, "国家标准未规定总面积下限（浑南区等地方另行规定）", date(2017, 6, 12)),
    SeedParameter("community_centre_m2_per_100_households", HUNNAN, date(2021, 1, 1), "《沈阳市浑南区民政事业发展“十四五”规划》：城市社区公共服务设施按照建筑面积每百户不少于40平方米……的标准配置", Decimal(40)),
    SeedParameter("community_centre_min_area", HUNNAN, date(2021, 1, 1), "《沈阳市浑南区民政事业发展“十四五”规划》：……总建筑面积不少于600平方米的标准配置", Decimal(600)),
    SeedParameter("community_workers_per_10k", LIAONING, date(2021, 1, 1), "《辽宁省“十四五”民政事业发展规划》：推动实现每万名城镇常住人口拥有社区工作者18人（丹东市规划同）", Decimal(18)),
    national("community_workers_per_10k", 18, "《“十四五”城乡社区服务体系建设规划》（国办发〔2021〕56号）指标，原文未核对", date(2021, 12, 27)),
    national("community_urban_grid_min_households", 300, f"{_EXAMPLE}（各地实践：城市网格300—500户，农村以村民小组或自然村为网格）", date(2021, 4, 28)),
    national("community_urban_grid_max_households", 500, f"{_EXAMPLE}（各地实践：城市网格300—500户）", date(2021, 4, 28)),
)  # fmt: skip
