"""Benchmark: 全局检索 at 1,000,000 persons on PostgreSQL (issue 16: p95 < 200 ms), beside the naive query
(LIKE '%term%' over name, ID number and phone, no usable index) measured in the same run.

Builds the world set-based (COPY through ``core.bulk.insert_rows``, which also fills the search keys): one
city of 4 counties × 20 townships × 10 communities, 1,000,000 persons with realistic Chinese names (common
surnames weighted, 1–2 given-name characters), 60 % with a mobile number, in ~400,000 households; 60,000
社会救助 cases and 30,000 enrolments; 20,000 monitoring warnings; 10,000 residents of 20 institutions. Then,
as a county caseworker (a quarter of the city) and as the city leader (all of it), a mix of what people type:

  full name · surname only · given name only · last 4 digits of an ID · last 6 digits · full ID number ·
  户编号 · 案件编号 · mobile number · a name nobody has

each through ``search_everything`` — every group of the results page (人员, 家庭, 救助申请, 救助对象, 监测预警,
养老服务老年人), 20 hits each — and through the household picker's source. Prints p50/p95 per kind and over
all, and the naive baseline's on a sample of the same terms.

    .venv/bin/python benchmarks/search.py                         # 1,000,000 persons, fresh database
    .venv/bin/python benchmarks/search.py --persons 100000 --queries 200
    .venv/bin/python benchmarks/search.py --reuse                 # search an existing benchmark database

The database named in ``--database-url`` is dropped and recreated (it is a benchmark database).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/minzheng_bench_search"
CITY = "2106"
COUNTIES = ["210602", "210603", "210604", "210624"]
TARGET_MS = 200.0

# Common surnames, roughly by frequency (王, 李, 张 … each appear in thousands of names here).
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文丽玉兰帆婷浩宇欣怡子涵梓轩"
    "晨阳佳琪雨桐一鸣思远海燕凤英红梅淑珍玉珍振华国庆德明春花秋菊冬梅金凤宝山永红丽娟晓燕"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300, help="queries per user in the measured mix")
    parser.add_argument("--baseline-queries", type=int, default=30)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--reuse", action="store_true", help="keep the database built by an earlier run")
    args = parser.parse_args()

    if not args.reuse:
        recreate_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("MINZHENG_VAR_DIR", tempfile.mkdtemp(prefix="mz-search-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    if not args.reuse:
        call_command("migrate", verbosity=0)
        from minzheng.assistance.services.seed import load_assistance_policy

        load_assistance_policy()
        users = make_users()
        build_world(args.persons, args.seed, users["caseworker"])
        print(f"world: {args.persons:,} persons built in {time.perf_counter() - started:.1f}s")
    else:
        users = existing_users()
    counts = world_counts()
    print("rows: " + ", ".join(f"{name} {count:,}" for name, count in counts.items()))

    rng = random.Random(args.seed + 1)
    print()
    print(f"{'user / kind of term':<34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    overall: list[float] = []
    for role in ("caseworker", "leader"):
        user = users[role]
        mix = term_mix(user, args.queries, rng)
        timings = run_mix(user, mix)
        for kind in KINDS:
            values = timings.get(kind, [])
            if values:
                print(
                    f"{role + ' / ' + kind:<34} {len(values):>5} {pct(values, 50):>8.1f} {pct(values, 95):>8.1f} {max(values):>8.1f}"
                )
        every = [t for values in timings.values() for t in values]
        overall += every
        print(
            f"{role + ' / all':<34} {len(every):>5} {pct(every, 50):>8.1f} {pct(every, 95):>8.1f} {max(every):>8.1f}"
        )
        picker = run_picker(user, mix)
        print(
            f"{role + ' / household picker':<34} {len(picker):>5} {pct(picker, 50):>8.1f} {pct(picker, 95):>8.1f} {max(picker):>8.1f}"
        )

    baseline = run_baseline(users["caseworker"], term_mix(users["caseworker"], args.baseline_queries, rng))
    print(
        f"{'naive LIKE %term% (persons only)':<34} {len(baseline):>5} {pct(baseline, 50):>8.1f} {pct(baseline, 95):>8.1f} {max(baseline):>8.1f}"
    )
    p95 = pct(overall, 95)
    verdict = "met" if p95 < TARGET_MS else "MISSED"
    print(
        f"\nall queries, whole results page: p50 {pct(overall, 50):.1f} ms, p95 {p95:.1f} ms "
        f"(target p95 < {TARGET_MS:.0f} ms: {verdict}); naive persons-only query p95 {pct(baseline, 95):.1f} ms "
        f"({pct(baseline, 95) / max(p95, 0.001):.1f}× the full page's p95)"
    )


KINDS = (
    "full name",
    "surname only",
    "given name only",
    "ID last 4",
    "ID last 6",
    "full ID number",
    "household number",
    "case number",
    "mobile number",
    "unknown name",
)


def pct(values: list[float], p: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def recreate_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def make_users() -> dict:
    from minzheng.core.services.accounts import create_user

    return {
        "caseworker": create_user(
            username="bench_caseworker", password="Bench@2026x", full_name="经办人",
            division_code=COUNTIES[0].ljust(12, "0"), role_codes=["caseworker"],
        ),
        "leader": create_user(
            username="bench_leader", password="Bench@2026x", full_name="领导",
            division_code=CITY.ljust(12, "0"), role_codes=["leader"],
        ),
    }  # fmt: skip


def existing_users() -> dict:
    from minzheng.core.models import User

    return {
        "caseworker": User.objects.get(username="bench_caseworker"),
        "leader": User.objects.get(username="bench_leader"),
    }


def _name(rng: random.Random) -> str:
    surname = SURNAMES[min(int(rng.expovariate(1 / 12)), len(SURNAMES) - 1)]
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return surname + given


def build_world(persons: int, seed: int, caseworker) -> None:
    """Divisions, persons, households, memberships (COPY); cases, enrolments, warnings, residents."""
    from django.db import connection, transaction

    from minzheng.core.bulk import insert_rows
    from minzheng.core.identity import make_resident_id
    from minzheng.core.models import Division, Household, HouseholdMembership, Person

    rng = random.Random(seed)
    now = datetime.now(UTC)
    townships = [f"{c}{t:03d}" for c in COUNTIES for t in range(1, 21)]
    villages = [f"{t}{v:03d}" for t in townships for v in range(1, 11)]
    base_day = date(1935, 1, 1).toordinal()
    used: set[str] = set()

    divisions = [
        Division(code=CITY.ljust(12, "0"), name="丹东市", level=2, parent_code="210000000000", source="bench")
    ]
    divisions += [
        Division(
            code=c.ljust(12, "0"), name=f"第{n}区", level=3, parent_code=CITY.ljust(12, "0"), source="bench"
        )
        for n, c in enumerate(COUNTIES, 1)
    ]
    divisions += [
        Division(
            code=t.ljust(12, "0"),
            name=f"第{int(t[6:])}街道",
            level=4,
            parent_code=t[:6].ljust(12, "0"),
            source="bench",
        )
        for t in townships
    ]
    divisions += [
        Division(code=v, name=f"{int(v[6:9])}街道{int(v[9:])}社区", level=5, parent_code=v[:9].ljust(12, "0"), source="bench")
        for v in villages
    ]  # fmt: skip

    person_rows, household_rows, membership_rows = [], [], []
    person_id = household_id = 0
    while person_id < persons:
        household_id += 1
        village = villages[household_id % len(villages)]
        size = min(rng.choice([1, 2, 2, 3, 3, 3, 4, 5]), persons - person_id)
        head_id = person_id + 1
        for member in range(size):
            person_id += 1
            while True:
                number = make_resident_id(
                    village[:6], date.fromordinal(base_day + rng.randrange(30_000)), rng.randrange(1000)
                )
                if number not in used:
                    used.add(number)
                    break
            phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}" if rng.random() < 0.6 else ""
            person_rows.append(
                (person_id, number, "ric", _name(rng), "1" if int(number[16]) % 2 else "2",
                 date(int(number[6:10]), int(number[10:12]), int(number[12:14])), "01", village, village,
                 "某路1号", phone, "", None, False, None, None, now, now)
            )  # fmt: skip
            membership_rows.append(
                (household_id, person_id, "01" if member == 0 else "10", date(2020, 1, 1), None)
            )
        household_rows.append(
            (household_id, f"{village[:9]}{household_id:06d}", village, "某路1号", "urban", head_id, date(2020, 1, 1), None, None, None, now, now)
        )  # fmt: skip

    with transaction.atomic():
        Division.objects.bulk_create(divisions)
        insert_rows(Person, [
            "id", "id_number", "id_kind", "name", "sex", "birth_date", "ethnicity", "hukou_division_code",
            "residence_division_code", "address", "phone", "disability_category", "disability_grade",
            "is_deceased", "death_date", "import_batch", "created_at", "updated_at",
        ], person_rows)  # fmt: skip
        insert_rows(Household, [
            "id", "number", "residence_division_code", "address", "area_type", "head", "established_on",
            "dissolved_on", "split_from", "import_batch", "created_at", "updated_at",
        ], household_rows)  # fmt: skip
        insert_rows(
            HouseholdMembership,
            ["household", "person", "relation", "valid_from", "valid_to"],
            membership_rows,
        )
        build_domains(rng, household_rows, person_rows, caseworker, now)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Person, Household]):
                cursor.execute(statement)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build_domains(rng, household_rows, person_rows, caseworker, now) -> None:
    """60,000 cases, 30,000 enrolments, 20,000 warnings and 10,000 residents on random households/persons."""
    from minzheng.assistance.models import AssistanceCase, AssistanceProgram, Enrolment
    from minzheng.eldercare.models import Institution, Residency
    from minzheng.monitoring.models import MonitoringRun, RiskRule, RiskWarning

    program = AssistanceProgram.objects.get(code="dibao_urban")
    households = rng.sample(household_rows, min(60_000, len(household_rows)))
    cases = [
        AssistanceCase(
            number=f"JZ2026{h[2][:6]}{n:08d}", program=program, household_id=h[0], division_code=h[2],
            area="urban", source="self", status="applied", applied_on=date(2026, 1 + n % 12, 1 + n % 28),
            created_by=caseworker,
        )
        for n, h in enumerate(households, 1)
    ]  # fmt: skip
    AssistanceCase.objects.bulk_create(cases, batch_size=5000)
    Enrolment.objects.bulk_create(
        (
            Enrolment(
                program=program, household_id=h[0], division_code=h[2], area="urban",
                start_month=date(2025, 1, 1), payee_id=h[5],
            )
            for h in households[:30_000]
        ),
        batch_size=5000,
    )  # fmt: skip
    rule = RiskRule.objects.create(
        code=next(iter(RiskRule._meta.get_field("code").choices))[0], division_code="000000000000",
        valid_from=date(2025, 1, 1), severity="low", verify_days=10,
    )  # fmt: skip
    run = MonitoringRun.objects.create(kind="daily", until=date(2026, 3, 1), status="succeeded")
    people = rng.sample(person_rows, min(20_000, len(person_rows)))
    RiskWarning.objects.bulk_create(
        (
            RiskWarning(
                number=f"YJ20260301{n:09d}", warning_key=f"bench/{n}", run=run, rule=rule, rule_code=rule.code,
                severity="low", household_key=str(n), id_number=p[1], person_name=p[3], division_code=p[8],
                event_date=date(2026, 3, 1), reason="测试", evidence=[],
            )
            for n, p in enumerate(people, 1)
        ),
        batch_size=5000,
    )  # fmt: skip
    institutions = [
        Institution.objects.create(
            name=f"第{n}养老院", nature="public", operator_name="民政局", operator_uscc=f"{n:018d}",
            division_code=COUNTIES[n % 4].ljust(12, "0"), address="某路", beds_total=600, nursing_beds=300,
        )
        for n in range(20)
    ]  # fmt: skip
    elders = rng.sample(person_rows, min(10_000, len(person_rows)))
    Residency.objects.bulk_create(
        (
            Residency(
                institution=institutions[n % 20], person_id=p[0], division_code=institutions[n % 20].division_code,
                admitted_on=date(2025, 6, 1), bed_kind="nursing", care_grade="grade3", monthly_fee=3000,
            )
            for n, p in enumerate(elders)
        ),
        batch_size=5000,
    )  # fmt: skip


def no_style():
    from django.core.management.color import no_style as style

    return style()


def world_counts() -> dict[str, int]:
    from django.db import connection

    tables = {
        "persons": "core_person",
        "households": "core_household",
        "cases": "assistance_assistancecase",
        "enrolments": "assistance_enrolment",
        "warnings": "monitoring_riskwarning",
        "residents": "eldercare_residency",
    }
    with connection.cursor() as cursor:
        found = {}
        for label, table in tables.items():
            cursor.execute(f"SELECT count(*) FROM {table}")
            found[label] = cursor.fetchone()[0]
    return found


def term_mix(user, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, term) pairs drawn from records in the user's jurisdiction (misses included on purpose)."""
    from minzheng.assistance.models import AssistanceCase
    from minzheng.core.jurisdiction import division_prefix
    from minzheng.core.models import Household, Person

    prefix = division_prefix(user.division_code)
    top = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    sample = []
    while len(sample) < max(count // 3, 10):
        pks = [rng.randrange(1, top + 1) for _ in range(200)]
        sample += list(
            Person.objects.filter(pk__in=pks, residence_division_code__startswith=prefix).values_list(
                "name", "id_number", "phone", "memberships__household__number"
            )
        )
    cases = list(
        AssistanceCase.objects.filter(division_code__startswith=prefix)
        .order_by("?")
        .values_list("number", flat=True)[:50]
    )
    numbers = [row[3] for row in sample if row[3]] or list(
        Household.objects.values_list("number", flat=True)[:10]
    )
    mix = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        name, id_number, phone, _ = rng.choice(sample)
        term = {
            "full name": name,
            "surname only": name[0],
            "given name only": name[1:],
            "ID last 4": id_number[-4:],
            "ID last 6": id_number[-6:],
            "full ID number": id_number,
            "household number": rng.choice(numbers),
            "case number": rng.choice(cases) if cases else "JZ2026",
            "mobile number": phone or "13900000000",
            "unknown name": "欧阳不存在",
        }[kind]
        mix.append((kind, term))
    return mix


def run_mix(user, mix) -> dict[str, list[float]]:
    from minzheng.core.search_terms import parse_search_term
    from minzheng.search.groups import search_everything

    for _, term in mix[:5]:  # warm the connection and caches the way a running server has them
        search_everything(user, parse_search_term(term), 20)
    timings: dict[str, list[float]] = {}
    for kind, term in mix:
        started = time.perf_counter()
        found = search_everything(user, parse_search_term(term), 20)
        _ = [hit.title for group in found for hit in group.hits]
        timings.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    return timings


def run_picker(user, mix) -> list[float]:
    from minzheng.core.search_terms import parse_search_term
    from minzheng.web.kit.picker import source

    households = source("household")
    timings = []
    for _, term in mix:
        started = time.perf_counter()
        households.search(user, parse_search_term(term), 11)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def run_baseline(user, mix) -> list[float]:
    """The first thing one writes: contains() on name, ID number and phone — a scan of every person."""
    from django.db.models import Q

    from minzheng.core.jurisdiction import scope
    from minzheng.core.models import Person

    timings = []
    for _, term in mix:
        started = time.perf_counter()
        list(
            scope(
                Person.objects.filter(
                    Q(name__contains=term) | Q(id_number__contains=term) | Q(phone__contains=term)
                ),
                user,
            ).order_by("name", "pk")[:20]
        )
        timings.append((time.perf_counter() - started) * 1000)
    return timings


if __name__ == "__main__":
    main()
