"""The policy parameters 社会组织 reads (registration conditions, clocks, 年检 deadlines, credit-list periods)."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

G = "社会组织"


def _int(name: str, label: str, unit: str) -> ParameterSpec:
    return ParameterSpec(name, label, unit, ValueType.INTEGER, group=G)


def _dec(name: str, label: str, unit: str) -> ParameterSpec:
    return ParameterSpec(name, label, unit, ValueType.DECIMAL, group=G)


PARAMETERS: tuple[ParameterSpec, ...] = (
    _int("socialorgs_min_individual_members", "社会团体个人会员最少数（混合组成时会员总数）", "个"),
    _int("socialorgs_min_unit_members", "社会团体单位会员最少数", "个"),
    _dec("socialorgs_association_funds_national", "全国性社会团体活动资金下限", "元"),
    _dec("socialorgs_association_funds_local", "地方性、跨行政区域社会团体活动资金下限", "元"),
    _dec("socialorgs_foundation_fund_national_public", "全国性公募基金会原始基金下限", "元"),
    _dec("socialorgs_foundation_fund_local_public", "地方性公募基金会原始基金下限", "元"),
    _dec("socialorgs_foundation_fund_non_public", "非公募基金会原始基金下限", "元"),
    _int("socialorgs_decision_days", "登记决定期限（自收到全部有效文件之日起）", "日"),
    _int("socialorgs_change_days", "变更登记申请期限（自业务主管单位同意之日起）", "日"),
    _int("socialorgs_deregistration_days", "注销登记申请期限（自清算结束之日起）", "日"),
    _int(
        "socialorgs_report_supervisor_deadline", "年度报告报送业务主管单位截止月日（如331即3月31日）", "月日"
    ),
    _int("socialorgs_report_registry_deadline", "年度报告报送登记管理机关截止月日（如531即5月31日）", "月日"),
    _int("socialorgs_rectification_months", "年检基本合格、不合格整改期限", "月"),
    _int("socialorgs_revocation_consecutive_years", "连续未参加年检或不合格即建议撤销登记的年数", "年"),
    _int("socialorgs_revocation_working_days", "撤销登记建议办理期限", "工作日"),
    _dec("socialorgs_charitable_spending_floor", "年度慈善活动支出占上年总收入比例下限", "比例"),
    _dec("socialorgs_management_fee_ceiling", "管理费用占当年总支出比例上限", "比例"),
    _int("socialorgs_listing_working_days", "信用名录列入、移出期限", "工作日"),
    _int("socialorgs_abnormal_auto_removal_months", "活动异常名录无需整改事由自动移出期限", "月"),
    _int("socialorgs_escalation_years", "活动异常名录届满转入严重违法失信名单年限", "年"),
    _int("socialorgs_serious_removal_years", "严重违法失信名单移出年限", "年"),
    *(_int(f"socialorgs_rating_min_{n}a", f"评估等级{n}A最低得分（千分制）", "分") for n in range(1, 6)),
    _int("socialorgs_rating_valid_years", "评估等级有效期", "年"),
    _int("socialorgs_rating_publicity_days", "评估结果公示期", "日"),
    _int("socialorgs_rating_objection_days", "评估异议复核答复期限", "日"),
    _int("socialorgs_rating_plaque_days", "降级、取消等级后退回牌匾证书期限", "日"),
    _int("socialorgs_charity_registration_days", "慈善组织登记决定期限（自受理之日起）", "日"),
    _int("socialorgs_charity_recognition_days", "慈善组织认定决定期限（自受理之日起）", "日"),
    _int("socialorgs_fundraising_decision_days", "公开募捐资格决定期限（自收到全部有效材料之日起）", "日"),
    _int("socialorgs_fundraising_min_years", "申请公开募捐资格须登记或认定为慈善组织满", "年"),
    _int("socialorgs_fundraising_rating_exempt_years", "登记成立不满此年限的免于评估等级条件", "年"),
    _int("socialorgs_fundraising_min_rating", "申请公开募捐资格的最低评估等级", "A"),
    _int("socialorgs_plan_lead_days", "募捐方案应在活动开始前备案的天数", "日"),
    _int("socialorgs_emergency_plan_days", "应对重大突发事件募捐方案补办备案期限（活动开始后）", "日"),
    _int("socialorgs_disclosure_long_months", "须定期公开募捐情况的募捐周期（超过）", "月"),
    _int("socialorgs_disclosure_every_months", "定期公开募捐情况间隔", "月"),
    _int("socialorgs_final_disclosure_months", "募捐活动结束后全面公开期限", "月"),
    _int("socialorgs_volunteer_record_working_days", "志愿服务记录期限（活动结束后）", "工作日"),
    _dec("socialorgs_large_fine", "列入严重违法失信名单的罚款数额（以上）", "元"),
    _int("socialorgs_trust_filing_days", "慈善信托备案期限（自信托文件签订或受托人变更之日起）", "日"),
)

_ST = "《社会团体登记管理条例》（1998年施行，2016年修订未改）"
_MF = "《民办非企业单位登记管理暂行条例》"
_JJ = "《基金会管理条例》（2004）第八条"
_CX = "《社会组织信用信息管理办法》（民政部令第60号）"
_CS = "《慈善法》（2023年修正）"
_GM = "《慈善组织公开募捐管理办法》（民政部令第74号）"
_D24 = date(2024, 9, 5)
SEEDS: tuple[SeedParameter, ...] = (
    national("socialorgs_min_individual_members", 50, f"{_ST}第十条：50个以上的个人会员；混合组成的会员总数不得少于50个", date(1998, 10, 25)),
    national("socialorgs_min_unit_members", 30, f"{_ST}第十条：或者30个以上的单位会员", date(1998, 10, 25)),
    national("socialorgs_association_funds_national", 100000, f"{_ST}第十条：全国性的社会团体有10万元以上活动资金", date(1998, 10, 25)),
    national("socialorgs_association_funds_local", 30000, f"{_ST}第十条：地方性的社会团体和跨行政区域的社会团体有3万元以上活动资金", date(1998, 10, 25)),
    national("socialorgs_foundation_fund_national_public", 8000000, f"{_JJ}：全国性公募基金会的原始基金不低于800万元人民币", date(2004, 6, 1)),
    national("socialorgs_foundation_fund_local_public", 4000000, f"{_JJ}：地方性公募基金会的原始基金不低于400万元人民币", date(2004, 6, 1)),
    national("socialorgs_foundation_fund_non_public", 2000000, f"{_JJ}：非公募基金会的原始基金不低于200万元人民币", date(2004, 6, 1)),
    national("socialorgs_decision_days", 60, f"{_ST}第十二条、{_MF}第十一条、《基金会管理条例》第十一条：60日内作出准予或者不准予登记的决定", date(1998, 10, 25)),
    national("socialorgs_change_days", 30, f"{_ST}第十八条、{_MF}第十五条：自业务主管单位审查同意之日起30日内申请变更登记", date(1998, 10, 25)),
    national("socialorgs_deregistration_days", 15, f"{_ST}第二十一条、{_MF}第十七条：清算结束之日起15日内申请注销登记", date(1998, 10, 25)),
    national("socialorgs_report_supervisor_deadline", 331, f"{_ST}第二十八条、{_MF}第二十三条、《基金会管理条例》第三十六条：每年3月31日前报送业务主管单位", date(1998, 10, 25)),
    national("socialorgs_report_registry_deadline", 531, f"{_ST}第二十八条、{_MF}第二十三条：5月31日前报送登记管理机关", date(1998, 10, 25)),
    national("socialorgs_rectification_months", 3, "《民办非企业单位年度检查办法》：年检基本合格、不合格的，限期3个月整改", date(2005, 4, 7)),
    national("socialorgs_revocation_consecutive_years", 2, "《民办非企业单位年度检查办法》：连续2年不参加年度检查或连续2年年度检查不合格的，予以撤销登记", date(2005, 4, 7)),
    national("socialorgs_revocation_working_days", 20, "平台示例缺省值（非国家规定）：撤销登记建议的办理期限，请按本地办法核定", date(2005, 4, 7)),
    national("socialorgs_charitable_spending_floor", "0.70", "《慈善法》（2023年修正）第六十一条：年度慈善活动支出不得低于上一年总收入的70%", date(2024, 9, 5)),
    national("socialorgs_management_fee_ceiling", "0.10", "《慈善法》（2023年修正）第六十一条：年度管理费用不得超过当年总支出的10%", date(2024, 9, 5)),
    national("socialorgs_listing_working_days", 5, f"{_CX}：信用信息5个工作日内记入；履行义务经核实后5个工作日内移出", date(2018, 3, 1)),
    national("socialorgs_abnormal_auto_removal_months", 6, f"{_CX}：无需整改的，列入活动异常名录满6个月自动移出（依征求意见稿，终稿条文待核）", date(2018, 3, 1)),
    national("socialorgs_escalation_years", 2, f"{_CX}：列入活动异常名录满2年的，列入严重违法失信名单", date(2018, 3, 1)),
    *(national(f"socialorgs_rating_min_{n}a", v, "平台示例缺省值：评分等级划分由各地评估办法规定（安庆≥950分为5A，洛阳≥900分为5A），请按本地标准核定", date(2010, 12, 27)) for n, v in ((1, 500), (2, 600), (3, 700), (4, 800), (5, 900))),
    national("socialorgs_rating_valid_years", 5, "《社会组织评估管理办法》（民政部令第39号）第二十八条：评估等级有效期为5年", date(2011, 3, 1)),
    national("socialorgs_rating_publicity_days", 7, "平台示例缺省值（办法第二十条规定公示，未定期限）：请按本地办法核定", date(2011, 3, 1)),
    national("socialorgs_rating_objection_days", 15, "《社会组织评估管理办法》第二十三条：复核委员会自收到异议之日起15日内书面答复", date(2011, 3, 1)),
    national("socialorgs_rating_plaque_days", 15, "《社会组织评估管理办法》第三十三条：降低或取消等级的，15日内退回证书和牌匾", date(2011, 3, 1)),
    national("socialorgs_charity_registration_days", 30, f"{_CS}第十条：设立慈善组织，民政部门应当自受理申请之日起三十日内作出决定", _D24),
    national("socialorgs_charity_recognition_days", 20, f"{_CS}第十条：申请认定为慈善组织，民政部门应当自受理申请之日起二十日内作出决定", _D24),
    national("socialorgs_fundraising_decision_days", 20, f"{_CS}第二十二条、{_GM}第七条：二十日内作出决定", _D24),
    national("socialorgs_fundraising_min_years", 1, f"{_CS}第二十二条、{_GM}第五条：依法登记满一年的慈善组织或者认定为慈善组织满一年的社会组织", _D24),
    national("socialorgs_fundraising_rating_exempt_years", 2, f"{_GM}第五条第七项：评估结果为3A及以上且在有效期以内，申请时登记成立不满二年的除外", _D24),
    national("socialorgs_fundraising_min_rating", 3, f"{_GM}第五条第七项：评估结果为3A及以上", _D24),
    national("socialorgs_plan_lead_days", 10, f"{_GM}第十一条：在开展公开募捐活动十日前将募捐方案报送备案", _D24),
    national("socialorgs_emergency_plan_days", 10, f"{_CS}第七十三条、{_GM}第十三条：应对重大突发事件的，在活动开始后十日内补办备案手续", _D24),
    national("socialorgs_disclosure_long_months", 6, f"{_CS}第七十九条：公开募捐周期超过六个月的", _D24),
    national("socialorgs_disclosure_every_months", 3, f"{_CS}第七十九条：至少每三个月公开一次募捐情况", _D24),
    national("socialorgs_final_disclosure_months", 3, f"{_CS}第七十九条：公开募捐活动结束后三个月内应当全面、详细公开募捐情况", _D24),
    national("socialorgs_trust_filing_days", 7, f"{_CS}第四十五条、第四十八条：七日内将相关文件向民政部门备案", _D24),
    national("socialorgs_volunteer_record_working_days", 10, "《志愿服务记录与证明出具办法（试行）》第十一条：志愿服务活动结束后10个工作日内记录", date(2021, 2, 1)),
    national("socialorgs_large_fine", 50000, f"{_CX}：受到5万元以上罚款处罚的，列入严重违法失信名单", date(2018, 3, 1)),
    national("socialorgs_serious_removal_years", 2, f"{_CX}：列入严重违法失信名单满2年且未再出现列入情形的，移出", date(2018, 3, 1)),
)  # fmt: skip
