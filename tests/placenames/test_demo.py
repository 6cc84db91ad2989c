"""The demo world of 区划地名: reproducible, every category of 第三条, no clash inside its own register, the
boundary with 宽甸 and 凤城 and valid 界桩 numbers, the 东港 lineage."""

from minzheng.placenames.demo import world
from minzheng.placenames.models import BoundaryMarker, PlaceName
from minzheng.placenames.rules.boundaries import marker_number_problems


def test_demo_has_every_category_valid_markers_and_the_donggang_lineage(policy, divisions):
    from tests.core.factories import make_user

    make_user(
        "caseworker", "210602000000", username="county_caseworker"
    )  # the demo's desk for its application
    summary = world.load_demo(count=300)
    assert summary.names == PlaceName.objects.count() and 150 <= summary.names <= 300
    assert set(PlaceName.objects.values_list("category", flat=True)) >= {"1", "2", "4", "5", "6", "7", "8"}
    for marker in BoundaryMarker.objects.select_related("line"):
        assert marker_number_problems(marker.number, marker.line.code) == []
    assert {m.line.code for m in BoundaryMarker.objects.select_related("line")} == {"0424", "0482"}
    assert PlaceName.objects.filter(specific="兴五", generic="路").exists()
    assert summary.changes == 7 and summary.applications == 1
    assert world.demo_loaded()
