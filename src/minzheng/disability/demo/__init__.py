"""两项补贴 demo data over the core demo population of 元宝区 (``make demo``, after ``demo_assistance``): the
county 残联's certificate file imported through the import service, applications at every step (one from a
山东 window through 跨省通办), those decided paid on 社会救助's rosters from the month of application, and the
change tasks and the yearly 应补尽补 review — all through the services, so every write is audited."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from minzheng.core.errors import MinzhengError
from minzheng.core.models import HouseholdMembership, Person, User

from ..models import SubsidyApplication
from ..rules import eligibility
from ..services import applications as svc
from ..services import changes
from ..services.certificates import COLUMNS, import_certificates
from ..services.common import households_status

COUNTY = "210602"
DEMO_SOURCE = "元宝区残疾人联合会（演示）"
_GRADE = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


@dataclass(frozen=True)
class DemoSummary:
    certificates: int
    applications: int
    paying: int
    tasks: int


def demo_loaded() -> bool:
    return SubsidyApplication.objects.filter(person__hukou_division_code__startswith=COUNTY).exists()


def _holders(limit: int) -> list[Person]:
    members = HouseholdMembership.objects.filter(valid_to__isnull=True).values("person_id")
    return list(
        Person.objects.filter(
            pk__in=members, hukou_division_code__startswith=COUNTY, disability_grade__isnull=False,
            is_deceased=False, id_kind="ric",
        ).exclude(disability_category="").order_by("id_number")[:limit]
    )  # fmt: skip


def _certificate_file(persons: list[Person], today: date) -> bytes:
    lines = [",".join(COLUMNS)]
    for i, p in enumerate(persons):
        issued = date(today.year - 3 - i % 5, 1 + i % 12, 10)
        # a few certificates expired, to show the 证件过期 task
        until = (
            ""
            if i % 4 == 0
            else (today - timedelta(days=20) if i % 17 == 5 else date(today.year + 4, 12, 31)).isoformat()
        )
        lines.append(f"{p.id_number}{i % 10}{p.disability_grade},{p.id_number},{p.name},{p.disability_category},"
                     f"{_GRADE[p.disability_grade]},{issued.isoformat()},{until}")  # fmt: skip
    return ("\n".join(lines) + "\n").encode("utf-8")


def _users() -> dict[str, User]:
    names = [
        "township_caseworker",
        "township_reviewer",
        "county_cdpf_reviewer",
        "county_approver",
        "county_caseworker",
    ]
    found = {u.username: u for u in User.objects.filter(username__in=names)}
    missing = [n for n in names if n not in found]
    if missing:
        raise RuntimeError("缺少演示账号：" + "、".join(missing) + "（请先运行 demo）")
    return found


@transaction.atomic
def load_demo(*, today: date | None = None) -> DemoSummary:
    today = today or date.today()
    u = _users()
    clerk, checker, cdpf, approver = (
        u["township_caseworker"],
        u["township_reviewer"],
        u["county_cdpf_reviewer"],
        u["county_approver"],
    )
    holders = [p for p in _holders(400) if p.hukou_division_code.startswith("210602002")][:60]
    if not holders:
        return DemoSummary(0, 0, 0, 0)
    import_certificates(cdpf, data=_certificate_file(holders, today), file_name="元宝区残疾人证数据（演示）.csv",
                        source_department=DEMO_SOURCE, today=today)  # fmt: skip
    status = households_status([p.pk for p in holders], today)
    applied = today - timedelta(days=75)
    made = paying = 0
    plans = []
    for p in holders:
        if status[p.pk].in_dibao and len([x for x in plans if x[1] == "living"]) < 8:
            plans.append((p, eligibility.LIVING))
        elif p.disability_grade in (1, 2) and len([x for x in plans if x[1] == "care"]) < 8:
            plans.append((p, eligibility.CARE))
    stages = ["paid", "paid", "paid", "decision", "cdpf", "received", "paid", "cdpf"]
    for i, (person, kind) in enumerate(plans):
        stage = stages[i % len(stages)]
        start = applied + timedelta(days=3 * i) if stage == "paid" else today - timedelta(days=20 + i)
        transfer = i == 1
        a = svc.receive(
            clerk, person, kind=kind, applied_on=start, channel="transfer" if transfer else "local",
            receiving_window="山东省济南市历下区泉城路街道便民服务中心（演示）" if transfer else "",
            pushed_on=start + timedelta(days=2) if transfer else None, today=today,
        )  # fmt: skip
        made += 1
        if stage == "received":
            continue
        a = svc.township_check(checker, a, passed=True, checked_on=a.received_on + timedelta(days=3),
                               note="入户核实，材料齐全，情况属实（演示）", today=today)  # fmt: skip
        if stage == "cdpf":
            continue
        try:
            a = svc.cdpf_review(
                cdpf, a, passed=True, reviewed_on=a.publicity_until + timedelta(days=2), today=today
            )
        except MinzhengError:  # an expired demo certificate: the file stays with the 残联
            continue
        if stage == "decision":
            continue
        try:
            a = svc.decide(approver, a, approved=True, decided_on=a.cdpf_on + timedelta(days=2), today=today)
        except MinzhengError:  # no longer eligible on the day: left for 审定 by hand
            continue
        paying += 1
        if transfer:
            svc.record_notice(clerk, a, noticed_on=a.decided_on + timedelta(days=1), today=today)
    tasks = changes.run_daily(today)["tasks"] + changes.yearly_review(today)
    return DemoSummary(len(holders), made, paying, tasks)
