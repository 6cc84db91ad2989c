"""Benchmark: the monthly payroll (发放花名册) for 200,000 beneficiary households on PostgreSQL (issue 3:
target ≤ 30 s), beside a naive per-household ORM baseline measured in the same run.

Builds the world set-based (COPY through ``core.bulk.insert_rows``, no ORM object per row): one county of
20 townships × 10 communities, 200,000 城市低保 households with 1–5 members, one enrolment each with its
amount (10 % with a later 增保/减保, 2 % stopped before the month), payees at three banks. Then:

  1. ``payments.services.generation.generate_roster`` for the whole county and month (timed), a re-run
     (idempotent replace, timed), and — after approval — the next month, which also compares the approved
     month against what is in force now for 补发/扣发 (timed);
  2. a naive baseline on a subset (default 5,000 households): one ORM query per household for its amount,
     payee and an "already paid?" check, and one ``save()`` per line — rolled back afterwards — whose time is
     extrapolated linearly to the full population (it is stated as such in the output);
  3. checks: the baseline's lines equal the fast roster's lines for the same households (amount by amount)
     and their totals match; the fast roster's total equals the contract's ``entitlements_for_month`` sum.

    .venv/bin/python benchmarks/payroll.py                      # 200,000 households, fresh database
    .venv/bin/python benchmarks/payroll.py --households 20000 --baseline-households 2000
    .venv/bin/python benchmarks/payroll.py --database-url postgres://postgres@127.0.0.1:5432/other

The database named in ``--database-url`` is dropped and recreated (it is a benchmark database).
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/minzheng_bench"
COUNTY = "210602"
MONTH = date(2026, 6, 1)
TARGET_SECONDS = 30.0
BANKS = [("丹东农商银行", "62304"), ("中国邮政储蓄银行", "62179"), ("中国建设银行", "62170")]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--baseline-households", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    recreate_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("MINZHENG_VAR_DIR", tempfile.mkdtemp(prefix="mz-payroll-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from minzheng.assistance.services.seed import load_assistance_policy

    load_assistance_policy()
    users = make_users()
    persons = build_world(args.households, args.seed)
    print(
        f"world: {args.households:,} households, {persons:,} persons, built in {time.perf_counter() - started:.1f}s"
    )

    baseline_seconds, baseline_lines = naive_baseline(users["caseworker"], args.baseline_households)
    per_household = baseline_seconds / max(len(baseline_lines), 1)
    extrapolated = per_household * args.households

    figures = run_fast(users, baseline_lines)

    print()
    print(f"{'step':<46} {'seconds':>9}")
    print(
        f"{'generate_roster, county month, ' + format(args.households, ',') + ' households':<46} {figures['first']:>9.2f}"
    )
    print(f"{'  … re-run of the same month (replace)':<46} {figures['rerun']:>9.2f}")
    print(f"{'  … next month with 补发/扣发 comparison':<46} {figures['next']:>9.2f}")
    print(f"{'  … bank file, generic .xlsx, all transfers':<46} {figures['bank_file']:>9.2f}")
    print(
        f"{'naive ORM baseline, ' + format(len(baseline_lines), ',') + ' households':<46} {baseline_seconds:>9.2f}"
        f"   ({per_household * 1000:.2f} ms/household)"
    )
    print(f"{'naive ORM baseline, extrapolated to ' + format(args.households, ','):<46} {extrapolated:>9.1f}")
    ratio = extrapolated / figures["first"]
    verdict = "met" if figures["first"] <= TARGET_SECONDS else "MISSED"
    print(
        f"\nroster: {figures['roster'].line_count:,} lines, ¥{figures['roster'].total_amount:,.2f}; "
        f"fast vs baseline (extrapolated): {ratio:.1f}x faster; target ≤ {TARGET_SECONDS:.0f} s: {verdict}"
    )


def recreate_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def make_users() -> dict:
    from minzheng.core.services.accounts import create_user

    code = COUNTY.ljust(12, "0")
    return {
        role: create_user(
            username=f"bench_{role}",
            password="Bench@2026x",
            full_name=role,
            division_code=code,
            role_codes=[role],
        )
        for role in ("caseworker", "approver")
    }


def build_world(households: int, seed: int) -> int:
    """Divisions, persons, households, memberships, enrolments and amounts — COPY, explicit keys."""
    from django.db import connection, transaction

    from minzheng.assistance.models import AssistanceProgram, Enrolment, EnrolmentAmount
    from minzheng.core.bulk import insert_rows
    from minzheng.core.identity import make_resident_id
    from minzheng.core.models import Division, Household, HouseholdMembership, Person

    rng = random.Random(seed)
    now = datetime.now(UTC)
    townships = [f"{COUNTY}{t:03d}" for t in range(1, 21)]
    villages = [f"{t}{v:03d}" for t in townships for v in range(1, 11)]
    program_id = AssistanceProgram.objects.get(code="dibao_urban").pk
    base_day = date(1940, 1, 1).toordinal()

    def division_rows():
        yield (COUNTY.ljust(12, "0"), "元宝区", 3, "210600000000", "bench")
        for n, t in enumerate(townships, start=1):
            yield (t.ljust(12, "0"), f"第{n}街道", 4, COUNTY.ljust(12, "0"), "bench")
        for v in villages:
            yield (v, f"{int(v[6:9])}街道{int(v[9:])}社区", 5, v[:9].ljust(12, "0"), "bench")

    plans = []  # (household id, village, member count)
    person_rows, household_rows, membership_rows, enrolment_rows, amount_rows = [], [], [], [], []
    person_id = 0
    for household_id in range(1, households + 1):
        village = villages[household_id % len(villages)]
        size = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5])
        head_id = person_id + 1
        for member in range(size):
            person_id += 1
            number = make_resident_id(
                COUNTY,
                date.fromordinal(base_day + person_id % 27_000),
                (person_id // 27_000) * 2 + (member == 0),
            )
            person_rows.append(
                (person_id, number, "ric", f"居民{person_id}", "1" if member == 0 else "2", date.fromisoformat(f"{number[6:10]}-{number[10:12]}-{number[12:14]}"),
                 "01", village, village, "某路1号", "", "", None, False, None, None, now, now)
            )  # fmt: skip
            membership_rows.append(
                (household_id, person_id, "01" if member == 0 else "10", date(2020, 1, 1), None)
            )
        household_rows.append(
            (household_id, f"{village[:9]}{household_id:07d}", village, "某路1号", "urban", head_id, date(2020, 1, 1), None, None, None, now, now)
        )  # fmt: skip
        bank, prefix = BANKS[household_id % 3]
        stopped = rng.random() < 0.02
        enrolment_rows.append(
            (household_id, program_id, household_id, None, village, "urban", date(2025, 1, 1),
             date(2026, 3, 1) if stopped else None, "收入超标" if stopped else "", head_id, bank,
             f"{prefix}{household_id:014d}", "", None, now)
        )  # fmt: skip
        amount = Decimal(rng.randrange(5_000, 66_300 * size, 50)) / 100
        amount_rows.append((household_id, date(2025, 1, 1), amount, size, "initial", "", None, now))
        if rng.random() < 0.10:
            changed = (amount + Decimal(rng.choice([-80, -30, 45, 120]))).max(Decimal("10.00"))
            amount_rows.append((household_id, date(2026, 1, 1), changed, size, "raise", "提标", None, now))
        plans.append(household_id)

    with transaction.atomic():
        Division.objects.bulk_create(
            Division(code=code, name=name, level=level, parent_code=parent, source=source)
            for code, name, level, parent, source in division_rows()
        )
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
        insert_rows(Enrolment, [
            "id", "program", "household", "case", "division_code", "area", "start_month", "end_month", "end_reason",
            "payee", "bank_name", "bank_account", "review_category", "next_review_on", "created_at",
        ], enrolment_rows)  # fmt: skip
        insert_rows(EnrolmentAmount, [
            "enrolment", "effective_month", "monthly_amount", "persons", "kind", "reason", "recorded_by", "recorded_at",
        ], amount_rows)  # fmt: skip
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Person, Household, Enrolment]):
                cursor.execute(statement)
            cursor.execute("ANALYZE")
    return person_id


def no_style():
    from django.core.management.color import no_style as style

    return style()


def naive_baseline(user, count: int) -> tuple[float, dict[int, Decimal]]:
    """What a first implementation does: loop over the enrolments, ask the ORM per household. Rolled back."""
    from django.db import transaction

    from minzheng.assistance.models import Enrolment
    from minzheng.payments.models import LineKind, PayrollLine, PayrollRoster

    class Rollback(Exception):
        pass

    lines: dict[int, Decimal] = {}
    started = time.perf_counter()
    try:
        with transaction.atomic():
            roster = PayrollRoster.objects.create(
                program_code="dibao_urban", program_name="城市低保", division_code="999999000000", month=MONTH
            )
            seq = 0
            for enrolment in Enrolment.objects.filter(
                program__code="dibao_urban", division_code__startswith=COUNTY
            ).order_by("pk")[:count]:
                if enrolment.start_month > MONTH or (enrolment.end_month and enrolment.end_month < MONTH):
                    continue
                amount = (
                    enrolment.amounts.filter(effective_month__lte=MONTH).order_by("-effective_month").first()
                )
                if amount is None:
                    continue
                if PayrollLine.objects.filter(
                    enrolment_id=enrolment.pk, month=MONTH, kind=LineKind.REGULAR
                ).exists():
                    continue
                payee, household = enrolment.payee, enrolment.household
                seq += 1
                PayrollLine.objects.create(
                    roster=roster, seq=seq, kind=LineKind.REGULAR, month=MONTH, for_month=MONTH,
                    enrolment_id=enrolment.pk, household=household, household_number=household.number,
                    division_code=enrolment.division_code, township_code=enrolment.division_code[:9].ljust(12, "0"),
                    payee_name=payee.name, payee_id_number=payee.id_number, bank_name=enrolment.bank_name,
                    bank_account=enrolment.bank_account, persons=amount.persons, amount=amount.monthly_amount,
                )  # fmt: skip
                lines[enrolment.pk] = amount.monthly_amount
            elapsed = time.perf_counter() - started
            raise Rollback
    except Rollback:
        pass
    return elapsed, lines


def run_fast(users: dict, baseline: dict[int, Decimal]) -> dict:
    from minzheng.payments.models import BankFormat
    from minzheng.payments.services.approval import approve_roster, submit_roster
    from minzheng.payments.services.bank_files import export_bank_file
    from minzheng.payments.services.generation import generate_roster
    from minzheng.payments.services.seed import load_bank_formats

    load_bank_formats()
    maker, checker = users["caseworker"], users["approver"]
    county = COUNTY.ljust(12, "0")

    def timed(month):
        started = time.perf_counter()
        roster = generate_roster(maker, program_code="dibao_urban", division_code=county, month=month).roster
        return time.perf_counter() - started, roster

    first, roster = timed(MONTH)
    rerun, roster = timed(MONTH)
    check(roster, baseline)
    submit_roster(maker, roster)
    roster = approve_roster(checker, roster)
    started = time.perf_counter()
    export_bank_file(maker, roster, BankFormat.objects.get(code="generic"), "xlsx")
    bank_file = time.perf_counter() - started
    retro_changes(maker)
    following, july = timed(date(2026, 7, 1))
    adjustments = july.lines.exclude(kind="regular").count()
    print(f"next month: {july.line_count:,} lines of which {adjustments:,} 补发/扣发 adjustments")
    return {"first": first, "rerun": rerun, "next": following, "bank_file": bank_file, "roster": roster}


def retro_changes(user) -> None:
    """A few changes recorded after June's approval but effective in June, through the real services."""
    from minzheng.assistance.models import Enrolment
    from minzheng.assistance.services.enrolments import change_amount, stop_enrolment

    for enrolment in Enrolment.objects.filter(end_month__isnull=True).order_by("pk")[:50]:
        change_amount(
            user,
            enrolment,
            from_month=MONTH,
            monthly_amount=Decimal("700.00"),
            persons=2,
            kind="increase",
            reason="补录",
        )
    for enrolment in Enrolment.objects.filter(end_month__isnull=True).order_by("-pk")[:20]:
        stop_enrolment(user, enrolment, last_month=date(2026, 5, 1), reason="死亡")


def check(roster, baseline: dict[int, Decimal]) -> None:
    from minzheng.assistance.selectors.entitlements import entitlements_for_month

    fast = dict(
        roster.lines.filter(enrolment_id__in=list(baseline), kind="regular").values_list(
            "enrolment_id", "amount"
        )
    )
    if fast != baseline:
        raise SystemExit(
            f"MISMATCH: {len(set(fast.items()) ^ set(baseline.items()))} lines differ from the baseline"
        )
    contract = sum(
        (e.monthly_amount for e in entitlements_for_month(MONTH, program_code="dibao_urban")), Decimal(0)
    )
    if contract != roster.total_amount:
        raise SystemExit(f"MISMATCH: roster total {roster.total_amount} ≠ entitlements {contract}")
    print(
        f"checked: baseline and fast lines identical for {len(baseline):,} households "
        f"(¥{sum(baseline.values(), Decimal(0)):,.2f} both); roster total = entitlements total ¥{contract:,.2f}"
    )


if __name__ == "__main__":
    main()
