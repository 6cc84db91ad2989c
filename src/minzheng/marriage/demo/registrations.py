"""Two registries (元宝区, 振兴区) with their registrars, a year of marriages, and divorce applications in every
state (冷静期中, 待到场, 已登记, 已撤回, 视为撤回, 不予登记) — all through the real services, reproducible by seed."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from minzheng.core.identity import make_resident_id
from minzheng.core.models import AuditEvent, User
from minzheng.core.services.audit import record_event

from ..models import (
    AppointmentBusiness,
    AppointmentSlot,
    DivorceApplication,
    DivorceStatus,
    PriorStatus,
    Registry,
)
from ..services.appointments import book_appointment, open_slots
from ..services.counselling import add_room, record_session
from ..services.divorces import (
    Agreement,
    close_lapsed_applications,
    receive_divorce,
    refuse_divorce,
    register_divorce,
    withdraw_divorce,
)
from ..services.marriages import PartyInput, register_marriage
from ..services.registries import add_registrar, create_registry

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐于董"
_MALE = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "鹏", "浩", "宇", "晨", "博"]
_FEMALE = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "琳", "欣", "悦", "颖", "佳"]
_COUNTIES = ["210602", "210603", "210604", "210624", "210681", "210682", "210102", "230102"]
_REGISTRIES = [
    ("元宝区婚姻登记处", "210602000000", "元宝区锦山大街88号", ["county_caseworker", "township_caseworker"]),
    ("振兴区婚姻登记处", "210603000000", "振兴区兴五路12号", ["zhenxing_caseworker"]),
]


@dataclass(frozen=True)
class DemoSummary:
    registries: int
    marriages: int
    divorces: dict


def demo_loaded() -> bool:
    return Registry.objects.filter(name=_REGISTRIES[0][0]).exists()


class _People:
    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def party(self, male: bool, on: date, prior: str = PriorStatus.NEVER) -> PartyInput:
        rng = self.rng
        while True:
            age = rng.randint(22 if male else 20, 45)
            birth = on - timedelta(days=age * 365 + rng.randint(20, 340))
            number = make_resident_id(
                rng.choice(_COUNTIES), birth, rng.randint(0, 499) * 2 + (1 if male else 0)
            )
            if number not in self.used:
                self.used.add(number)
                break
        given = rng.choice(_MALE if male else _FEMALE) + rng.choice(["", rng.choice(_MALE + _FEMALE)])
        return PartyInput(name=rng.choice(_SURNAMES) + given, id_number=number, prior_status=prior)


@transaction.atomic
def load_demo(*, seed: int = 20260519, today: date | None = None, per_registry: int = 120) -> DemoSummary:
    today = today or date.today()
    rng = random.Random(seed)
    users = {u.username: u for u in User.objects.filter(username__in=["city_approver", "county_caseworker",
             "township_caseworker", "zhenxing_caseworker"])}  # fmt: skip
    if len(users) < 4:
        raise RuntimeError("缺少演示用户，请先运行 manage.py demo")
    people = _People(rng)
    registries, marriages = [], []
    for name, code, address, clerks in _REGISTRIES:
        registry = create_registry(users["city_approver"], name=name, division_code=code, level="county",
                                   address=address, phone="0415-2100000")  # fmt: skip
        for clerk in clerks:
            add_registrar(
                users["city_approver"],
                registry,
                user=users[clerk],
                qualification_number=f"辽婚登{rng.randint(1000, 9999)}",
            )
        registries.append((registry, users[clerks[0]]))
    for registry, clerk in registries:
        # Older marriages (to be divorced this year) and a year of new ones, in date order (字号 in order).
        days = sorted(
            [
                date(rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28))
                for _ in range(per_registry // 2)
            ]
            + [today - timedelta(days=rng.randint(0, 364)) for _ in range(per_registry)]
        )
        for on in days:
            prior = rng.choices([PriorStatus.NEVER, PriorStatus.DIVORCED, PriorStatus.WIDOWED], [85, 13, 2])[
                0
            ]
            marriages.append((register_marriage(
                clerk, registry=registry, male=people.party(True, on, prior), female=people.party(False, on),
                declared_voluntary=True, declared_no_spouse=True, declared_no_prohibited_kinship=True, on=on,
            ), clerk))  # fmt: skip
    counts = _divorces(rng, marriages, today)
    _appointments(rng, people, registries, today)
    _counselling(rng, registries, today, users["city_approver"])
    record_event(None, AuditEvent.IMPORT, username="demo", object_type="marriage.demo", division_code="210600000000",
                 summary=f"载入婚姻登记演示数据：登记机关2个，结婚登记{len(marriages)}件（seed={seed}）")  # fmt: skip
    return DemoSummary(len(registries), len(marriages), counts)


def _divorces(rng: random.Random, marriages: list, today: date) -> dict:
    """Divorce applications received over the year on the older marriages, each led to one end state."""
    agreement = Agreement(
        children="婚生子女随女方生活，男方每月支付抚养费1500元至子女年满十八周岁",
        property="共同房产归女方所有，女方给付男方补偿款20万元；存款各半",
        debts="无共同债务",
    )
    old = [(m, clerk) for m, clerk in marriages if m.registered_on.year <= 2024]
    rng.shuffle(old)
    plans = (
        ["registered"] * 18
        + ["withdrawn"] * 6
        + ["deemed"] * 5
        + ["refused"] * 2
        + ["cooling"] * 5
        + ["appearance"] * 5
    )
    for (marriage, clerk), plan in zip(old, plans, strict=False):
        received = {
            "cooling": today - timedelta(days=rng.randint(0, 25)),
            "appearance": today - timedelta(days=rng.randint(36, 52)),
        }.get(plan, today - timedelta(days=rng.randint(70, 360)))
        app = receive_divorce(clerk, marriage, registry=marriage.registry, agreement=agreement, on=received)
        if plan == "withdrawn":
            withdraw_divorce(
                clerk, app, party_sex=rng.choice("12"), on=received + timedelta(days=rng.randint(1, 28))
            )
        elif plan == "registered":
            on = app.appearance_start + timedelta(days=rng.randint(0, 10))
            register_divorce(clerk, app, both_present=True, review_note="双方自愿离婚，协议内容明确", on=on)
        elif plan == "refused":
            refuse_divorce(
                clerk,
                app,
                review_note="一方到场后表示对财产处理不同意",
                on=app.appearance_start + timedelta(days=2),
            )
    close_lapsed_applications(today)
    return {
        label: DivorceApplication.objects.filter(status=status).count()
        for status, label in DivorceStatus.choices
    }


def _appointments(rng: random.Random, people: "_People", registries: list, today: date) -> None:
    """Two weeks of 号源 (working days only) and some public bookings on them."""
    for registry, clerk in registries:
        open_slots(clerk, registry, start=today, end=today + timedelta(days=13), morning=8, afternoon=6)
    for slot in AppointmentSlot.objects.order_by("day", "registry_id", "period"):
        for _ in range(rng.randint(0, slot.capacity)):
            person = people.party(rng.random() < 0.5, today)
            book_appointment(
                slot_id=slot.pk, business=rng.choice(AppointmentBusiness.values), name=person.name,
                id_number=person.id_number, phone=f"138{rng.randint(10**7, 10**8 - 1)}",
            )  # fmt: skip


def _counselling(rng: random.Random, registries: list, today: date, manager) -> None:
    """A 婚姻家庭辅导室 per registry, with sessions over the last months (some on divorce applications)."""
    for registry, clerk in registries:
        room = add_room(
            manager,
            registry,
            name=f"{registry.name[:3]}婚姻家庭辅导室",
            opened_on=today - timedelta(days=400),
        )
        divorces = list(registry.divorces.values_list("pk", flat=True))
        for _ in range(12):
            kind = rng.choice(["premarital", "cooling_off", "family"])
            record_session(
                clerk, room, held_on=today - timedelta(days=rng.randint(0, 300)), kind=kind,
                counsellor=rng.choice(["孙老师", "李老师", "社工周敏"]),
                outcome=rng.choice(["reconciled", "proceeding", "referred", "open"]),
                divorce_id=rng.choice(divorces) if kind == "cooling_off" and divorces else None,
            )  # fmt: skip
