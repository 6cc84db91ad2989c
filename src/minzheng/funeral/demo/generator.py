"""演示数据 for 殡葬管理 over the core demo population of Dandong (run ``demo`` and ``demo_assistance`` first):
丹东市殡仪馆 with three furnaces and its 服务清单, two cemeteries (a city 公益性公墓, a village 公益性墓地) with
sections of plots, a year of deaths (some of them 低保/特困 members, three
unidentified bodies) recorded through the real services — so each becomes a registry change the other
domains' daily jobs act on — and their service orders and bills with the 惠民殡葬 waivers. Same seed, same data.

Prices and the Dandong caps below are demonstration figures, not Dandong's published prices or policy.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from minzheng.assistance.interface import in_force_members
from minzheng.core.models import Person, User
from minzheng.policy.interface import add_months, month_start

from ..models import FuneralHome, Plot, ServiceOrder
from ..services import cemeteries, eco, homes, orders, settlements, waivers
from ..services.deaths import CertificateInput, UnidentifiedInput, record_certificate, record_unidentified

HOME_NAME = "丹东市殡仪馆"
DEMO_NOTE = "演示数据（非丹东市实际价格或政策）"
CITY = "210600000000"

PRICE_LIST = [
    ("J01", "遗体接运", "basic", "pickup", "公里", "8.00"),
    ("J02", "纸棺", "basic", "coffin", "个", "120.00"),
    ("J03", "遗体冷藏", "basic", "storage", "天", "60.00"),
    ("J04", "遗体火化（平板炉）", "basic", "cremation", "具", "380.00"),
    ("J05", "骨灰盒（基本型）", "basic", "urn", "个", "150.00"),
    ("J06", "骨灰寄存", "basic", "ash_storage", "年", "120.00"),
    ("Y01", "告别厅（小厅）", "extended", "", "场", "500.00"),
    ("Y02", "遗体整容", "extended", "", "次", "300.00"),
    ("P01", "鲜花花圈", "goods", "", "个", "100.00"),
    ("P02", "寿衣（普通）", "goods", "", "套", "400.00"),
]


@dataclass(frozen=True)
class DemoSummary:
    deaths: int
    unidentified: int
    orders: int
    waived_orders: int


def demo_loaded() -> bool:
    return FuneralHome.objects.filter(name=HOME_NAME, address__endswith=f"（{DEMO_NOTE}）").exists()


class _Demo:
    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.today = today
        self.desk = User.objects.get(username="city_caseworker")
        self.bureau = User.objects.get(username="city_approver")
        self.slot = 0

    def home(self) -> FuneralHome:
        home = homes.register_home(
            self.bureau, name=HOME_NAME, kind="funeral_home", division_code=CITY,
            address=f"振兴区帽盔山路（{DEMO_NOTE}）", approval_document="丹政〔2010〕演示号", approved_on=date(2010, 6, 1),
        )  # fmt: skip
        for code in ("1号炉", "2号炉", "3号炉"):
            homes.add_furnace(self.bureau, home, code=code, model_name="平板炉")
        start = self.today - timedelta(days=400)
        for code, name, category, basic, unit, price in PRICE_LIST:
            homes.set_item(
                self.bureau, home, code=code, name=name, category=category, basic_service=basic, unit=unit,
                unit_price=Decimal(price), price_kind="set" if category == "basic" else "market",
                effective_from=start, source_note=DEMO_NOTE,
            )  # fmt: skip
        waivers.load_funeral_policy()
        for service, cap, unit in (("pickup", 30, "公里"), ("storage", 3, "天"), ("ash_storage", 3, "年")):
            waivers.set_waiver_rule(
                self.bureau, division_code=CITY, basic_service=service, categories=["dibao", "tekun", "unidentified"],
                effective_from=start, cap_quantity=cap, cap_unit=unit, source_note=DEMO_NOTE,
            )  # fmt: skip
        return home

    def pick_deceased(self, count: int, covered: int) -> list[tuple[Person, date]]:
        """Older residents of the city, and some members of households in 低保/特困 (for the waivers)."""
        chosen: list[tuple[Person, date]] = []
        covered = min(
            covered, count
        )  # a small demo (``--deaths 20``) still asks for its share of 低保 members
        members = [
            m
            for m in in_force_members(self.today, division_code=CITY)
            if m.birth_date and m.birth_date.year < 1966
        ]
        self.rng.shuffle(members)
        taken: set[int] = set()
        for member in members:
            if len(chosen) >= covered:
                break
            if member.person_id in taken:
                continue
            first = max(member.start_month, self.today - timedelta(days=360))
            span = (self.today - timedelta(days=5) - first).days
            if span <= 0:
                continue
            taken.add(member.person_id)
            chosen.append((member.person_id, first + timedelta(days=self.rng.randrange(span))))
        older = list(
            Person.objects.filter(residence_division_code__startswith="2106", is_deceased=False, birth_date__year__lt=1950)
            .exclude(pk__in=taken).order_by("pk").values_list("pk", flat=True)[:5000]
        )  # fmt: skip
        for pk in self.rng.sample(older, max(0, min(count - len(chosen), len(older)))):
            chosen.append((pk, self.today - timedelta(days=self.rng.randrange(5, 360))))
        persons = Person.objects.in_bulk([pk for pk, _ in chosen])
        return sorted(((persons[pk], day) for pk, day in chosen), key=lambda pair: pair[1])

    def certificate(self, person: Person, died: date, number: int) -> CertificateInput:
        place = self.rng.choices(["hospital", "home", "care_home"], weights=[6, 3, 1])[0]
        issued = min(died + timedelta(days=self.rng.choice([0, 0, 1])), self.today)
        return CertificateInput(
            certificate_number=f"{issued:%Y}2106{number:07d}",
            certificate_form="electronic" if issued >= date(2026, 7, 1) else "paper",
            issuer_kind="hospital" if place == "hospital" else "community",
            issuer_name=self.rng.choice(["丹东市第一医院", "丹东市中心医院", "丹东市人民医院"]) if place == "hospital"
            else "七道街道社区卫生服务中心",
            issued_on=issued, id_number=person.id_number, name=person.name, death_date=died, death_place=place,
            cause="natural",
        )  # fmt: skip

    def order(self, home: FuneralHome, death, furnaces) -> ServiceOrder:
        rng = self.rng
        storage = rng.choice([1, 2, 3, 3, 4, 5])
        self.slot += 1
        day = death.death_date + timedelta(days=storage)
        at = timezone.make_aware(datetime.combine(day, time(8 + (self.slot // 3) % 8, 0)))
        ash = rng.choices(["niche", "burial", "home", "eco"], weights=[4, 3, 2, 1])[0]
        order = orders.open_order(
            self.desk, death,
            orders.OrderInput(
                home=home, ordered_on=death.death_date, contact_name=rng.choice(["王", "李", "张", "刘", "陈"]) + rng.choice(["强", "伟", "丽", "军", "红"]),
                contact_phone=f"139{rng.randrange(10**8):08d}", pickup_at=timezone.make_aware(datetime.combine(death.death_date, time(rng.randrange(6, 22), 0))),
                pickup_address="丹东市", pickup_distance_km=Decimal(rng.randrange(30, 600)) / 10, storage_days=storage,
                cremation_at=at, furnace=furnaces[self.slot % len(furnaces)], ash_handling=ash,
            ),
        )  # fmt: skip
        lines = [("J01", order.pickup_distance_km), ("J02", 1), ("J03", storage), ("J04", 1), ("J05", 1)]
        if ash == "niche":
            lines.append(("J06", rng.choice([1, 3, 5])))
        if rng.random() < 0.6:
            lines.append(("Y01", 1))
        if rng.random() < 0.4:
            lines.append(("P01", rng.choice([1, 2])))
        for code, quantity in lines:
            orders.add_line(self.desk, order, item_code=code, quantity=quantity)
        return order


def _cemeteries(demo: _Demo, made: list[ServiceOrder]) -> None:
    """Two cemeteries of Dandong (a city 公益性公墓 and a village 公益性墓地) with their sections; the orders whose
    ashes go to a cemetery are buried there (in the village one when the deceased lives in that village)."""
    cemeteries.load_plot_limits()
    city = cemeteries.register_cemetery(
        demo.bureau, name="丹东市凤凰山公益性公墓", kind="public", division_code=CITY, approving_level="province",
        approval_document="辽民函〔2015〕演示号", approved_on=date(2015, 9, 1), address=f"凤城市凤凰山下（{DEMO_NOTE}）",
    )  # fmt: skip
    start = demo.today - timedelta(days=400)
    cemeteries.add_section(
        demo.bureau, city, name="A", rows=8, columns=30, plot_kind="single_ashes", area_m2="0.8", on=start
    )
    cemeteries.add_section(
        demo.bureau, city, name="B", rows=6, columns=24, plot_kind="double_ashes", area_m2="1.0", on=start
    )
    cemeteries.add_section(
        demo.bureau, city, name="S", rows=4, columns=30, plot_kind="eco", area_m2="0.3", on=start
    )
    village_code = "210602002001"
    village = cemeteries.register_cemetery(
        demo.bureau, name="七道街道城隍庙社区公益性骨灰墓地", kind="village", division_code=village_code,
        approving_level="county", approval_document="元民发〔2018〕演示号", approved_on=date(2018, 4, 1),
    )  # fmt: skip
    cemeteries.add_section(
        demo.bureau, village, name="A", rows=3, columns=12, plot_kind="single_ashes", area_m2="0.8", on=start
    )
    free = {
        key: list(Plot.objects.filter(section__cemetery=c, kind=kind, state="available").order_by("section__name", "row", "column"))
        for key, c, kind in (("single", city, "single_ashes"), ("double", city, "double_ashes"), ("eco", city, "eco"),
                             ("village", village, "single_ashes"))
    }  # fmt: skip
    for order in made:
        death = order.death
        if order.ash_handling not in ("burial", "eco") or death.unidentified:
            continue
        on = death.death_date + timedelta(days=order.storage_days + 1)
        if on > demo.today:
            continue
        person = death.person
        if order.ash_handling == "eco":
            key = "eco"
        elif person is not None and village_code in (
            person.residence_division_code,
            person.hukou_division_code,
        ):
            key = "village"
        else:
            key = demo.rng.choice(["single", "single", "double"])
        if not free[key]:
            continue
        if key == "eco":
            _eco_burial(demo, order, city, on)
            if order.pk % 2:
                continue  # sea burials and scattering take no place in the cemetery
        plot = free[key].pop(0)
        cemeteries.bury(demo.desk, plot, death, on=on, reserved_for="健在配偶" if key == "double" else "")
    for cemetery in (city, village):
        cemeteries.record_inspection(
            demo.bureau, cemetery, year=demo.today.year - 1, result="passed", inspected_on=date(demo.today.year - 1, 11, 20)
        )  # fmt: skip


# Demonstration 奖补 per deceased for 丹东市 (not a published standard).
_ECO_AWARDS = {"sea": "1000", "scatter": "800", "tree": "800", "lawn": "600", "niche": "300"}


def _eco_rules(demo: _Demo) -> None:
    for method, amount in _ECO_AWARDS.items():
        eco.set_award_rule(
            demo.bureau, division_code="210600000000", method=method, amount=amount,
            effective_from=date(demo.today.year - 2, 1, 1), source_note="演示数据（非正式标准）",
        )  # fmt: skip


def _eco_burial(demo: _Demo, order: ServiceOrder, city, on: date) -> None:
    """Odd orders: at sea or scattered (no plot); even ones: a tree, lawn or niche in the city cemetery."""
    method = demo.rng.choice(["sea", "scatter"] if order.pk % 2 else ["tree", "lawn", "niche"])
    eco.record_eco_burial(
        demo.desk, order.death, method=method, buried_on=on, cemetery=None if order.pk % 2 else city,
        place="丹东市海葬船（演示）" if method == "sea" else "", family_name=order.contact_name, today=on,
    )  # fmt: skip


def _award_lists(demo: _Demo, last: date) -> None:
    for back, approve in ((2, True), (1, False)):
        awards = eco.prepare_award_list(
            demo.desk, division_code=CITY, month=add_months(last, -back), today=demo.today
        )
        if approve and awards.awards_count:
            eco.submit(demo.desk, awards)
            eco.approve(demo.bureau, awards)


@transaction.atomic
def load_demo(
    *, seed: int = 20260301, deaths: int = 150, covered: int = 25, today: date | None = None
) -> DemoSummary:
    demo = _Demo(seed, today or timezone.localdate())
    home = demo.home()
    furnaces = list(home.furnaces.order_by("code"))
    records = []
    for number, (person, died) in enumerate(demo.pick_deceased(deaths, covered), start=1):
        records.append(
            record_certificate(demo.desk, demo.certificate(person, died, number), today=demo.today)
        )
    for n in range(3):
        died = demo.today - timedelta(days=40 + 90 * n)
        records.append(
            record_unidentified(
                demo.desk,
                UnidentifiedInput(
                    police_document_number=f"丹公刑技（演示）〔{died:%Y}〕{n + 1}号", issuer_name="丹东市公安局",
                    issued_on=died + timedelta(days=2), death_date=died, found_division_code="210603001001",
                    death_place="other", cause="unnatural", body_description="男性，约60岁，鸭绿江边发现（演示数据）",
                ),
                today=demo.today,
            )
        )  # fmt: skip
    records.sort(key=lambda r: r.death_date)
    made = []
    for record in records:
        if record.death_date > demo.today - timedelta(days=3) or demo.rng.random() < 0.05:
            continue  # a few bodies not yet handled by the funeral home
        made.append(demo.order(home, record, furnaces))
    _eco_rules(demo)
    _cemeteries(demo, made)
    for order in made[:-8]:
        orders.issue_bill(
            demo.desk, order, on=min(order.ordered_on + timedelta(days=order.storage_days + 1), demo.today)
        )
    last = month_start(demo.today) if demo.today.day > 1 else month_start(demo.today - timedelta(days=1))
    for back, approve in ((2, True), (1, False)):
        settlement = settlements.prepare(demo.desk, home, month=add_months(last, -back), today=demo.today)
        if approve and settlement.orders_count:
            settlements.submit(demo.desk, settlement)
            settlements.approve(demo.bureau, settlement)
    _award_lists(demo, last)
    return DemoSummary(
        deaths=len(records),
        unidentified=3,
        orders=len(made),
        waived_orders=sum(1 for o in made if o.waived or o.lines.filter(waived_amount__gt=0).exists()),
    )
