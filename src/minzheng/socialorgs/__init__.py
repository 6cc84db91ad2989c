"""社会组织 (social organisations): registration of 社会团体, 社会服务机构 (民办非企业单位: 法人/合伙/个体) and
基金会 (公募/非公募) with their 统一社会信用代码, changes, deregistration and name history; 年检/年报; the credit
lists 活动异常名录 and 严重违法失信名单 with their clocks. Later: 等级评估, 执法, 慈善, 志愿服务, 社会工作."""
