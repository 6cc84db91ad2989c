"""区划地名 demo data for 丹东 (run ``load_divisions`` and ``demo`` first): the sourced 区划变更 history, ~2,000
standard names made from the divisions themselves (行政区划, 村居所在地) and from the patterns 丹东 names follow
(经/纬 numbered streets, 锦山/江城-style 专名, 小区/花园/家园), the 振安区 boundaries with 宽甸 and 凤城 and their
界桩, a few applications in progress. Generated names are plausible, not a copy of the real register; the
boundary geometry is illustrative (the bureau uploads the surveyed lines)."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from minzheng.core.models import Division, User
from minzheng.core.services import division_changes

from ..models import (
    ApplicationKind,
    BannedWord,
    BoundaryLine,
    BoundaryMarker,
    JointInspection,
    MarkerInspection,
    NamingApplication,
    PlaceName,
    StandardAddress,
)
from ..rules.boundaries import line_code_for
from ..rules.naming import Category
from ..rules.pinyin import reading, romanize

CITY = "2106"
CENTRAL_AREA = "丹东市中心城区"
CENTRAL = ("210602", "210603", "210604")
# approximate seats (longitude, latitude) of the counties, to scatter the demo points around
SEATS = {
    "210602": (124.40, 40.14),
    "210603": (124.36, 40.10),
    "210604": (124.43, 40.20),
    "210624": (124.78, 40.73),
    "210681": (124.15, 39.87),
    "210682": (124.07, 40.45),
}
_GENERICS_OF_DIVISIONS = ("满族自治县", "街道", "区", "县", "市", "镇", "乡")
_NUMBERS = "一二三四五六七八九十"
_STREET_SPECIFIC = [
    "锦山",
    "江城",
    "滨江",
    "胜利",
    "人民",
    "青年",
    "兴东",
    "兴五",
    "兴隆",
    "永昌",
    "福春",
    "宝山",
    "金山",
    "振兴",
    "振七",
    "帽盘",
    "花园",
    "宏伟",
    "山城",
    "江沿",
    "春华",
    "秋实",
    "丰收",
    "民主",
    "和平",
    "友谊",
    "团结",
    "建设",
    "新华",
    "育才",
    "文化",
    "体育",
    "光明",
    "东平",
    "西平",
    "南岭",
    "北岭",
    "临江",
    "望江",
    "月亮",
    "星海",
    "珍珠",
    "凤凰",
    "龙泉",
    "柳林",
    "桃源",
    "梨花",
    "杏林",
    "枫林",
    "松涛",
    "云峰",
    "青山",
    "绿水",
    "大堡",
    "小堡",
    "纤维",
    "化工",
    "机床",
    "丝绸",
]
_STREET_GENERIC = ("大街", "路", "街", "巷")
_ESTATE_GENERIC = ("小区", "花园", "家园", "新城", "苑")
_ESTATE_SPECIFIC = [
    "锦江",
    "江畔",
    "滨江",
    "阳光",
    "金色",
    "碧水",
    "翠湖",
    "春天",
    "丽景",
    "宜居",
    "和谐",
    "康乐",
    "福寿",
    "安居",
    "东方",
    "盛世",
    "时代",
    "鑫城",
    "泰和",
    "华府",
    "御景",
    "山水",
    "学府",
    "书香",
    "紫金",
    "银河",
    "明珠",
    "水岸",
    "临江",
    "望海",
    "海韵",
    "蓝湾",
    "晨光",
    "朝阳",
    "玉兰",
    "海棠",
    "丁香",
    "紫荆",
    "金桂",
    "香山",
]
_NATURAL = (
    ("凤凰", "山"),
    ("鸭绿", "江"),
    ("叆", "河"),
    ("蒲石", "河"),
    ("大洋", "河"),
    ("五龙", "山"),
    ("天华", "山"),
    ("白石", "砬子"),
    ("虎", "山"),
    ("草", "河"),
)
_PARKS = (("锦江山", "公园"), ("江畔", "公园"), ("月亮岛", "公园"), ("帽盘山", "公园"), ("青年", "湖公园"))
_OTHER = (("虎山长城", "景区"), ("河口", "景区"))
# streets of 丹东's centre the register starts from (real names; the rest is generated)
_REAL_STREETS = (
    ("锦山", "大街"),
    ("兴五", "路"),
    ("江城", "大街"),
    ("滨江", "路"),
    ("六纬", "路"),
    ("七经", "街"),
)
_FACILITY = (("中朝友谊", "桥"), ("鸭绿江", "断桥"), ("铁甲", "水库"), ("丹东", "站"), ("浪头", "机场"))
_VALLEY = [
    "黄",
    "马",
    "杨",
    "刘",
    "王",
    "李",
    "张",
    "石",
    "柳",
    "榆",
    "松",
    "梨",
    "杏",
    "大",
    "小",
    "东",
    "西",
    "南",
    "北",
    "前",
    "后",
    "上",
    "下",
    "长",
    "高",
]
_VALLEY_GENERIC = ("沟", "岭", "屯", "堡子", "甸子", "台")
BANNED = (
    ("曼哈顿", "外国地名", "《地名管理条例》第九条：一般不以外国人名、地名命名"),
    ("威尼斯", "外国地名", "《地名管理条例》第九条"),
    ("维也纳", "外国地名", "《地名管理条例》第九条"),
    ("普罗旺斯", "外国地名", "《地名管理条例》第九条"),
    ("加州", "外国地名", "《地名管理条例》第九条"),
    ("香榭丽舍", "外国地名", "《地名管理条例》第九条"),
    ("万达", "企业字号商标", "《地名管理条例》第九条：不以企业名称或者商标名称作地名"),
    ("碧桂园", "企业字号商标", "《地名管理条例》第九条"),
    ("恒大", "企业字号商标", "《地名管理条例》第九条"),
    ("万科", "企业字号商标", "《地名管理条例》第九条"),
    ("宇宙", "夸大", "清理整治不规范地名（大、洋、怪、重）"),
    ("环球", "夸大", "清理整治不规范地名（大、洋、怪、重）"),
    ("帝国", "夸大", "清理整治不规范地名（大、洋、怪、重）"),
    ("皇家", "夸大", "清理整治不规范地名（大、洋、怪、重）"),
)


@dataclass
class Summary:
    changes: int = 0
    names: int = 0
    lines: int = 0
    markers: int = 0
    applications: int = 0


def demo_loaded() -> bool:
    return BoundaryLine.objects.exists()


def _point(rng: random.Random, county: str) -> dict:
    lng, lat = SEATS.get(county, SEATS["210602"])
    spread = 0.04 if county in CENTRAL else 0.25
    return {
        "type": "Point",
        "coordinates": [
            round(lng + rng.uniform(-spread, spread), 5),
            round(lat + rng.uniform(-spread, spread), 5),
        ],
    }


def _split(name: str) -> tuple[str, str]:
    # Committees first: "绿云社区" is a 社区 named 绿云, not a 区 named 绿云社.
    for generic in ("社区居委会", "社区居民委员会", "居委会", "村委会", "村民委员会", "社区", "村"):
        if name.endswith(generic) and len(name) > len(generic):
            return name[: -len(generic)], "社区" if "社区" in generic or "居" in generic else "村"
    for generic in _GENERICS_OF_DIVISIONS:
        if name.endswith(generic) and len(name) > len(generic):
            return name[: -len(generic)], generic
    return name[:-1], name[-1]


def _place(
    specific: str,
    generic: str,
    category: Category,
    code: str,
    rng,
    approved_on: date,
    *,
    level=0,
    area="",
    location="",
    history="",
) -> PlaceName:
    r = reading(specific + generic)
    return PlaceName(
        specific=specific,
        generic=generic,
        category=category.value,
        division_level=level,
        pinyin=" ".join(r.syllables),
        roman=romanize(specific, generic),
        reading_key=reading(specific).key,
        division_code=code,
        built_up_area=area,
        location_text=location or f"位于{code[:6]}辖区",
        geometry=_point(rng, code[:6]),
        status="approved",
        approved_by="丹东市人民政府",
        approved_on=approved_on,
        filed_on=approved_on + timedelta(days=rng.randint(3, 12)),
        announced_on=approved_on + timedelta(days=rng.randint(5, 14)),
        history=history,
    )


def _names(rng: random.Random, count: int, counties: dict[str, str]) -> list[PlaceName]:
    names: list[PlaceName] = []
    seen: set[tuple[str, str]] = set()  # (scope key, reading of the 专名): the demo register has no clashes

    def add(place: PlaceName, scope: str) -> None:
        key = (scope, place.reading_key or place.specific)
        if key in seen or len(names) >= count:
            return
        seen.add(key)
        names.append(place)

    long_ago = date(2012, 1, 1)
    divisions = Division.objects.filter(
        code__startswith=CITY, valid_to__isnull=True, level__in=(3, 4, 5)
    ).order_by("code")
    for d in divisions.values_list("code", "name", "level"):
        code, name, level = d
        specific, generic = _split(name)
        if not specific:
            continue
        approved = long_ago + timedelta(days=rng.randint(0, 3000))
        if level in (3, 4):
            scope = "" if level == 3 else code[:2]
            add(
                _place(
                    specific,
                    generic,
                    Category.DIVISION,
                    code,
                    rng,
                    approved,
                    level=level,
                    location=f"{name}行政区域",
                ),
                f"div{scope}",
            )
        else:
            add(
                _place(
                    specific, generic, Category.COMMITTEE_SEAT, code, rng, approved, location=f"{name}驻地"
                ),
                f"seat{code[:6]}",
            )
        if len(names) >= count * 0.55:
            break
    for n, (specific, generic) in enumerate(_REAL_STREETS):
        add(
            _place(
                specific,
                generic,
                Category.STREET,
                counties.get(CENTRAL[n % 2], CENTRAL[n % 2]),
                rng,
                date(2008, 5, 1),
                area=CENTRAL_AREA,
                location="丹东市中心城区",
            ),
            CENTRAL_AREA,
        )
    for county in CENTRAL:
        for n, ch in enumerate(_NUMBERS):
            for specific, generic in ((f"{ch}经", "街"), (f"{ch}纬", "路")):
                if county == CENTRAL[n % 3]:
                    add(
                        _place(
                            specific,
                            generic,
                            Category.STREET,
                            counties.get(county, county),
                            rng,
                            long_ago + timedelta(days=rng.randint(0, 3000)),
                            area=CENTRAL_AREA,
                            location="丹东市中心城区，经街南北走向、纬路东西走向",
                        ),
                        CENTRAL_AREA,
                    )
    for specific, generic in (*_NATURAL, *_PARKS, *_FACILITY, *_OTHER):
        county = rng.choice(list(SEATS))
        category = (
            Category.NATURAL
            if (specific, generic) in _NATURAL
            else (
                Category.PARK
                if (specific, generic) in _PARKS
                else (Category.OTHER if (specific, generic) in _OTHER else Category.FACILITY)
            )
        )
        add(
            _place(specific, generic, category, counties.get(county, county), rng, date(2010, 6, 1)),
            f"{category}{specific}",
        )
    attempts = 0
    while len(names) < count and attempts < count * 20:
        attempts += 1
        county = rng.choice(list(SEATS))
        code = counties.get(county, county)
        roll = rng.random()
        approved = long_ago + timedelta(days=rng.randint(0, 5000))
        if county in CENTRAL and roll < 0.45:
            add(
                _place(
                    rng.choice(_STREET_SPECIFIC),
                    rng.choice(_STREET_GENERIC),
                    Category.STREET,
                    code,
                    rng,
                    approved,
                    area=CENTRAL_AREA,
                ),
                CENTRAL_AREA,
            )
        elif county in CENTRAL or roll < 0.3:
            add(
                _place(
                    rng.choice(_ESTATE_SPECIFIC),
                    rng.choice(_ESTATE_GENERIC),
                    Category.ESTATE,
                    code,
                    rng,
                    approved,
                    area=CENTRAL_AREA if county in CENTRAL else "",
                ),
                CENTRAL_AREA if county in CENTRAL else county,
            )
        else:
            specific = (
                rng.choice(_VALLEY) + rng.choice(_VALLEY) + rng.choice(("家", "大", "小", "石", "", "树"))
            )
            add(
                _place(specific, rng.choice(_VALLEY_GENERIC), Category.NATURAL, code, rng, approved),
                f"nat{county}",
            )
    return names


def _county_codes() -> dict[str, str]:
    """12-digit codes of 丹东's counties (the six of the demo, whether or not the division table has them)."""
    return {c: c.ljust(12, "0") for c in SEATS} | {
        c[:6]: c
        for c in Division.objects.filter(code__startswith=CITY, level=3, valid_to__isnull=True).values_list(
            "code", flat=True
        )
    }


def _boundaries(rng: random.Random) -> tuple[int, int]:
    """振安区 with 宽甸满族自治县 and with 凤城市: lines, 界桩 (A/B pairs where the line crosses a road), rounds."""
    zhenan, kuandian, fengcheng = "210604000000", "210624000000", "210682000000"
    specs = (
        (
            kuandian,
            "振安区—宽甸满族自治县界线",
            [(124.50, 40.28), (124.56, 40.33), (124.61, 40.37), (124.66, 40.42)],
            "振安区与宽甸满族自治县行政区域界线协议书",
            date(2001, 9, 20),
            [date(2010, 10, 12), date(2015, 9, 18), date(2020, 10, 15)],
        ),
        (
            fengcheng,
            "振安区—凤城市界线",
            [(124.22, 40.27), (124.29, 40.30), (124.35, 40.33), (124.42, 40.31)],
            "振安区与凤城市行政区域界线协议书",
            date(2002, 6, 12),
            [date(2012, 8, 30), date(2017, 9, 5), date(2022, 9, 27)],
        ),
    )
    markers = 0
    for other, name, coords, agreement, agreed_on, rounds in specs:
        code = line_code_for(zhenan, other)
        line = BoundaryLine.objects.create(
            code=code,
            name=name,
            side_a_code=zhenan,
            side_b_code=other,
            agreement=agreement,
            agreed_on=agreed_on,
            approved_by="辽宁省人民政府",
            map_version=f"{agreed_on.year}年版界线详图（演示）",
            length_km=Decimal(str(round(rng.uniform(38, 62), 2))),
            geometry={"type": "LineString", "coordinates": [list(c) for c in coords]},
        )
        for n, (lng, lat) in enumerate(coords):
            seq = n + 1
            pair = n % 2 == 1
            for side, letter in (
                ((zhenan, "A"), (other, "B")) if pair else ((zhenan if n % 3 else other, "Q"),)
            ):
                BoundaryMarker.objects.create(
                    line=line,
                    number=f"{code}{seq:03d}{letter}",
                    type_code=letter,
                    longitude=Decimal(str(lng + (0.0004 if letter == "B" else 0))),
                    latitude=Decimal(str(lat)),
                    material="花岗岩",
                    responsible_code=side,
                    installed_on=agreed_on + timedelta(days=40),
                )
                markers += 1
        for number, on in enumerate(rounds, start=1):
            JointInspection.objects.create(
                line=line,
                round_number=number + 1,
                inspected_on=on,
                participants="振安区民政局、相邻县（市）民政局、乡镇人民政府",
                findings="界桩完好，界线清楚，无争议"
                if number < len(rounds)
                else "1个界桩移位，已约定汛后修复",
                filed_on=on + timedelta(days=30),
            )
        first = line.markers.order_by("number").first()
        MarkerInspection.objects.create(
            marker=first,
            inspected_on=rounds[-1],
            condition="good",
            inspector="乡镇巡查员",
            photo_reference=f"{first.number}-{rounds[-1].year}",
        )
    return 2, markers


@transaction.atomic
def load_demo(*, seed: int = 20261201, count: int = 2000, today: date | None = None) -> Summary:
    today = today or date.today()
    rng = random.Random(seed)
    s = Summary()
    s.changes, _ = division_changes.load_history()
    BannedWord.objects.bulk_create(
        [BannedWord(term=t, kind=k, source=src) for t, k, src in BANNED], ignore_conflicts=True
    )
    counties = _county_codes()
    places = _names(rng, count, counties)
    PlaceName.objects.bulk_create(places, batch_size=500)
    s.names = len(places)
    # 地名保护名录: the names of long standing
    PlaceName.objects.filter(specific__in=("锦江山", "凤凰", "鸭绿", "一经", "一纬")).update(
        protected=True, protection_note="千年古县、历史地名，列入地名保护名录（演示）"
    )
    # 标准地址 along a few streets
    for place in PlaceName.objects.filter(category=Category.STREET.value).order_by("pk")[:5]:
        StandardAddress.objects.bulk_create(
            [
                StandardAddress(
                    place=place,
                    house_number=str(n),
                    division_code=place.division_code,
                    full_text=f"辽宁省丹东市{place.full_name}{n}号",
                )
                for n in range(1, 21)
            ]
        )
    # names approved lately whose 备案/公告 clocks still run
    for place in PlaceName.objects.filter(category=Category.ESTATE.value).order_by("-pk")[:3]:
        place.approved_on, place.filed_on, place.announced_on = (
            today - timedelta(days=rng.randint(2, 9)),
            None,
            None,
        )
        place.save(update_fields=["approved_on", "filed_on", "announced_on"])
    s.lines, s.markers = _boundaries(rng)
    caseworker = User.objects.filter(username="county_caseworker").first()
    if caseworker:
        NamingApplication.objects.create(
            kind=ApplicationKind.NAMING,
            specific="江语",
            generic="路",
            category=Category.STREET.value,
            division_code="210602000000",
            built_up_area=CENTRAL_AREA,
            location_text="东起锦山大街，西至滨江路",
            reasons="新建道路需要命名",
            applicant="元宝区住房和城乡建设局",
            assessment_report="综合评估报告（演示）",
            expert_report="专家论证报告（演示）",
            consultation_report="征求意见报告（演示）",
            received_on=today - timedelta(days=3),
            received_by=caseworker,
        )
        s.applications = 1
    return s
