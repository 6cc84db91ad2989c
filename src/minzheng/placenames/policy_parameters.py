"""The policy parameters 区划地名 reads (clocks of the 地名管理条例, 行政区划管理条例 and 界线管理条例)."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

G = "区划地名"


def _int(name: str, label: str, unit: str) -> ParameterSpec:
    return ParameterSpec(name, label, unit, ValueType.INTEGER, group=G)


PARAMETERS: tuple[ParameterSpec, ...] = (
    _int("placenames_filing_days", "地名批准后报送备案期限", "日"),
    _int("placenames_announcement_days", "地名批准后向社会公告期限", "日"),
    _int("placenames_division_implementation_months", "行政区划变更实施期限（自批准之日起）", "月"),
    _int("placenames_division_extension_months", "行政区划变更经批准延期实施的最长期限", "月"),
    _int("placenames_code_publication_months", "行政区划代码确定并公布期限（自批准之日起）", "月"),
    _int("placenames_joint_inspection_years", "行政区域界线联合检查周期", "年"),
)

_DM = "《地名管理条例》（国务院令第753号，2022年5月1日施行）"
_QH = "《行政区划管理条例》（国务院令第704号，2019年1月1日施行）"
_JX = "《行政区域界线管理条例》（国务院令第353号）"
SEEDS: tuple[SeedParameter, ...] = (
    national("placenames_filing_days", 15, f"{_DM}第十三条：批准地名之日起15日内报送备案", date(2022, 5, 1)),
    national("placenames_announcement_days", 15, f"{_DM}第十四条：批准地名之日起15日内向社会公告", date(2022, 5, 1)),
    national("placenames_division_implementation_months", 12, f"{_QH}第十五条：自批准之日起12个月内实施完毕", date(2019, 1, 1)),
    national("placenames_division_extension_months", 6, f"{_QH}第十五条：需要延期实施的，经批准延期不超过6个月", date(2019, 1, 1)),
    national("placenames_code_publication_months", 1, f"{_QH}第十七条：民政部门自批准之日起1个月内确定并公布行政区划代码", date(2019, 1, 1)),
    national("placenames_joint_inspection_years", 5, f"{_JX}第十二条：每5年联合检查一次", date(2002, 7, 1)),
)  # fmt: skip
