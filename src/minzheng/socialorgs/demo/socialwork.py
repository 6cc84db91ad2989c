"""社会工作 demo data in 丹东, written through the services: 社工站 opened in most 乡镇（街道） since 2021 (the plan's
build-out), each with a “六有” check at opening (some short of 有人员 or 有工作流程) and a later one that fixes
most gaps; a year of service records; 社会工作者 with their 职业水平, some at a station, a few who left."""

import random
from datetime import date, timedelta

from minzheng.core.identity import make_resident_id
from minzheng.core.models import Division, User

from ..models import StationServiceKind, WorkerLevel
from ..rules.socialwork import SIX_STANDARDS
from ..services import socialwork as svc

OPERATORS = [
    "丹东市阳光社会工作服务中心",
    "丹东市鸭绿江社会工作服务中心",
    "元宝区同心社会工作服务社",
    "振兴区和煦社工事务所",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ["晓燕", "志强", "丽娜", "海涛", "春梅", "建国", "雪松", "佳怡", "明轩", "秀兰", "宏伟", "静怡"]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def load_social_work(rng: random.Random, actor: User, today: date) -> tuple[int, int]:
    """(stations, social workers) created under ``actor``'s jurisdiction."""
    townships = list(
        Division.objects.filter(code__startswith="2106", level=4, valid_to__isnull=True)
        .order_by("code")
        .values_list("code", "name")
    )
    stations = []
    for code, name in townships:
        if rng.random() > 0.8:
            continue  # not built yet: the coverage gap a leader sees
        opened = _day(rng, date(2021, 3, 1), today - timedelta(days=60))
        station = svc.open_station(
            actor, division_code=code, name=f"{name}社会工作和社会救助服务站", operator=rng.choice(OPERATORS),
            opened_on=opened,
        )  # fmt: skip
        short = rng.sample([f for f, _ in SIX_STANDARDS], k=rng.choice([0, 0, 1, 2]))
        flags = {field: field not in short for field, _ in SIX_STANDARDS}
        svc.record_check(
            actor, station, checked_on=opened, note="设立时核查，缺项限期补齐" if short else "", **flags
        )
        if short and rng.random() < 0.75:
            fixed = min(opened + timedelta(days=rng.randrange(60, 300)), today)
            svc.record_check(actor, station, checked_on=fixed, **{field: True for field, _ in SIX_STANDARDS})
        for _ in range(rng.randrange(4, 12)):
            served = _day(rng, max(opened, today - timedelta(days=365)), today)
            svc.record_service(
                actor, station, served_on=served, kind=rng.choice(StationServiceKind.values),
                persons=rng.randrange(1, 30), note="入户走访困难群众，了解需求并链接资源",
            )  # fmt: skip
        stations.append(station)
    counties = list(
        Division.objects.filter(code__startswith="2106", level=3, valid_to__isnull=True).values_list(
            "code", flat=True
        )
    )
    workers = 0
    for n in range(60):
        station = rng.choice(stations) if stations and rng.random() < 0.6 else None
        division = station.division_code if station else rng.choice(counties)
        certified = _day(rng, date(2012, 6, 1), today - timedelta(days=30))
        level = rng.choices(WorkerLevel.values, weights=[6, 3, 1])[0]
        worker = svc.register_worker(
            actor, division_code=division, name=rng.choice(SURNAMES) + rng.choice(GIVEN),
            id_number=make_resident_id("210602", date(1975, 1, 1) + timedelta(days=rng.randrange(9000)),
                                       300 + n),
            level=level, certificate_no=f"{certified.year}{level[:1].upper()}{210600 + n:08d}",
            certified_on=certified, employer=station.operator if station else rng.choice(OPERATORS),
            joined_on=min(certified + timedelta(days=rng.randrange(0, 400)), today), station=station,
        )  # fmt: skip
        if rng.random() < 0.08:
            svc.worker_left(actor, worker, left_on=_day(rng, worker.joined_on, today))
        workers += 1
    return len(stations), workers
