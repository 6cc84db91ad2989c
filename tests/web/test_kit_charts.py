"""The ECharts block: a chart is data in an attribute, drawn by the one static script (no inline script)."""

import html
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template

from minzheng.web.kit.charts import bars, linked, pie
from tests.core.factories import PASSWORD

STATIC = Path(__file__).resolve().parents[2] / "src" / "minzheng"


def _render(option, *args) -> str:
    return Template('{% load charts %}{% chart option "chart-x" %}').render(Context({"option": option}))


def _option_of(markup: str) -> dict:
    return json.loads(html.unescape(re.search(r'data-chart="([^"]*)"', markup).group(1)))


def test_a_chart_is_an_element_with_its_option_in_a_data_attribute():
    markup = _render(pie([{"name": "城市", "value": 3}]))
    assert markup.startswith('<div id="chart-x" class="chart" data-chart="')
    assert _option_of(markup)["series"][0]["data"] == [{"name": "城市", "value": 3}]


def test_markup_in_a_label_cannot_escape_the_attribute():
    markup = _render(bars(['"><script>alert(1)</script>'], {"户数": [1]}))
    assert "<script>" not in markup
    assert _option_of(markup)["xAxis"]["data"] == ['"><script>alert(1)</script>']


def test_linked_figures_carry_their_drill_down_and_decimals_become_numbers():
    assert linked([Decimal("1.5"), 2], ["/a/", ""]) == [{"value": 1.5, "link": "/a/"}, {"value": 2}]


def test_bars_declare_one_series_per_name_with_its_legend():
    option = bars(["元宝区", "振兴区"], {"床位": [10, 20], "在住": [5, 6]}, rotate=30)
    assert [s["name"] for s in option["series"]] == ["床位", "在住"]
    assert option["legend"] == {"top": 0, "data": ["床位", "在住"]} and option["xAxis"]["axisLabel"] == {
        "rotate": 30
    }


def test_no_page_template_or_app_script_draws_a_chart_by_itself():
    """One static script draws every chart: no template keeps a chart-data block or loads ECharts itself (the
    page kit's ``chart_script.html``, included by the base page and the full-screen 大屏, is the one place)."""
    templates = [p for p in STATIC.glob("*/templates/**/*.html")]
    assert not [p for p in templates if "json_script" in p.read_text() or ("echarts.min.js" in p.read_text()
                and p.name != "chart_script.html")]  # fmt: skip
    scripts = [p for p in STATIC.glob("*/static/**/*.js") if "vendor" not in p.parts]
    assert [p.name for p in scripts if "echarts.init" in p.read_text()] == ["charts.js"]


@pytest.fixture
def leader_client(client, city_leader):
    client.post("/login/", {"username": city_leader.username, "password": PASSWORD})
    return client


def test_the_home_page_declares_its_charts_without_inline_script(leader_client):
    response = leader_client.get("/")
    body = response.content.decode()
    assert 'id="chart-divisions"' in body and 'id="chart-ages"' in body
    assert "web/charts.js" in body and "echarts.min.js" in body  # loaded by charts.js, on chart pages only
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", body)  # every script is a file
    assert "'unsafe-inline'" not in response["Content-Security-Policy"].split("script-src")[-1].split(";")[0]
    option = _option_of(body.split('id="chart-divisions"')[1])
    assert [s["name"] for s in option["series"]] == ["户数", "人数"]
