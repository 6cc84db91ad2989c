"""The map's data: the jurisdiction's own GeoJSON (boundary lines, 界桩, place names with a location) as one
FeatureCollection — no online tiles, nothing fetched from outside."""

from ..models import BoundaryMarker, NameStatus, PlaceName
from .boundaries import line_list
from .common import either_side, scoped

NAME_LIMIT = 3000


def feature_collection(user) -> dict:
    features = []
    for line in line_list(user):
        if line.geometry:
            features.append(
                {
                    "type": "Feature",
                    "geometry": line.geometry,
                    "properties": {"kind": "界线", "name": line.name, "code": line.code},
                }
            )
    markers = either_side(BoundaryMarker.objects.all(), user, "line__").values_list(
        "number", "longitude", "latitude"
    )
    for number, lng, lat in markers:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(lng), float(lat)]},
                "properties": {"kind": "界桩", "name": number},
            }
        )
    names = (
        scoped(PlaceName.objects.filter(status=NameStatus.APPROVED, geometry__isnull=False), user)
        .order_by("pk")
        .values_list("specific", "generic", "category", "geometry")[:NAME_LIMIT]
    )
    for specific, generic, category, geometry in names:
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {"kind": "地名", "name": specific + generic, "category": category},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def echarts_option(collection: dict) -> dict:
    """The FeatureCollection drawn on plain longitude/latitude axes by the platform's one chart script: lines
    as line series, points as scatter series (the vendored ECharts; no map tiles, no registerMap script)."""
    series = []
    points: dict[str, list] = {}
    for feature in collection["features"]:
        geometry, props = feature["geometry"] or {}, feature["properties"]
        kind = geometry.get("type")
        if kind == "LineString":
            series.append(
                {
                    "type": "line",
                    "name": props["name"],
                    "data": geometry["coordinates"],
                    "showSymbol": False,
                    "lineStyle": {"width": 3, "color": "#c0392b" if props["kind"] == "界线" else "#2c3e50"},
                }
            )
        elif kind == "Point":
            points.setdefault(props["kind"], []).append([*geometry["coordinates"], props["name"]])
    colours = {"界桩": "#c0392b", "地名": "#2e86c1"}
    for kind, data in points.items():
        series.append(
            {
                "type": "scatter",
                "name": kind,
                "data": data,
                "symbolSize": 9 if kind == "界桩" else 4,
                "itemStyle": {"color": colours.get(kind, "#555")},
            }
        )
    return {
        "tooltip": {"trigger": "item"},
        "legend": {"top": 0, "data": sorted(points)},
        "xAxis": {"type": "value", "scale": True, "name": "经度"},
        "yAxis": {"type": "value", "scale": True, "name": "纬度"},
        "dataZoom": [{"type": "inside", "xAxisIndex": 0}, {"type": "inside", "yAxisIndex": 0}],
        "series": series,
    }
