"""``{% chart option "chart-id" %}``: an ECharts chart drawn by ``web/charts.js`` from its data attribute."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def chart(option: dict, chart_id: str = "", css: str = "chart", **data):
    """The chart's element; ``option`` is the ECharts option (built in the view), escaped into an attribute.
    Extra keyword arguments become ``data-*`` attributes (``list_url=…`` → ``data-list-url``)."""
    encoded = json.dumps(option, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<div{} class="{}" data-chart="{}"{}></div>',
        format_html(' id="{}"', chart_id) if chart_id else "",
        css,
        encoded,
        format_html_join("", ' data-{}="{}"', ((k.replace("_", "-"), v) for k, v in data.items())),
    )
