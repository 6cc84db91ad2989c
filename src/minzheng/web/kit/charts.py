"""ECharts options built in Python: a chart is declared in the view as data, the page shows it with
``{% chart option "chart-id" %}`` and the one static ``web/charts.js`` draws every ``[data-chart]`` element
(the Content-Security-Policy allows no inline script, so nothing is drawn from a <script> in the page).

A data item that carries a ``link`` is clickable: the figure opens its drill-down (``linked``).
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal


def number(value):
    """A figure as ECharts draws it: Decimal → float (JSON has no decimals), None stays a gap."""
    return float(value) if isinstance(value, Decimal) else value


def numbers(values: Iterable) -> list:
    return [number(v) for v in values]


def linked(values: Iterable, links: Sequence[str]) -> list[dict]:
    """Data items that open ``links[i]`` on click (an empty link: not clickable)."""
    return [
        {"value": number(v), "link": link} if link else {"value": number(v)}
        for v, link in zip(list(values), links, strict=True)
    ]


def pie(items: Iterable[dict], *, radius=("35%", "65%"), **extra) -> dict:
    """A pie (ring by default) of ``{"name", "value"}`` items."""
    return {
        "tooltip": {"trigger": "item"},
        "series": [
            {"type": "pie", "radius": list(radius) if isinstance(radius, tuple) else radius, "data": items}
        ],
        **extra,
    }


def bars(categories: list, series: dict[str, list], *, rotate: int = 0, legend: bool = True, **extra) -> dict:
    """Vertical bars per category, one series per entry of ``series`` (its name is the legend)."""
    option = {
        "tooltip": {"trigger": "axis"},
        "xAxis": {
            "type": "category",
            "data": categories,
            **({"axisLabel": {"rotate": rotate}} if rotate else {}),
        },
        "yAxis": {"type": "value"},
        "series": [{"name": name, "type": "bar", "data": values} for name, values in series.items()],
    }
    if legend:
        # ECharts 6 puts a legend at the bottom by default, where it lands on the (rotated) category labels.
        option["legend"] = {"top": 0, "data": list(series)}
    return {**option, **extra}
