"""Issue 17, cockpit: the page's query count is pinned (≤ 30 for a 20-indicator plan), the plan's own 2020
figures serve as 基期值 when none is stated, the trend chart shows each year once, and the 说明 column is
given room."""

import html
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minzheng.planning.attainment import plan_progress

from .conftest import row_of
from .test_monitoring_pages import RETURNS, dandong_monitoring  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
LOTTERY = "福利彩票销售网点数"  # 丹东 row 5: entered, no figures in the fixture


def _charts(body: str) -> dict:
    return {
        found.group(1): json.loads(html.unescape(found.group(2)))
        for found in re.finditer(r'<div id="([\w-]+)" class="[^"]*" data-chart="([^"]*)"', body)
    }


def test_the_cockpit_reads_each_source_in_batches_whatever_the_year(dandong_monitoring, login, city_leader):  # noqa: F811
    """The cockpit shows every row's series from 2020 and the counties' figures: read per source in batches,
    its query count does not grow with the years shown (it was 60+ for 20 rows before batching). The budget
    grows only with the bound sources — two queries per row at most."""
    client = login(city_leader)
    url = f"/planning/plans/{dandong_monitoring.pk}/cockpit/"
    client.get(url, {"year": 2025})  # the session and source discovery warm up
    # 20 indicators bound when the plans were loaded, plus two bound by name once their domains offered them:
    # the text target 婚姻家庭辅导室…覆盖率 (婚姻登记) and 每百户居民拥有的城乡社区综合服务设施建筑面积 (基层治理).
    rows = len(plan_progress(dandong_monitoring, 2025))
    assert rows == 22
    counts = {}
    for year in (2021, 2025):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"year": year})
        assert response.status_code == 200 and RETURNS in response.content.decode()
        counts[year] = len(queries)
    assert counts[2021] == counts[2025] <= 2 * rows, counts


def test_the_2020_figure_is_the_baseline_when_the_plan_states_none(
    dandong_monitoring,  # noqa: F811
    login,
    city_leader,
):
    body = login(city_leader).get(f"/planning/plans/{dandong_monitoring.pk}/cockpit/", {"year": 2023})
    table = body.content.decode().split('id="cockpit-indicators"', 1)[1]
    row = table.split(RETURNS, 1)[1].split("</tr>", 1)[0]
    assert "无基期值" not in row
    assert "75.0" in row  # the 2020 figure: (80 + 70) ÷ 200
    assert "40%" in row  # completion (85 − 75) ÷ (100 − 75)


def test_the_plan_tables_baseline_is_used_when_no_2020_figure_exists(dandong_monitoring):  # noqa: F811
    row = row_of(dandong_monitoring, LOTTERY)
    row.baseline, row.baseline_value, row.baseline_year = "251", Decimal(251), 2020
    row.save()
    item = {p.row.name: p for p in plan_progress(dandong_monitoring, 2023)}[LOTTERY]
    assert (item.baseline_value, item.baseline_year, item.baseline_basis) == (
        Decimal(251),
        2020,
        "规划指标表基期值",
    )


def test_the_trend_chart_shows_the_target_year_once(dandong_monitoring, login, city_leader):  # noqa: F811
    row = row_of(dandong_monitoring, RETURNS)
    body = login(city_leader).get(f"/planning/plan-indicators/{row.pk}/", {"year": 2025}).content.decode()
    trend = _charts(body)["chart-trend"]
    years = trend["xAxis"]["data"]
    assert years == [2020, 2021, 2022, 2023, 2024, 2025]
    assert all(len(series["data"]) == len(years) for series in trend["series"])
    assert 'id="baseline">75.0（2020年' in body


def test_the_note_column_is_given_room(dandong_monitoring, login, city_leader):  # noqa: F811
    body = login(city_leader).get(f"/planning/plans/{dandong_monitoring.pk}/cockpit/").content.decode()
    cells = re.findall(r'<td class="muted note-cell" style="([^"]*)"', body)
    assert len(cells) == 22 and all("min-width:16em" in style for style in cells)  # 20 + two bound by name


def test_a_leaders_home_page_shows_the_plan_status_and_links_to_the_cockpit(
    dandong_monitoring,  # noqa: F811
    login,
    city_leader,
    django_assert_max_num_queries,
):
    from minzheng.planning.attainment import default_year, status_counts

    counts = status_counts(plan_progress(dandong_monitoring, default_year(dandong_monitoring)))
    client = login(city_leader)
    client.get("/")
    with django_assert_max_num_queries(60):
        body = client.get("/").content.decode()
    glance = body[body.index('data-testid="plan-glance"') :]
    assert dandong_monitoring.title in glance
    cockpit = f"/planning/plans/{dandong_monitoring.pk}/cockpit/"
    for key in ("achieved", "lagging", "warning"):
        found = re.search(rf'href="([^"]*)" data-testid="plan-{key}">(?:<span[^>]*>)?(\d+)', glance)
        assert found and found.group(1).startswith(cockpit) and int(found.group(2)) == counts[key]
    assert 'data-testid="key-figures"' in body


def test_a_caseworkers_home_page_has_no_leader_panels(dandong_monitoring, login, county_caseworker):  # noqa: F811
    body = login(county_caseworker).get("/").content.decode()
    assert 'data-testid="plan-glance"' not in body and 'data-testid="key-figures"' not in body
