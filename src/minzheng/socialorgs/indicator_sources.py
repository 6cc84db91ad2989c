"""社会组织 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``).

社会组织 per 万人 needs the 常住人口 of the division, which the platform does not hold (the person registry
covers only those the bureau serves): the count is offered, and planning divides by the population it is given.
"""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue

from .selectors import indicators


def _registered(division_code: str, start: date, end: date) -> IndicatorValue:
    n = indicators.registered_count(division_code, end)
    query = urlencode({"division_code": division_code})
    return IndicatorValue(
        value=Decimal(n),
        numerator=Decimal(n),
        drilldown_url=f"{reverse('socialorgs:organisation_list')}?{query}",
        note=f"截至{end:%Y-%m-%d}登记在册（未注销、未撤销）",
    )


def _staff(division_code: str, start: date, end: date) -> IndicatorValue:
    total, reports = indicators.full_time_staff(division_code, end.year - 1)
    query = urlencode({"year": end.year - 1})
    return IndicatorValue(
        value=Decimal(total) if reports else None,
        numerator=Decimal(total),
        denominator=Decimal(reports),
        drilldown_url=f"{reverse('socialorgs:report_list')}?{query}",
        note=f"{end.year - 1}年度报告{reports}份填报的专职工作人员之和",
    )


SOURCES = [
    IndicatorSource(
        code="socialorgs.registered",
        name="社会组织数量",
        unit="家",
        period_type="year",
        definition="期末登记在册的社会团体、社会服务机构和基金会（成立登记日期不晚于期末，期末未注销、未撤销登记），按登记管理机关区划汇总",
        compute=_registered,
    ),
    IndicatorSource(
        code="socialorgs.full_time_staff",
        name="社会组织专职工作人员",
        unit="人",
        period_type="year",
        definition="上一年度报告中填报的专职工作人员数之和（期末在册的社会组织）；未报送年报的组织不计",
        compute=_staff,
    ),
]
