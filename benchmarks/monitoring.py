"""Benchmark of the monitoring job (issue 5): full run and incremental daily run against pandas.

Target: 3,000,000 monitored persons and 20,000,000 department event rows (a year of medical bills, income
feeds, certificates, deaths, unemployment, disaster losses): full run ≤ 60 s, incremental daily run (1/365
of the events) ≤ 5 s on 2 cores. Baseline: the same seven rules written in pandas (integer 分), measured in
the same process on the same Parquet files; both must produce the identical set of warnings.

Issue 15 targets: full run ≥ 5× pandas, daily run ≤ 3 s CPU. Each run prints its steps' wall and CPU time
(a view costs nothing until the step that reads it); ``--explain FILE`` appends each stored step's
``EXPLAIN ANALYZE``; ``--only-full`` skips the daily runs while profiling.

    .venv/bin/python benchmarks/monitoring.py              # full scale
    .venv/bin/python benchmarks/monitoring.py --scale 0.05 # a quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from minzheng.batch.backends import DuckDBBackend  # noqa: E402
from minzheng.batch.intake import DATASETS, DatasetSnapshot  # noqa: E402
from minzheng.batch.monitoring import (  # noqa: E402
    MONITORING_POPULATION_SCHEMA,
    RuleVersion,
    rules_table,
    run_monitoring,
)

UNTIL = dt.date(2026, 1, 1)  # the run on 1 January: a year of events, December's income evaluated
YEAR_START = dt.date(2025, 1, 1)
EPOCH = dt.date(1970, 1, 1)
LINE_CENTS = 66300
RULES = [
    RuleVersion(1, "medical_expense", "high", amount=Decimal("20000"), ratio=Decimal("0.5"), months=12),
    RuleVersion(2, "severe_disability", "medium", grade=2),
    RuleVersion(3, "working_age_death", "high", age_from=16, age_to=59),
    RuleVersion(4, "unemployment", "medium"),
    RuleVersion(5, "disaster_loss", "high", amount=Decimal("10000")),
    RuleVersion(6, "income_below_line", "medium", months=3),
    RuleVersion(7, "income_above_line", "low", ratio=Decimal("1"), months=3),
]
# events per dataset at full scale (20,000,000 in all)
EVENTS = {
    "medical_bills": 8_000_000,
    "tax_income": 6_000_000,
    "pension": 3_000_000,
    "unemployment": 600_000,
    "disability_cert": 1_000_000,
    "deaths": 400_000,
    "disaster_loss": 1_000_000,
}


def _days(day: dt.date) -> int:
    return (day - EPOCH).days


def _dates(values: np.ndarray) -> pa.Array:
    return pa.array(values.astype("int32"), pa.int32()).cast(pa.date32())


def _money(cents: np.ndarray) -> pa.Array:
    """Integer 分 → DECIMAL(18,2) exactly, by writing the unscaled 128-bit values directly."""
    words = np.empty((len(cents), 2), dtype="<i8")
    words[:, 0] = cents
    words[:, 1] = np.where(cents < 0, -1, 0)
    return pa.Array.from_buffers(pa.decimal128(18, 2), len(cents), [None, pa.py_buffer(words.tobytes())])


def build_world(scale: float, directory: Path, seed: int = 7) -> tuple[pa.Table, dict[str, list[Path]]]:
    rng = np.random.default_rng(seed)
    persons = int(3_000_000 * scale)
    ids = np.char.add("2106", np.char.zfill(np.arange(persons).astype(str), 14))
    household = np.arange(persons) * 10 // 25  # 2.5 persons a household
    villages = np.array(
        [f"2106{c:02d}{t:03d}{v:03d}" for c in (2, 3, 4) for t in range(1, 6) for v in range(1, 7)]
    )
    division = villages[household % len(villages)]
    birth = rng.integers(_days(dt.date(1935, 1, 1)), _days(dt.date(2020, 1, 1)), persons)
    in_dibao = (household % 3) == 0
    population = pa.table(
        {
            "id_number": ids,
            "household_id": np.char.add("H", household.astype(str)),
            "division_code": division,
            "birth_date": _dates(birth),
            "in_dibao": in_dibao,
            "dibao_line": _money(np.full(persons, LINE_CENTS)),
        },
        schema=MONITORING_POPULATION_SCHEMA,
    )

    def people(n: int) -> np.ndarray:
        # 80% of department rows concern monitored persons, the rest the wider population
        picks = rng.integers(0, persons, n)
        outsiders = rng.random(n) < 0.2
        return np.where(outsiders, np.char.add("2199", np.char.zfill(picks.astype(str), 14)), ids[picks])

    def days(n: int, start: dt.date = YEAR_START) -> np.ndarray:
        return rng.integers(_days(start), _days(UNTIL), n)

    def month_texts(index: np.ndarray) -> np.ndarray:
        return np.char.add(
            np.char.add((index // 12).astype(str), "-"), np.char.zfill((index % 12 + 1).astype(str), 2)
        )

    def monthly(n_rows: int, low: int, high: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Stable monthly amounts for n_rows / 16 people over 2024-09 … 2025-12; 3% lose it from some month."""
        people_n = max(n_rows // 16, 1)
        who = people(people_n)
        amount = rng.integers(low, high, people_n)
        stops = np.where(
            rng.random(people_n) < 0.03, rng.integers(2025 * 12, 2025 * 12 + 12, people_n), 10**9
        )
        index = np.arange(2024 * 12 + 8, 2025 * 12 + 12)
        ids_, months_ = np.repeat(who, len(index)), np.tile(index, people_n)
        keep = months_ < np.repeat(stops, len(index))
        noise = rng.integers(-2_000, 2_000, people_n * len(index))
        return ids_[keep], month_texts(months_[keep]), (np.repeat(amount, len(index)) + noise)[keep]

    s = {name: int(count * scale) for name, count in EVENTS.items()}
    tax_ids, tax_months, tax_amounts = monthly(s["tax_income"], 30_000, 600_000)
    pension_ids, pension_months, pension_amounts = monthly(s["pension"], 60_000, 400_000)
    registrations = max(s["unemployment"] // 4, 1)
    registered = days(registrations, dt.date(2024, 1, 1))
    first_benefit = registered.astype("datetime64[D]").astype("datetime64[M]").astype(int) + 1970 * 12 + 1
    tables = {
        "medical_bills": {
            "id_number": people(s["medical_bills"]),
            "settle_date": _dates(days(s["medical_bills"])),
            "total_cost": _money(rng.integers(5_000, 3_000_000, s["medical_bills"])),
            "self_paid": _money(rng.lognormal(9.3, 1.4, s["medical_bills"]).astype("int64")),
            "inpatient": rng.random(s["medical_bills"]) < 0.2,
        },
        "tax_income": {
            "id_number": tax_ids,
            "month": tax_months,
            "category": np.full(len(tax_ids), "wage"),
            "amount": _money(tax_amounts),
        },
        "pension": {
            "id_number": pension_ids,
            "month": pension_months,
            "amount": _money(pension_amounts),
            # contract exchange/1.1 (optional column); the monitoring rules do not read it
            "kind": np.full(len(pension_ids), "retirement"),
        },
        "unemployment": {
            "id_number": np.repeat(people(registrations), 4),
            "registered_date": _dates(np.repeat(registered, 4)),
            "benefit_month": month_texts(np.repeat(first_benefit, 4) + np.tile(np.arange(4), registrations)),
            "benefit_amount": _money(rng.integers(120_000, 170_000, registrations * 4)),
        },
        "disability_cert": {
            "id_number": people(s["disability_cert"]),
            "category": np.full(s["disability_cert"], "肢体"),
            "grade": rng.integers(1, 5, s["disability_cert"]).astype("int32"),
            "issued_date": _dates(days(s["disability_cert"], dt.date(2015, 1, 1))),
        },
        "deaths": {"id_number": people(s["deaths"]), "death_date": _dates(days(s["deaths"]))},
        "disaster_loss": {
            "id_number": people(s["disaster_loss"]),
            "event_date": _dates(days(s["disaster_loss"])),
            "loss_amount": _money(rng.lognormal(12.2, 1.0, s["disaster_loss"]).astype("int64")),
            "kind": rng.choice(np.array(["洪涝", "风雹", "地震", "火灾"]), s["disaster_loss"]),
        },
    }
    paths = {}
    for name, columns in tables.items():
        path = directory / f"{name}.parquet"
        pq.write_table(pa.table(columns).cast(DATASETS[name].schema), path, row_group_size=1_000_000)
        paths[name] = [path]
    return population, paths


# --- the pandas baseline ----------------------------------------------------------------------------


def _round_div(n: np.ndarray, d: np.ndarray) -> np.ndarray:
    n, d = np.asarray(n, dtype="int64"), np.asarray(d, dtype="int64")
    return np.where(n >= 0, (2 * n + d) // (2 * d), -((-2 * n + d) // (2 * d)))


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def pandas_rules(
    population: pa.Table, paths: dict[str, list[Path]], since: dt.date | None, until: dt.date
) -> pd.DataFrame:
    """The seven rules in pandas (money as integer 分 read exactly from Parquet decimals)."""
    pop = population.select(
        ["id_number", "household_id", "division_code", "birth_date", "in_dibao"]
    ).to_pandas()
    lo = pd.Timestamp(since or dt.date(1900, 1, 1))
    hi = pd.Timestamp(until)

    def read(name: str, columns: list[str], money: tuple[str, ...] = ()) -> pd.DataFrame:
        table = pq.read_table(paths[name][0], columns=columns)
        for column in money:  # exact: decimal(18,2) → integer 分
            index = table.schema.get_field_index(column)
            cents = pc.multiply(table[column], pa.scalar(Decimal(100))).cast(pa.int64())
            table = table.set_column(index, column, cents)
        frame = table.to_pandas()
        for column in frame.columns:
            if frame[column].dtype == object and len(frame) and isinstance(frame[column].iloc[0], dt.date):
                frame[column] = pd.to_datetime(frame[column])
        return frame

    found = []

    def emit(frame: pd.DataFrame, rule: str, key: pd.Series, event: pd.Series) -> None:
        found.append(
            pd.DataFrame(
                {
                    "warning_key": key.values,
                    "rule_code": rule,
                    "household_id": frame["household_id"].values,
                    "id_number": frame["id_number"].values,
                    "event_date": event.dt.date.values,
                }
            )
        )

    def window(series: pd.Series) -> pd.Series:
        return (series > lo) & (series <= hi)

    def day_text(series: pd.Series) -> pd.Series:
        return series.dt.strftime("%Y-%m-%d")

    # 新增重度残疾: grade ≤ 2 in the window, no earlier certificate at grade ≤ 2
    cert = read("disability_cert", ["id_number", "grade", "issued_date"])
    severe = cert[cert.grade <= 2]
    first = severe.groupby("id_number").issued_date.min().rename("first")
    new = severe[window(severe.issued_date)].join(first, on="id_number")
    new = (
        new[new.issued_date == new["first"]]
        .merge(pop, on="id_number")
        .drop_duplicates(["id_number", "issued_date"])
    )
    emit(
        new,
        "severe_disability",
        "severe_disability:" + new.id_number + ":" + day_text(new.issued_date),
        new.issued_date,
    )

    # 劳动年龄成员死亡
    deaths = read("deaths", ["id_number", "death_date"])
    deaths = deaths[window(deaths.death_date)].merge(pop, on="id_number")
    birth = pd.to_datetime(deaths.birth_date)
    d = deaths.death_date
    age = (
        d.dt.year
        - birth.dt.year
        - ((d.dt.month * 100 + d.dt.day) < (birth.dt.month * 100 + birth.dt.day)).astype(int)
    )
    deaths = deaths[(age >= 16) & (age <= 59)].drop_duplicates(["id_number", "death_date"])
    emit(
        deaths,
        "working_age_death",
        "working_age_death:" + deaths.id_number + ":" + day_text(deaths.death_date),
        deaths.death_date,
    )

    # 新增失业登记
    unemployment = read(
        "unemployment",
        ["id_number", "registered_date", "benefit_month", "benefit_amount"],
        ("benefit_amount",),
    )
    reg = unemployment[window(unemployment.registered_date)][
        ["id_number", "registered_date"]
    ].drop_duplicates()
    reg = reg.merge(pop, on="id_number")
    emit(
        reg,
        "unemployment",
        "unemployment:" + reg.id_number + ":" + day_text(reg.registered_date),
        reg.registered_date,
    )

    # 灾害损失
    loss = read("disaster_loss", ["id_number", "event_date", "loss_amount", "kind"], ("loss_amount",))
    loss = loss[window(loss.event_date)].merge(pop[["id_number", "household_id"]], on="id_number")
    g = (
        loss.groupby(["household_id", "event_date", "kind"])
        .agg(loss=("loss_amount", "sum"), id_number=("id_number", "min"))
        .reset_index()
    )
    g = g[g.loss > 1_000_000]
    emit(
        g,
        "disaster_loss",
        "disaster_loss:" + g.household_id + ":" + day_text(g.event_date) + ":" + g.kind,
        g.event_date,
    )

    # 收入: household income per month (tax + pension + unemployment benefits)
    tax = read("tax_income", ["id_number", "month", "amount"], ("amount",))
    pension = read("pension", ["id_number", "month", "amount"], ("amount",))
    benefits = unemployment.rename(columns={"benefit_month": "month", "benefit_amount": "amount"})[
        ["id_number", "month", "amount"]
    ]
    income = pd.concat([tax, pension, benefits], ignore_index=True).merge(
        pop[["id_number", "household_id"]], on="id_number"
    )
    income["mi"] = income.month.str[:4].astype(int) * 12 + income.month.str[5:7].astype(int) - 1
    um = _month_index(until)

    # 医疗支出: households with a bill in the window, 12-month total crossing 20,000 元 or 50% of income
    bills = read("medical_bills", ["id_number", "settle_date", "self_paid"], ("self_paid",)).merge(
        pop[["id_number", "household_id"]], on="id_number"
    )
    new_bills = bills[window(bills.settle_date)]
    scope = new_bills.groupby("household_id").agg(
        event=("settle_date", "max"), id_number=("id_number", "min")
    )
    start_key = (um - 12) * 100 + until.day
    b = bills[bills.household_id.isin(scope.index)]
    key = (b.settle_date.dt.year * 12 + b.settle_date.dt.month - 1) * 100 + b.settle_date.dt.day
    b = b[(key > start_key) & (b.settle_date <= hi)]
    totals = b.groupby("household_id").self_paid.sum().rename("total").to_frame()
    totals["new"] = b[window(b.settle_date)].groupby("household_id").self_paid.sum()
    inc = income[income.household_id.isin(scope.index) & (income.mi >= um - 12) & (income.mi <= um - 1)]
    totals["income"] = inc.groupby("household_id").amount.sum()
    totals = totals.fillna(0).astype("int64").join(scope)

    def over(total: pd.Series) -> pd.Series:
        return (total > 2_000_000) | ((totals.income > 0) & (total * 10000 > 5000 * totals.income))

    med = totals[over(totals.total) & ~over(totals.total - totals.new)].reset_index()
    emit(med, "medical_expense", "medical_expense:" + med.household_id + ":" + day_text(med.event), med.event)

    # 收入降至低保线以下 / 低保家庭收入超标: months whose last day is in the window
    first = um - 12 if since is None else _month_index(since)
    months_eval = list(range(first, um))
    if months_eval:
        households = pop.groupby("household_id").agg(
            members=("id_number", "size"), in_dibao=("in_dibao", "max"), id_number=("id_number", "min")
        )
        span = range(first - 4, um)
        monthly = (
            income[income.mi.isin(span)].groupby(["household_id", "mi"]).amount.sum().unstack(fill_value=0)
        )
        monthly = monthly.reindex(index=households.index, columns=list(span), fill_value=0)
        values = monthly.to_numpy()
        members = households.members.to_numpy()
        for m in months_eval:
            c = m - span.start
            cur = _round_div(values[:, c - 2 : c + 1].sum(axis=1), 3 * members)
            prev = _round_div(values[:, c - 3 : c].sum(axis=1), 3 * members)
            dibao = households.in_dibao.to_numpy()
            below = ~dibao & (cur <= LINE_CENTS) & (prev > LINE_CENTS)
            above = dibao & (cur > LINE_CENTS) & (prev <= LINE_CENTS)
            month = f"{m // 12:04d}-{m % 12 + 1:02d}"
            for rule, mask in (("income_below_line", below), ("income_above_line", above)):
                hit = households[mask].reset_index()
                event = pd.Series(pd.to_datetime([f"{month}-01"] * len(hit)))
                emit(hit, rule, rule + ":" + hit.household_id + ":" + month, event)
    return pd.concat(found, ignore_index=True).sort_values("warning_key").reset_index(drop=True)


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _timed(label: str, action):
    """Wall seconds, and the process's CPU seconds (all threads): on a shared machine the CPU figure ÷ cores is
    what the run would take with the cores to itself."""
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"  {label:<50} {seconds:8.2f} s wall  {cpu_seconds:8.2f} s CPU   (peak {_peak_mb():,} MB)",
        flush=True,
    )
    return result, (seconds, cpu_seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 3M persons, 20M events")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--only-full", action="store_true", help="the full run only (profiling)")
    parser.add_argument("--explain", type=Path, help="append each stored step's EXPLAIN ANALYZE to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="monitoring-bench-") as tmp:
        (population, paths), _ = _timed(
            "building the synthetic world (not part of any figure)",
            lambda: build_world(args.scale, Path(tmp)),
        )
        events = sum(pq.ParquetFile(p[0]).metadata.num_rows for p in paths.values())
        print(f"\n{population.num_rows:,} monitored persons, {events:,} event rows, {args.threads} threads\n")
        snapshot = DatasetSnapshot(tables=paths, as_of={name: UNTIL for name in paths})
        rules = rules_table(RULES)

        cases = [
            ("full run (a year of events)", YEAR_START - dt.timedelta(days=1), UNTIL),
            ("daily run, 31 Dec (1/365 of the events)", dt.date(2025, 12, 30), dt.date(2025, 12, 31)),
            ("daily run, 1 Jan (+ December's income evaluated)", dt.date(2025, 12, 31), UNTIL),
        ]
        rows = []
        for label, since, until in cases[:1] if args.only_full else cases:
            print(label)
            result, t_engine = _timed(
                "engine (DuckDB)",
                lambda since=since, until=until: _engine_at(
                    population, rules, snapshot, since, until, args.threads, args.explain
                ),
            )
            keys = result.warnings.select(
                ["warning_key", "rule_code", "household_id", "id_number", "event_date"]
            ).to_pandas()
            t_pandas, same = None, None
            if not args.skip_pandas:
                baseline, t_pandas = _timed(
                    "pandas, same rules",
                    lambda since=since, until=until: pandas_rules(population, paths, since, until),
                )
                same = keys.sort_values("warning_key").reset_index(drop=True).equals(baseline[keys.columns])
            counts = result.counts_by_rule()
            print(
                f"  warnings: {result.warnings.num_rows:,}  {dict(sorted(counts.items()))}  identical to pandas: {same}\n"
            )
            rows.append((label, t_engine, t_pandas, result.warnings.num_rows, same))
        print(f"load average during the run: {os.getloadavg()[0]:.1f} (machine has {os.cpu_count()} cores)\n")
        print(
            "| run | engine s wall | engine s CPU | CPU ÷ threads | pandas s wall | pandas ÷ engine (wall) | warnings | identical |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for label, (wall, cpu), t_pandas, n, same in rows:
            ratio = f"{t_pandas[0] / wall:.1f}" if t_pandas else "—"
            pandas_s = f"{t_pandas[0]:.2f}" if t_pandas else "—"
            print(
                f"| {label} | {wall:.2f} | {cpu:.2f} | {cpu / args.threads:.2f} | {pandas_s} | {ratio} | {n:,} | {same} |"
            )


class TimedDuckDBBackend(DuckDBBackend):
    """The default backend, timing each step as it is materialised (a view costs nothing until its reader
    runs, so its time shows up there) and optionally writing each stored step's ``EXPLAIN ANALYZE``."""

    def __init__(self, *args, explain: Path | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.timings: list[tuple[str, float, float]] = []
        self.explain = explain

    def materialize(self, step) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        super().materialize(step)
        self.timings.append((step.name, time.perf_counter() - start, time.process_time() - cpu))
        if self.explain is not None and step.reused:
            plan = self.connection.sql(f"EXPLAIN ANALYZE {step.sql(self.dialect)}").fetchall()
            with self.explain.open("a", encoding="utf-8") as out:
                out.write(f"\n===== {step.name}\n{plan[0][1]}\n")

    def fetch(self, name, order_by=()):
        start, cpu = time.perf_counter(), time.process_time()
        table = super().fetch(name, order_by)
        self.timings.append((f"fetch {name}", time.perf_counter() - start, time.process_time() - cpu))
        return table


def _engine_at(population, rules, snapshot, since, until, threads, explain=None):
    with TimedDuckDBBackend(threads=threads, explain=explain) as backend:
        result = run_monitoring(population, rules, snapshot, until=until, since=since, backend=backend)
    for name, wall, cpu in backend.timings:
        if wall >= 0.01:
            print(f"      step {name:<44} {wall:8.2f} s wall  {cpu:8.2f} s CPU")
    return result


if __name__ == "__main__":
    main()
