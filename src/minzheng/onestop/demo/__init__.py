"""全市通办 demo: residents of 七道街道 registered on the portal, 办件 at each stage (one 一次性告知, one handed
to 社会救助, one 即办 and rated), and 12345 tickets (open, transferred, overdue, closed with 回访)."""

import contextlib
import os
import random
from dataclasses import dataclass
from datetime import date, timedelta

from minzheng.core.models import HouseholdMembership, Person, User

from ..models import Resident, Ticket
from ..services import applications, evaluations, residents, tickets
from ..services.catalogue import load_matters

TOWNSHIP = "210602002"


@dataclass(frozen=True)
class DemoSummary:
    residents: int
    applications: int
    tickets: int


def demo_loaded() -> bool:
    return Resident.objects.exists() or Ticket.objects.exists()


def _user(name: str) -> User:
    user = User.objects.filter(username=name).first()
    if user is None:
        raise RuntimeError(f"缺少演示账号 {name}，请先运行 manage.py demo")
    return user


def load_demo(*, seed: int = 20260701, count: int = 50, today: date | None = None) -> DemoSummary:
    rng = random.Random(seed)
    today = today or date.today()
    load_matters()
    window = _user("township_caseworker")
    password = os.environ.get("MINZHENG_DEMO_PASSWORD", "Yalu#River26")
    heads = list(
        Person.objects.filter(
            pk__in=HouseholdMembership.objects.filter(
                valid_to__isnull=True, relation="01", household__residence_division_code__startswith=TOWNSHIP,
                household__dissolved_on__isnull=True,
            ).values("person_id")
        ).order_by("pk")[:count]
    )  # fmt: skip
    made = []
    for i, person in enumerate(heads):
        made.append(residents.register(
            id_number=person.id_number, name=person.name, phone=f"139{i:08d}", password=password,
        ))  # fmt: skip
    count_apps = 0
    for i, resident in enumerate(made):
        step = i % 4
        matter = ["temporary_expenditure", "elderly_allowance", "marriage_booking", "temporary_expenditure"][
            step
        ]
        application = applications.apply_online(
            resident, matter, reason="演示申请", uploads={}, on=today - timedelta(days=rng.randint(1, 20))
        )
        count_apps += 1
        asked = [m["code"] for m in application.matter.materials if not m.get("shared")]
        if step == 0:
            applications.notify_missing(window, application.pk, missing_codes=asked[-1:], note="请补充")
            continue
        applications.check_paper(window, application.pk, received=asked)
        if step == 3:
            with contextlib.suppress(Exception):
                applications.accept(window, application.pk)
            continue
        applications.accept(window, application.pk)
        application.refresh_from_db()
        if application.status == "handling":
            applications.record_result(window, application.pk, approved=True, outcome="已核发")
        level = rng.choice([5, 5, 4, 4, 3, 2])
        evaluations.rate(resident, application.pk, level=level, reasons=["slow"] if level <= 2 else [])
    categories = ["eldercare", "assistance", "children", "funeral", "other"]
    n_tickets = max(5, count // 2)
    for i in range(n_tickets):
        received = today - timedelta(days=rng.randint(0, 15))
        ticket = tickets.create_ticket(
            window, channel=rng.choice(["platform", "phone", "elder_line"]), category=categories[i % len(categories)],
            division_code=f"{TOWNSHIP}001", content="演示诉求：" + ["老人无人照料", "咨询低保申请", "儿童无人看护", "殡葬收费咨询", "其他"][i % 5],
            caller_name="" if i % 3 == 0 else "来电人", caller_phone="" if i % 3 == 0 else "13700000000",
            anonymous=i % 3 == 0, external_id=f"DEMO12345-{i:04d}" if i % 2 else "", received_on=received,
        )  # fmt: skip
        if i % 5 == 4:
            continue
        tickets.assign(window, ticket.pk, lead_unit_code=f"{TOWNSHIP}000")
        if i % 5 == 1:
            tickets.transfer(window, ticket.pk, to_code="210602003000", reason="发生地属广济街道")
        elif i % 5 in (2, 3):
            tickets.reply(window, ticket.pk, text="已联系社区上门处理")
            tickets.complete(window, ticket.pk)
            if not ticket.anonymous:
                tickets.callback(window, ticket.pk, result=rng.choice(["satisfied", "basic", "unsatisfied"]))
    return DemoSummary(len(made), count_apps, n_tickets)
