"""演示数据 for 低收入人口动态监测: 在保 households for the 丹东 demo population (when 社会救助 has none yet),
a 防止返贫监测对象 list imported through the real importer, a year of department events delivered through the
real intake, the runs, and warnings at every stage of their life. Seeded: the same seed gives the same data.
Nothing here is real personal data."""

import datetime as dt
import random
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from django.db.models import Count
from django.utils import timezone

from minzheng.assistance.interface import NewEnrolment, enrol_case, enrolments_in_force, open_case
from minzheng.batch.intake import DATASETS, intake_delivery
from minzheng.core.errors import MinzhengError
from minzheng.core.models import Household, HouseholdMembership, User
from minzheng.core.spreadsheets import Sheet, write_workbook

from .. import rules
from ..models import LibraryPerson, MonitoringRun, RiskWarning
from ..services import lifecycle
from ..services.list_import import COLUMNS, import_list
from ..services.risk_rules import seed_default_rules
from ..services.runs import escalate_overdue, exchange_store, run_day

SOURCE = "monitoring-demo"


@dataclass(frozen=True)
class DemoSummary:
    enrolled: int
    imported: int
    events: dict[str, int]
    warnings: int


def _paid_ids() -> list[str]:
    """ID numbers with wages or a pension in the exchange store (the demo_exchange deliveries, if any)."""
    paths = exchange_store().snapshot().tables
    found: set[str] = set()
    for dataset in ("tax_income", "pension"):
        for path in paths.get(dataset, []):
            found.update(pq.read_table(path, columns=["id_number"])["id_number"].to_pylist())
    return sorted(found)


def _enrol_sample(user, rng: random.Random, today: dt.date, count: int) -> int:
    if enrolments_in_force(today, division_code="2106").exists():
        return 0  # 社会救助 already has its own demo enrolments: monitor those
    # 低保 households have little income: leave out those whose members the demo 税务/人社 data pays
    with_income = HouseholdMembership.objects.filter(valid_to__isnull=True, person__id_number__in=_paid_ids())
    households = list(
        Household.objects.filter(residence_division_code__startswith="2106", dissolved_on__isnull=True)
        .exclude(pk__in=with_income.values("household_id"))
        .annotate(n=Count("memberships"))
        .filter(n__gte=1)
        .order_by("pk")
        .values_list("pk", "area_type", "head_id", "n")[: count * 4]
    )
    rng.shuffle(households)
    count = min(count, len(households) // 4)
    plan = ["dibao"] * 60 + ["tekun_dispersed"] * 8 + ["dibao_edge"] * 20 + ["expenditure_hardship"] * 12
    for i, (pk, area, head, members) in enumerate(households[:count]):
        program = plan[i % len(plan)]
        if program == "dibao":
            program = "dibao_rural" if area == Household.RURAL else "dibao_urban"
        start = dt.date(today.year - 1 - i % 3, 1 + i % 12, 1)
        case = open_case(user, household_id=pk, program_code=program, applied_on=start)
        amount = (
            Decimal(rng.randint(150, 600))
            if program.startswith(("dibao_u", "dibao_r", "tekun"))
            else Decimal(0)
        )
        enrol_case(
            user,
            case.id,
            NewEnrolment(start_month=start, monthly_amount=amount, persons=members, payee_id=head),
        )
    return count


def _import_fangpin(user, rng: random.Random, today: dt.date) -> int:
    """防止返贫监测对象: rural households' members, as the 乡村振兴局 sends them (with their own numbers)."""
    rows = []
    monitored = set(LibraryPerson.objects.exclude(household=None).values_list("household_id", flat=True))
    memberships = (
        HouseholdMembership.objects.filter(
            valid_to__isnull=True, household__residence_division_code__startswith="2106"
        )
        .exclude(household_id__in=monitored)
        .order_by("household__area_type", "-household_id")  # rural first: 乡村振兴 lists are rural
        .values_list(
            "household_id", "person__name", "person__id_number", "household__residence_division_code"
        )[:400]
    )
    for household_id, name, id_number, division in memberships:
        if id_number.startswith("LS"):
            continue
        since = today - dt.timedelta(days=rng.randint(60, 700))
        rows.append([name, id_number, f"FP{household_id:08d}", division, since.isoformat()])
    data = write_workbook([Sheet("防止返贫监测对象", COLUMNS, rows)])
    batch = import_list(
        user,
        data=data,
        file_name="防止返贫监测对象名单.xlsx",
        category="fangpin",
        source_department="乡村振兴局",
        today=today,
    )
    return batch.rows_added


def _events(rng: random.Random, today: dt.date) -> dict[str, list[dict]]:
    people = list(
        LibraryPerson.objects.values_list("id_number", "birth_date", "household_key").order_by("pk")
    )
    rows: dict[str, list[dict]] = {
        name: [] for name in ("medical_bills", "disability_cert", "deaths", "disaster_loss", "unemployment")
    }

    def day_within(days: int) -> dt.date:
        return today - dt.timedelta(days=rng.randint(1, days))

    for id_number, birth, _key in people:
        r = rng.random()
        for _ in range(rng.choice((0, 0, 1, 2, 4))):  # most have a few bills, some many and large
            paid = Decimal(rng.randint(5_000, 900_000 if r < 0.08 else 150_000)) / 100
            rows["medical_bills"].append(
                {
                    "id_number": id_number,
                    "settle_date": day_within(360),
                    "total_cost": paid * 3,
                    "self_paid": paid,
                    "inpatient": r < 0.1,
                }
            )
        if r < 0.03:
            rows["disability_cert"].append(
                {
                    "id_number": id_number,
                    "category": rng.choice(["肢体", "视力", "精神", "智力"]),
                    "grade": rng.randint(1, 4),
                    "issued_date": day_within(120),
                }
            )
        age = (today - birth).days // 365 if birth else 0
        if 0.03 <= r < 0.036 and 18 <= age < 70:
            rows["deaths"].append({"id_number": id_number, "death_date": day_within(90)})
        if 0.04 <= r < 0.06 and 18 <= age < 60:
            registered = day_within(100)
            rows["unemployment"].append(
                {
                    "id_number": id_number,
                    "registered_date": registered,
                    "benefit_month": f"{registered:%Y-%m}",
                    "benefit_amount": Decimal("1480.00"),
                }
            )
        if 0.06 <= r < 0.08:
            rows["disaster_loss"].append(
                {
                    "id_number": id_number,
                    "event_date": day_within(200),
                    "loss_amount": Decimal(rng.randint(200_000, 4_000_000)) / 100,
                    "kind": rng.choice(["洪涝", "风雹", "火灾"]),
                }
            )
    return rows


def _deliver(rows: dict[str, list[dict]], as_of: dt.date) -> dict[str, int]:
    accepted = {}
    with tempfile.TemporaryDirectory() as tmp:
        for dataset, data in rows.items():
            path = Path(tmp) / f"{dataset}.parquet"
            pq.write_table(pa.Table.from_pylist(data, schema=DATASETS[dataset].schema), path)
            accepted[dataset] = intake_delivery(
                path, dataset, as_of, store=exchange_store(), source=SOURCE
            ).rows_accepted
    return accepted


def _progress(user, rng: random.Random, today: dt.date) -> None:
    """Warnings at every stage: most raised days or weeks ago, some visited, disposed, closed, a few overdue."""
    for warning in RiskWarning.objects.filter(status=rules.ASSIGNED).order_by("pk"):
        age = rng.randint(0, 40)
        created = timezone.now() - dt.timedelta(days=age)
        RiskWarning.objects.filter(pk=warning.pk).update(
            created_at=created,
            assigned_at=created,
            due_on=warning.due_on and warning.due_on - dt.timedelta(days=age),
        )
        warning.refresh_from_db()
        stage = rng.random()
        if age < 3 or stage < 0.3:
            continue
        lifecycle.record_visit(
            user, warning, visited_on=min(today, warning.created_at.date() + dt.timedelta(days=rng.randint(1, 5))),
            findings=rng.choice(["入户核实：情况属实，家庭生活困难，已告知可申请救助", "入户核实：家庭收入稳定，子女有赡养能力", "入户核实：已纳入保障，无需另行处置"]),
        )  # fmt: skip
        if stage < 0.45:
            continue
        if warning.household_id and stage < 0.7:
            program = rules.suggested_program(
                warning.rule_code, warning.household.area_type if warning.household else ""
            )
            try:
                lifecycle.dispose(
                    user, warning, disposal=rules.TRANSFER, program_code=program or "temporary_emergency"
                )
            except MinzhengError as refused:  # e.g. the household already has an application in progress
                lifecycle.dispose(user, warning, disposal=rules.ALREADY_COVERED, note=refused.message)
        elif stage < 0.85:
            lifecycle.dispose(user, warning, disposal=rules.INELIGIBLE, note="家庭收入和财产超过规定标准")
        else:
            lifecycle.dispose(user, warning, disposal=rules.ALREADY_COVERED, note="已享受低保")
        disposed = min(timezone.now(), created + dt.timedelta(days=rng.randint(2, 12)))
        RiskWarning.objects.filter(pk=warning.pk).update(disposed_at=disposed)
        if stage > 0.8:
            lifecycle.close(user, warning, note="处置完毕")


def load_demo_monitoring(*, seed: int = 20260101, today: dt.date | None = None) -> DemoSummary:
    today = today or timezone.localdate()
    rng = random.Random(seed)
    user = User.objects.get(username="city_caseworker")
    seed_default_rules()
    enrolled = _enrol_sample(user, rng, today, 600)
    run_day(None, until=today - dt.timedelta(days=1))  # syncs the library from the enrolments
    imported = _import_fangpin(user, rng, today)
    run_day(None, until=today - dt.timedelta(days=1), full=True)
    events = _deliver(_events(rng, today), today)
    run_day(None, until=today, full=True)
    _progress(user, rng, today)
    escalate_overdue(today)
    return DemoSummary(enrolled, imported, events, RiskWarning.objects.count())


def demo_loaded() -> bool:
    return MonitoringRun.objects.filter(kind=MonitoringRun.FULL).exists()
