"""The 事项清单 shipped with the platform: the 民政 matters every county's 综合窗口 receives (data, not code).

Each matter: its legal basis (设定依据), what each level does, the materials — with the shared source for
those the bureau reads itself (国务院令第716号 第七条: never asked again) — the statutory and promised limits in
working days, fees (民政 matters are free), channels and the domain that handles it. A county changes its
promised limits on the 事项清单 page; ``load_onestop_matters`` keeps local changes (it only adds new matters
and refreshes the shipped texts).
"""

_ID = {"code": "id_card", "name": "申请人居民身份证", "shared": "人口库（公安户籍信息共享）"}
_HUKOU = {"code": "hukou", "name": "户口簿", "shared": "人口库（公安户籍信息共享）"}
_APPLY = {"code": "application", "name": "申请书（门户在线填写即生成）", "shared": ""}
_AUTH = {"code": "authorisation", "name": "家庭经济状况核对授权书（共同生活家庭成员签字）", "shared": ""}
_INCOME = {"code": "income", "name": "家庭收入和财产状况说明", "shared": "家庭经济状况核对系统"}
_DISABILITY = {"code": "disability_card", "name": "残疾人证", "shared": "残联残疾人证信息共享"}
_ONLINE = ["全市通办门户（网上申请）", "乡镇（街道）综合窗口", "村（居）委会代办"]
_SJZ = "《社会救助暂行办法》（国务院令第649号）"
_DB = "《最低生活保障审核确认办法》（民发〔2021〕57号）"
_TK = "《特困人员认定办法》（民发〔2021〕43号）"
_TOWN = "乡镇人民政府（街道办事处）"
_COUNTY = "县级人民政府民政部门"

MATTERS: tuple[dict, ...] = (
    {
        "code": "dibao_urban", "name": "城市最低生活保障申请", "domain": "assistance", "program_code": "dibao_urban",
        "kind": "行政给付",
        "legal_basis": f"{_SJZ}第九条至第十三条；{_DB}第三章、第四章",
        "conditions": "共同生活的家庭成员人均收入低于当地城市低保标准，且财产状况符合当地规定",
        "units": {"乡镇（街道）": f"{_TOWN}：受理、家庭经济状况调查、审核、公示", "县级": f"{_COUNTY}：审核确认"},
        "materials": [_APPLY, _ID, _HUKOU, _AUTH, _INCOME, {**_DISABILITY, "required": False}],
        "statutory_days": 30, "promised_days": 20, "channels": _ONLINE, "online": True,
        "source_note": f"{_DB}：自受理之日起30个工作日内完成审核确认（特殊情况可延长至45个工作日）；承诺时限为平台示例",
    },
    {
        "code": "dibao_rural", "name": "农村最低生活保障申请", "domain": "assistance", "program_code": "dibao_rural",
        "kind": "行政给付",
        "legal_basis": f"{_SJZ}第九条至第十三条；{_DB}第三章、第四章",
        "conditions": "共同生活的家庭成员人均收入低于当地农村低保标准，且财产状况符合当地规定",
        "units": {"乡镇（街道）": f"{_TOWN}：受理、家庭经济状况调查、审核、公示", "县级": f"{_COUNTY}：审核确认"},
        "materials": [_APPLY, _ID, _HUKOU, _AUTH, _INCOME, {**_DISABILITY, "required": False}],
        "statutory_days": 30, "promised_days": 20, "channels": _ONLINE, "online": True,
        "source_note": f"{_DB}：自受理之日起30个工作日内完成审核确认；承诺时限为平台示例",
    },
    {
        "code": "tekun_dispersed", "name": "特困人员救助供养申请（分散供养）", "domain": "assistance",
        "program_code": "tekun_dispersed", "kind": "行政给付",
        "legal_basis": f"{_SJZ}第十四条至第十九条；{_TK}",
        "conditions": "无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或者其法定义务人无履行义务能力",
        "units": {"乡镇（街道）": f"{_TOWN}：受理、调查、审核（15个工作日）", "县级": f"{_COUNTY}：审核确认（15个工作日）"},
        "materials": [_APPLY, _ID, _HUKOU, _AUTH, {**_DISABILITY, "required": False},
                      {"code": "selfcare", "name": "生活自理能力评估表（乡镇组织评估）", "shared": "乡镇评估结果"}],
        "statutory_days": 30, "promised_days": 25, "channels": _ONLINE, "online": True,
        "source_note": f"{_TK}：乡镇审核、县级确认各15个工作日；承诺时限为平台示例",
    },
    {
        "code": "temporary_expenditure", "name": "临时救助申请（支出型）", "domain": "assistance",
        "program_code": "temporary_expenditure", "kind": "行政给付",
        "legal_basis": f"{_SJZ}第四十七条至第五十条；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）",
        "conditions": "因教育、医疗等生活必需支出突然增加超出家庭承受能力，导致基本生活暂时出现严重困难",
        "units": {"乡镇（街道）": f"{_TOWN}：受理、审核（委托审批的可直接审批）", "县级": f"{_COUNTY}：审批"},
        "materials": [_APPLY, _ID, _HUKOU,
                      {"code": "receipts", "name": "医疗、教育等支出票据", "shared": ""},
                      {"code": "hardship", "name": "困难情况说明", "shared": ""}],
        "statutory_days": 20, "promised_days": 10, "channels": _ONLINE, "online": True,
        "source_note": "国发〔2014〕47号未规定全国统一时限：法定时限、承诺时限均为平台示例，请按本地临时救助实施办法核定",
    },
    {
        "code": "temporary_emergency", "name": "临时救助申请（急难型）", "domain": "assistance",
        "program_code": "temporary_emergency", "kind": "行政给付",
        "legal_basis": f"{_SJZ}第四十七条至第五十条；国发〔2014〕47号（急难型临时救助先行救助）",
        "conditions": "因火灾、交通事故等意外事件或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难",
        "units": {"乡镇（街道）": f"{_TOWN}：先行救助、受理、审核", "县级": f"{_COUNTY}：审批、补办手续"},
        "materials": [{**_APPLY, "name": "申请书（可事后补充）"}, _ID,
                      {"code": "emergency", "name": "遭遇急难情况的说明", "shared": ""}],
        "statutory_days": 10, "promised_days": 5, "channels": [*_ONLINE, "12345热线转办"], "online": True,
        "source_note": "急难型先行救助当场办理，事后补齐手续；时限为平台示例，请按本地办法核定",
    },
    {
        "code": "disability_allowances", "name": "困难残疾人生活补贴和重度残疾人护理补贴申请", "domain": "disability",
        "kind": "行政给付",
        "legal_basis": "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）",
        "conditions": "低保家庭中的残疾人（生活补贴）；残疾等级为一级、二级且需要长期照护的重度残疾人（护理补贴）",
        "units": {"乡镇（街道）": f"{_TOWN}：受理、初审（10个工作日）、公示", "县级": "县级残联审核（10个工作日），县级民政部门审定"},
        "materials": [_APPLY, _ID, _HUKOU, _DISABILITY,
                      {"code": "bank", "name": "本人社会保障卡或银行账户（“一卡通”）", "shared": ""}],
        "statutory_days": 20, "promised_days": 20, "channels": [*_ONLINE, "全国残疾人两项补贴信息系统（跨省通办）"],
        "online": True, "cross_county": True,
        "forward_push_days": 3, "forward_decide_days": 10, "forward_inform_days": 3,
        "source_note": "跨省通办：收件地3个工作日内推送户籍地，户籍地10个工作日内办理，收件地3个工作日内告知结果（全国残疾人两项补贴信息系统）",
    },
    {
        "code": "elderly_allowance", "name": "高龄津贴申领", "domain": "eldercare", "kind": "行政给付",
        "legal_basis": "《中华人民共和国老年人权益保障法》第三十三条；本省高龄津贴制度",
        "conditions": "本地户籍、达到本地规定年龄的老年人",
        "units": {"乡镇（街道）": f"{_TOWN}：受理、审核", "县级": f"{_COUNTY}：审批、发放"},
        "materials": [_ID, _HUKOU, {"code": "bank", "name": "本人社会保障卡或银行账户", "shared": ""}],
        "statutory_days": 20, "promised_days": 10, "channels": _ONLINE, "online": True, "cross_county": True,
        "source_note": "时限由本地高龄津贴办法规定：此处为平台示例，请按本地核定",
    },
    {
        "code": "orphan_allowance", "name": "孤儿、事实无人抚养儿童基本生活费申请", "domain": "children",
        "kind": "行政给付",
        "legal_basis": "《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）；《国务院办公厅关于加强孤儿保障工作的意见》（国办发〔2010〕54号）",
        "conditions": "父母双方死亡或宣告死亡、失踪，或父母无力履行抚养义务的儿童",
        "units": {"乡镇（街道）": f"{_TOWN}：受理、查验（15个工作日）", "县级": f"{_COUNTY}：确认（15个工作日）"},
        "materials": [_APPLY, {**_ID, "name": "儿童及监护人身份证明"}, _HUKOU,
                      {"code": "parents", "name": "父母死亡、失踪、服刑等情况证明", "shared": "公安、法院、司法行政部门信息共享"}],
        "statutory_days": 30, "promised_days": 30, "channels": _ONLINE, "online": True,
        "source_note": "民发〔2019〕62号：乡镇查验、县级确认各15个工作日",
    },
    {
        "code": "marriage_booking", "name": "婚姻登记预约", "domain": "marriage", "kind": "公共服务",
        "legal_basis": "《婚姻登记条例》（2025年修订）；全国通办（2025年5月10日起）",
        "conditions": "男年满22周岁、女年满20周岁，双方自愿，均无配偶",
        "units": {"县级": "婚姻登记机关：预约、登记"},
        "materials": [{**_ID, "name": "双方居民身份证（现场核验）"}],
        "statutory_days": 1, "promised_days": 1, "channels": ["全市通办门户（网上预约）", "婚姻登记处现场"],
        "online": True, "instant": True, "household_matter": False,
        "source_note": "预约即时确认；符合条件的当场登记",
    },
    {
        "code": "eldercare_filing", "name": "养老机构备案", "domain": "eldercare", "kind": "其他行政权力",
        "legal_basis": "《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》（民政部令第66号）第九条至第十一条",
        "conditions": "依法登记的养老机构，在收住老年人后10个工作日以内备案",
        "units": {"县级": f"{_COUNTY}：备案"},
        "materials": [{"code": "filing_form", "name": "养老机构备案书", "shared": ""},
                      {"code": "commitment", "name": "养老机构备案承诺书", "shared": ""},
                      {"code": "licence", "name": "登记证书（营业执照或法人登记证书）", "shared": "市场监管、编办登记信息共享"}],
        "statutory_days": 1, "promised_days": 1, "channels": ["全市通办门户（网上申请）", "县级民政部门窗口"],
        "online": True, "instant": True, "household_matter": False,
        "source_note": "备案材料齐全的当场备案",
    },
    {
        "code": "socialorg_registration", "name": "社会团体成立登记", "domain": "socialorgs", "kind": "行政许可",
        "legal_basis": "《社会团体登记管理条例》第九条至第十二条",
        "conditions": "有50个以上个人会员或30个以上单位会员，有规范的名称、固定住所、专职人员、合法资产（地方性3万元以上）",
        "units": {"县级": f"{_COUNTY}（登记管理机关）：受理、审查、登记"},
        "materials": [{"code": "application", "name": "登记申请书", "shared": ""},
                      {"code": "supervisor", "name": "业务主管单位的批准文件", "shared": ""},
                      {"code": "capital", "name": "验资报告、场所使用权证明", "shared": ""},
                      {"code": "charter", "name": "章程草案", "shared": ""}],
        "statutory_days": 40, "promised_days": 30, "channels": ["全市通办门户（网上申请）", "县级民政部门窗口"],
        "online": True, "household_matter": False,
        "source_note": "条例第十二条规定60日内（日历日）作出决定；清单按40个工作日登记，不超过60日",
    },
    {
        "code": "funeral_waiver", "name": "惠民殡葬基本殡葬服务费用减免", "domain": "funeral", "kind": "行政给付",
        "legal_basis": "《殡葬管理条例》（2026年施行）；民发〔2012〕211号惠民殡葬政策",
        "conditions": "本地户籍或在本地去世的居民，按本地惠民殡葬政策减免基本殡葬服务费用",
        "units": {"殡仪馆": "殡仪馆：直接结算减免", "县级": f"{_COUNTY}：结算审核"},
        "materials": [{"code": "death", "name": "居民死亡医学证明（推断）书", "shared": "卫健、公安死亡信息共享"},
                      {**_ID, "name": "逝者及经办人身份证明"}],
        "statutory_days": 1, "promised_days": 1, "channels": ["殡仪馆服务窗口", "全市通办门户（网上申请）"],
        "online": False, "instant": True, "household_matter": False,
        "source_note": "在殡仪馆办理服务时直接减免（即办）",
    },
    {
        "code": "placename_naming", "name": "地名命名、更名申请", "domain": "placenames", "kind": "行政许可",
        "legal_basis": "《地名管理条例》（国务院令第753号，2022年施行）第十二条至第十五条",
        "conditions": "住宅区、楼宇等建筑物及道路、街巷等需要命名、更名的",
        "units": {"县级": f"{_COUNTY}：受理、论证、审批（报本级人民政府的，按规定程序）"},
        "materials": [{"code": "application", "name": "命名、更名申请书（含拟用名称、理由、含义）", "shared": ""},
                      {"code": "plan", "name": "项目规划许可等批准文件", "shared": "自然资源部门审批信息共享"}],
        "statutory_days": 20, "promised_days": 15, "channels": ["全市通办门户（网上申请）", "县级民政部门窗口"],
        "online": True, "household_matter": False,
        "source_note": "时限为平台示例，请按本地地名管理办法核定",
    },
)  # fmt: skip
