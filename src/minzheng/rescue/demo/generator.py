"""演示数据 for 流浪乞讨人员救助管理 over the core demo of Dandong (run ``demo`` first): 丹东市救助管理站 with men's and
women's rooms, a year of intakes through the real services (police escorts with 交接表, self-referrals, 城管,
public reports; most identified and returned home, some collected by family, a few placed or leaving on their
own), 寻亲 actions for the unidentified, a 易走失人员信息库 with follow-up visits, and two tracing matches — one
confirmed and returned home, one proposed and waiting for the caseworker. Same seed, same data (relative to today).
Names and numbers are synthetic.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from minzheng.core.identity import make_resident_id
from minzheng.core.models import Division, User

from ..models import ActionKind, Discharge, Station
from ..services import discharge, intake, registry, stations, tracing

STATION_NAME = "丹东市救助管理站"
CITY = "210600000000"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ["德福", "桂兰", "建国", "淑珍", "志强", "玉梅", "长山", "秀英", "立新", "凤芝", "宝财", "春生"]
FEATURES = ["白发", "跛行", "驼背", "左眉有痣", "戴眼镜", "口音东北", "右手缺指", "秃顶"]


@dataclass(frozen=True)
class DemoSummary:
    intakes: int
    returned: int
    registry: int
    matches: int


def demo_loaded() -> bool:
    return Station.objects.filter(name=STATION_NAME, division_code=CITY).exists()


class _Demo:
    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.today = today
        self.desk = User.objects.get(username="city_caseworker")
        self.bureau = User.objects.get(username="city_approver")
        self.villages = list(
            Division.objects.filter(code__startswith="2106", level=5)
            .order_by("code")
            .values_list("code", flat=True)[:200]
        )

    def at(self, days_ago: int, hour: int = 10) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.today - timedelta(days=days_ago), time(hour, self.rng.randrange(60)))
        )

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def station(self) -> Station:
        station = stations.register_station(self.bureau, name=STATION_NAME, division_code=CITY,
                                            address="振兴区演示路1号（演示数据）", phone="0415-0000000")  # fmt: skip
        for code, sex in (("男101", "male"), ("男102", "male"), ("女201", "female")):
            stations.add_room(self.bureau, station, code=code, sex=sex, beds=8)
        return station

    def wander_registry(self) -> list:
        entries = []
        for i in range(12):
            sex = self.rng.choice(["male", "female"])
            birth = date(self.rng.randint(1938, 1960), self.rng.randint(1, 12), self.rng.randint(1, 28))
            entry = registry.register_wander_risk(
                self.desk, division_code=self.rng.choice(self.villages), name=self.name(), sex=sex,
                id_number=make_resident_id("210602", birth, 100 + i * 2 + (1 if sex == "male" else 0)),
                guardian_name=self.name(), guardian_phone=f"1390415{i:04d}", consent_on=self.today - timedelta(days=300 - i),
                dementia=i % 3 != 2, intellectual=i % 3 == 2, features="、".join(self.rng.sample(FEATURES, 2)),
                wearable_id=f"DD-FZS-{i + 1:04d}", address="丹东市（演示数据）",
            )  # fmt: skip
            registry.add_visit(
                self.desk,
                entry,
                on=self.today - timedelta(days=self.rng.randint(5, 90)),
                note="监护到位，手环在用",
            )
            entries.append(entry)
        return entries

    def year_of_intakes(self, station: Station) -> tuple[int, int]:
        count = returned = 0
        for i in range(40):
            days_ago = 360 - i * 9
            sex = "male" if self.rng.random() < 0.75 else "female"
            source = self.rng.choice(["self", "police", "urban", "public"])
            room = station.rooms.filter(sex=sex).first()
            identified = self.rng.random() < 0.8
            birth = date(self.rng.randint(1950, 2000), self.rng.randint(1, 12), self.rng.randint(1, 28))
            data = intake.IntakeInput(
                station=station, source=source, admitted_at=self.at(days_ago), sex=sex, room=room,
                name=self.name() if identified else "", estimated_age=None if identified else self.rng.randint(30, 70),
                id_number=make_resident_id(self.rng.choice(["210602", "220102", "230103", "370102"]), birth, 500 + i * 2 + (1 if sex == "male" else 0)) if identified else "",
                handover_ref=f"丹公交〔{self.today.year}〕{i + 1}号" if source == "police" else "",
                escort_unit="站前派出所" if source == "police" else "", features="、".join(self.rng.sample(FEATURES, 2)),
                found_place="丹东站广场", found_code="210603001001",
            )  # fmt: skip
            client = intake.take_in(self.desk, data)
            intake.add_service(self.desk, client, kind="meals", on=self.today - timedelta(days=days_ago))
            count += 1
            if not identified:
                tracing.log_action(
                    self.desk,
                    client,
                    kind=ActionKind.NOTICE,
                    at=self.at(days_ago, 20),
                    reference="全国救助寻亲网",
                )
                tracing.log_action(
                    self.desk,
                    client,
                    kind=ActionKind.DNA_REQUEST,
                    at=self.at(days_ago - 1),
                    reference=f"丹公刑协〔{self.today.year}〕{i}号",
                )
                tracing.identify(
                    self.desk,
                    client,
                    name=self.name(),
                    hometown_text="黑龙江省（演示数据）",
                    reference="DNA比中",
                )
            leave = self.at(days_ago - 3, 15)
            if i % 10 == 9:
                discharge.discharge(self.desk, client, kind=Discharge.LEFT, at=leave)
            elif i % 7 == 6:
                discharge.discharge(
                    self.desk, client, kind=Discharge.FAMILY, at=leave, destination="亲属领回"
                )
                returned += 1
            else:
                discharge.record_return(self.desk, client, destination="户籍地（演示数据）", receiving_party="当地民政部门",
                                        handed_over_on=leave.date(), escort="站内工作人员2名", voucher="火车票")  # fmt: skip
                returned += 1
        return count, returned

    def two_matches(self, station: Station, entries) -> int:
        """Two elderly people from the 易走失 library taken in unidentified: one confirmed and returned home, one
        proposed today and waiting for the caseworker's confirmation."""
        made = 0
        for entry, days_ago in zip([e for e in entries if e.dementia][:2], (20, 0), strict=True):
            age = self.today.year - entry.birth_date.year
            client = intake.take_in(self.desk, intake.IntakeInput(
                station=station, source="police", admitted_at=self.at(days_ago, 8) if days_ago else timezone.now() - timedelta(hours=3),
                sex=entry.sex, estimated_age=age, handover_ref=f"丹公交〔{self.today.year}〕演{days_ago}号",
                escort_unit="站前派出所", features=entry.features, found_code=entry.division_code, found_place="街头（演示数据）",
                room=station.rooms.filter(sex=entry.sex).first(),
            ))  # fmt: skip
            proposal = client.proposals.filter(wander_risk=entry).first()
            made += bool(proposal)
            if days_ago and proposal:
                tracing.log_action(
                    self.desk,
                    client,
                    kind=ActionKind.NOTICE,
                    at=self.at(days_ago, 12),
                    reference="全国救助寻亲网",
                )
                tracing.decide_proposal(self.desk, proposal, confirm=True)
                discharge.record_return(self.desk, client, destination=entry.address, receiving_party=f"{entry.guardian_name}（监护人）",
                                        handed_over_on=self.today - timedelta(days=days_ago - 1), escort="站内工作人员2名")  # fmt: skip
        return made


@transaction.atomic
def load_demo(*, seed: int = 20260325, today: date | None = None) -> DemoSummary:
    demo = _Demo(seed, today or timezone.localdate())
    station = demo.station()
    entries = demo.wander_registry()
    intakes, returned = demo.year_of_intakes(station)
    matches = demo.two_matches(station, entries)
    return DemoSummary(intakes + 2, returned, len(entries), matches)
