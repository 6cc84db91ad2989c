"""总览, 地图 and the public pages (名称查询, 公告)."""

from datetime import date

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from .. import forms as f
from ..rules.naming import CATEGORY_LABELS, Category
from ..selectors import dashboard as sel
from ..selectors import map as map_sel
from ..selectors import names as names_sel
from .common import Cell, Section, crumbs, detail_page, frame, search


def dashboard_page(request):
    s = sel.summary(request.user)
    fields = [
        ("现行标准地名", Cell(f"{s['names']}条", reverse("placenames:name_list"))),
        ("地名保护名录", Cell(f"{s['protected']}条", reverse("placenames:name_list") + "?protected=on")),
        (
            "待审批命名更名申请",
            Cell(f"{s['open_applications']}件", reverse("placenames:application_list") + "?status=submitted"),
        ),
        ("行政区域界线", Cell(f"{s['lines']}条", reverse("placenames:line_list"))),
        ("界桩", f"{s['markers']}个（损坏、移位或丢失{s['bad_markers']}个）"),
        ("处理中的界线争议", f"{s['disputes']}件"),
    ]
    rows = [[CATEGORY_LABELS[c], s["by_category"].get(c.value, 0)] for c in Category]
    return detail_page(
        request,
        title="区划地名总览",
        trail=crumbs(("总览", None)),
        fields=fields,
        sections=[Section("按类别（《地名管理条例》第三条）", ["类别", "现行标准地名"], rows)],
    )


def map_page(request):
    collection = map_sel.feature_collection(request.user)
    return render(
        request,
        "placenames/map.html",
        {
            **frame("区划地名地图", crumbs(("地图", None))),
            "option": map_sel.echarts_option(collection),
            "count": len(collection["features"]),
        },
    )


def map_geojson(request):
    """The same data as GeoJSON (RFC 7946), for GIS tools."""
    return JsonResponse(map_sel.feature_collection(request.user), json_dumps_params={"ensure_ascii": False})


def public_search(request):
    form, d = search(request, f.PublicSearchForm)
    q = (d.get("q") or "").strip()
    rows = names_sel.public_search(q) if q else []
    return render(
        request,
        "placenames/public_search.html",
        {
            "form": form,
            "rows": rows,
            "names": names_sel.division_names(rows),
            "q": q,
            "today": date.today(),
        },
    )


def public_announcements(request):
    rows = names_sel.public_announcements()
    return render(
        request,
        "placenames/public_announcements.html",
        {
            "rows": rows,
            "names": names_sel.division_names(rows),
            "today": date.today(),
        },
    )
