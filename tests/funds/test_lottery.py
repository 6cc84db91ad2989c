"""福利彩票: outlets counted for the plan indicator 福利彩票销售网点数 (open at the period's end), monthly sales
entered once a month, 公益金 by the extraction rate in force (财政部: 乐透数字型 36 %, 即开型 20 %)."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.funds.errors import InvalidFundInput
from minzheng.funds.indicator_sources import SOURCES
from minzheng.funds.selectors.lottery import sales_by_outlet
from minzheng.funds.services.lottery import open_outlet, record_sales

pytestmark = pytest.mark.django_db


def test_outlets_sales_and_the_welfare_fund(city_fund_manager, policy):
    a = open_outlet(city_fund_manager, code="2106000001", name="元宝一号", kind="dedicated",
                    division_code="210602", opened_on=date(2020, 1, 1))  # fmt: skip
    b = open_outlet(city_fund_manager, code="2106000002", name="振兴驿站", kind="station",
                    division_code="210603", opened_on=date(2026, 3, 1))  # fmt: skip
    [outlets] = SOURCES
    assert outlets.compute("210600000000", date(2025, 1, 1), date(2025, 12, 31)).value == 1
    assert outlets.compute("210600000000", date(2026, 1, 1), date(2026, 12, 31)).value == 2
    record_sales(
        city_fund_manager,
        [(a, date(2026, 1, 1), "lotto", "10000.00"), (a, date(2026, 1, 1), "instant", "1000")],
    )
    record_sales(city_fund_manager, [(a, date(2026, 1, 1), "lotto", "20000.00")])  # entered again: replaced
    totals = sales_by_outlet([a.pk, b.pk], 2026)
    assert totals[a.pk]["sales"] == Decimal("21000.00")
    assert totals[a.pk]["fund"] == Decimal("7400.00")  # 20000 × 36 % + 1000 × 20 %
    with pytest.raises(InvalidFundInput) as refused:
        record_sales(city_fund_manager, [(b, date(2026, 4, 1), "lotto", "-1")])
    assert "第1行销售额" in refused.value.message


def test_the_cockpit_reads_the_outlets_in_one_query_for_every_period_and_division(
    city_fund_manager, policy, django_assert_max_num_queries
):
    [source] = SOURCES
    open_outlet(city_fund_manager, code="2106000001", name="元宝一号", kind="shared",
                division_code="210602", opened_on=date(2021, 6, 1))  # fmt: skip
    years = [(date(y, 1, 1), date(y, 12, 31)) for y in range(2020, 2026)]
    with django_assert_max_num_queries(1):
        series = source.compute_series("210600000000", years)
    assert [v.value for v in series] == [0, 1, 1, 1, 1, 1]
    with django_assert_max_num_queries(1):
        values = source.compute_divisions(
            ["210602000000", "210603000000"], date(2025, 1, 1), date(2025, 12, 31)
        )
    assert [v.value for v in values] == [1, None]  # 振兴区 registers no outlet: no data, not 0
    assert values[1].note == "本区划未登记福利彩票销售网点"
