"""驾驶舱大屏: a full-screen page for the wall display (1920 × 1080), refreshing itself every five minutes."""

from datetime import date

from django.shortcuts import render
from django.urls import reverse

from minzheng.core.selectors.divisions import division_name
from minzheng.web.kit.charts import bars, pie

from ..selectors.screen import screen


def big_screen(request):
    today = date.today()
    data = screen(request.user, today)
    text = {"color": "#e8f0ff"}
    charts = {
        "divisions": bars(
            [name for name, _, _ in data.by_division], {"人口": [p for _, _, p in data.by_division]},
            rotate=30, legend=False, textStyle=text,
        ),
        "ages": pie([{"name": band, "value": n} for band, n in data.age_bands], textStyle=text),
        "quality": bars([d for d, _ in data.quality], {"得分": [s for _, s in data.quality]}, legend=False, textStyle=text),
    }  # fmt: skip
    return render(
        request, "datacenter/screen.html",
        {"title": f"{division_name(request.user.division_code)}民政驾驶舱", "screen": data, "charts": charts,
         "today": today, "back_url": reverse("datacenter:dashboard")},
    )  # fmt: skip
